"""misfiled-translation: a file the batch's structure puts in an article whose other
translations it does not seem to translate (a wrong file in the article's folder)."""
from __future__ import annotations

from .base import Check, GroupContext, lang_of, location


class MisfiledTranslation(Check):
    code = "misfiled-translation"
    severity = "warning"
    # On: with the length profiles and unproposed pairs scored (audit/group/), the corpora's one
    # finding is TICO-19's really misfiled French Wikinews_3, and benchmarks/group.py --misfiled
    # catches 96 of 100 files moved between NTREX articles (23 of 30 on TICO-19) with no false flag.
    description = ("A file declared part of an article (folder, name or manifest) shares almost none of the "
                   "content the article's other translations share among themselves.")
    rationale = ("Grouping scores every pair of an article's files by content (numbers, dates, names, "
                 "transliterated text, weighted by rarity) even when the structure is declared: when the others "
                 "agree with each other and one file agrees with none of them, it is most likely another "
                 "article's translation filed here. With two files alone there is no telling which one is wrong, and a file "
                 "with nothing comparable (no figures, no name the others write) is no evidence either way.")
    messages = {"stranger": "the {lang} file does not seem to translate article {group}: its content score with "
                            "the other {n} translations is at most {best:.2f}, theirs with one another up to "
                            "{among:.2f}"}
    agreeing = 0.3  # the others translate one another: a score grouping would join them on
    unrelated = 0.08  # the file's best score with any of them: what two different articles score

    def run(self, ctx: GroupContext):
        docs = ctx.group.documents
        if len(docs) < 3:
            return
        scores: dict[str, dict[str, float]] = {d: {} for d in docs}
        for a, b, s in ctx.group.pair_scores:
            scores[a][b] = scores[b][a] = s
        core = {d for d in docs if any(s >= self.agreeing for s in scores[d].values())}
        if len(core) * 2 <= len(docs):
            return  # no majority that agrees: too little shared content to tell a stranger
        for d in docs:
            if d in core:
                continue
            best = max((scores[d].get(o, 0.0) for o in core), default=0.0)
            if best >= self.unrelated or best == 0.0:
                continue  # some resemblance; or nothing comparable at all (no figures, no names met): no evidence
            among = max(s for o in core for p, s in scores[o].items() if p in core)
            doc = ctx.documents[d]
            support = sorted(core, key=lambda o: (-scores[d].get(o, 0.0), o))[:2]
            locs = [location(doc, 0, None)] + [location(ctx.documents[o], 0, None, "support") for o in support]
            yield self.finding(
                ctx, self.message("stranger", lang=lang_of(ctx, d), group=ctx.group.id, n=len(core), best=best,
                                  among=among),
                locs, subject=f"misfiled|{ctx.group.id}", expected=ctx.group.id, found=None,
                values=((d, best),))
