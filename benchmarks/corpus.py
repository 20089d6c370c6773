"""A realistic generated corpus: N articles x L languages, with gold groups and gold discrepancies.

Each article is distinct (its own numbers, dates, names and paragraph order,
drawn from pools), each translation is parallel to the others and written the
way its language writes it: native digits where the language uses them, number
words sometimes, CLDR month and country names, names in the language's script.
Some translations merge two paragraphs. A known set of discrepancies (a number,
a date's day, a country label) is injected and recorded as gold. Seeded and
deterministic.

    .venv/bin/python benchmarks/corpus.py OUT_DIR --articles 200 [--seed 1]
    .venv/bin/python benchmarks/corpus.py OUT_DIR --real-size 1000 [--source corpora|sample]

``--real-size`` writes articles as long as real news instead (10-25 KB, 15-30
paragraphs): see ``generate_real_size``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

LANGS = ("sv", "ms", "bn", "hi", "ar")

PLACES = [  # one name in the five scripts, spelt as the sample's translators spell it
    {"sv": "Quang Ninh", "ms": "Quang Ninh", "bn": "কোয়াং নিন", "hi": "क्वांग निन्ह", "ar": "كوانغ نينه"},
    {"sv": "Lang Son", "ms": "Lang Son", "bn": "ল্যাং সন", "hi": "लैंग सोन", "ar": "لانغ سون"},
    {"sv": "Cao Bang", "ms": "Cao Bang", "bn": "কাও বাং", "hi": "काओ बांग", "ar": "كاو بانغ"},
    {"sv": "Ha Giang", "ms": "Ha Giang", "bn": "হা গিয়াং", "hi": "हा जियांग", "ar": "ها جيانغ"},
    {"sv": "Hai Phong", "ms": "Hai Phong", "bn": "হাই ফং", "hi": "हाई फोंग", "ar": "هاي فونغ"},
    {"sv": "Mong Cai", "ms": "Mong Cai", "bn": "মং কাই", "hi": "मोंग काई", "ar": "مونغ كاي"},
    {"sv": "Nanning", "ms": "Nanning", "bn": "নাননিং", "hi": "नाननिंग", "ar": "نانينغ"},
    {"sv": "Dong Dang", "ms": "Dong Dang", "bn": "দং দাং", "hi": "डोंग डांग", "ar": "دونغ دانغ"},
]
PEOPLE = [
    {"sv": "Nguyen Xuan Thang", "ms": "Nguyen Xuan Thang", "bn": "নগুয়েন জুয়ান থাং", "hi": "न्गुयेन ज़ुआन थांग", "ar": "نجوين شوان ثانغ"},
    {"sv": "Hoang Ba Nam", "ms": "Hoang Ba Nam", "bn": "হোয়াং বা নাম", "hi": "होआंग बा नाम", "ar": "هوانغ با نام"},
    {"sv": "Tran Cuong", "ms": "Tran Cuong", "bn": "ট্রান কুওং", "hi": "त्रान कुओंग", "ar": "تران كوونغ"},
    {"sv": "Chen Gang", "ms": "Chen Gang", "bn": "চেন গাং", "hi": "चेन गांग", "ar": "تشن غانغ"},
]
COUNTRIES = ("CN", "VN", "LA")

TEMPLATES = [
    {"sv": "Delegationen från {p} undertecknade {n} avtal den {date}.",
     "ms": "Delegasi dari {p} menandatangani {n} perjanjian pada {date}.",
     "bn": "{p} প্রতিনিধিদল {date} তারিখে {n}টি চুক্তি স্বাক্ষর করেছে।",
     "hi": "{p} प्रतिनिधिमंडल ने {date} को {n} समझौतों पर हस्ताक्षर किए।",
     "ar": "وقع وفد {p} {n} اتفاقية في {date}."},
    {"sv": "Mässan i {p} lockade {n} besökare under {year}.",
     "ms": "Pameran di {p} menarik {n} pengunjung pada tahun {year}.",
     "bn": "{year} সালে {p} মেলায় {n} জন দর্শনার্থী এসেছিলেন।",
     "hi": "{year} में {p} के मेले में {n} आगंतुक आए।",
     "ar": "اجتذب المعرض في {p} {n} زائرا في عام {year}."},
    {"sv": "Företrädare för {p} ({country}) deltog i mötet om gränshandeln.",
     "ms": "Wakil dari {p} ({country}) menghadiri mesyuarat mengenai perdagangan sempadan.",
     "bn": "{p} ({country}) প্রতিনিধিরা সীমান্ত বাণিজ্য বিষয়ক সভায় উপস্থিত ছিলেন।",
     "hi": "{p} ({country}) के प्रतिनिधियों ने सीमा व्यापार पर बैठक में भाग लिया।",
     "ar": "حضر ممثلو {p} ({country}) الاجتماع بشأن التجارة الحدودية."},
    {"sv": "Provinserna {a}, {b}, {c} och {d} deltog i programmet.",
     "ms": "Wilayah {a}, {b}, {c} dan {d} turut serta dalam program itu.",
     "bn": "{a}, {b}, {c} এবং {d} প্রদেশ এই কর্মসূচিতে অংশগ্রহণ করেছে।",
     "hi": "{a}, {b}, {c} और {d} प्रांतों ने इस कार्यक्रम में भाग लिया।",
     "ar": "شاركت مقاطعات {a}، {b}، {c} و{d} في البرنامج."},
    {"sv": "Handeln ökade med {pct} procent till {n} miljoner dollar.",
     "ms": "Perdagangan meningkat sebanyak {pct} peratus kepada {n} juta dolar.",
     "bn": "বাণিজ্য {pct} শতাংশ বেড়ে {n} মিলিয়ন ডলারে পৌঁছেছে।",
     "hi": "व्यापार {pct} प्रतिशत बढ़कर {n} मिलियन डॉलर हो गया।",
     "ar": "ارتفعت التجارة بنسبة {pct} بالمئة لتصل إلى {n} مليون دولار."},
    {"sv": "Ledaren {person} betonade vikten av samarbete mellan de {n} orterna.",
     "ms": "Pemimpin {person} menekankan kepentingan kerjasama antara {n} lokaliti itu.",
     "bn": "নেতা {person} {n}টি এলাকার মধ্যে সহযোগিতার গুরুত্বের উপর জোর দেন।",
     "hi": "नेता {person} ने {n} इलाकों के बीच सहयोग के महत्व पर जोर दिया।",
     "ar": "وأكد القائد {person} على أهمية التعاون بين المناطق الـ {n}."},
    {"sv": "Den nya gränsövergången vid {p} öppnar den {date} efter {n} månaders arbete.",
     "ms": "Pintu sempadan baharu di {p} dibuka pada {date} selepas {n} bulan kerja.",
     "bn": "{n} মাসের কাজের পর {p} নতুন সীমান্ত ক্রসিং {date} তারিখে খুলবে।",
     "hi": "{n} महीने के काम के बाद {p} में नई सीमा चौकी {date} को खुलेगी।",
     "ar": "يفتح المعبر الحدودي الجديد في {p} في {date} بعد {n} شهرا من العمل."},
]
NATIVE_DIGITS = {"bn": "০১২৩৪৫৬৭৮৯", "hi": "०१२३४५६७८९", "ar": "٠١٢٣٤٥٦٧٨٩"}
DIGIT_SHARE = {"bn": 1.0, "hi": 0.3, "ar": 0.5}  # how often the language writes its own digits


def _months(lang):
    from babel import Locale

    return Locale.parse(lang).months["format"]["wide"]


def _country(lang, code):
    from babel import Locale

    return Locale.parse(lang).territories[code]


def _digits(lang, value, rng) -> str:
    s = str(value)
    if lang in NATIVE_DIGITS and rng.random() < DIGIT_SHARE[lang]:
        return "".join(NATIVE_DIGITS[lang][int(c)] for c in s)
    return s


def _number(lang, value, rng) -> str:
    if lang == "sv" and value <= 12 and rng.random() < 0.3:
        from num2words import num2words

        return num2words(value, lang="sv")
    return _digits(lang, value, rng)


def render(lang, facts, rng) -> str:
    t = TEMPLATES[facts["template"]][lang]
    day, month, year = facts["date"]
    values = {
        "p": PLACES[facts["place"]][lang], "person": PEOPLE[facts["person"]][lang],
        "n": _number(lang, facts["n"], rng), "pct": _digits(lang, facts["pct"], rng),
        "year": _digits(lang, year, rng),
        "date": f"{_digits(lang, day, rng)} {_months(lang)[month]} {_digits(lang, year, rng)}",
        "country": _country(lang, facts["country"]),
        **{k: PLACES[i][lang] for k, i in zip("abcd", facts["members"])},
    }
    return t.format(**values)


def article(rng: random.Random) -> list[dict]:
    year = rng.choice(range(2019, 2027))
    country_of = {p: rng.choice(COUNTRIES) for p in range(len(PLACES))}  # one country per place
    paragraphs = []
    for _ in range(rng.randint(6, 12)):
        place = rng.randrange(len(PLACES))
        paragraphs.append({
            "template": rng.randrange(len(TEMPLATES)), "place": place,
            "person": rng.randrange(len(PEOPLE)), "n": rng.choice([rng.randint(3, 99), rng.randint(100, 99999)]),
            "pct": rng.randint(3, 60), "date": (rng.randint(1, 28), rng.randint(1, 12), year),
            "country": country_of[place], "members": rng.sample(range(len(PLACES)), 4),
        })
    return paragraphs


def inject(facts: dict, rng: random.Random) -> tuple[dict, str, str]:
    """A copy of one paragraph's facts with one error, its kind and the check that should find it."""
    t = TEMPLATES[facts["template"]]["sv"]
    options = []
    if "{n}" in t:
        options.append("number")
    if "{date}" in t:
        options.append("day")
    if "{country}" in t:
        options.append("country")
    kind = rng.choice(options) if options else None
    new = dict(facts)
    if kind == "number":
        new["n"] = facts["n"] + rng.choice([1, 10, 100])
        return new, kind, "number-mismatch"
    if kind == "day":
        d, m, y = facts["date"]
        new["date"] = (d + 1 if d < 28 else d - 1, m, y)
        return new, kind, "date-mismatch"
    if kind == "country":
        new["country"] = next(c for c in COUNTRIES if c != facts["country"])
        return new, kind, "country-label-mismatch"
    return facts, "", ""


def generate(out: Path, articles: int, seed: int = 1, langs=LANGS, error_rate: float = 0.3) -> dict:
    """Write the corpus under ``out``; return the gold (groups and injected discrepancies)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    gold = {"groups": [], "discrepancies": []}
    for a in range(articles):
        paragraphs = article(rng)
        bad = None
        if rng.random() < error_rate:
            bad = (rng.choice(langs), rng.randrange(len(paragraphs)))
        members = []
        for lang in langs:
            lines, line_of = [], []
            merge_at = rng.randrange(len(paragraphs) - 1) if rng.random() < 0.2 else -1
            for i, facts in enumerate(paragraphs):
                kind = check = ""
                if bad == (lang, i):
                    facts, kind, check = inject(facts, rng)
                text = render(lang, facts, rng)
                if i == merge_at + 1 and merge_at >= 0:
                    lines[-1] += " " + text  # this language joins two paragraphs
                else:
                    lines.append(text)
                line_of.append(len(lines))
                if check:
                    gold["discrepancies"].append({"article": a, "language": lang, "line": len(lines),
                                                  "kind": kind, "check": check})
            name = hashlib.sha1(f"{seed}-{a}-{lang}".encode()).hexdigest()[:12]
            (out / f"{name}.txt").write_text("\n".join(lines) + "\n", "utf-8")
            members.append(name)
            for d in gold["discrepancies"]:
                if d["article"] == a and d["language"] == lang:
                    d["document"] = name
        gold["groups"].append(sorted(members))
    (out / "gold.json").write_text(json.dumps(gold, indent=1))
    return gold


# ---------------------------------------------------------------- real-size articles
#
# Real articles are 10-25 KB (the sample's files are 11-27 KB, 15-30 paragraphs of two to
# five sentences). These are assembled from real translations: runs of consecutive lines
# of ntrex-dev (five professional translations of the same English news, line i of each
# translating line i), made into paragraphs of two to four sentences, with every number
# shifted by the article's own offset so that each article is distinct. Or, as issue 16
# measured, variants of the sample batch with every number shifted.

GROUPED = r"\p{Nd}{1,3}(?:[,.\u066c\u00a0\u202f ]\p{Nd}{2,3})+|\p{Nd}+"


def shift_numbers(text: str, offset: int) -> str:
    """Every number of ``text`` plus ``offset``, in its own digits and grouping (২৬,৭৫০ -> ২৬,৭৬১)."""
    import unicodedata

    import regex

    def shifted(m) -> str:
        s = m.group()
        digits = [c for c in s if unicodedata.category(c) == "Nd"]
        zero = ord(digits[0]) - unicodedata.digit(digits[0])
        new = str(int("".join(str(unicodedata.digit(c)) for c in digits)) + offset).zfill(len(digits))
        if len(new) > len(digits):  # 99 -> 110: no grouping to keep
            return "".join(chr(zero + int(d)) for d in new)
        out, k = [], len(new)
        for c in reversed(s):
            if unicodedata.category(c) == "Nd":
                k -= 1
                out.append(chr(zero + int(new[k])))
            else:
                out.append(c)
        return "".join(reversed(out))

    return regex.sub(GROUPED, shifted, text)


def _parallel_lines(corpora: Path, corpus: str, langs) -> list[dict[str, str]]:
    """Line i of every language's file, for every file of the corpus: [{lang: line}]."""
    rows = []
    for f in sorted((corpora / corpus / langs[0]).glob("*.txt")):
        per = {lang: (corpora / corpus / lang / f.name).read_text("utf-8").splitlines() for lang in langs}
        n = min(len(v) for v in per.values())
        rows += [{lang: per[lang][i].strip() for lang in langs} for i in range(n)
                 if all(per[lang][i].strip() for lang in langs)]
    return rows


def generate_real_size(out: Path, documents: int, seed: int = 1, source: str = "corpora",
                       corpora: Path | None = None, langs=LANGS) -> dict:
    """``documents`` real-size documents (articles x languages) under ``out``; the gold is
    the grouping. ``source``: ``corpora`` (assembled from ntrex-dev) or ``sample``
    (variants of ``inputs/``, every number shifted)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    gold = {"groups": [], "discrepancies": [], "source": source}
    root = Path(__file__).resolve().parent.parent
    if source == "sample":
        files = sorted((root / "inputs").glob("*.txt"))
        texts = {f: f.read_text("utf-8") for f in files}
        variants = -(-documents // len(files))
        written = 0
        for v in range(variants):
            members = []
            for f in files:
                if written == documents:
                    break
                name = f"v{v:05d}_{f.stem}"
                (out / f"{name}.txt").write_text(shift_numbers(texts[f], v + 1), "utf-8")
                members.append(name)
                written += 1
            # the sample's own articles: 000+002, 003+004, 001 alone
            by_prefix = {m.split("_")[1]: m for m in members}
            for g in (("000", "002"), ("003", "004"), ("001",)):
                if all(p in by_prefix for p in g):
                    gold["groups"].append(sorted(by_prefix[p] for p in g))
        (out / "gold.json").write_text(json.dumps(gold, indent=1))
        return gold
    if corpora is None:
        import os

        corpora = Path(os.environ.get("AUDIT_CORPORA") or root.parent / "shared" / "corpora")
    rows = _parallel_lines(corpora, "ntrex-dev", list(langs))
    if not rows:
        raise SystemExit(f"corpus.py: no ntrex-dev translations in {corpora} "
                         "(set AUDIT_CORPORA to the corpora directory, or use the sample as the source)")
    articles = -(-documents // len(langs))
    written = 0
    for a in range(articles):
        offset = a % 997 + 1
        target = rng.uniform(14_000, 22_000)  # mean bytes per translation: the sample's 11-27 KB
        start = rng.randrange(len(rows))
        paragraphs: list[dict[str, str]] = []
        size = 0.0
        i = start
        while size < target:
            k = rng.randint(2, 4)
            para = {lang: " ".join(rows[(i + j) % len(rows)][lang] for j in range(k)) for lang in langs}
            i += k
            if rng.random() < 0.15:  # a cut, as an editor shortens a story: the next lines come from elsewhere
                i = rng.randrange(len(rows))
            paragraphs.append(para)
            size += sum(len(p.encode("utf-8")) + 1 for p in para.values()) / len(langs)
        members = []
        for lang in langs:
            if written == documents:
                break
            lines = [shift_numbers(p[lang], offset) for p in paragraphs]
            if rng.random() < 0.2 and len(lines) > 2:  # this language joins two paragraphs
                m = rng.randrange(len(lines) - 1)
                lines[m: m + 2] = [lines[m] + " " + lines[m + 1]]
            name = hashlib.sha1(f"real-{seed}-{a}-{lang}".encode()).hexdigest()[:12]
            (out / f"{name}.txt").write_text("\n".join(lines) + "\n", "utf-8")
            members.append(name)
            written += 1
        gold["groups"].append(sorted(members))
    (out / "gold.json").write_text(json.dumps(gold, indent=1))
    return gold


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--real-size", type=int, metavar="DOCUMENTS",
                    help="write this many real-size documents (10-25 KB) instead")
    ap.add_argument("--source", choices=("corpora", "sample"), default="corpora",
                    help="real-size articles from ntrex-dev's translations, or variants of inputs/")
    args = ap.parse_args(argv)
    if args.real_size:
        gold = generate_real_size(Path(args.out), args.real_size, args.seed, args.source)
        files = list(Path(args.out).glob("*.txt"))
        size = sum(f.stat().st_size for f in files)
        print(f"{len(files)} real-size documents ({args.source}), {size / 2**20:.1f} MB, "
              f"{size / max(len(files), 1) / 1024:.1f} KB each on average, {len(gold['groups'])} articles")
        return
    gold = generate(Path(args.out), args.articles, args.seed)
    print(f"{args.articles} articles x {len(LANGS)} languages written to {args.out}; "
          f"{len(gold['discrepancies'])} injected discrepancies in gold.json")


if __name__ == "__main__":
    main()
