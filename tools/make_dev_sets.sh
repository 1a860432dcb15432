#!/usr/bin/env bash
# Makes more German–English development sets from ../shared/data/wmt21-de-en with
# ../shared/tools/perturb.py: other seeds, higher deletion rates, and short lines only.
# Writes into a folder outside the repository (the data may not be committed):
#
#   tools/make_dev_sets.sh [OUT]        (OUT defaults to /tmp/satzweise-dev)
#
# Each variant is a folder OUT/NAME with NAME.de, NAME.en, NAME.deen per chunk, readable by
# `cargo run --release --example evaluate -- --dir OUT/NAME`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
source_dir="$shared/data/wmt21-de-en"
perturb="$shared/tools/perturb.py"
out="${1:-/tmp/satzweise-dev}"
[ -d "$source_dir" ] || { echo "no $source_dir" >&2; exit 1; }
mkdir -p "$out"

# variant NAME SEED [OP=P ...]: every chunk perturbed with the seed and rates.
variant() {
    local name="$1" seed="$2"; shift 2
    local rates=()
    for r in "$@"; do rates+=(--rate "$r"); done
    mkdir -p "$out/$name"
    local n=0
    for de in "$source_dir"/*.de; do
        local stem; stem="$(basename "$de" .de)"
        # One seed a chunk, so that chunks are not perturbed at the same positions.
        python3 "$perturb" --seed "$((seed * 100 + n))" "${rates[@]}" "$de" "${de%.de}.en" \
            "$out/$name/$stem" >/dev/null 2>&1
        n=$((n + 1))
    done
    echo "$out/$name"
}

# Pairs whose German side has fewer than 80 non-space characters, kept in order, per chunk:
# the short lines (headlines, quotes, short news sentences) on which skips are hardest to find.
short_source="$out/.short-source"
mkdir -p "$short_source"
for de in "$source_dir"/*.de; do
    stem="$(basename "$de" .de)"
    paste -d '\t' "$de" "${de%.de}.en" | awk -F '\t' '{ s = $1; gsub(/[ \t]/, "", s); if (length(s) < 80) print }' > "$short_source/$stem.tsv"
    cut -f1 "$short_source/$stem.tsv" > "$short_source/$stem.de"
    cut -f2 "$short_source/$stem.tsv" > "$short_source/$stem.en"
    rm "$short_source/$stem.tsv"
done

variant seed7 7
variant seed29 29
variant del8 41 del_de=0.08 del_en=0.08
variant del15 53 del_de=0.15 del_en=0.15 de_merge2=0.03 en_merge2=0.03
# More draws of the deletion sets, used only to fit the confidence of the reorder pass's beads
# (`calibration --fit ... --dev-set OUT/del8b ...`, see src/align/fitted.rs).
variant del8b 141 del_de=0.08 del_en=0.08
variant del8c 241 del_de=0.08 del_en=0.08
variant del15b 153 del_de=0.15 del_en=0.15 de_merge2=0.03 en_merge2=0.03
variant del15c 253 del_de=0.15 del_en=0.15 de_merge2=0.03 en_merge2=0.03
source_dir="$short_source"
variant short-del8 67 del_de=0.08 del_en=0.08
