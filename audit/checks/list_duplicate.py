"""list-duplicate: an enumeration names the same member twice.

Repetition is often the source's ("Lies, lies and more lies", "No, no, no",
"Quebec City, Quebec"), and a list read at a wrong boundary makes one of its own
(", fever, fever signs" cut to "fever, fever"). A repeated member is reported
when no other translation of the paragraph repeats anything (a repetition every
translation has is the source's), and either it is a name (capitalised at every
occurrence in a cased script; in a caseless one, written with capitals by a cased
translation) or, a common word, every occurrence of it is a whole member,
closed by a separator or a conjunction, and another translation is there to
show the source does not repeat.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import regex

from ..extract.morphology import elided, glues_conjunctions
from ..extract.names import boundary_words, strip_clitic
from ..extract.lists import _MAX_ITEM_WORDS, _articles, _conjunctions, _separators, _unspaced_conjunctions
from ..extract.text import TOKEN, fold, is_cased_script, load_data, remember, tokens
from ..languages import language_script
from ..model import Fact
from ..punctuation import MEMBER_QUOTES
from .base import Check, GroupContext, location
from .names.common import word_keys
from .names.keys import word_meets

# One finding per repeated member, whatever the count: a paragraph that names one
# member 15,000 times is one finding with its first few occurrences (issue 18).
_MAX_LOCATIONS = 3
_MAX_SHOWN = 12  # members quoted in a message or in ``values``


@lru_cache(maxsize=100000)
def member_key(member: str, lang: str) -> str:
    """Within one document, members are compared as written (folded, clitics and a leading
    article off: "el tratamiento" is "tratamiento", "l'hélicase" "hélicase"): phonetic keys
    are for meeting other scripts and are too coarse here."""
    words = [fold(strip_clitic(w, lang)) for w in member.split()]
    articles = _articles(lang)
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
    if words:
        words[0] = elided(words[0]) or words[0]
    return " ".join(words)


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
    rationale = ("A list that names one member twice has lost the member the repetition replaced. A "
                 "repetition another translation shares is the source's; a repeated common word is a "
                 "warning, read after the names.")
    messages = {
        "repeated": "the list '{listed}' names '{member}' {times} times",
        "repeated_unmarked": "the list '{listed}' names '{member}' {times} times, {unmarked} more not marked",
    }

    def run(self, ctx: GroupContext):
        linked = _linked(ctx)
        for doc, i, pf in ctx.paragraph_facts():
            for f in pf.lists:
                if f.short:
                    continue  # "A, A" is a repetition, not a list read wrong
                keys = [member_key(m, doc.language) for m in f.members]
                for key, c in Counter(keys).items():
                    if c < 2 or len(key.replace(" ", "")) < 2:
                        continue
                    member = f.members[keys.index(key)]
                    others = [(ctx.documents[d], j) for d, j in linked.get((doc.id, i), ())]
                    said = [m for m, k in zip(f.members, keys) if k == key]
                    spans = [f.spans[j] for j, v in enumerate(keys) if v == key]
                    why = reported(doc, i, said, spans, f.spans[0], others, ctx)
                    if why is None:
                        continue
                    locs = [location(doc, i, Fact(member, s, e)) for s, e in spans[:_MAX_LOCATIONS]]
                    listed = ", ".join(shown(f.members))
                    outcome = "repeated_unmarked" if c > _MAX_LOCATIONS else "repeated"
                    finding = self.finding(
                        ctx, self.message(outcome, listed=listed, member=member, times=c, unmarked=c - _MAX_LOCATIONS),
                        locs, subject=f"{doc.id}|{_list_subject(f.keys)}|{key}",
                        expected=None, found=f"{member} ({c} times)",
                        values=((doc.id, shown(f.members, 50)),),
                    )
                    if why == "word" and self.severity == type(self).severity:
                        finding = replace(finding, severity="warning")  # a common word: read it second
                    yield finding
            yield from self._in_a_row(ctx, doc, i, pf, linked)

    def _in_a_row(self, ctx, doc, i, pf, linked):
        """A member written twice in a row around a conjunction, where no list is read: a
        language that glues its conjunction to the member writes a list without separators
        ("ريفلون وإيسي وتويزرمان": وتويزرمان وتويزرمان), and any language may join its members
        by conjunctions alone ("A أو X أو X أو B"). It is a repeated member when no other
        translation repeats it and it is a name by the cased translations, or, a common
        word, when both occurrences are inner pieces of the chain (a conjunction before and
        after them: "more and more" is no list)."""
        text, lang = doc.paragraphs[i].text, doc.language
        conj = _conjunctions(lang)
        glued = [c for c in conj if len(c) == 1] if glues_conjunctions(lang) else []
        if not conj:
            return
        toks = tokens(text)
        bare = _bare_words(toks, lang)
        if len(set(bare)) == len(bare):
            return  # no word written twice
        # a member of n words twice: its first word again n words on, or n + 1 (a conjunction between)
        again = {d: {k for k, (a, b) in enumerate(zip(bare, bare[d:])) if a == b} for d in range(1, _MAX_ITEM_WORDS + 2)}
        if not any(again.values()):
            return
        folded = [fold(t) for _, _, t in toks]
        listed = None
        seen = set()
        for n in range(1, _MAX_ITEM_WORDS + 1):
            for k in sorted(x for x in again[n] | again[n + 1] if x < len(toks) - 2 * n + 1):
                second = folded[k + n]
                if bare[k:k + n] == bare[k + n:k + 2 * n] and any(second.startswith(c) for c in glued):
                    gap = 0  # وتويزرمان وتويزرمان: the conjunction is glued to the second
                elif second in conj and bare[k:k + n] == bare[k + n + 1:k + 2 * n + 1]:
                    gap = 1
                else:
                    continue
                key = " ".join(bare[k:k + n])
                if listed is None:
                    listed = {member_key(m, lang) for f in pf.lists for m in f.members}
                if key in seen or key in listed or len(key.replace(" ", "")) < 3:
                    continue  # a list read here already names it
                seen.add(key)
                b = k + n + gap
                spans = [(toks[k][0], toks[k + n - 1][1]), (toks[b][0], toks[b + n - 1][1])]
                said = [text[x:y] for x, y in spans]
                others = [(ctx.documents[d], j) for d, j in linked.get((doc.id, i), ())]
                if not others or _the_sources(ctx, said[0], lang, others, (doc, i, spans)):
                    continue
                chained = _chained(folded, k, b + n, conj, glued)
                if gap and not chained and not _opens(text, spans[0][0], lang):
                    continue  # "آرتھو کوروناویرینا یا کوروناویرینا": the first is the end of a longer member
                name = _a_name(said, lang, is_cased_script(text), others)
                if not name and not chained:
                    continue
                locs = [location(doc, i, Fact(w, x, y)) for w, (x, y) in zip(said, spans)]
                finding = self.finding(
                    ctx, self.message("repeated", listed=text[spans[0][0]:spans[1][1]], member=said[1], times=2),
                    locs, subject=f"{doc.id}|glued|{key}", expected=None, found=f"{said[1]} (2 times)",
                    values=((doc.id, said),))
                if not name and self.severity == type(self).severity:
                    finding = replace(finding, severity="warning")  # a common word: read it second
                yield finding


# language -> word -> the word folded, without a clitic: a batch's vocabulary is far
# smaller than its words (bounded: text.remember)
_BARE: dict[str, dict[str, str]] = {}


def _bare_words(toks, lang: str) -> list[str]:
    known = _BARE.get(lang)
    if known is None:
        known = _BARE[lang] = {}
    out = []
    for _, _, t in toks:
        b = known.get(t)
        if b is None:
            b = remember(known, t, fold(strip_clitic(t, lang)))
        out.append(b)
    return out


def _chained(folded: list[str], first: int, after: int, conj, glued) -> bool:
    """A conjunction before the token ``first`` (or glued to it) and at the token ``after``."""
    def joins(w):
        return w in conj or any(w.startswith(c) and len(w) > len(c) + 1 for c in glued)
    return after < len(folded) and joins(folded[after]) and \
        ((first > 0 and folded[first - 1] in conj) or any(folded[first].startswith(c) for c in glued))


def reported(doc, i, said, spans, first, others, ctx) -> str | None:
    """Whether a member repeated at ``spans`` of paragraph ``i`` is a finding, and why:
    "name", "word" (a common word, less sure) or None (``first``: the span of the
    list's first member, which may have been cut from a longer one)."""
    lang, text = doc.language, doc.paragraphs[i].text
    cased = is_cased_script(text)
    if _the_sources(ctx, said[0], lang, others, (doc, i, spans)):
        return None
    if _a_name(said, lang, cased, others):
        return "name"
    if others and all(_whole(text, e, lang) for _, e in spans) and \
            (spans[0] != first or _opens(text, spans[0][0], lang)) and not _joined_pair(text, spans, lang):
        return "word"
    return None


def _the_sources(ctx, member: str, lang: str, others, here=None) -> bool:
    """Enough of the other translations repeat too that the repetition is the source's:
    one of a few, a quarter of many (among fifteen translations, one reads a list at
    another boundary or writes a word twice by chance; it does not speak for the source).

    ``here`` (document, paragraph, the repeated member's spans) is the flagged paragraph.
    Another translation that writes the member twice speaks for the source only when it
    writes it as often as this paragraph does (every translation writes "beta-CoV" again
    after the list; the one whose list names it twice writes it once more). One whose list
    repeats another member, which this paragraph writes twice too away from its own
    repetition, shows the source repeating that member, not this one."""
    docs = {o.id for o, _ in others}
    if not docs:
        return False
    times, inside = 2, 2
    if here is not None:
        doc, i, spans = here
        inside = max(2, len(spans))
        times = max(inside, len(_occurrences(ctx, member, lang, doc, i)))
    key = member_key(member, lang)
    repeating = {o.id for o, j in others if _repeats(ctx, o, j, here, key)} | \
        _repeated_elsewhere(ctx, member, lang, others, times, inside)
    return len(repeating) >= max(1, len(docs) // 4)


def _joined_pair(text: str, spans, lang: str) -> bool:
    """A common word written twice around the list's conjunction ("நீர், சுகாதாரம் மற்றும்
    சுகாதாரம்": sanitation and hygiene are one word in Tamil): a language with one word for
    two of the source's, as likely as a slip. Not when a conjunction follows the second
    ("الإسهال أو الإسهال أو الاثنين معًا", diarrhoea or diarrhoea or both): a chain goes on
    past it, and one of its members was replaced."""
    if len(spans) != 2:
        return False
    conj = _conjunctions(lang)
    between = [fold(t) for _, _, t in tokens(text[spans[0][1]:spans[1][0]])]
    after = tokens(text[spans[1][1]:spans[1][1] + 40])
    if after and not text[spans[1][1]:spans[1][1] + after[0][0]].strip() and fold(after[0][2]) in conj:
        return False  # (offsets in the slice)
    return len(between) == 1 and between[0] in conj


def _repeats(ctx, doc, j, here=None, key=None) -> bool:
    """The paragraph repeats a member of one of its lists, or writes one piece twice
    between separators ("No, no, no"; "Penipuan, penipuan dan ..."), and, given ``here``
    (the flagged paragraph and its repeated member's spans), that paragraph does not
    write the repeated member twice too away from its own repetition ("lopinavir/ritonavir
    and lopinavir/ritonavir with interferon" is the source's, in every translation). A
    repeated member whose key is the flagged member's ``key`` always speaks for the source:
    the flagged paragraph may write that name again where the others write a pronoun."""
    repeated = []
    for f in ctx.facts[doc.id][j].lists:
        keys = [member_key(m, doc.language) for m in f.members]
        repeated += [m for k, m in zip(keys, f.members) if keys.count(k) > 1][:1]
    pieces = [fold(p.strip(MEMBER_QUOTES)) for p in _separators().split(doc.paragraphs[j].text)]
    repeated += [a for a, b in zip(pieces, pieces[1:])
                 if a and (a == b or b.startswith(a + " ")) and len(a.split()) <= _MAX_ITEM_WORDS]
    if not repeated or here is None:
        return bool(repeated)
    flagged, i, spans = here
    return not all(_written_twice_apart(ctx, r, doc.language, flagged, i, spans)
                   and member_key(r, doc.language) != key for r in repeated)


def _written_twice_apart(ctx, member: str, lang: str, doc, i, spans) -> bool:
    """Paragraph ``i`` of ``doc`` writes ``member`` (of language ``lang``) twice outside ``spans``."""
    apart = [(s, e) for s, e in _occurrences(ctx, member, lang, doc, i)
             if not any(s < b and a < e for a, b in spans)]
    return len(apart) >= 2


def _whole(text: str, end: int, lang: str) -> bool:
    """The member ends its piece: punctuation or a conjunction follows it (read in
    place, without copying the rest of the paragraph: a list may repeat a word
    thousands of times)."""
    pos = _SPACE.match(text, end).end()
    if pos == len(text) or not text[pos].isalnum():  # a separator or the clause's end
        return True
    word = TOKEN.match(text, pos)
    if word is None:
        return False
    w = fold(word.group())
    conj = _conjunctions(lang)
    if any(w.startswith(c) for c in _unspaced_conjunctions(lang)):
        return True  # "医院和重症监护病房": a script without spaces writes its conjunction glued
    return w in conj or any(w.startswith(c) and len(w) > len(c) + 1 for c in conj if len(c) == 1 and
                            glues_conjunctions(lang))


_SPACE = regex.compile(r"\s*")


def _opens(text: str, start: int, lang: str) -> bool:
    """The member starts its piece: a separator, a clause's start or a boundary word
    ("between", "and") is before it ("летучие мыши, мыши" is bats and mice)."""
    if start and unicodedata.category(text[start - 1]) == "Pd":
        return False  # "முன்-தொடக்க நிலை": the member was cut from a hyphenated word
    head = text[:start].rstrip()
    if not head or head[-1] in load_data("lists.yaml")["separators"] or \
            not (head[-1].isalnum() or unicodedata.category(head[-1])[0] == "M"):
        return True  # a vowel sign ends a word too (बिहानको)
    toks = tokens(head[-40:])
    return bool(toks) and fold(toks[-1][2]) in boundary_words(lang)


def _linked(ctx: GroupContext) -> dict[tuple[str, int], list[tuple[str, int]]]:
    """(document, paragraph) -> the paragraphs of other documents linked to it."""
    out: dict = {}
    for link in ctx.alignment.links:
        for d, idx in link.members:
            for i in idx:
                out.setdefault((d, i), []).extend((e, j) for e, jdx in link.members if e != d for j in jdx)
    return out


def _a_name(occurrences, lang, cased, others) -> bool:
    """Capitalised at every occurrence in a cased script, and, when other cased
    translations are there, written with capitals by one of them (Swahili writes "Vyuo na
    Vyuo vikuu", colleges and universities, with a capital no other translation gives);
    in a caseless script, written with capitals by a cased translation."""
    if cased and not all(_capitalised(m) for m in occurrences):
        return False
    if cased and not any(is_cased_script(doc.paragraphs[j].text) for doc, j in others):
        return True
    words = [keys for *_, keys in word_keys(occurrences[0], lang)]
    if not words or max(len(k) for w in words for k in w) < 2:
        return False  # a one-letter key meets some capitalised word of any text: no evidence of a name
    for doc, j in others:
        text = doc.paragraphs[j].text
        if not is_cased_script(text):
            continue
        caps = [keys for s, e, t, keys in word_keys(text, doc.language) if t[:1].isupper()]
        if words and all(any(word_meets(w, c) for c in caps) for w in words):
            return True
    return False


def _capitalised(member: str) -> bool:
    letters = [t for _, _, t in tokens(member) if t[:1].isalpha()]
    return bool(letters) and letters[0][:1].isupper() and sum(t[:1].isupper() for t in letters) * 2 >= len(letters)


def _repeated_elsewhere(ctx, member, lang, others, times: int = 2, inside: int = 2) -> set[str]:
    """The other translations that write the member twice or more in their paragraph (the
    source repeats it): word by word (``_occurrences``). As many times as the flagged list
    names it (``inside``) is enough; ``times`` (as often as the flagged paragraph writes it)
    is asked only of a translation whose own list names the member once, its other
    occurrences outside that list (every translation writes "beta" again after the list;
    the flagged one's list names it twice). A translation with no such list may write a
    pronoun where the flagged one writes the name again."""
    out = set()
    for doc, j in others:
        found = _occurrences(ctx, member, lang, doc, j)
        if len(found) < inside:
            continue
        members = [sp for f in ctx.facts[doc.id][j].lists for sp in f.spans]
        listed = sum(1 for s, e in found if any(a <= s and e <= b for a, b in members))
        if listed == 1 and len(found) < times:
            continue
        out.add(doc.id)
    return out


def _occurrences(ctx, member: str, lang: str, doc, j) -> list[tuple[int, int]]:
    """Where paragraph ``j`` of ``doc`` writes ``member`` (written in language ``lang``):
    folded word by word in the same script, or where the paragraph writes the member as
    written (a Bengali list's CNN in a Hindi paragraph's Latin CNN: then its Devanagari
    words are other words, whatever their keys); by key across scripts otherwise. An
    occurrence inside a longer member of one of the paragraph's lists is that member's
    (chloroquine in "hydroxy chloroquine"). Character spans in the paragraph."""
    text = doc.paragraphs[j].text
    want = [fold(strip_clitic(t, lang)) for _, _, t in tokens(member)]  # codes with their figures (HCoV-HKU1)
    if not want:
        return []
    toks = tokens(text)
    words = [fold(strip_clitic(t, doc.language)) for _, _, t in toks]
    n = len(want)
    spans = [(toks[s][0], toks[s + n - 1][1]) for s in range(len(words) - n + 1) if words[s:s + n] == want]
    if language_script(doc.language) != language_script(lang) and not spans:
        own, got = word_keys(member, lang), word_keys(text, doc.language)
        if not own or max(len(k) for *_, w in own for k in w) < 2:
            return []  # a one-letter key (Essie, إيسي: s) meets any such word of another script: no evidence
        n = len(own)
        spans = [(got[s][0], got[s + n - 1][1]) for s in range(len(got) - n + 1)
                 if all(own[m][3] & got[s + m][3] for m in range(n))]
    width = len(member_key(member, lang).split())
    longer = [(a, b) for f in ctx.facts[doc.id][j].lists for m, (a, b) in zip(f.members, f.spans)
              if len(member_key(m, doc.language).split()) > width]
    return [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in longer)]
