"""A translation's own spelling of a name is no word it writes nearly everywhere (issue 13, session 15):
a Hindi translation writes ने कहा ("said") after every mention of a speaker and in most other lines,
so that word is no spelling of the speaker's name, and a line that drops the name and keeps ने कहा
has dropped it."""
from checkctx import edited as edit
from checkctx import strict_name_findings as findings


# A spokesman named on lines 1, 3 and 5; the Hindi writes ने कहा in every line.
SPEAKER = {
    "sv": ["Talesmannen Nugrato sade att floden steg under natten.", "Regnet föll i tre dagar.", "Talesmannen Nugrato sade att broarna är stängda.",
           "Polisen stängde vägarna.", "Talesmannen Nugrato sade att skolorna öppnar i morgon.", "Regeringen skickade hjälp.",
           "Invånarna lämnade sina hem.", "Armén byggde tält."],
    "ms": ["Jurucakap Nugrato berkata sungai naik pada waktu malam.", "Hujan turun selama tiga hari.", "Jurucakap Nugrato berkata jambatan ditutup.",
           "Polis menutup jalan.", "Jurucakap Nugrato berkata sekolah dibuka esok.", "Kerajaan menghantar bantuan.",
           "Penduduk meninggalkan rumah mereka.", "Tentera membina khemah."],
    "id": ["Juru bicara Nugrato mengatakan sungai naik pada malam hari.", "Hujan turun selama tiga hari.", "Juru bicara Nugrato mengatakan jembatan ditutup.",
           "Polisi menutup jalan.", "Juru bicara Nugrato mengatakan sekolah dibuka besok.", "Pemerintah mengirim bantuan.",
           "Warga meninggalkan rumah mereka.", "Tentara membangun tenda."],
    "bn": ["মুখপাত্র নুগ্রাতো বলেছেন রাতে নদীর পানি বেড়েছে।", "তিন দিন ধরে বৃষ্টি হয়েছে।", "মুখপাত্র নুগ্রাতো বলেছেন সেতুগুলো বন্ধ।",
           "পুলিশ রাস্তা বন্ধ করেছে।", "মুখপাত্র নুগ্রাতো বলেছেন কাল স্কুল খুলবে।", "সরকার সাহায্য পাঠিয়েছে।",
           "বাসিন্দারা তাদের বাড়ি ছেড়েছেন।", "সেনাবাহিনী তাঁবু তৈরি করেছে।"],
    "hi": ["नुग्रातो ने कहा कि रात में नदी चढ़ गई।", "मौसम विभाग ने कहा कि तीन दिन तक बारिश हुई।", "नुग्रातो ने कहा कि पुल बंद हैं।",
           "पुलिस ने कहा कि सड़कें बंद हैं।", "नुग्रातो ने कहा कि स्कूल कल खुलेंगे।", "सरकार ने कहा कि मदद भेजी गई।",
           "निवासियों ने कहा कि वे घर छोड़ चुके हैं।", "सेना ने कहा कि तंबू बनाए गए।"],
}


def test_a_word_written_in_nearly_every_line_is_no_spelling_of_the_name():
    # अनुरोध ("request") comes near Nugrato's key by chance; ने कहा follows the name wherever it is
    # said, but also in every other line: no spelling of the name, so the name is dropped
    assert findings(edit(SPEAKER, "hi", 5, "उन्होंने कहा कि अनुरोध के बाद स्कूल कल खुलेंगे।")) == \
        [("name-missing", [("hi", 5, "")], "Nugrato", None)]
    assert findings({k: (k, v) for k, v in SPEAKER.items()}) == []
