"""The Python side of the throughput benchmark: does what the Rust `corpus` example does
(read JSON lines, align every pair, write one record per document) with
`satzweise.align_batch`.

    python python/benchmarks/align_jsonl.py INPUT.jsonl [--phases] > OUTPUT.jsonl

Writes each record as its alignment arrives. With `--phases` it does the three phases one
after the other instead and prints to standard error, as one JSON object, the CPU seconds
(all threads) of each: `read` (parse the JSON lines), `align` (consume `align_batch` and read every bead's
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


def write(out, document, beads):
    beads = [{"de": g, "en": e, "cost": c, "confidence": p} for g, e, c, p in beads]
    mean = sum(b["confidence"] for b in beads) / max(len(beads), 1)
    record = {"id": document["id"], "beads": beads, "mean_confidence": mean}
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def fields(alignment):
    return [(b.german, b.english, b.cost, b.confidence) for b in alignment.beads]


def main():
    out = sys.stdout
    phases = "--phases" in sys.argv[2:]
    start = cpu()
    with open(sys.argv[1], encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines if line.strip()]
    pairs = ((d["de"], d["en"]) for d in documents)
    if not phases:
        # As a pipeline would: each record written as its alignment arrives, while the next
        # chunk aligns in the background.
        for document, alignment in zip(documents, satzweise.align_batch(pairs)):
            write(out, document, fields(alignment))
        return
    read = cpu() - start
    start = cpu()
    aligned = [fields(alignment) for alignment in satzweise.align_batch(pairs)]
    align = cpu() - start
    start = cpu()
    for document, beads in zip(documents, aligned):
        write(out, document, beads)
    out.flush()
    print(json.dumps({"read": read, "align": align, "write": cpu() - start}), file=sys.stderr)


if __name__ == "__main__":
    main()
