"""Batch runs end to end: tables, offsets, incremental runs, failures, kill -9 and resume, workers, Dask."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, needs_models
from pipeline.cli import main
from pipeline.normalize import ZWNJ, normalize_text
from pipeline.runner import RunConfig, run

pytestmark = needs_models
TABLE_NAMES = ["documents", "sentences", "entities", "relations", "stances", "events"]
NEWS = sorted((ROOT / "corpus/news").glob("*.txt"))


def tables(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in TABLE_NAMES:
        df = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        frames[name] = df.sort_values(list(df.columns)).reset_index(drop=True)
    return frames


def comparable(out: Path) -> dict[str, pd.DataFrame]:
    """Tables without the columns that legitimately differ between runs (paths of inputs)."""
    frames = tables(out)
    frames["documents"] = frames["documents"].drop(columns=["source"])
    return frames


def squash(text: str) -> str:
    # as evaluation compares: an initialism's closing dot («بي.بي.سي.») is no letter of the name
    return "".join(normalize_text(text).replace(ZWNJ, "").split()).removesuffix(".")


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample_out")
    assert main(["run", str(ROOT / "corpus/sample"), "--out", str(out), "--quiet"]) == 0
    return out


def test_sample_tables_and_offsets(sample_run, sample_text):
    t = tables(sample_run)
    doc = t["documents"].iloc[0]
    assert doc["status"] == "ok" and doc["doc_id"] == "norway_foreign_policy"
    assert int(doc["n_sentences"]) == len(t["sentences"]) > 20
    for _, row in pd.concat([t["sentences"], t["entities"]]).iterrows():
        span = sample_text[int(row["start"]):int(row["end"])]
        assert squash(span) == squash(row["text"]), (row["text"], span)
    # lost ZWNJ and Arabic letters in the original, restored in the normalised text
    assert any("محافظه" + ZWNJ + "کار" in text for text in t["entities"]["text"])
    assert not any("ي" in text for text in t["sentences"]["text"])
    assert "نروژ" in set(t["entities"].loc[t["entities"]["label"] == "LOC", "text"])


def test_sample_money_uses_the_corpus_decimal_order(sample_run):
    entities = tables(sample_run)["entities"]
    money = set(entities.loc[entities["label"] == "MONEY", "normalized"])
    assert {"1800000000", "917500000"} <= money
    events = tables(sample_run)["events"]
    aid = events[events["event_type"] == "AID"]
    assert {"1800000000", "917500000", "307000000", "461000000"} <= set(aid["amount"])  # plain numbers
    assert {"NOK", "USD"} <= set(aid["currency"])


def test_exports_are_written(sample_run):
    conllu = (sample_run / "export/corpus.conllu").read_text(encoding="utf-8")
    assert "# newdoc id = norway_foreign_policy" in conllu
    iob = (sample_run / "export/entities.iob").read_text(encoding="utf-8")
    assert "B-LOC" in iob
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(sample_run / "export/corpus.spacy").get_docs(spacy.blank("fa").vocab))
    assert len(docs) == 1 and len(docs[0].ents) > 10 and docs[0][1].head is not None


def test_incremental_runs_skip_unchanged_and_replace_changed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in NEWS[:3]:
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "out"
    assert run(RunConfig([corpus], out, progress=False)).ok == 3
    first = tables(out)
    again = run(RunConfig([corpus], out, progress=False))
    assert (again.ok, again.skipped) == (0, 3)
    assert set(tables(out)["documents"]["status"]) == {"skipped"}
    changed = corpus / NEWS[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nنروژ عضو ناتو است.", encoding="utf-8")
    third = run(RunConfig([corpus], out, progress=False))
    assert (third.ok, third.skipped) == (1, 2)
    now = tables(out)
    assert len(now["documents"]) == 3
    for name in ("entities", "sentences"):  # the other documents' rows are kept, not doubled
        kept = now[name][now[name]["doc_id"] != NEWS[0].stem].reset_index(drop=True)
        before = first[name][first[name]["doc_id"] != NEWS[0].stem].reset_index(drop=True)
        pd.testing.assert_frame_equal(kept, before)
    forced = run(RunConfig([corpus], out, force=True, progress=False))
    assert (forced.ok, forced.skipped) == (3, 0)


def test_a_bad_document_fails_alone(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(NEWS[0], corpus / NEWS[0].name)
    (corpus / "empty.txt").write_text("   ", encoding="utf-8")
    (corpus / "records.jsonl").write_text('{"id": "r1", "text": "نروژ"}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 1
    docs = tables(out)["documents"].set_index("doc_id")
    assert docs.loc[NEWS[0].stem, "status"] == "ok" and docs.loc["r1", "status"] == "ok"
    assert docs.loc["empty", "status"] == "failed" and "empty" in docs.loc["empty", "error"]
    assert "line 2" in docs.loc["records_line2", "error"]
    assert "failed" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path):
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["run"])
    assert exc.value.code == 2


def test_formula_cells_are_neutralised_unless_raw(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "=HYPERLINK(1)", "text": "نروژ عضو ناتو است."}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    out, raw = tmp_path / "out", tmp_path / "raw"
    assert main(["run", str(corpus), "--out", str(out), "--quiet"]) == 0
    assert main(["run", str(corpus), "--out", str(raw), "--quiet", "--raw-cells"]) == 0
    assert tables(out)["documents"]["doc_id"][0] == "'=HYPERLINK(1)"
    assert tables(raw)["documents"]["doc_id"][0] == "=HYPERLINK(1)"


def test_kill_9_then_resume_equals_a_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, path in enumerate(NEWS[:12]):  # 12 documents: several batches
        shutil.copy(path, corpus / path.name)
    clean = tmp_path / "clean"
    assert main(["run", str(corpus), "--out", str(clean), "--quiet", "--no-export"]) == 0
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PERSIAN_EXTRACT_BATCH_DOCS": "2"}  # many small commits
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out),
                             "--quiet", "--no-export"], env=env)
    state = out / "state.sqlite"
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:  # kill once some work is committed
        if state.exists():
            with sqlite3.connect(state) as db:
                try:
                    if db.execute("SELECT count(*) FROM documents").fetchone()[0] > 0:
                        break
                except sqlite3.OperationalError:  # the file exists, its tables not yet
                    pass
        time.sleep(0.2)
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert killed, "the run finished before it could be killed; use more documents"
    assert not (out / "entities.csv").exists()  # nothing half-written
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--no-export"]) == 0
    resumed, reference = comparable(out), comparable(clean)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(resumed[name], reference[name])


def test_two_workers_and_dask_give_the_same_tables(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in NEWS[:4]:
        shutil.copy(path, corpus / path.name)
    outs = {}
    for name, extra in {"one": [], "two": ["--workers", "2"], "dask": ["--engine", "dask", "--workers", "2"]}.items():
        outs[name] = tmp_path / name
        assert main(["run", str(corpus), "--out", str(outs[name]), "--quiet", "--no-export", *extra]) == 0
    reference = comparable(outs["one"])
    for name in ("two", "dask"):
        other = comparable(outs[name])
        for table in TABLE_NAMES:
            pd.testing.assert_frame_equal(other[table], reference[table])


def test_interrupted_table_write_keeps_the_previous_table(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(NEWS[0], corpus / NEWS[0].name)
    out = tmp_path / "out"
    run(RunConfig([corpus], out, progress=False, export=False))
    before = (out / "entities.csv").read_bytes()

    def broken(self, path, *args, **kwargs):
        Path(path).write_text("half a tab", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", broken)
    with pytest.raises(KeyboardInterrupt):
        run(RunConfig([corpus], out, force=True, progress=False, export=False))
    assert (out / "entities.csv").read_bytes() == before
    assert not list(out.glob(".*.tmp"))


MIXED = ("وزیر خارجه در سفر به Oslo گفت: اطلاعات بیشتر در https://example.org/a?b=1 و "
         "info@example.com است. قیمت نفت 56.81 دلار و ٢٠ درصد رشد داشت.\r\nشماره ۱۲۳ و 456.")


def test_mixed_scripts_urls_and_digits_keep_exact_offsets(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(MIXED.encode("utf-8"))
    out = tmp_path / "out"
    assert main(["run", str(path), "--out", str(out), "--quiet", "--no-export"]) == 0
    original = path.read_text(encoding="utf-8")  # text mode: CRLF read as \n, like the pipeline
    t = tables(out)
    assert t["documents"]["status"][0] == "ok"
    for _, row in pd.concat([t["sentences"], t["entities"]]).iterrows():
        assert squash(original[int(row["start"]):int(row["end"])]) == squash(row["text"])
    assert "https://example.org/a?b=1" in "".join(t["sentences"]["text"]).replace(" ", "")


def test_ten_thousand_tiny_files_are_processed(tmp_path):
    corpus = tmp_path / "tiny"
    corpus.mkdir()
    for i in range(10_000):
        (corpus / f"d{i:05d}.txt").write_text(f"خبر کوتاه {i} از تهران", encoding="utf-8")
    out = tmp_path / "out"
    summary = run(RunConfig([corpus], out, progress=False, export=False))
    assert (summary.ok, summary.failed) == (10_000, 0)
    assert len(tables(out)["documents"]) == 10_000


def test_a_multi_megabyte_single_line_document_is_processed_in_bounded_stanza_calls(tmp_path, monkeypatch):
    """3 MB on one line. Tokenisation only (the full stack would take ~10 min on CI: see
    benchmarks/long_document.py), but the same path: normaliser, segments, grouped Stanza
    calls, extraction, tables."""
    import pipeline.nlp as nlp

    sentence = "نروژ با ۸/۱ میلیارد کرون به کشورهای آفریقایی کمک کرد و سیاستهای خود را ادامه داد. "
    line = sentence * (3 * 2**20 // len(sentence.encode("utf-8")))
    path = tmp_path / "huge.txt"
    path.write_text(line, encoding="utf-8")
    call_sizes = []
    real_analyse = nlp.analyse

    def tokenise_only(texts, folder=None, processors=nlp.PROCESSORS):
        call_sizes.append(sum(map(len, texts)))
        return real_analyse(texts, folder, "tokenize")

    monkeypatch.setattr(nlp, "analyse", tokenise_only)
    out = tmp_path / "out"
    summary = run(RunConfig([path], out, progress=False, export=False))
    assert (summary.ok, summary.failed) == (1, 0)
    assert len(call_sizes) > 10 and max(call_sizes) <= nlp.STANZA_CALL_CHARS + nlp.SEGMENT_CHARS
    sentences = tables(out)["sentences"]
    assert len(sentences) >= line.count(".") * 0.9
    last = sentences.loc[sentences["end"].astype(int).idxmax()]
    assert normalize_text(line[int(last["start"]):int(last["end"])]) == last["text"]


def test_a_long_single_line_document_is_split_and_processed(tmp_path):
    line = "نروژ یکی از کشورهای عضو ناتو است و با شوروی سابق هم‌مرز بود. " * 300  # ~19 KB, one line
    path = tmp_path / "long.txt"
    path.write_text(line, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(path), "--out", str(out), "--quiet", "--no-export"]) == 0
    t = tables(out)
    assert int(t["documents"]["n_sentences"][0]) >= 300
    ends = t["sentences"]["end"].astype(int)
    assert ends.max() <= len(line)
