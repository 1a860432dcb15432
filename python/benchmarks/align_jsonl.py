"""The Python side of the throughput benchmark: does what the Rust `corpus` example does
(read JSON lines, align every pair, write one record per document) with
`satzweise.align_batch`.

    python python/benchmarks/align_jsonl.py INPUT.jsonl > OUTPUT.jsonl

Prints to standard error, as one JSON object, the CPU seconds (all threads) of its three
phases: `read` (parse the JSON lines), `align` (consume `align_batch` and read every bead's
indices, cost and confidence: the wrapper's part) and `write` (build and dump the records
with Python's json module).
"""

import json
import resource
import sys

import satzweise


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    phases = {}
    start = cpu()
    with open(sys.argv[1], encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines if line.strip()]
    phases["read"] = cpu() - start

    start = cpu()
    pairs = ((d["de"], d["en"]) for d in documents)
    aligned = [
        [(b.german, b.english, b.cost, b.confidence) for b in alignment.beads]
        for alignment in satzweise.align_batch(pairs)
    ]
    phases["align"] = cpu() - start

    start = cpu()
    out = sys.stdout
    for document, beads in zip(documents, aligned):
        beads = [{"de": g, "en": e, "cost": c, "confidence": p} for g, e, c, p in beads]
        mean = sum(b["confidence"] for b in beads) / max(len(beads), 1)
        record = {"id": document["id"], "beads": beads, "mean_confidence": mean}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    phases["write"] = cpu() - start
    print(json.dumps(phases), file=sys.stderr)


if __name__ == "__main__":
    main()
