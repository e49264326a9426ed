"""Ingest: paths in, one `InputDocument` per document out (a failed one carries its error).

Formats: `.txt` (one document), `.jsonl` (one per line: `id`, `text`, other fields kept as
metadata), `.csv` (columns `id`, `text`). Encodings: UTF-8 with or without BOM, UTF-16 with
BOM, else Windows-1256. The ORIGINAL text that offsets point into is the decoded text with
line ends made `\n` (what Python's text mode gives), so `original[start:end]` works on
`Path.read_text()`. A folder may hold `corpus.json` with per-corpus settings
(`{"decimal_order": "reversed"}`).
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".txt", ".jsonl", ".csv")
SETTINGS_FILE = "corpus.json"
MAX_RECORD_BYTES = 32 * 1024 * 1024  # one document; larger ones fail cleanly
MAX_ID_CHARS = 120
PERSIAN_LETTER = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")
UNSAFE_ID = re.compile(r"[\x00-\x1f\x7f/\\]+")


class UsageError(Exception):
    """A problem with the command line itself (exit code 2)."""


@dataclass
class InputDocument:
    doc_id: str
    source: str
    text: str = ""
    metadata: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    error: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest() if self.text else ""


def safe_doc_id(raw: object) -> str:
    """An id that is safe to show and store: no path separators or control characters, bounded."""
    text = UNSAFE_ID.sub("_", str(raw)).strip(" .") or "_"
    if len(text) > MAX_ID_CHARS:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        text = f"{text[:MAX_ID_CHARS]}-{digest}"
    return text


def decode(data: bytes) -> str:
    """Bytes -> text; raises ValueError naming the problem."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    elif b"\x00" in data:
        raise ValueError("binary file (NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1256")
            except UnicodeDecodeError as exc:
                raise ValueError(f"undecodable: neither UTF-8, UTF-16 nor Windows-1256 ({exc})") from None
    if "\x00" in text:
        raise ValueError("binary content (NUL characters) in text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: object) -> str:
    """Why a document's text cannot be processed, or '' when it can."""
    if not isinstance(text, str):
        return f"`text` is {type(text).__name__}, not a string"
    if not text.strip():
        return "empty or whitespace-only document"
    if not PERSIAN_LETTER.search(text):
        return "no Persian text at all"
    return ""


def _document(doc_id: str, source: str, text: object, settings: dict, metadata=None) -> InputDocument:
    error = check_text(text)
    return InputDocument(doc_id, source, text if not error else "", metadata or {}, settings, error)


def read_settings(folder: Path) -> dict:
    path = folder / SETTINGS_FILE
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: unreadable corpus settings ({exc})") from None


def collect_files(paths: list[Path]) -> list[Path]:
    """Input files, in a stable order; a path that does not exist is a usage error."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                                and p.is_file() and not p.name.startswith(".")))
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return files


def _read_txt(path: Path, settings: dict) -> Iterator[InputDocument]:
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise ValueError(f"larger than {MAX_RECORD_BYTES // 2**20} MB")
        text = decode(path.read_bytes())
    except (OSError, ValueError) as exc:
        yield InputDocument(safe_doc_id(path.stem), str(path), settings=settings, error=f"{path}: {exc}")
        return
    yield _document(safe_doc_id(path.stem), str(path), text, settings)


def _bounded_lines(stream: io.BufferedReader) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over MAX_RECORD_BYTES, never held whole."""
    number = 0
    while True:
        line = stream.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(1 << 20)
            yield number, None
        else:
            yield number, line


def _read_jsonl(path: Path, settings: dict) -> Iterator[InputDocument]:
    stem = safe_doc_id(path.stem)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputDocument(stem, str(path), settings=settings, error=f"{path}: {exc}")
        return
    with stream:
        for number, line in _bounded_lines(stream):
            where = f"{path} line {number}"
            fallback_id = f"{stem}_line{number}"
            if line is None:
                yield InputDocument(fallback_id, where, settings=settings,
                                    error=f"{where}: record larger than {MAX_RECORD_BYTES // 2**20} MB")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(decode(line))
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield InputDocument(fallback_id, where, settings=settings, error=f"{where}: malformed JSON ({exc})")
                continue
            doc_id = safe_doc_id(record.get("id", fallback_id))
            metadata = {k: v for k, v in record.items() if k not in ("id", "text")}
            doc = _document(doc_id, where, record.get("text"), settings, metadata)
            if doc.error:
                doc.error = f"{where}: {doc.error}"
            yield doc


def _read_csv(path: Path, settings: dict) -> Iterator[InputDocument]:
    stem = safe_doc_id(path.stem)
    csv.field_size_limit(MAX_RECORD_BYTES)
    try:
        if path.stat().st_size == 0:
            raise ValueError("empty file")
        with path.open("rb") as raw:
            head = raw.read(4)
        encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
        stream = path.open(encoding=encoding, newline="")
    except (OSError, ValueError) as exc:
        yield InputDocument(stem, str(path), settings=settings, error=f"{path}: {exc}")
        return
    with stream:
        # Feed csv pieces of at most 1 MB, so a giant field trips csv's field limit instead
        # of being read whole into memory first.
        reader = csv.DictReader(iter(lambda: stream.readline(1 << 20), ""))
        try:
            header = reader.fieldnames or []
            if "text" not in header:
                yield InputDocument(stem, str(path), settings=settings,
                                    error=f"{path}: no `text` column (columns: {', '.join(header) or 'none'})")
                return
            for number, record in enumerate(reader, start=2):
                where = f"{path} row {number}"
                doc_id = safe_doc_id(record.get("id") or f"{stem}_row{number}")
                text = record.get("text")
                metadata = {k: v for k, v in record.items() if k not in ("id", "text") and k is not None}
                doc = _document(doc_id, where, text if text is not None else None, settings, metadata)
                if doc.error:
                    doc.error = f"{where}: {doc.error}"
                yield doc
        except (csv.Error, UnicodeDecodeError) as exc:
            yield InputDocument(f"{stem}_row{reader.line_num}", f"{path} row {reader.line_num}",
                                settings=settings, error=f"{path} row {reader.line_num}: {exc}")


READERS = {".txt": _read_txt, ".jsonl": _read_jsonl, ".csv": _read_csv}


def read_documents(paths: list[Path]) -> Iterator[InputDocument]:
    """Every document of every input path, failures included, with unique doc_ids."""
    seen: dict[str, int] = {}
    for path in collect_files(paths):
        settings = read_settings(path.parent)
        for doc in READERS[path.suffix.lower()](path, settings):
            if doc.doc_id in seen:  # two inputs with one id: keep both, distinctly
                seen[doc.doc_id] += 1
                doc.doc_id = f"{doc.doc_id}_{seen[doc.doc_id]}"
            else:
                seen[doc.doc_id] = 1
            yield doc
