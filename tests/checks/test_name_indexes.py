"""The name checks' per-link indexes answer exactly as the word-by-word tests they replace."""
import random

from audit.checks.names.common import word_keys
from audit.checks.names.strict_words import Keyed, _keyed
from audit.extract.text import phonetic_key

TEXTS = {
    "sv": "Ministern Kavanaughs besök i Uppsala och Glasgows hamn, där Trumporganisationens chef talade",
    "bn": "ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভ বলেন যে রাশিয়া ও চীনের মধ্যে আলোচনা চলছে",
    "ar": "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات بين روسيا والصين مستمرة",
}


def test_keyed_index_agrees_with_the_word_by_word_test():
    rng = random.Random(7)
    for lang, text in TEXTS.items():
        words = word_keys(text, lang)
        index = Keyed(words, lang)
        candidates = {k for *_, ks in words for k in ks}
        candidates |= {k[:n] for k in list(candidates) for n in range(len(k))}
        candidates |= {k + x for k in list(candidates) for x in ("a", "lm", "tsn", "krnl")}
        candidates |= {phonetic_key(w) for w in ("Kremlin", "Peskov", "Uppsala", "Glasgow", "Moskva", "Beijing")}
        for keys in [tuple(rng.sample(sorted(candidates), rng.randint(1, 3))) for _ in range(400)]:
            assert index.has(keys) == _keyed(keys, words, lang), (lang, keys)
        assert index.has((phonetic_key("Uppsala" if lang == "sv" else "Peskov"),)) is True
        assert index.has(("zzzzqq",)) is False
