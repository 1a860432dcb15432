"""Writes a small corpus of document pairs cut from the shipped article, as JSON lines.

    python python/tests/article_corpus.py OUTPUT.jsonl

Every run of 1 to 4 consecutive beads of the article's hand-made gold
(examples/data/article.gold) is one document, its German and English sentences joined by a
space: about thirty documents, the input of the Spark test and the thread-count check in
.ci/python. The sentences are the article's as the satzweise segmenter splits them.
"""

import json
import pathlib
import sys

import satzweise

ROOT = pathlib.Path(__file__).resolve().parents[2]


def documents():
    data = ROOT / "examples/data"
    article = satzweise.align(
        (data / "article.de.txt").read_text(encoding="utf-8"),
        (data / "article.en.txt").read_text(encoding="utf-8"),
    )
    gold = []
    for line in (data / "article.gold").read_text(encoding="utf-8").split("\n"):
        if line.strip():
            german, english = line.split(":")
            gold.append((json.loads(german), json.loads(english)))
    for width in range(1, 5):
        for start in range(len(gold) - width + 1):
            beads = gold[start : start + width]
            german = " ".join(article.german[i] for g, _ in beads for i in g)
            english = " ".join(article.english[j] for _, e in beads for j in e)
            yield {"id": f"article-{start}-{width}", "de": german, "en": english}


def main():
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for document in documents():
            out.write(json.dumps(document, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
