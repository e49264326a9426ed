"""One batch of input documents -> one DocumentResult each (normalise, Stanza, extract).

A failure in one document never takes the batch down: if the batched Stanza call fails, the
documents are retried one by one and only the culprit is marked failed.
"""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field

from pipeline import __version__
from pipeline.extract import extract_document
from pipeline.ingest import InputDocument
from pipeline.nlp import Sentence, analyse_documents, describe_models, models_dir
from pipeline.normalize import NormalizedText, normalize
from pipeline.records import DocumentResult, DocumentRow, SentenceRow, TokenRow

log = logging.getLogger(__name__)


@dataclass
class Options:
    decimal_order: str | None = None  # None: the corpus setting, else "standard"
    models: str | None = None
    stage_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def _failed(doc: InputDocument, error: str, models: str = "") -> DocumentResult:
    return DocumentResult(DocumentRow(doc.doc_id, doc.source, doc.sha256, len(doc.text) or None,
                                      status="failed", error=error, pipeline_version=__version__,
                                      models=models, metadata=doc.metadata))


def _result(doc: InputDocument, norm: NormalizedText, sentences: list[Sentence], options: Options,
            models: str) -> DocumentResult:
    decimal_order = options.decimal_order or doc.settings.get("decimal_order", "standard")
    started = time.perf_counter()
    entities, relations, stances, events = extract_document(doc.doc_id, norm, sentences, decimal_order)
    options.stage_seconds["extract"] += time.perf_counter() - started
    sentence_rows = []
    for sent in sentences:
        start, end = norm.to_original(sent.start, sent.end)
        sentence_rows.append(SentenceRow(doc.doc_id, sent.index, start, end, sent.text))
    row = DocumentRow(doc.doc_id, doc.source, doc.sha256, len(doc.text), len(sentences),
                      sum(len(s.words) for s in sentences), "ok", "", __version__, models,
                      metadata=doc.metadata)
    tokens = [TokenRow(sent.index, w.id, w.text, w.lemma, w.upos, w.feats, w.head, w.deprel,
                       *norm.to_original(w.start, w.end)) for sent in sentences for w in sent.words]
    return DocumentResult(row, sentence_rows, entities, relations, stances, events, tokens)


def process_batch(docs: list[InputDocument], options: Options) -> list[DocumentResult]:
    folder = models_dir(options.models)
    models = describe_models(folder)
    results: dict[int, DocumentResult] = {}
    pending: list[tuple[int, InputDocument, NormalizedText]] = []
    for i, doc in enumerate(docs):
        if doc.error:
            results[i] = _failed(doc, doc.error, models)
            continue
        started = time.perf_counter()
        try:
            pending.append((i, doc, normalize(doc.text)))
        except Exception as exc:  # a normaliser bug must not stop the batch
            results[i] = _failed(doc, f"{doc.source}: normalisation failed: {exc!r}", models)
        options.stage_seconds["normalise"] += time.perf_counter() - started

    def run(group):
        started = time.perf_counter()
        analysed = analyse_documents([norm.text for _, _, norm in group], folder)
        options.stage_seconds["stanza"] += time.perf_counter() - started
        for (i, doc, norm), sentences in zip(group, analysed):
            try:
                results[i] = _result(doc, norm, sentences, options, models)
            except Exception as exc:
                log.exception("extraction failed for %s", doc.doc_id)
                results[i] = _failed(doc, f"{doc.source}: extraction failed: {exc!r}", models)

    try:
        run(pending)
    except Exception:
        for item in pending:  # isolate the document that broke the batch
            try:
                run([item])
            except Exception as exc:
                log.exception("analysis failed for %s", item[1].doc_id)
                results[item[0]] = _failed(item[1], f"{item[1].source}: analysis failed: {exc!r}", models)
    return [results[i] for i in range(len(docs))]


def process_text(text: str, doc_id: str = "text", decimal_order: str = "standard") -> DocumentResult:
    """One raw text through the whole pipeline (for tests and notebooks)."""
    doc = InputDocument(doc_id, "<text>", text)
    return process_batch([doc], Options(decimal_order=decimal_order))[0]
