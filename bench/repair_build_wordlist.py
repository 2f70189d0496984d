"""Rebuild summarizer/text/data/english_words.txt.gz, the word list used for de-hyphenation.

Source: the `wordfreq` package (PyPI, version 3.1.1; word frequency data under CC BY-SA 4.0,
by Robyn Speer et al.). We keep the 70,000 most frequent English words made only of the
letters a-z, sorted, one per line, gzip-compressed (about 190 KB).

wordfreq is needed only to rebuild the file, not at run time:

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python bench/repair_build_wordlist.py
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

WORD_COUNT = 70_000
CANDIDATES = 100_000  # frequency-ranked words fetched before filtering
OUTPUT = Path(__file__).resolve().parent.parent / "summarizer" / "text" / "data" / "english_words.txt.gz"


def main() -> None:
    try:
        import wordfreq
    except ImportError:
        raise SystemExit("this script needs wordfreq: pip install wordfreq==3.1.1") from None
    words = [w for w in wordfreq.top_n_list("en", CANDIDATES) if re.fullmatch(r"[a-z]+", w) and (len(w) > 1 or w in "ai")]
    words = sorted(words[:WORD_COUNT])
    # mtime=0 keeps the file byte-identical between rebuilds.
    with gzip.GzipFile(OUTPUT, "wb", mtime=0) as out:
        out.write(("\n".join(words) + "\n").encode("ascii"))
    print(f"wrote {len(words)} words to {OUTPUT}")


if __name__ == "__main__":
    main()
