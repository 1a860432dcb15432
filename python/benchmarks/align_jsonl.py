"""The Python side of the throughput benchmark: does what the Rust `corpus` example does
(read JSON lines, align every pair, write one record per document) with
`satzweise.align_batch`.

    python python/benchmarks/align_jsonl.py INPUT.jsonl > OUTPUT.jsonl
"""

import json
import sys

import satzweise


def main():
    with open(sys.argv[1], encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines if line.strip()]
    out = sys.stdout
    pairs = ((d["de"], d["en"]) for d in documents)
    for document, alignment in zip(documents, satzweise.align_batch(pairs)):
        beads = [
            {"de": b.german, "en": b.english, "cost": b.cost, "confidence": b.confidence}
            for b in alignment.beads
        ]
        mean = sum(b["confidence"] for b in beads) / max(len(beads), 1)
        record = {"id": document["id"], "beads": beads, "mean_confidence": mean}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
