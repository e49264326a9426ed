"""Batch runs: incremental, parallel, resumable, optionally distributed with Dask.

State lives in `<out>/state.sqlite`: one row per document (content hash, the run that made it,
its whole result). Each finished batch is committed at once, so a run killed at any moment
loses at most the batches in flight; the next run reuses every committed result. Tables are
rebuilt from the store at the end of a run and written atomically, so they always hold every
document ever processed into this folder, each exactly once.

Statuses: a document whose stored result is from an earlier *completed* run and whose text is
unchanged is `skipped`; one finished by an interrupted run is reused with its own status, so a
resumed run ends with the same tables as a clean one.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from tqdm import tqdm

from pipeline.export import write_exports
from pipeline.ingest import InputDocument, collect_files, read_documents
from pipeline.nlp import bounded_groups
from pipeline.process import Options, process_batch
from pipeline.records import TABLES, DocumentResult
from pipeline.tables import frame, write_table

STATE_FILE = "state.sqlite"
# One Stanza call per batch: big enough to batch well, small enough to lose little on a crash.
BATCH_DOCS = int(os.environ.get("PERSIAN_EXTRACT_BATCH_DOCS", "64"))
BATCH_CHARS = 20_000


@dataclass
class RunConfig:
    paths: list[Path]
    out: Path
    decimal_order: str | None = None
    workers: int = 1
    force: bool = False
    fmt: str = "csv"
    engine: str = "local"  # or "dask"
    scheduler: str | None = None
    models: str | None = None
    raw_cells: bool = False
    export: bool = True
    progress: bool = True


@dataclass
class RunSummary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    reused: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)


class Store:
    """SQLite store of per-document results."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS runs (run_id INTEGER PRIMARY KEY, started REAL, finished REAL);
            CREATE TABLE IF NOT EXISTS documents (
                doc_id TEXT PRIMARY KEY, sha256 TEXT, run_id INTEGER, status TEXT, result BLOB);
        """)
        self.db.commit()

    def start_run(self) -> int:
        cur = self.db.execute("INSERT INTO runs (started) VALUES (?)", (time.time(),))
        self.db.commit()
        return cur.lastrowid

    def finish_run(self, run_id: int) -> None:
        self.db.execute("UPDATE runs SET finished = ? WHERE run_id = ?", (time.time(), run_id))
        self.db.commit()

    def lookup(self, doc_id: str) -> tuple[str, str, bool] | None:
        """(sha256, status, from_a_completed_run) of a stored document."""
        row = self.db.execute(
            "SELECT d.sha256, d.status, r.finished IS NOT NULL FROM documents d "
            "LEFT JOIN runs r ON r.run_id = d.run_id WHERE d.doc_id = ?", (doc_id,)).fetchone()
        return (row[0], row[1], bool(row[2])) if row else None

    def save(self, results: list[DocumentResult], run_id: int) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                [(r.document.doc_id, r.document.sha256, run_id, r.document.status,
                  zlib.compress(pickle.dumps(r))) for r in results])

    def results(self) -> Iterator[DocumentResult]:
        for (blob,) in self.db.execute("SELECT result FROM documents ORDER BY doc_id"):
            yield pickle.loads(zlib.decompress(blob))

    def close(self) -> None:
        self.db.close()


def count_documents(paths: list[Path]) -> int:
    """A quick estimate of the number of documents, for the progress bar's ETA."""
    total = 0
    for path in collect_files(paths):
        if path.suffix.lower() in (".jsonl", ".csv"):
            with path.open("rb") as f:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
        else:
            total += 1
    return total


def _batches(docs: Iterable[InputDocument]) -> Iterator[list[InputDocument]]:
    return bounded_groups(docs, lambda doc: len(doc.text), BATCH_CHARS, BATCH_DOCS)


def _local_results(batches: Iterator[list[InputDocument]], options: Options, workers: int):
    if workers <= 1:
        for batch in batches:
            yield process_batch(batch, options)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        in_flight = set()
        for batch in batches:
            in_flight.add(pool.submit(process_batch, batch, options))
            if len(in_flight) >= 2 * workers:  # bounded: never read the whole corpus ahead
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in in_flight:
            yield future.result()


def _dask_results(batches: Iterator[list[InputDocument]], options: Options, workers: int,
                  scheduler: str | None):
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        pending = as_completed()
        for batch in batches:
            pending.add(client.submit(process_batch, batch, options, pure=False))
            if pending.count() >= 2 * max(1, workers):
                yield next(pending).result()
        for future in pending:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(config: RunConfig) -> RunSummary:
    started = time.perf_counter()
    files = collect_files(config.paths)  # a missing path is a usage error before any work
    store = Store(config.out / STATE_FILE)
    run_id = store.start_run()
    summary = RunSummary()
    skipped: set[str] = set()

    def todo() -> Iterator[InputDocument]:
        for doc in read_documents(files):
            stored = None if config.force or doc.error else store.lookup(doc.doc_id)
            if stored and stored[0] == doc.sha256 and stored[1] != "failed":
                if stored[2]:
                    skipped.add(doc.doc_id)
                    summary.skipped += 1
                else:
                    summary.reused += 1
                bar.update(1)
                continue
            yield doc

    options = Options(decimal_order=config.decimal_order, models=config.models)
    bar = tqdm(total=count_documents(files), unit="doc", disable=not config.progress,
               dynamic_ncols=True, smoothing=0.1)
    batches = _batches(todo())
    results = (_dask_results(batches, options, config.workers, config.scheduler)
               if config.engine == "dask" else _local_results(batches, options, config.workers))
    try:
        for batch_results in results:
            store.save(batch_results, run_id)
            for r in batch_results:
                if r.document.status == "failed":
                    summary.failed += 1
                    summary.failures.append((r.document.doc_id, r.document.error))
                else:
                    summary.ok += 1
                    summary.words += r.document.n_tokens or 0
            bar.update(len(batch_results))
            elapsed = time.perf_counter() - started
            bar.set_postfix(words_per_s=f"{summary.words / elapsed:.0f}", failed=summary.failed)
    finally:
        bar.close()
    write_tables(store, config.out, skipped, config.fmt, config.raw_cells, config.export)
    store.finish_run(run_id)
    store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def write_tables(store: Store, out: Path, skipped: set[str], fmt: str, raw_cells: bool,
                 export: bool) -> None:
    rows: dict[str, list] = {table: [] for table in TABLES}
    results = []
    for result in store.results():
        if result.document.doc_id in skipped:
            result.document.status = "skipped"
        for table in TABLES:
            rows[table].extend(result.rows(table))
        if export:
            results.append(result)
    for table, table_rows in rows.items():
        write_table(frame(table, table_rows), out / table, fmt, raw_cells)
    if export:
        write_exports(results, out / "export")
