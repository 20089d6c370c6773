"""list-duplicate: an enumeration names the same member twice."""
from __future__ import annotations

import hashlib
from collections import Counter

from ..extract.names import strip_clitic
from ..extract.text import fold
from ..model import Fact
from .base import Check, GroupContext, location

# One finding per repeated member, whatever the count: a paragraph that names one
# member 15,000 times is one finding with its first few occurrences (issue 18).
_MAX_LOCATIONS = 3
_MAX_SHOWN = 12  # members quoted in a message or in ``values``


def member_key(member: str, lang: str) -> str:
    """Within one document, members are compared as written (folded, clitics off):
    phonetic keys are for meeting other scripts and are too coarse here."""
    return " ".join(fold(strip_clitic(w, lang)) for w in member.split())


def shown(members, limit: int = _MAX_SHOWN) -> list[str]:
    """The members as a reader is shown them: the first ``limit`` and how many more."""
    members = list(members)
    if len(members) <= limit:
        return members
    return members[:limit] + [f"… {len(members) - limit} more"]


def _list_subject(value) -> str:
    joined = "/".join(value)
    if len(joined) <= 200:
        return joined
    return "#" + hashlib.sha256(joined.encode()).hexdigest()[:16]


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
                    locs = [location(doc, i, Fact("list", key, member, s, e)) for s, e in spans[:_MAX_LOCATIONS]]
                    listed = ", ".join(shown(f.extra["members"]))
                    more = f", {c - _MAX_LOCATIONS} more not marked" if c > _MAX_LOCATIONS else ""
                    yield self.finding(
                        ctx, f"the list '{listed}' names '{member}' {c} times{more}",
                        locs, subject=f"{doc.id}|{_list_subject(f.value)}|{key}",
                        expected=None, found=f"{member} ({c} times)",
                        values=((doc.id, shown(f.extra["members"], 50)),),
                    )
