"""Typed records: one dataclass per output table row, fields in ANNOTATION.md's column order."""
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class DocumentRow:
    doc_id: str
    source: str
    sha256: str = ""
    n_chars: int | None = None
    n_sentences: int | None = None
    n_tokens: int | None = None
    status: str = "ok"
    error: str = ""
    pipeline_version: str = ""
    models: str = ""
    metadata: dict = field(default_factory=dict)  # other fields of a JSONL/CSV record


@dataclass(slots=True)
class SentenceRow:
    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str


@dataclass
class EntityRow:
    doc_id: str
    sent_id: int
    entity_id: str
    text: str
    label: str
    start: int
    end: int
    normalized: str = ""
    kb_id: str = ""
    source: str = ""  # which component found it: a model name or "rules"


@dataclass
class RelationRow:
    doc_id: str
    sent_id: int
    relation_id: str
    subject_id: str
    subject: str
    relation: str
    object_id: str
    object: str
    predicate: str = ""
    negated: bool = False
    evidence: str = ""


@dataclass
class StanceRow:
    doc_id: str
    sent_id: int
    stance_id: str
    actor: str
    actor_id: str
    target: str
    polarity: str
    cue: str = ""
    negated: bool = False
    intensity: str = "normal"
    evidence: str = ""


@dataclass
class EventRow:
    doc_id: str
    sent_id: int
    event_id: str
    event_type: str
    trigger: str
    actor: str = ""
    recipient: str = ""
    date_text: str = ""
    date: str = ""
    location: str = ""
    amount_text: str = ""
    amount: float | None = None
    currency: str = ""
    evidence: str = ""


TABLES: dict[str, type] = {
    "documents": DocumentRow,
    "sentences": SentenceRow,
    "entities": EntityRow,
    "relations": RelationRow,
    "stances": StanceRow,
    "events": EventRow,
}


def columns(table: str) -> list[str]:
    return [f.name for f in fields(TABLES[table])]


@dataclass(slots=True)
class TokenRow:
    """One analysed word, with its span in the ORIGINAL text (for CoNLL-U / IOB / DocBin export)."""
    sent_id: int
    word_id: int
    text: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int


@dataclass
class DocumentResult:
    """Everything the pipeline produced for one document: one row per table, lists for the rest."""
    document: DocumentRow
    sentences: list[SentenceRow] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    relations: list[RelationRow] = field(default_factory=list)
    stances: list[StanceRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    tokens: list[TokenRow] = field(default_factory=list)  # the analysis, for dataset export

    def rows(self, table: str) -> list:
        return [self.document] if table == "documents" else getattr(self, table)
