"""The tokeniser every extractor and check reads: words with their offsets."""
import random

from audit.extract.text import TOKEN, tokens


def test_words_with_offsets_in_every_script():
    text = "Hà Nội, l’été: কোয়াং ২৬,৭৫০ — كوفيد-19 d'Ivoire '"
    got = tokens(text)
    assert [w for _, _, w in got] == ["Hà", "Nội", "l’été", "কোয়াং", "২৬", "৭৫০", "كوفيد", "19", "d'Ivoire"]
    assert all(text[s:e] == w for s, e, w in got)


def test_same_words_and_offsets_as_matching_the_word_pattern():
    # tokens() sums the lengths of split() pieces; a match per word is the definition
    alphabet = list("ab'’ -.,\u0301\u09bf১5xঅ\n\t_\u200c") + ["\U0001d400"]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        assert tokens(text) == [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)], repr(text)


def test_callers_get_their_own_list():
    first = tokens("one two")
    first.clear()
    assert tokens("one two") == [(0, 3, "one"), (4, 7, "two")]


def test_phonetic_key_is_the_consonant_skeleton_the_rules_define():
    import unicodedata

    from audit.extract.text import _translit_rules, key_source, phonetic_key, translit

    def by_letter(word):  # the rules read one character at a time: what the translate tables must give
        _, classes, drop, drop_inner = _translit_rules()
        s = translit(key_source(word)).replace(" ", "")
        s = ("f" + s[1:]) if s[:1] in drop_inner else s
        s = s[:-1] + "s" if s.endswith("z") else s  # a last z
        s = "".join(ch for i, ch in enumerate(s) if not (i and s[i - 1] == ch != "g"))  # a letter written twice
        if not unicodedata.name(word[:1], "").startswith(("BENGALI", "DEVANAGARI")):  # n before a labial
            s = "".join("m" if ch == "n" and s[i + 1:i + 2] in ("p", "b", "f", "v") else ch for i, ch in enumerate(s))
        s = "".join("ks" if ch == "x" and i and s[i - 1] in "aeiouy" else ch for i, ch in enumerate(s))
        s = "".join(ch for i, ch in enumerate(s) if not (i and ch in drop_inner))
        for src, dst in classes:
            s = s.replace(src, dst)
        out = []
        for ch in s:
            if ch not in drop and not (out and out[-1] == ch):
                out.append(ch)
        return "".join(out) or s[:1]

    assert phonetic_key("Quang") == phonetic_key("কোয়াং") == phonetic_key("كوانغ") == "kn"
    alphabet = list("aeiouhwyvbpfkgqcxszjtdnmlrC ") + ["sh", "ng", "tsh", "ph", "ঙ", "ভ", "و", "ي", "1", "ং", "ц", "х"]
    rnd = random.Random(11)
    for _ in range(3000):
        word = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 10)))
        assert phonetic_key(word) == by_letter(word), repr(word)


def test_a_per_word_memo_starts_again_empty_when_full(monkeypatch):
    """Unspaced scripts make whole clauses tokens: a per-word memo must not grow with the
    text (nor across a Dask worker's runs), and what it returns never depends on it."""
    from audit.extract import text

    monkeypatch.setattr(text, "MEMO_LIMIT", 3)
    memo: dict[str, int] = {}
    assert [text.remember(memo, w, len(w)) for w in ["a", "bb", "ccc", "dddd", "ee"]] == [1, 2, 3, 4, 2]
    assert len(memo) <= 3 and memo["ee"] == 2


def test_a_long_unspaced_paragraph_with_one_latin_word_is_read_as_caseless():
    from audit.extract.names import extract_names

    text = "流感和SARS病毒在中国广东省首次出现" * 2000
    facts = extract_names(text, "zh")
    assert facts and all(not f.cased for f in facts[:5])
