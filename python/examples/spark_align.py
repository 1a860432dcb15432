"""Align a corpus of document pairs with PySpark and the satzweise package.

    python python/examples/spark_align.py INPUT.jsonl OUTPUT_DIR [--master local[2]] [--partitions N]

INPUT is JSON lines, `{"id": ..., "de": "...", "en": "..."}`, the input of the Rust `corpus`
example. (For a DataFrame you already have, `align_dataframe(df)` adds the beads, the mean
confidence and an error column to it; `--dataframe-output DIR` shows it on INPUT.) The job reads it into a DataFrame of lines, numbers them, and aligns each
partition with `satzweise.align_batch` (all cores of the executor, the GIL released). It
writes one JSON record per input line that is not blank, in input order, to OUTPUT_DIR
(Spark's part files: concatenate `part-*` in name order): `{"id": ..., "beads": [{"de",
"en", "cost", "confidence"}], "mean_confidence": ...}`, the records of the `corpus` example,
or `{"id": ..., "error": "..."}` (`"line": N` when there is no id) for a line that is not a
document or a document that fails to align. No document is dropped.

Why `mapPartitions` on the RDD rather than `mapInPandas`: it needs nothing beyond pyspark
(no pandas, no pyarrow on the executors), and a partition is exactly the stream of pairs that
`align_batch` wants, so each task aligns its partition in parallel chunks.

On a cluster the executors need the package: a compiled wheel cannot be imported from
`--py-files`, so ship a packed virtual environment that has it installed (or install the
wheel in the executors' image) and submit the same file:

    python -m venv env && env/bin/pip install satzweise-*.whl venv-pack && env/bin/venv-pack -o env.tar.gz
    PYSPARK_PYTHON=./env/bin/python spark-submit --master yarn --archives env.tar.gz#env \
        --conf spark.executor.cores=4 --conf spark.executorEnv.RAYON_NUM_THREADS=4 \
        python/examples/spark_align.py hdfs:///corpus.jsonl hdfs:///aligned
"""

import argparse
import json
import os
import sys
import time


def align_partition(lines):
    """Aligns `(line text, 0-based line index)` rows; yields `(index, record JSON)`."""
    import satzweise  # imported on the executor

    rows = []  # (index, id or None, pair or error message)
    for text, index in lines:
        if not text.strip():
            continue
        if index == 0 and text.startswith("\ufeff"):
            text = text[1:]
        rows.append((index,) + parse(text))
    pairs = (entry for _, _, entry in rows if isinstance(entry, tuple))
    results = satzweise.align_batch(pairs, on_error="return")
    for index, ident, entry in rows:
        fields = {"id": ident} if ident is not None else {"line": index + 1}
        if isinstance(entry, str):
            fields["error"] = entry
        else:
            result = next(results)
            if isinstance(result, BaseException):
                fields["error"] = str(result)
            else:
                fields.update(record(result))
        yield index, json.dumps(fields, ensure_ascii=False)


def parse(text):
    """The id (or None) and `(german, english)` of a JSON line, or the id and why not."""
    try:
        value = json.loads(text)
    except ValueError as error:
        return None, f"malformed JSON: {error}"
    if not isinstance(value, dict):
        return None, "the line is not a JSON object"
    ident = value.get("id")
    for name in ("de", "en"):
        if name not in value:
            return ident, f"field {json.dumps(name)} is missing"
        if not isinstance(value[name], str):
            return ident, f"field {json.dumps(name)} is not a string"
    return ident, (value["de"], value["en"])


def record(alignment):
    """The beads and scores of one alignment, as the `corpus` example writes them."""
    beads = [
        {"de": b.german, "en": b.english, "cost": b.cost, "confidence": b.confidence}
        for b in alignment.beads
    ]
    mean = sum(b["confidence"] for b in beads) / max(len(beads), 1)
    return {"beads": beads, "mean_confidence": mean}


def align_dataframe(df, german="de", english="en"):
    """Aligns a DataFrame of document pairs (string columns `german` and `english`, any
    others kept) and returns it with three more columns: `beads` (an array of structs `de`,
    `en`, `cost`, `confidence`), `mean_confidence`, and `error` (null unless the pair could
    not be aligned, e.g. a null text). Each partition goes through one `align_batch`."""
    from pyspark.sql.types import (
        ArrayType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    bead = StructType(
        [
            StructField("de", ArrayType(LongType())),
            StructField("en", ArrayType(LongType())),
            StructField("cost", DoubleType()),
            StructField("confidence", DoubleType()),
        ]
    )
    schema = StructType(
        df.schema.fields
        + [
            StructField("beads", ArrayType(bead)),
            StructField("mean_confidence", DoubleType()),
            StructField("error", StringType()),
        ]
    )

    def run(rows):
        import satzweise  # imported on the executor

        rows = list(rows)
        pairs = [(row[german], row[english]) for row in rows]
        for row, result in zip(rows, satzweise.align_batch(pairs, on_error="return")):
            if isinstance(result, BaseException):
                yield tuple(row) + (None, None, str(result))
            else:
                aligned = record(result)
                beads = [(b["de"], b["en"], b["cost"], b["confidence"]) for b in aligned["beads"]]
                yield tuple(row) + (beads, aligned["mean_confidence"], None)

    return df.sparkSession.createDataFrame(df.rdd.mapPartitions(run), schema)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--master", default=None, help="e.g. local[2]; spark-submit's when absent")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument(
        "--dataframe-output",
        default=None,
        help="also align the input read as a DataFrame (id, de, en) with align_dataframe and "
        "write it here with DataFrame.write.json",
    )
    args = parser.parse_args()

    if (args.master or "").startswith("local"):
        # Local mode: the Python workers run this interpreter, which has satzweise installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    started = time.monotonic()
    builder = SparkSession.builder.appName("satzweise-align")
    if args.master:
        builder = builder.master(args.master)
    if (args.master or "").startswith("local"):
        # A handful of cores: a few shuffle partitions, not Spark's default of 200.
        builder = builder.config("spark.sql.shuffle.partitions", "4")
    spark = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        lines = spark.read.text(args.input)  # a DataFrame of document-pair lines
        rdd = lines.rdd.map(lambda row: row.value).zipWithIndex()
        if args.partitions:
            rdd = rdd.repartition(args.partitions)
        aligned = rdd.mapPartitions(align_partition).sortByKey().values()
        aligned.saveAsTextFile(args.output)
        count = spark.read.text(args.output).count()
        if args.dataframe_output:
            pairs = spark.read.schema("id string, de string, en string").json(args.input)
            aligned = align_dataframe(pairs).drop("de", "en")
            aligned.write.json(args.dataframe_output)
    finally:
        spark.stop()
    print(
        f"spark_align: {count} records written to {args.output} in "
        f"{time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
