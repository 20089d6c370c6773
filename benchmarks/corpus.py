"""A realistic generated corpus: N articles x L languages, with gold groups and gold discrepancies.

Each article is distinct (its own numbers, dates, names and paragraph order,
drawn from pools), each translation is parallel to the others and written the
way its language writes it: native digits where the language uses them, number
words sometimes, CLDR month and country names, names in the language's script.
Some translations merge two paragraphs. A known set of discrepancies (a number,
a date's day, a country label) is injected and recorded as gold. Seeded and
deterministic.

    .venv/bin/python benchmarks/corpus.py OUT_DIR --articles 200 [--seed 1]
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


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    gold = generate(Path(args.out), args.articles, args.seed)
    print(f"{args.articles} articles x {len(LANGS)} languages written to {args.out}; "
          f"{len(gold['discrepancies'])} injected discrepancies in gold.json")


if __name__ == "__main__":
    main()
