"""Tests of the satzweise Python package against the Rust library's own output."""

import json
import os
import pathlib
import re
import subprocess

import pytest

import satzweise

ROOT = pathlib.Path(__file__).resolve().parents[2]
GERMAN = (ROOT / "examples/data/article.de.txt").read_text(encoding="utf-8")
ENGLISH = (ROOT / "examples/data/article.en.txt").read_text(encoding="utf-8")


def rust_example(name):
    """The path of a Rust example binary: $SATZWEISE_EXAMPLES/NAME (set by .ci/python) or
    target/release/examples/NAME; the test is skipped when neither exists."""
    folder = pathlib.Path(os.environ.get("SATZWEISE_EXAMPLES", ROOT / "target/release/examples"))
    path = folder / name
    if not path.exists():
        pytest.skip(f"{path} not built: run `cargo build --release --examples` first")
    return path


def paragraphs_as_documents():
    """The shipped article cut into documents of a few sentences each: the German and English
    sentences as the default aligner pairs them, regrouped."""
    alignment = satzweise.align(GERMAN, ENGLISH)
    documents, german, english = [], [], []
    for k, bead in enumerate(alignment.beads):
        german.append(bead.german_text)
        english.append(bead.english_text)
        if k % 2 == 1:
            documents.append((" ".join(g for g in german if g), " ".join(e for e in english if e)))
            german, english = [], []
    documents.append((" ".join(german), " ".join(english)))
    return documents


def test_the_seed_article_equals_the_rust_quickstart():
    rust = json.loads(
        subprocess.run(
            [str(rust_example("quickstart")), "--json"], check=True, capture_output=True, text=True
        ).stdout
    )
    alignment = satzweise.align(GERMAN, ENGLISH)
    ours = json.loads(alignment.to_json())
    assert ours["beads"] == rust["beads"]
    assert ours == rust
    # The typed view says the same as the JSON.
    assert [(b.german, b.english, b.shape, b.cost, b.confidence) for b in alignment.beads] == [
        (b["german"], b["english"], b["shape"], b["cost"], b["confidence"]) for b in rust["beads"]
    ]
    assert alignment.german == [s["text"] for s in rust["german"]["sentences"]]
    assert len(alignment) == len(rust["beads"]) > 5


def test_the_typed_views_agree_with_the_beads():
    alignment = satzweise.align(GERMAN, ENGLISH)
    beads = alignment.beads
    assert list(alignment) == beads
    linked = [b for b in beads if b.german and b.english]
    assert [(g, e) for g, e, _ in alignment.pairs()] == [
        (b.german_text, b.english_text) for b in linked
    ]
    assert all(c >= 0.9 for _, _, c in alignment.pairs(min_confidence=0.9))
    assert [i for i, _, _ in alignment.omissions()] == [
        b.english[0] for b in beads if b.is_omission
    ]
    assert [i for i, _, _ in alignment.additions()] == [
        b.german[0] for b in beads if b.is_addition
    ]
    verdict = alignment.verdict
    assert verdict["beads"] == len(beads)
    assert verdict["flags"] == len(alignment.flags)
    assert 0.0 <= verdict["parallel_score"] <= 1.0
    for flag in alignment.flags:
        assert 0 <= flag["bead"] < len(beads) and flag["kind"] and flag["reason"]
    assert beads[0].to_dict()["shape"] == beads[0].shape


def test_omissions_additions_and_flags():
    alignment = satzweise.align(
        "Die 29. Sitzung kostet 1,5 Mio. Euro.\nSie beginnt am 3. Mai in Baku.\n",
        "The 28th session costs 1.5 million euros.\nIt begins on 3 May in Baku.\n"
        "The weather in Baku was sunny and warm all week long, with light winds.\n",
        presegmented=True,
        config={"shapes": {"allowed": ["1-1", "1-0", "0-1"]}},
    )
    assert alignment.omissions()[0][0] == 2
    assert alignment.additions() == []
    kinds = {f["kind"] for f in alignment.flags}
    assert "number_mismatch" in kinds
    number = next(f for f in alignment.flags if f["kind"] == "number_mismatch")
    assert "29." in number["reason"] and number["bead"] == 0


def test_a_batch_equals_one_by_one_in_input_order():
    documents = paragraphs_as_documents() + [("Es regnet.", "It rains."), ("", "Only English.")]
    assert len(documents) >= 5
    one_by_one = [satzweise.align(g, e).to_json() for g, e in documents]
    for chunk_size in (1, 3, None):
        batch = [a.to_json() for a in satzweise.align_batch(iter(documents), chunk_size=chunk_size)]
        assert batch == one_by_one
    aligner = satzweise.Aligner({"costs": {"skip_cost": 3.0}})
    assert [a.to_json() for a in aligner.align_batch(documents)] == [
        aligner.align(g, e).to_json() for g, e in documents
    ]


def test_a_batch_reads_its_input_a_chunk_at_a_time():
    taken = []

    def pairs():
        for k in range(10):
            taken.append(k)
            yield (f"Satz {k}.", f"Sentence {k}.")

    batch = satzweise.align_batch(pairs(), chunk_size=4)
    assert taken == []
    first = next(batch)
    assert first.german == ["Satz 0."]
    # The first chunk, and the next one, which aligns while Python reads the first.
    assert len(taken) == 8
    assert [a.english[0] for a in batch] == [f"Sentence {k}." for k in range(1, 10)]


def test_an_input_that_raises_raises_after_the_results_before_it():
    def pairs():
        yield ("Eins.", "One.")
        yield ("Zwei.", "Two.")
        raise KeyError("broken input")

    batch = satzweise.align_batch(pairs(), chunk_size=5)
    assert [a.english for a in (next(batch), next(batch))] == [["One."], ["Two."]]
    with pytest.raises(KeyError, match="broken input"):
        next(batch)


def test_presegmented_takes_one_sentence_per_line():
    alignment = satzweise.align("Dr. Müller kam.\nEr blieb", "Dr Müller came.\nHe stayed", True)
    assert alignment.german == ["Dr. Müller kam.", "Er blieb"]
    assert [b.shape for b in alignment] == ["1-1", "1-1"]


def test_bad_config_raises_with_the_library_message():
    with pytest.raises(satzweise.AlignmentError, match="no_such_key"):
        satzweise.Aligner({"no_such_key": 1})
    with pytest.raises(satzweise.AlignmentError, match="search.no_such_key"):
        satzweise.align("A.", "B.", config={"search": {"no_such_key": 1}})
    with pytest.raises(satzweise.AlignmentError, match="invalid type"):
        satzweise.Aligner({"costs": {"skip_cost": "high"}})
    with pytest.raises(satzweise.AlignmentError, match="temperature"):
        satzweise.Aligner({"temperature": 0.0})
    with pytest.raises(ValueError):  # AlignmentError is a ValueError
        satzweise.Aligner({"shapes": {"allowed": ["0-0"]}})
    with pytest.raises(TypeError, match="config must be a dict"):
        satzweise.Aligner(["skip_cost", 1.0])


def test_bad_input_raises():
    with pytest.raises(TypeError):
        satzweise.align(5, "Five.")
    with pytest.raises(TypeError):
        satzweise.align("Fünf.", None)
    with pytest.raises(TypeError, match="tuple"):
        list(satzweise.align_batch([("Eins.", "One."), "not a pair"]))
    with pytest.raises(UnicodeEncodeError):
        satzweise.align("Ein \ud800 Surrogat.", "A surrogate.")
    with pytest.raises(UnicodeEncodeError):
        list(satzweise.align_batch([("Ein \ud800 Surrogat.", "A surrogate.")]))
    with pytest.raises(TypeError, match="tuple"):
        list(satzweise.align_batch([("Eins.", "One.", "Uno.")]))
    with pytest.raises(TypeError, match="not a str"):
        satzweise.align_batch("Eins.")
    with pytest.raises(ValueError, match="on_error"):
        satzweise.align_batch([], on_error="ignore")
    with pytest.raises(ValueError, match="chunk_size"):
        satzweise.align_batch([], chunk_size=0)
    strict = {"shapes": {"allowed": ["1-1"]}}
    with pytest.raises(satzweise.AlignmentError, match="alignment"):
        satzweise.align("Eins. Zwei.", "", config=strict)


def test_a_batch_can_return_errors_in_place_and_go_on():
    pairs = [("Eins.", "One."), ("Eins. Zwei.", ""), ("Zwei.", 2), ["Drei.", "Three."]]
    results = list(satzweise.align_batch(pairs, config={"shapes": {"allowed": ["1-1"]}}, on_error="return"))
    assert len(results) == 4
    assert isinstance(results[0], satzweise.Alignment)
    assert isinstance(results[1], satzweise.AlignmentError)
    assert isinstance(results[2], TypeError)
    assert results[3].english == ["Three."]
    batch = satzweise.align_batch(pairs, config={"shapes": {"allowed": ["1-1"]}})
    assert next(batch).german == ["Eins."]
    with pytest.raises(satzweise.AlignmentError):
        next(batch)


def test_unicode_round_trips():
    german = (
        "Grüße aus Köln 🎉 – das Maß ist voll. "
        "Cafe\u0301 und Zoe\u0308 trafen sich. "
        "Straße № 5 👩\u200d👩\u200d👧 liegt am Fluß."
    )
    english = (
        "Greetings from Cologne 🎉 – enough is enough. "
        "Cafe\u0301 and Zoe\u0308 met. "
        "Street № 5 👩\u200d👩\u200d👧 lies by the river."
    )
    alignment = satzweise.align(german, english)
    assert alignment.german_source == german
    assert alignment.english_source == english
    assert len(alignment.german) == 3
    for source, sentences, spans in (
        (german, alignment.german, alignment.german_spans),
        (english, alignment.english, alignment.english_spans),
    ):
        assert [source[start:end] for start, end in spans] == sentences
    assert alignment.german[1] == "Cafe\u0301 und Zoe\u0308 trafen sich."
    assert "👩\u200d👩\u200d👧" in alignment.beads[-1].english_text
    record = json.loads(alignment.to_json())
    assert record["german"]["source"] == german
    assert [s["text"] for s in record["english"]["sentences"]] == alignment.english
    # The JSON spans are byte offsets into the UTF-8 source.
    raw = german.encode("utf-8")
    assert [
        raw[s["start"] : s["end"]].decode("utf-8") for s in record["german"]["sentences"]
    ] == alignment.german


def test_the_readme_example_runs():
    text = (ROOT / "python/README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    exec(compile(code, "python/README.md", "exec"), {})


def test_the_corpus_stage_and_the_package_agree():
    """The Rust `corpus` example and align_batch give the same beads on the same documents."""
    corpus = rust_example("corpus")
    documents = paragraphs_as_documents()
    lines = "".join(
        json.dumps({"id": k, "de": g, "en": e}, ensure_ascii=False) + "\n"
        for k, (g, e) in enumerate(documents)
    )
    out = subprocess.run([str(corpus)], input=lines, capture_output=True, text=True, check=True)
    rust = [json.loads(line) for line in out.stdout.splitlines()]
    ours = [
        [(b.german, b.english, b.cost, b.confidence) for b in a]
        for a in satzweise.align_batch(documents)
    ]
    assert [r["id"] for r in rust] == list(range(len(documents)))
    assert ours == [
        [(b["de"], b["en"], b["cost"], b["confidence"]) for b in r["beads"]] for r in rust
    ]
