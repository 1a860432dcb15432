"""Throughput of `satzweise.align_batch` from Python against the Rust `corpus` example on
the same documents: runs them alternately, each as its own process with the same thread
count, and prints wall time and CPU seconds (user + system of the child) per run and the
median of each.

    python python/benchmarks/throughput.py DOCS.jsonl [--runs 5] [--threads 2] \
        [--corpus target/release/examples/corpus]

Both write their records to a file, which must be equal (parsed JSON, line by line).
"""

import argparse
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent


def timed(command, output, env):
    """Runs `command` with its output to `output`; returns wall and CPU seconds and what it
    printed to standard error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(output, "w") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stderr.decode()


def records(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("docs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--corpus", default="target/release/examples/corpus")
    args = parser.parse_args()
    env = dict(os.environ, RAYON_NUM_THREADS=str(args.threads))
    worker = [sys.executable, str(HERE / "align_jsonl.py"), args.docs]
    commands = {
        "rust corpus": [args.corpus, args.docs],
        "python align_batch": worker,
        "python, phase by phase": worker + ["--phases"],
    }
    results = {name: [] for name in commands}
    phases = []
    with tempfile.TemporaryDirectory() as tmp:
        outputs = {name: os.path.join(tmp, f"{k}.jsonl") for k, name in enumerate(commands)}
        for run in range(args.runs):
            # Alternate: Rust first on even runs, last on odd ones.
            order = list(commands) if run % 2 == 0 else list(reversed(commands))
            for name in order:
                wall, cpu, stderr = timed(commands[name], outputs[name], env)
                results[name].append((wall, cpu))
                if name == "python, phase by phase":
                    phases.append(json.loads(stderr.strip().splitlines()[-1]))
                print(f"run {run + 1} {name:<22} wall {wall:6.2f} s  cpu {cpu:6.2f} s", flush=True)
        rust = records(outputs["rust corpus"])
        same = all(records(outputs[name]) == rust for name in commands)
    documents = sum(1 for line in open(args.docs, encoding="utf-8") if line.strip())
    print(f"\n{documents} documents, {args.threads} threads, {args.runs} runs each, medians:")
    print("| side | wall s | CPU s | documents/s |")
    print("| --- | --- | --- | --- |")
    medians = {}
    for name, samples in results.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        medians[name] = (wall, cpu)
        print(f"| {name} | {wall:.3f} | {cpu:.3f} | {documents / wall:.0f} |")
    (rw, rc), (pw, pc) = medians["rust corpus"], medians["python align_batch"]
    print(f"\nPython overhead: wall {100 * (pw / rw - 1):+.1f} %, CPU {100 * (pc / rc - 1):+.1f} %")
    pc = medians["python, phase by phase"][1]
    parts = {k: statistics.median(p[k] for p in phases) for k in phases[0]}
    print(
        "Python phases (median CPU s): "
        + ", ".join(f"{k} {v:.3f}" for k, v in parts.items())
        + f"; the rest ({pc - sum(parts.values()):.3f}) is interpreter start and imports"
    )
    print(
        f"align_batch alone (align phase) against the whole Rust stage: "
        f"{100 * (parts['align'] / rc - 1):+.1f} % CPU"
    )
    print(f"records equal: {same}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
