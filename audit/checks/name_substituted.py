"""name-substituted: one translation gives a different name where the others agree."""
from __future__ import annotations

from .base import Check, GroupContext, lang_of
from .name_missing import name_locations, name_subject
from .names.common import name_votes


class NameSubstituted(Check):
    code = "name-substituted"
    severity = "error"
    description = "A translation names someone or somewhere else where the other translations agree on a name."
    # Off by default, as name-missing: on professional translations its findings were a name
    # spelt beyond the keys' reach beside another name of the line, not a substitution.
    default_enabled = False

    def run(self, ctx: GroupContext):
        for v in name_votes(ctx):
            if v.kind != "substituted":
                continue
            (d, repl, _), = v.flagged
            who = ", ".join(lang_of(ctx, s) for s, _ in v.support)
            if len(v.support) == 1:
                msg = (f"the two translations disagree: {who} names '{v.name.surface}', "
                       f"{lang_of(ctx, d)} names '{repl.surface}' instead")
            else:
                msg = (f"{lang_of(ctx, d)} names '{repl.surface}' where {len(v.support)} translations ({who}) "
                       f"name '{v.name.surface}'")
            yield self.finding(ctx, msg, name_locations(ctx, v),
                               subject=f"{name_subject(v)}->{'/'.join(sorted('+'.join(u) for u in repl.units))}",
                               expected=v.name.surface, found=repl.surface, values=((d, repl.surface),))
