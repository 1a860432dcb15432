#!/usr/bin/env python3
"""Inject the errors a translation reviewer looks for into the German side of a 1-1
parallel text, and write the truth: which sentence, which error.

This is satzweise's QA benchmark generator: there is no public gold for translation errors,
so the benchmark is made from any sentence-parallel text (line i of the German file renders
line i of the English file) by editing the German side and recording each edit.

Errors (one per chosen line; chosen lines are at least two lines apart):
  number        a number written in digits that the English also has is changed
  unit          the unit after a number is changed (Prozent -> Euro, Kilometer -> Meter, ...)
  name          a name spelled alike on both sides is dropped or replaced by another name
  negation      "nicht" dropped, or "kein..." turned into "ein..."
  dropped       a German sentence is dropped (the English one is then an omission)
  added         a German sentence from elsewhere is inserted (an addition)
  untranslated  the German sentence is replaced by its English source (left untranslated)
  clause        a comma-separated clause is dropped from a long sentence
  swapped       two neighbouring German sentences change places

Output, for each input pair NAME: OUT/NAME.de (edited), OUT/NAME.en (unchanged),
OUT/NAME.orig.de (the German before editing, so that a benchmark can tell the differences
the original translation already had from the injected ones),
OUT/NAME.deen (gold beads of the edited pair, `[i]:[j]` lines; a swap is one 2-2 bead) and
OUT/NAME.truth.tsv with the columns
  kind  german  english  detail
where german and english are comma-separated 0-based line indices into OUT/NAME.de and
OUT/NAME.en (empty when the error has no line on that side). Everything is driven by
random.Random(f"{seed}:{NAME}"): the same input and seed give the same output.

Usage:
  inject_qa_errors.py [--seed N] [--every N] [--kinds k1,k2,...] [--de-ext de] [--en-ext en]
                      [SOURCE ...] OUT
  SOURCE: a directory of NAME.de / NAME.en pairs, or one NAME.de file whose NAME.en lies
  beside it (default: ../shared/data/wmt21-de-en next to the repository).
  --every N: about one error of each kind per N lines (default 80).

Example:
  python3 tools/inject_qa_errors.py /tmp/satzweise-qa
  cargo run --release --example qa_benchmark -- /tmp/satzweise-qa

The benchmark aligns OUT/NAME.orig.de with OUT/NAME.en too: a flag the original pair already
raises counts as right only where tools/qa_original_verdicts.tsv (judged by hand for
wmt21-de-en) calls that difference of the original translation real; on other sources every
such flag counts as a false alarm (`qa_benchmark --list-original` lists them for judging).
"""
import argparse
import os
import random
import re
import sys

KINDS = ["number", "unit", "name", "negation", "dropped", "added", "untranslated",
         "clause", "swapped"]

UNITS = {
    "Prozent": "Euro", "Euro": "Dollar", "Dollar": "Euro", "Kilometer": "Meter",
    "Meter": "Kilometer", "km": "m", "Stunden": "Minuten", "Minuten": "Stunden",
    "Jahre": "Monate", "Jahren": "Monaten", "Monate": "Jahre", "Tage": "Wochen",
    "Tagen": "Wochen", "Wochen": "Tage", "Kilogramm": "Gramm", "Grad": "Prozent",
    "Stunde": "Minute", "Uhr": "Minuten", "Franken": "Euro", "Pfund": "Euro",
}
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
NAME = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])")
FINAL = re.compile(r"[.!?]\W*$")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\r\n") for line in f]


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def change_number(rng, de, en):
    english = set(NUMBER.findall(en))
    found = [m for m in NUMBER.finditer(de) if m.group() in english]
    if not found:
        return None
    m = rng.choice(found)
    text = m.group()
    digits = [k for k, c in enumerate(text) if c.isdigit()]
    k = rng.choice(digits)
    old = int(text[k])
    new = rng.choice([d for d in range(10) if d != old and not (d == 0 and k == 0)])
    changed = text[:k] + str(new) + text[k + 1:]
    return de[:m.start()] + changed + de[m.end():], f"{text} -> {changed}"


def change_unit(rng, de, en):
    found = []
    for m in re.finditer(r"(\d)\s+(\w+)", de):
        if m.group(2) in UNITS:
            found.append(m)
    if not found:
        return None
    m = rng.choice(found)
    old = m.group(2)
    new = UNITS[old]
    return de[:m.start(2)] + new + de[m.end(2):], f"{old} -> {new}"


def names_of(de, en):
    """Capitalised German words, not first in the line, that the English has as well."""
    out = []
    for m in NAME.finditer(de):
        if m.start() == 0 or len(m.group(1)) < 3:
            continue
        if re.search(r"(?<![\w-])" + re.escape(m.group(1)) + r"(?![\w-])", en):
            out.append(m)
    return out


def change_name(rng, de, en, other_names):
    found = names_of(de, en)
    if not found:
        return None
    m = rng.choice(found)
    name = m.group(1)
    others = [n for n in other_names if n != name and n not in de and n not in en]
    if others and rng.random() < 0.5:
        new = rng.choice(others)
        return de[:m.start(1)] + new + de[m.end(1):], f"{name} -> {new}"
    start, end = m.start(1), m.end(1)
    # Drop the word with the space before it (or after it at the start).
    if start > 0 and de[start - 1] == " ":
        start -= 1
    elif end < len(de) and de[end] == " ":
        end += 1
    return de[:start] + de[end:], f"{name} dropped"


def drop_negation(rng, de, en):
    found = list(re.finditer(r"(?<![\w])(nicht|kein(e|en|em|er|es)?)(?![\w])", de))
    if not found:
        return None
    m = rng.choice(found)
    word = m.group(1)
    if word == "nicht":
        start, end = m.start(), m.end()
        if start > 0 and de[start - 1] == " ":
            start -= 1
        return de[:start] + de[end:], "nicht dropped"
    new = word[1:]  # kein -> ein, keine -> eine
    return de[:m.start()] + new + de[m.end():], f"{word} -> {new}"


def drop_clause(rng, de, en):
    if len(de.split()) < 20:
        return None
    parts = de.split(", ")
    candidates = [k for k in range(1, len(parts)) if len(parts[k].split()) >= 4]
    if not candidates:
        return None
    k = rng.choice(candidates)
    dropped = parts[k]
    rest = parts[:k] + parts[k + 1:]
    text = ", ".join(rest)
    if k == len(parts) - 1 and FINAL.search(dropped) and not FINAL.search(text):
        text += dropped[-1]
    return text, f"dropped clause: {dropped}"


def choose_lines(rng, n, count, taken, eligible):
    """Up to `count` lines among `eligible`, at least two lines from any taken line."""
    pool = [k for k in eligible if all(abs(k - t) > 2 for t in taken)]
    rng.shuffle(pool)
    chosen = []
    for k in pool:
        if len(chosen) >= count:
            break
        if all(abs(k - t) > 2 for t in taken + chosen):
            chosen.append(k)
    return chosen


def inject(name, german, english, foreign, args):
    rng = random.Random(f"{args.seed}:{name}")
    n = len(german)
    count = max(1, round(n / args.every))
    other_names = sorted({m.group(1) for de, en in zip(german, english) for m in names_of(de, en)})
    # edits[k] = (kind, new German line or None, detail); swaps and additions handled apart.
    edits = {}
    taken = []
    line_edits = {
        "number": lambda k: change_number(rng, german[k], english[k]),
        "unit": lambda k: change_unit(rng, german[k], english[k]),
        "name": lambda k: change_name(rng, german[k], english[k], other_names),
        "negation": lambda k: drop_negation(rng, german[k], english[k]),
        "clause": lambda k: drop_clause(rng, german[k], english[k]),
    }
    for kind in args.kinds:
        if kind in line_edits:
            eligible = [k for k in range(n) if line_edits[kind](k) is not None]
            # Re-draw for the chosen line: the probe above used the generator too, but in a
            # fixed order, so the run stays deterministic.
            for k in choose_lines(rng, n, count, taken, eligible):
                result = line_edits[kind](k)
                if result is None:
                    continue
                edits[k] = (kind, result[0], result[1])
                taken.append(k)
        elif kind == "dropped":
            for k in choose_lines(rng, n, count, taken, range(n)):
                edits[k] = ("dropped", None, german[k])
                taken.append(k)
        elif kind == "untranslated":
            eligible = [k for k in range(n) if german[k] != english[k] and len(english[k].split()) >= 4]
            for k in choose_lines(rng, n, count, taken, eligible):
                edits[k] = ("untranslated", english[k], "English copied")
                taken.append(k)
        elif kind == "swapped":
            eligible = [k for k in range(n - 1) if german[k] != german[k + 1]]
            pool = [k for k in eligible if all(abs(k - t) > 2 and abs(k + 1 - t) > 2 for t in taken)]
            rng.shuffle(pool)
            for k in pool[:count]:
                if all(abs(k - t) > 2 and abs(k + 1 - t) > 2 for t in taken):
                    edits[k] = ("swapped", german[k + 1], "")
                    edits[k + 1] = ("swapped-second", german[k], "")
                    taken += [k, k + 1]
        elif kind == "added":
            for k in choose_lines(rng, n, count, taken, range(n)):
                if not foreign:
                    break
                edits[k] = ("added", rng.choice(foreign), "")
                taken.append(k)
    out_de, gold, truth = [], [], []
    for k in range(n):
        kind, new, detail = edits.get(k, ("keep", german[k], ""))
        if kind == "dropped":
            gold.append(([], [k]))
            truth.append(("dropped", [], [k], detail))
            continue
        if kind == "added":
            # The foreign sentence goes before line k.
            gold.append(([len(out_de)], []))
            truth.append(("added", [len(out_de)], [], new))
            out_de.append(new)
            new = german[k]
            kind = "keep"
        if kind == "swapped":
            g = len(out_de)
            gold.append(([g, g + 1], [k, k + 1]))
            truth.append(("swapped", [g, g + 1], [k, k + 1], ""))
            out_de.append(new)
            continue
        if kind == "swapped-second":
            out_de.append(new)
            continue
        if kind != "keep":
            truth.append((kind, [len(out_de)], [k], detail))
        gold.append(([len(out_de)], [k]))
        out_de.append(new)
    return out_de, gold, truth


def pairs(sources, de_ext, en_ext):
    for source in sources:
        if os.path.isdir(source):
            for entry in sorted(os.listdir(source)):
                if entry.endswith("." + de_ext):
                    base = os.path.join(source, entry[: -len(de_ext) - 1])
                    if os.path.isfile(base + "." + en_ext):
                        yield base
        else:
            base = source[: -len(de_ext) - 1] if source.endswith("." + de_ext) else source
            yield base


def fmt(indices):
    return ", ".join(str(k) for k in indices)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "shared", "data", "wmt21-de-en"))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--every", type=int, default=80)
    p.add_argument("--kinds", default=",".join(KINDS))
    p.add_argument("--de-ext", default="de")
    p.add_argument("--en-ext", default="en")
    p.add_argument("paths", nargs="+", help="[SOURCE ...] OUT")
    args = p.parse_args()
    args.kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in args.kinds if k not in KINDS]
    if unknown or args.every < 1:
        sys.exit(f"inject_qa_errors: unknown kinds {unknown} or --every < 1")
    *sources, out = args.paths
    sources = sources or [default]
    bases = list(pairs(sources, args.de_ext, args.en_ext))
    if not bases:
        sys.exit(f"inject_qa_errors: no NAME.{args.de_ext}/NAME.{args.en_ext} pairs in {sources}")
    texts = {}
    for base in bases:
        de = read_lines(base + "." + args.de_ext)
        en = read_lines(base + "." + args.en_ext)
        if len(de) != len(en):
            sys.exit(f"inject_qa_errors: {base}: {len(de)} German and {len(en)} English lines; "
                     "the input must be 1-1 (line i renders line i)")
        texts[base] = (de, en)
    os.makedirs(out, exist_ok=True)
    counts = {}
    for base, (de, en) in texts.items():
        name = os.path.basename(base)
        # Added sentences come from the other documents, so that they render nothing here.
        foreign = [line for other, (d, _) in texts.items() if other != base for line in d
                   if FINAL.search(line) and len(line.split()) >= 6]
        foreign = foreign[:: max(1, len(foreign) // 500)]
        out_de, gold, truth = inject(name, de, en, foreign, args)
        target = os.path.join(out, name)
        write_lines(target + ".de", out_de)
        write_lines(target + ".en", en)
        write_lines(target + ".orig.de", de)
        write_lines(target + ".deen", [f"[{fmt(g)}]:[{fmt(e)}]" for g, e in gold])
        with open(target + ".truth.tsv", "w", encoding="utf-8") as f:
            f.write("kind\tgerman\tenglish\tdetail\n")
            for kind, g, e, detail in truth:
                detail = detail.replace("\t", " ")
                f.write(f"{kind}\t{fmt(g).replace(' ', '')}\t{fmt(e).replace(' ', '')}\t{detail}\n")
                counts[kind] = counts.get(kind, 0) + 1
    total = sum(counts.values())
    summary = ", ".join(f"{counts.get(k, 0)} {k}" for k in args.kinds)
    print(f"wrote {len(texts)} pairs to {out}: {total} errors ({summary})")


if __name__ == "__main__":
    main()
