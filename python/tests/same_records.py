"""Exits 0 when two JSON-lines files hold the same records, line by line (compared as parsed
JSON, so floats must be equal, not only print alike); otherwise prints the first difference
and exits 1.

    python python/tests/same_records.py A.jsonl B.jsonl
"""

import json
import sys


def records(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main():
    a, b = records(sys.argv[1]), records(sys.argv[2])
    if len(a) != len(b):
        print(f"{sys.argv[1]} has {len(a)} records, {sys.argv[2]} {len(b)}")
        sys.exit(1)
    for k, (x, y) in enumerate(zip(a, b)):
        if x != y:
            print(f"record {k + 1} differs:\n  {json.dumps(x)[:300]}\n  {json.dumps(y)[:300]}")
            sys.exit(1)
    print(f"{len(a)} records equal")


if __name__ == "__main__":
    main()
