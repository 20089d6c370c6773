"""name-missing: a name the other translations give is absent from one of them."""
from __future__ import annotations

from .names.votes import NameVoteCheck


class NameMissing(NameVoteCheck):
    code = "name-missing"
    severity = "warning"
    description = "A name that the other translations give here is missing from one translation."
    rationale = ("A person or place the other translations name and one leaves out is missing from its "
                 "readers' story. Names are matched by per-word phonetic keys across scripts. With the "
                 "default strict vote a name is reported only when it is rare (word frequencies), the others "
                 "write it here by its key and half the cased ones capitalise it, and the flagged translation "
                 "writes it where the article names it elsewhere, or writes the rest of the name here; a near "
                 "miss in the paragraph (an inflection, another spelling) counts as present.")
    # On by default with the strict vote (config.yaml ``names.vote``): 8 of its 9 findings on
    # NTREX and 5 of 6 on TICO-19 are real (benchmarks/real.py), the findings as a whole 15 of 16
    # and 87 of 88. The broad vote (fewer than half real: translators translate organisations,
    # titles and works, Metropolitan Police = شرطة العاصمة) is for batches where names are
    # transliterated throughout.
    default_enabled = True
    messages = {
        "majority": "{lang} drops '{expected}', which {n_support} translations ({support_langs}) name here",
        "pair": "the two translations disagree: {support_langs} names '{expected}' here, {lang} does not "
                "(it names it elsewhere)",
    }
    subjects = {"majority": "{name}", "pair": "{name}"}
    reports = "missing"
