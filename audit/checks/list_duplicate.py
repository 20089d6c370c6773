"""list-duplicate: an enumeration names the same member twice."""
from __future__ import annotations

from collections import Counter

from ..extract.names import strip_clitic
from ..extract.text import fold
from ..model import Fact
from .base import Check, GroupContext, location


def member_key(member: str, lang: str) -> str:
    """Within one document, members are compared as written (folded, clitics off):
    phonetic keys are for meeting other scripts and are too coarse here."""
    return " ".join(fold(strip_clitic(w, lang)) for w in member.split())


class ListDuplicate(Check):
    code = "list-duplicate"
    severity = "error"
    description = "A list names the same member twice (one member was probably meant to be another)."

    def run(self, ctx: GroupContext):
        for doc, i, pf in ctx.paragraph_facts():
            for f in pf.lists:
                if f.extra["short"]:
                    continue  # "A, A" is a repetition, not a list read wrong
                keys = [member_key(m, doc.language) for m in f.extra["members"]]
                for key, c in Counter(keys).items():
                    if c < 2 or len(key.replace(" ", "")) < 2:
                        continue
                    member = f.extra["members"][keys.index(key)]
                    spans = [f.extra["spans"][j] for j, v in enumerate(keys) if v == key]
                    locs = [location(doc, i, Fact("list", key, member, s, e)) for s, e in spans]
                    yield self.finding(
                        ctx, f"the list '{f.text}' names '{member}' {c} times",
                        locs, subject=f"{doc.id}|{'/'.join(f.value)}|{key}",
                        expected=None, found=member, values=((doc.id, list(f.extra["members"])),),
                    )
