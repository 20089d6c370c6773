"""The small-word pass of the number vote: the small numbers ("two") a link's translations
spell out, which the vote leaves out as weak evidence, read back where they tell what another
translation's lone count stood for (två -> fyra); and the per-document view of a vote that
both the vote and this pass build findings from."""
from __future__ import annotations

from functools import lru_cache

from ..languages import wordfreq_languages
from ..extract.numwords import lexicon
from ..extract.text import folded_words, remember, tokens
from ..model import NumberFact
from .base import GroupContext
from .numbers_equiv import written_anyway
from .vote import Vote

# Spelled-out values this small are articles, duals and idioms as often as counts ("a", "both").
SMALL = 2


def _per_doc(keyed: dict, v) -> dict:
    """value -> (paragraph, fact) per document for a vote: the occurrences it is about, else
    first occurrences."""
    per_doc = {d: {key[0]: hit for key, hit in sorted(vals.items(), key=lambda kv: -kv[0][1])}
               for d, vals in keyed.items()}  # first occurrences by default
    for d, key in v.flagged:  # the occurrences this vote is about
        if key is not None:
            per_doc[d][key[0]] = keyed[d][key]
    for d in v.support:
        per_doc[d][v.expected[0]] = keyed[d][v.expected]
    return per_doc


class _SmallWords:
    """The small numbers (two) a link's translations spell out, which the vote leaves out as
    weak evidence (an article, a dual, "both"): they still tell what a number word stood for
    where the others write "two" and one translation another count (två -> fyra), or one
    writes "two" where the others give another count. Keys of these are (value, 0)."""

    def __init__(self, ctx: GroupContext, present, keyed: dict):
        self.ctx, self.present, self.base = ctx, dict(present), keyed
        self.keyed = keyed  # with the small words of the votes made here added
        self._words: dict = {}

    def words(self, d: str) -> dict:
        """small value -> (paragraph, fact) of the first small number word of ``d`` here."""
        if d not in self._words:
            self._words[d] = _small_words(self.ctx, d, self.present[d])
        return self._words[d]

    def gives(self, d: str, value) -> bool:
        return value in self.words(d) or any(key[0] == value for key in self.base[d])

    def _add(self, d: str, value) -> tuple:
        if self.keyed is self.base:
            self.keyed = {x: dict(vals) for x, vals in self.base.items()}
        self.keyed[d][(value, 0)] = self.words(d)[value]
        return (value, 0)

    def replacing(self, v: Vote) -> Vote:
        """A count most translations give that ``d`` lacks, where ``d`` alone spells a small
        number: a mismatch (three -> two), not a number left out."""
        (d, _), = v.flagged
        e = v.expected[0]
        if isinstance(e, str) or not isinstance(e, int) or not SMALL < e <= _COUNT_WORDS:
            return v
        own = [w for w in self.words(d) if 2 * sum(self.gives(s, w) for s in v.support) < len(v.support)]
        if len(own) != 1:
            return v
        doc = self.ctx.documents[d]
        text = " ".join(doc.paragraphs[j].text for j in self.present[d])
        if written_anyway(e, text, doc.language):
            return v
        found = self._add(d, own[0])
        return Vote("mismatch", ((d, found),), v.support, v.expected, found)

    def replaced_by_count(self, reported: set, abstain: set):
        """Plain mismatch votes for a count spelled out in one translation alone where at least
        half of the others, two or more, spell a small number it lacks (två -> fyra)."""
        docs = list(self.base)
        for d in docs:
            if d in abstain:
                continue
            others = [x for x in docs if x != d]
            extra = [(key, i, f) for key, (i, f) in self.base[d].items()
                     if not any(self.gives(x, key[0]) for x in others)]
            if len(extra) != 1:
                continue  # one number the others lack, or a sentence that says more than theirs
            key, i, f = extra[0]
            text = self.ctx.documents[d].paragraphs[i].text
            if not (key[1] == 1 and isinstance(f, NumberFact) and f.form == "word" and not f.ordinal
                    and isinstance(key[0], int) and SMALL < key[0] <= _COUNT_WORDS and (d, i, f.start) not in reported
                    and len(tokens(f.text)) == 1 and _standalone(text, f.start, f.end, self.ctx.documents[d].language)
                    and not _mostly_another_word(f.text, key[0], self.ctx.documents[d].language)):
                continue
            for w in sorted({w for x in others for w in self.words(x)} - set(self.words(d))):
                if self.gives(d, w):
                    continue
                support = tuple(x for x in others if self.gives(x, w) and x not in abstain)
                if len(support) < 2 or 2 * len(support) < len(others):
                    continue
                expected = (w, 0)
                for x in support:
                    if w in self.words(x):
                        self._add(x, w)
                    else:
                        self.keyed[x][expected] = next(hit for k, hit in self.base[x].items() if k[0] == w)
                reported.add((d, i, f.start))
                yield Vote("mismatch", ((d, key[0]),), support, w, key[0])
                break

    def per_doc(self, v: Vote) -> dict:
        (d, found), = v.flagged
        return _per_doc(self.keyed, Vote(v.kind, ((d, (found, 1)),), v.support, (v.expected, 0), (found, 1)))


# the counts a number word of a translation alone may stand for "two" in the others
_COUNT_WORDS = 12


def _small_words(ctx: GroupContext, d: str, indices) -> dict:
    """small value -> (paragraph, fact) for the small cardinals ``d`` spells in these paragraphs
    (articles and duals the extractor leaves out included), outside any number it reads."""
    lang = ctx.documents[d].language
    lex = lexicon(lang)
    known = _SMALL_VALUES.setdefault(lang, {})
    out: dict = {}
    for i in indices:
        text = ctx.documents[d].paragraphs[i].text
        pf = ctx.facts[d][i]
        spans = [(f.start, f.end) for f in pf.numbers + pf.dates]
        folded = folded_words(text)  # what lex.lookup folds each token to
        # the words that are a small cardinal, by one look-up per distinct word for the process
        small = [(k, value) for k, w in enumerate(folded)
                 if (value := known.get(w) if w in known else _small_value(lex, w, known))]
        toks = tokens(text) if small else ()
        for k, value in small:
            s, e, _ = toks[k]
            if any(a < e and s < b for a, b in spans):
                continue
            if _standalone(text, s, e, lang):
                out.setdefault(value, (i, NumberFact(text[s:e], s, e, value, form="word")))
        for f in pf.numbers:
            if isinstance(f, NumberFact) and f.form == "word" and not f.ordinal and f.value in range(2, SMALL + 1) \
                    and _standalone(text, f.start, f.end, lang):
                out.setdefault(f.value, (i, f))
    return out


def _small_value(lex, word: str, known: dict) -> int:
    """The value of the folded ``word`` when the lexicon reads it as a small cardinal (2 to
    SMALL), else 0; remembered in ``known``."""
    hit = lex.lookup_folded(word)
    return remember(known, word, hit.value if hit and hit.kind == "num" and not hit.ordinal and 2 <= hit.value <= SMALL else 0)


_SMALL_VALUES: dict[str, dict[str, int]] = {}  # language -> folded word -> its small cardinal value, or 0


@lru_cache(maxsize=4096)
def _mostly_another_word(word: str, value: int, lang: str) -> bool:
    """Whether a number word is far more frequent (wordfreq) than the words for the numbers
    next to it: mostly another word of the same spelling (Persian نه: nine, and "not")."""
    from wordfreq import zipf_frequency

    if lang not in wordfreq_languages():
        return False
    lex = lexicon(lang)
    try:
        near = [zipf_frequency(w, lang) for w, (v, ordinal) in lex.words.items() if not ordinal and v in (value - 1, value + 1)]
        return bool(near) and zipf_frequency(word, lang) > max(near) + 0.5
    except Exception:  # noqa: BLE001 - a language whose tokeniser wordfreq needs from elsewhere (jieba, mecab)
        return False


def _standalone(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the number word at ``start:end`` stands alone: no digits, number word or
    magnitude next to it, past a connector ("a hundred and two", "38 и 9" are other numbers)."""
    lex = lexicon(lang)

    def number_at(toks) -> bool:
        for _, _, t in toks:
            if any(ch.isdigit() for ch in t):
                return True
            hit = lex.lookup(t)
            if hit is None or hit.kind != "conn":
                return hit is not None
        return False

    before = tokens(text[max(0, start - 40):start])
    after = tokens(text[end:end + 40])
    return not number_at(before[::-1][:2]) and not number_at(after[:2])
