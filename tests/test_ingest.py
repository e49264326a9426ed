"""Ingest: encodings, formats, and a clear error for every kind of bad input."""
import codecs
import json
import tracemalloc

import pytest

from pipeline.ingest import MAX_ID_CHARS, MAX_RECORD_BYTES, UsageError, read_documents, safe_doc_id

# Arabic yeh: Windows-1256 has no Persian «ی», and old cp1256 files spell it this way.
PERSIAN = "نروژ يکي از متحدان آمريکا است.\r\nحزب کارگر"


def docs_of(*paths):
    return list(read_documents(list(paths)))


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("cp1256", b""),
])
def test_encodings_are_detected_and_line_ends_unified(tmp_path, encoding, prefix):
    path = tmp_path / "doc.txt"
    path.write_bytes(prefix + PERSIAN.encode(encoding))  # Python's utf-16 codec writes a BOM
    [doc] = docs_of(path)
    assert doc.error == ""
    assert doc.text == PERSIAN.replace("\r\n", "\n")
    assert doc.doc_id == "doc"


@pytest.mark.parametrize("content,problem", [
    (b"", "empty"), (b"  \n\t \n", "empty"), (b"\x00\x01\x02binary\x00", "binary"),
    ("only latin text 123".encode(), "no Persian"),
])
def test_bad_text_files_fail_with_a_named_problem(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [doc] = docs_of(path)
    assert problem in doc.error
    assert doc.doc_id == "bad"


def test_jsonl_records_metadata_and_bad_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "سلام نروژ", "date": "2020-01-01"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a3"}),
        json.dumps({"id": "a4", "text": 42}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = docs_of(path)
    assert [d.doc_id for d in docs] == ["a1", "news_line2", "a3", "a4", "news_line5"]
    assert docs[0].error == "" and docs[0].metadata == {"date": "2020-01-01"}
    assert "news.jsonl line 2" in docs[1].error and "malformed JSON" in docs[1].error
    assert "line 3" in docs[2].error and "not a string" in docs[2].error
    assert "int, not a string" in docs[3].error
    assert "not a JSON object" in docs[4].error


def test_csv_without_text_column_fails_once(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("id,body\n1,سلام\n", encoding="utf-8")
    [doc] = docs_of(path)
    assert "no `text` column" in doc.error


def test_csv_rows_become_documents(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text('id,text,topic\nx1,"سلام، دنیا",politics\nx2,,sport\n', encoding="utf-8-sig")
    docs = docs_of(path)
    assert [d.doc_id for d in docs] == ["x1", "x2"]
    assert docs[0].text == "سلام، دنیا" and docs[0].metadata == {"topic": "politics"}
    assert "empty" in docs[1].error


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        docs_of(tmp_path / "nope.txt")


def test_a_file_that_vanishes_fails_cleanly(tmp_path):
    keep, gone = tmp_path / "a.txt", tmp_path / "b.txt"
    keep.write_text("سلام", encoding="utf-8")
    gone.write_text("سلام", encoding="utf-8")
    docs = read_documents([tmp_path])
    first = next(docs)
    gone.unlink()
    second = next(docs)
    assert first.error == "" and second.doc_id == "b" and "No such file" in second.error


@pytest.mark.parametrize("raw", ["../../x", "/etc/passwd", "a\x00b", "x" * 5000, "..", "a/b\\c"])
def test_hostile_ids_are_sanitised(raw):
    safe = safe_doc_id(raw)
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in ("", ".", "..")
    assert len(safe) <= MAX_ID_CHARS + 11


def test_duplicate_ids_stay_distinct(tmp_path):
    path = tmp_path / "dup.jsonl"
    rec = json.dumps({"id": "same", "text": "سلام"}, ensure_ascii=False)
    path.write_text(rec + "\n" + rec + "\n", encoding="utf-8")
    assert [d.doc_id for d in docs_of(path)] == ["same", "same_2"]


def test_huge_jsonl_line_fails_without_exhausting_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "ok1", "text": "سلام"}, ensure_ascii=False) + "\n")
        f.write('{"id": "huge", "text": "' + "ا" * (25 * 2**20) + '"}\n')  # ~50 MB of UTF-8
        f.write(json.dumps({"id": "ok2", "text": "سلام"}, ensure_ascii=False) + "\n")
    tracemalloc.start()
    docs = docs_of(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [d.error == "" for d in docs] == [True, False, True]
    assert "larger than" in docs[1].error and "line 2" in docs[1].error
    assert peak < 3 * MAX_RECORD_BYTES


def test_huge_csv_field_fails_without_exhausting_memory(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("id,text\nok1,سلام\n")
        f.write('huge,"' + "a" * (100 * 2**20) + '"\n')
    tracemalloc.start()
    docs = docs_of(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert docs[0].error == ""
    assert any("field larger than field limit" in d.error for d in docs[1:])
    assert peak < 6 * MAX_RECORD_BYTES


def test_ten_thousand_tiny_files(tmp_path):
    for i in range(10_000):
        (tmp_path / f"d{i:05d}.txt").write_text(f"خبر شماره {i}", encoding="utf-8")
    docs = docs_of(tmp_path)
    assert len(docs) == 10_000 and all(d.error == "" for d in docs)
    assert docs[0].doc_id == "d00000" and docs[-1].doc_id == "d09999"
