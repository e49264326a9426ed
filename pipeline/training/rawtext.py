"""Read the raw text sets of ../shared/data/raw (and treebank text) as one stream of documents."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

csv.field_size_limit(sys.maxsize)


def _jsonl(path: Path) -> Iterator[str]:
    for line in path.open(encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            parts = [rec.get("title") or "", rec.get("abstract") or "", *(rec.get("paragraphs") or [])]
            yield "\n".join(p for p in parts if isinstance(p, str) and p.strip())


def _rss(path: Path) -> Iterator[str]:
    for rec in json.loads(path.read_text(encoding="utf-8")):
        yield "\n".join(str(rec.get(k) or "") for k in ("title", "summary"))


def _csv(path: Path) -> Iterator[str]:
    for row in csv.DictReader(path.open(encoding="utf-8")):
        yield "\n".join((row.get("title") or "").strip().splitlines() + [row.get("text") or ""])


def _amr(path: Path) -> Iterator[str]:
    for line in path.open(encoding="utf-8"):
        if line.startswith("# ::snt "):
            yield line[len("# ::snt "):].strip()


def _lines(path: Path) -> Iterator[str]:
    yield from (line.strip() for line in path.open(encoding="utf-8") if line.strip())


def news_documents(raw_dir: Path) -> Iterator[tuple[str, str]]:
    """(doc_id, text) for each news article in the Fars News JSONL files."""
    for path in sorted(raw_dir.glob("fars_news_*.jsonl")):
        for i, text in enumerate(_jsonl(path)):
            if text.strip():
                yield f"{path.stem}_{i:04d}", text


def raw_texts(raw_dir: Path, exclude: frozenset[str] = frozenset()) -> Iterator[str]:
    """Every raw text in the folder, whatever its format (files named in `exclude` skipped)."""
    for path in sorted(raw_dir.iterdir()):
        if path.name in exclude:
            continue
        if path.suffix == ".jsonl":
            yield from _jsonl(path)
        elif path.suffix == ".json":
            yield from _rss(path)
        elif path.suffix == ".csv":
            yield from _csv(path)
        elif path.name == "little_prince.txt":
            yield from _amr(path)
        elif path.suffix == ".txt":
            yield from _lines(path)
