"""Builds the throughput benchmark's corpus: 1,000 document pairs of 2 to 10 lines cut from
the WMT21 chunks in ../shared/data/wmt21-de-en, as JSON lines (not committed: the data's
licence keeps it in shared/).

    python python/benchmarks/make_wmt_docs.py OUTPUT.jsonl [--documents 1000]

Each chunk's lines are cut in order into documents whose lengths follow a fixed
pseudo-random sequence (seed 18); when the chunks run out, the cutting starts again one line
further on, so every document is different. The lines of a document are joined by a space:
the aligner splits them into sentences again.
"""

import argparse
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]


def chunks(data):
    for german in sorted(data.glob("*.de")):
        english = german.with_suffix(".en")
        yield (
            german.read_text(encoding="utf-8").splitlines(),
            english.read_text(encoding="utf-8").splitlines(),
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/wmt21-de-en"))
    args = parser.parse_args()
    data = list(chunks(pathlib.Path(args.data)))
    if not data:
        raise SystemExit(f"no WMT chunks in {args.data}")
    rng = random.Random(18)
    written, offset = 0, 0
    with open(args.output, "w", encoding="utf-8") as out:
        while written < args.documents:
            for german, english in data:
                start = offset
                while start < len(german) and written < args.documents:
                    width = rng.randint(2, 10)
                    document = {
                        "id": written,
                        "de": " ".join(german[start : start + width]),
                        "en": " ".join(english[start : start + width]),
                    }
                    out.write(json.dumps(document, ensure_ascii=False) + "\n")
                    written += 1
                    start += width
            offset += 1
    print(f"{written} documents written to {args.output}")


if __name__ == "__main__":
    main()
