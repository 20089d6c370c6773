"""name-missing in a caseless translation: a name said once that every other translation writes
by its phonetic key, of which the caseless translation writes nothing like it on that line."""
from checkctx import StrictMissing, context, flagged, run


# The coach is named once, on line 2, by every translation.
COACH = {
    "sv": ["Laget spelade en match i går.", "Tränaren Fagerlund berömde spelarna efter matchen.",
           "Nästa match spelas på söndag."],
    "ms": ["Pasukan itu bermain satu perlawanan semalam.", "Jurulatih Fagerlund memuji para pemain selepas perlawanan.",
           "Perlawanan seterusnya pada hari Ahad."],
    "bn": ["দলটি গতকাল একটি ম্যাচ খেলেছে।", "কোচ ফাগারলুন্ড ম্যাচের পরে খেলোয়াড়দের প্রশংসা করেছেন।", "পরের ম্যাচ রবিবার।"],
    "hi": ["टीम ने कल एक मैच खेला।", "कोच फागरलुंड ने मैच के बाद टीम की तारीफ़ की।", "अगला मैच रविवार को है।"],
}


def texts(lang: str | None = None, line: int = 0, text: str = "") -> dict:
    out = {code: (code, list(lines)) for code, lines in COACH.items()}
    if lang:
        out[lang][1][line - 1] = text
    return out


def findings(t: dict) -> list[tuple]:
    return [(f.check, flagged(f), f.expected) for f in run(StrictMissing, context(t))]


def test_a_caseless_translation_that_drops_a_name_said_once_is_flagged():
    assert findings(texts()) == []
    assert findings(texts("hi", 2, "कोच ने मैच के बाद टीम की तारीफ़ की।")) == \
        [("name-missing", [("hi", 2, "")], "Fagerlund")]
