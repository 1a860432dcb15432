#!/usr/bin/env python3
"""Builds paragraph-layout and hard-wrapped inputs from the shared WMT gold sets.

    python3 tools/wrap_paragraphs.py [--data ../shared/data] [--out /tmp/wrapped] [--widths 60 72 80]

Alignment inputs, from ``wmt21-de-en`` (one gold line per WMT segment, every bead 1-1):
the gold lines of a chunk are grouped into paragraphs, the lines of a paragraph joined with one
space, and the paragraphs separated by a blank line. Both sides get the same grouping, so every
gold bead lies inside one paragraph on both sides.

- ``de-orig-NN``: the paragraphs of ``wmt21-de-segmentation/de-orig-NN.sents`` (the same German
  lines, grouped by that set's README).
- ``en-orig-NN``: grouped the way that README describes: a line whose German side has no
  sentence-final punctuation is a paragraph of its own; the other lines form paragraphs of 2-6
  consecutive lines, sizes drawn with a fixed seed (the chunk name).

Layouts written under ``OUT/align/``: ``para`` (paragraphs, not wrapped), ``wW`` (both sides
wrapped at W columns with ``textwrap.fill`` per paragraph), ``wW-de`` (German wrapped, English in
the paragraph layout) and ``wW-en`` (English wrapped, German in the paragraph layout).

Segmentation inputs, from ``wmt21-de-segmentation``: ``OUT/segmentation/wW/NAME.txt`` holds the
paragraphs of ``NAME.txt`` (one per line there) wrapped at W columns, a blank line between them.

Wrapping keeps every non-space character in order (``break_long_words=False``; textwrap may
break after a hyphen inside a word, ``Corona-`` / ``Pandemie``), so gold sentences are found in
the output by counting non-space characters. Python 3 standard library only; deterministic.
"""

import argparse
import os
import random
import re
import sys
import textwrap

FINAL = re.compile(r"[.!?…][\"'”“’»«)\]]*$")




def lines_of(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def sents_groups(path):
    """Paragraph sizes of a ``.sents`` file (blank lines between paragraphs)."""
    sizes, current = [], 0
    for line in lines_of(path):
        if line.strip():
            current += 1
        elif current:
            sizes.append(current)
            current = 0
    if current:
        sizes.append(current)
    return sizes


def drawn_groups(name, german):
    """Paragraph sizes for a chunk without paragraph gold: headline-like lines alone, the
    others in runs of 2-6 drawn with the chunk name as seed."""
    rng = random.Random(name)
    sizes, k = [], 0
    while k < len(german):
        if not FINAL.search(german[k].strip()):
            sizes.append(1)
            k += 1
            continue
        want = rng.randint(2, 6)
        size = 0
        while k < len(german) and size < want and FINAL.search(german[k].strip()):
            size += 1
            k += 1
        sizes.append(size)
    return sizes


def paragraphs(lines, sizes):
    out, k = [], 0
    for size in sizes:
        out.append(" ".join(line.strip() for line in lines[k : k + size]))
        k += size
    return out


def fill(paragraph, width):
    if width is None:
        return paragraph
    return textwrap.fill(paragraph, width=width, break_long_words=False)


def write(path, paras, width):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(fill(p, width) for p in paras) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--out", default="/tmp/wrapped")
    parser.add_argument("--widths", type=int, nargs="+", default=[60, 72, 80])
    args = parser.parse_args()
    parallel = os.path.join(args.data, "wmt21-de-en")
    segmentation = os.path.join(args.data, "wmt21-de-segmentation")
    if not os.path.isdir(parallel) or not os.path.isdir(segmentation):
        sys.exit(f"wrap_paragraphs: {parallel} or {segmentation} not found")
    names = sorted(n[:-5] for n in os.listdir(parallel) if n.endswith(".deen"))
    for name in names:
        german = lines_of(os.path.join(parallel, name + ".de"))
        english = lines_of(os.path.join(parallel, name + ".en"))
        if len(german) != len(english):
            sys.exit(f"wrap_paragraphs: {name}: sides differ in length")
        sents = os.path.join(segmentation, name + ".sents")
        sizes = sents_groups(sents) if os.path.exists(sents) else drawn_groups(name, german)
        if sum(sizes) != len(german):
            sys.exit(f"wrap_paragraphs: {name}: paragraphs do not cover the lines")
        de_paras, en_paras = paragraphs(german, sizes), paragraphs(english, sizes)
        layouts = {"para": (None, None)}
        for w in args.widths:
            layouts[f"w{w}"] = (w, w)
            layouts[f"w{w}-de"] = (w, None)
            layouts[f"w{w}-en"] = (None, w)
        for layout, (de_width, en_width) in layouts.items():
            base = os.path.join(args.out, "align", layout, name)
            write(base + ".de", de_paras, de_width)
            write(base + ".en", en_paras, en_width)
    for name in sorted(n[:-4] for n in os.listdir(segmentation) if n.endswith(".txt")):
        paras = [p for p in lines_of(os.path.join(segmentation, name + ".txt")) if p.strip()]
        for w in args.widths:
            write(os.path.join(args.out, "segmentation", f"w{w}", name + ".txt"), paras, w)
    print(f"wrote {len(names)} chunks x {1 + 3 * len(args.widths)} layouts to {args.out}")


if __name__ == "__main__":
    main()
