"""name-substituted: one translation gives a different name where the others agree."""
from __future__ import annotations

from .names.votes import NameVoteCheck, units_key


class NameSubstituted(NameVoteCheck):
    code = "name-substituted"
    severity = "error"
    description = "A translation names someone or somewhere else where the other translations agree on a name."
    rationale = ("A translation that names someone else where the others agree on a name tells another "
                 "story. The replacement is a name of the flagged paragraph that none of the others writes.")
    # On by default with the strict vote, as name-missing: both halves of a substitution (another
    # name of the article here, nothing like the others' name); no finding on the corpora's clean
    # text with it, where the broad vote's were a name spelt beyond the keys beside another name.
    default_enabled = True
    messages = {
        "majority": "{lang} names '{found}' where {n_support} translations ({support_langs}) name '{expected}'",
        "pair": "the two translations disagree: {support_langs} names '{expected}', {lang} names '{found}' "
                "instead",
    }
    subjects = {"majority": "{name}->{replacement}", "pair": "{name}->{replacement}"}
    reports = "substituted"

    def name_placeholders(self, v) -> dict:
        (_, repl, _), = v.flagged
        return {"replacement": units_key(repl.units)}
