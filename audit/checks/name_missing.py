"""name-missing: a name the other translations give is absent from one of them."""
from __future__ import annotations

from .names.votes import NameVoteCheck


class NameMissing(NameVoteCheck):
    code = "name-missing"
    severity = "warning"
    description = "A name that the other translations give here is missing from one translation."
    rationale = ("A person or place the other translations name and one leaves out is missing from its "
                 "readers' story. Names are matched by per-word phonetic keys across scripts; a name is one "
                 "when a cased translation capitalises it (or the glossary lists it), and a near miss in the "
                 "paragraph (an inflection, another spelling) counts as present.")
    # On by default with the strict vote (``names.yaml: vote: strict``): 8 of its 9 findings on
    # NTREX and 4 of 5 on TICO-19 are real (benchmarks/real.py), the findings as a whole 15 of 16
    # and 86 of 87. The broad vote (fewer than half real: translators translate organisations,
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
