"""Extractive quality and speed against sumy's LexRank, TextRank, LSA and Luhn, same run.

Quality: ROUGE F1 x 100 from summarizer.evaluation (rouge-score, stemmed, ROUGE-Lsum) on
the dev sets in ../shared/data/dev, for the whole set and for the held-out split (the
articles bench/train_ranker.py never trained the learned ranker on):
  - CNN/DM, 3 sentences;
  - BBC, the reference summary's word count (`--length reference`);
  - headlines (at most 12 words, the default) against Reuters wire titles and BBC titles.
sumy's rankings go through our selection (same budget, same trigram blocking), and
sumy reads our sentences (nltk's tokenizer data cannot be downloaded here), so the
comparison isolates the ranking. A sumy "headline" is its top sentence's first 12 words;
"first 10 words" is the data README's baseline.

Speed: the whole path (repair, segmentation, ranking, selection, headline) through
Summarizer.summarize on CNN/DM dev articles, articles per CPU-second of this process
(= per core), for the default ranker and for sumy LexRank on the same articles.

sumy is a benchmark-only dependency: `.venv/bin/pip install sumy` (not in pyproject).

Run: .venv/bin/python bench/bench_extractive.py [--data DIR] [--limit N] [--skip-quality]
     [--skip-speed] [--speed-articles N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from summarizer.document import Document  # noqa: E402
from summarizer.evaluation import _rouge_scorer, evaluate, format_table, read_examples  # noqa: E402
from summarizer.extractive import RANKERS  # noqa: E402
from summarizer.extractive.headline import cut_headline  # noqa: E402
from summarizer.pipeline import Summarizer  # noqa: E402
from summarizer.settings import Settings  # noqa: E402
from train_ranker import held_out  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "dev"
CNNDM = "cnndm_test_see2017_lower.jsonl"
BBC = "bbc_news_summary.jsonl"
REUTERS = "reuters21578_headlines.jsonl"
OURS = ("lead", "lexrank", "learned")
SUMY = {"sumy-lexrank": "LexRankSummarizer", "sumy-textrank": "TextRankSummarizer", "sumy-lsa": "LsaSummarizer", "sumy-luhn": "LuhnSummarizer"}
HEADLINE_WORDS = 12
_WORD = re.compile(r"\w+")


# --------------------------------------------------------------------- sumy adapter


class OurTokenizer:
    """What sumy's PlaintextParser needs from a tokenizer, built on our segmentation."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        try:
            return [s.text for s in Document.from_text(paragraph).sentences]
        except Exception:  # empty paragraph
            return []

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


class SumyRanker:
    """A sumy summariser as our Ranker: its rating order becomes one score per sentence."""

    positional = False
    sumy_class = ""

    def __init__(self) -> None:
        try:
            import sumy.summarizers  # noqa: F401
        except ImportError:
            raise SystemExit("bench_extractive.py needs sumy for its baselines: .venv/bin/pip install sumy") from None
        from importlib import import_module

        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words

        module = {"LexRankSummarizer": "lex_rank", "TextRankSummarizer": "text_rank", "LsaSummarizer": "lsa", "LuhnSummarizer": "luhn"}
        cls = getattr(import_module(f"sumy.summarizers.{module[self.sumy_class]}"), self.sumy_class)
        self.summarizer = cls(Stemmer("english"))
        self.summarizer.stop_words = get_stop_words("english")
        self.name = self.sumy_class

    def score(self, document: Document) -> list[float]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        tokenizer = OurTokenizer()
        body = document.body_sentences or document.sentences
        sumy_sentences = [Sentence(s.text, tokenizer) for s in body]
        model = ObjectDocumentModel([Paragraph(sumy_sentences)])
        ranked: list = []

        def keep_order(infos):  # sumy passes the sentences sorted by rating, best first
            ranked.extend(infos)
            return infos

        self.summarizer(model, keep_order)
        scores = [0.0] * len(document.sentences)
        position = {id(s): i for i, s in enumerate(sumy_sentences)}
        for rank, info in enumerate(ranked):
            scores[body[position[id(info.sentence)]].index] = float(len(ranked) - rank)
        return scores

    def top_sentence(self, document: Document) -> str:
        scores = self.score(document)
        return document.sentences[max(range(len(scores)), key=lambda i: (scores[i], -i))].text


def _sumy_class(method: str) -> type:
    return type(method.replace("-", "_"), (SumyRanker,), {"sumy_class": SUMY[method]})


for _method in SUMY:
    globals()[_method.replace("-", "_")] = _sumy_class(_method)
    RANKERS[_method] = f"bench_extractive:{_method.replace('-', '_')}"


# ------------------------------------------------------------------------ quality


def summary_quality(summarizer: Summarizer, path: Path, limit: int | None, **length) -> None:
    examples = list(read_examples(path, "summary", limit))
    methods = [*OURS, *SUMY]
    for split, subset in (("all", examples), ("held-out", [e for e in examples if held_out(e.id)])):
        results = evaluate(summarizer, subset, methods, **length)
        print(f"\n{path.name} [{split}] {length or {'sentences': 3}}")
        print(format_table(results))
        _print_margin(results)


def headline_quality(summarizer: Summarizer, path: Path, limit: int | None) -> None:
    examples = list(read_examples(path, "headline", limit))
    scorer = _rouge_scorer()
    sumy = {name: globals()[name.replace("-", "_")]() for name in SUMY}
    for split, subset in (("all", examples), ("held-out", [e for e in examples if held_out(e.id)])):
        results = evaluate(summarizer, subset, ["learned"], target="headline")
        sums = {name: [0.0, 0.0, 0.0] for name in ["first 10 words", *SUMY]}
        for example in subset:
            document = Document.from_text(example.article)
            candidates = {"first 10 words": " ".join(example.article.split()[:10])}
            for name, ranker in sumy.items():
                candidates[name] = cut_headline(ranker.top_sentence(document), HEADLINE_WORDS)
            for name, candidate in candidates.items():
                rouge = scorer.score(example.reference, candidate)
                for k, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
                    sums[name][k] += rouge[key].fmeasure
        for name, (r1, r2, rl) in sums.items():
            n = len(subset)
            results[name] = {"rouge1": round(100 * r1 / n, 2), "rouge2": round(100 * r2 / n, 2), "rougeLsum": round(100 * rl / n, 2), "n": n, "failed": 0}
        print(f"\n{path.name} [{split}] headline, at most {HEADLINE_WORDS} words")
        print(format_table(results))
        _print_margin(results)


def _print_margin(results: dict) -> None:
    best_sumy = max(SUMY, key=lambda name: results[name]["rouge1"] if name in results else -1)
    ours = results["learned"]["rouge1"]
    print(f"learned - best sumy ({best_sumy}): {ours - results[best_sumy]['rouge1']:+.2f} ROUGE-1")


# -------------------------------------------------------------------------- speed


def speed(path: Path, articles: int) -> None:
    texts = [e.article for e in read_examples(path, "summary", articles)]
    summarizer = Summarizer(Settings(default_method="extractive"))
    default = summarizer.settings.extractive_ranker
    rates = {}
    for method in (default, "lead", "sumy-lexrank"):
        summarizer.summarize(texts[0], method=method, summary_sentences=3)  # load, warm up
        started = time.process_time()
        for text in texts:
            summarizer.summarize(text, method=method, summary_sentences=3)
        rates[method] = len(texts) / (time.process_time() - started)
    print(f"\nspeed, whole path on {len(texts)} {path.name} articles (articles per CPU-second = per core)")
    for method, rate in rates.items():
        print(f"  {method:<14} {rate:8.1f} articles/s per core")
    print(f"  {default} / sumy-lexrank: {rates[default] / rates['sumy-lexrank']:.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="first N records of each set (quick runs)")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--speed-articles", type=int, default=500)
    args = parser.parse_args(argv)
    summarizer = Summarizer(Settings(default_method="extractive"))
    if not args.skip_quality:
        summary_quality(summarizer, args.data / CNNDM, args.limit, sentences=3)
        summary_quality(summarizer, args.data / BBC, args.limit, length="reference")
        headline_quality(summarizer, args.data / REUTERS, args.limit)
        headline_quality(summarizer, args.data / BBC, args.limit)
    if not args.skip_speed:
        speed(args.data / CNNDM, args.speed_articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
