"""The extraction layer: analysed sentences of one document -> entity, relation, stance and event rows.

Stages, one module each: `entities` (NER + values + gazetteer + linking), `coref` (references,
titles, full names), `relations`, `stances`, `events`. Extractors work on normalised-text
offsets; only the rows produced here carry ORIGINAL-text offsets (`norm.to_original`).
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.coref import Resolver
from pipeline.entities import EntityMention, find_entities, media_name
from pipeline.events import extract_events
from pipeline.nlp import Sentence, Word
from pipeline.normalize import NormalizedText
from pipeline.records import EntityRow, EventRow, RelationRow, StanceRow
from pipeline.relations import extract_relations
from pipeline.stances import extract_stances
from pipeline.syntax import Parse


def _lines(sent: Sentence) -> list[Sentence]:
    """A sentence cut at its line breaks. A headline without final punctuation reaches the
    tagger glued to the next line; extractors must not read one clause across the two."""
    groups: list[list[Word]] = [[]]
    for i, w in enumerate(sent.words):
        if i and "\n" in sent.text[sent.words[i - 1].end - sent.start:w.start - sent.start]:
            groups.append([])
        groups[-1].append(w)
    if len(groups) == 1:
        return [sent]
    pieces = []
    for group in groups:
        renumber = {w.id: n for n, w in enumerate(group, 1)}
        words = [replace(w, id=renumber[w.id], head=renumber.get(w.head, 0)) for w in group]
        start, end = words[0].start, words[-1].end
        pieces.append(Sentence(sent.index, start, end, sent.text[start - sent.start:end - sent.start], words,
                               [m for m in sent.entities if start <= m.start and m.end <= end]))
    return pieces


def _pieces(sentences: list[Sentence]) -> tuple[list[Sentence], dict[int, int]]:
    """Sentences cut at line breaks, re-indexed; and each piece's original sentence index."""
    pieces, origin = [], {}
    for sent in sentences:
        for piece in _lines(sent):
            origin[len(pieces)] = sent.index
            pieces.append(replace(piece, index=len(pieces)))
    return pieces, origin


def _entity_rows(doc_id: str, norm: NormalizedText, mentions: list[EntityMention],
                 origin: dict[int, int]) -> list[EntityRow]:
    rows = []
    for m in (media_name(norm.text, m) for m in mentions):
        start, end = norm.to_original(m.start, m.end)
        rows.append(EntityRow(doc_id, origin[m.sent_index], m.id, m.text, m.label, start, end,
                              m.normalized, m.kb_id, m.source))
    return rows


def extract_document(doc_id: str, norm: NormalizedText, sentences: list[Sentence], decimal_order: str
                     ) -> tuple[list[EntityRow], list[RelationRow], list[StanceRow], list[EventRow]]:
    original_text = {s.index: s.text for s in sentences}
    sentences, origin = _pieces(sentences)
    mentions = find_entities(norm.text, sentences, decimal_order)
    for n, m in enumerate(mentions):
        m.id = f"{doc_id}-e{n}"
    parses = {s.index: Parse(s) for s in sentences}
    evidence = {s.index: original_text[origin[s.index]] for s in sentences}
    resolver = Resolver(parses, mentions)

    relations = [RelationRow(doc_id, origin[r.sent_index], f"{doc_id}-r{n}", r.subject_id, r.subject, r.relation,
                             r.object_id, r.object, r.predicate, r.negated, evidence[r.sent_index])
                 for n, r in enumerate(extract_relations(parses, resolver))]
    stances = [StanceRow(doc_id, origin[s.sent_index], f"{doc_id}-s{n}", s.actor.text, s.actor.id, s.target,
                         s.polarity, s.cue, s.negated, s.intensity, evidence[s.sent_index])
               for n, s in enumerate(extract_stances(parses, resolver))]
    events = [EventRow(doc_id, origin[e.sent_index], f"{doc_id}-v{n}", e.event_type, e.trigger, e.actor,
                       e.recipient, e.date_text, e.date, e.location, e.amount_text, e.amount,
                       e.currency, evidence[e.sent_index])
              for n, e in enumerate(extract_events(parses, resolver))]
    return _entity_rows(doc_id, norm, mentions, origin), relations, stances, events
