"""Dataset export of the processed corpus: CoNLL-U, entities as IOB, and a spaCy DocBin.

Token spans are ORIGINAL-text offsets (kept in MISC as start_char/end_char in the CoNLL-U),
so every export lines up with the entity table.
"""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

from pipeline.records import DocumentResult, EntityRow, TokenRow
from pipeline.tables import atomic_write

NER_LABELS = {"PER", "ORG", "LOC", "FAC", "PRO", "EVENT", "DATE", "TIME", "MONEY", "PERCENT"}


def _sentences(result: DocumentResult):
    return [list(words) for _, words in groupby(result.tokens, key=lambda t: t.sent_id)]


def iob_tags(tokens: list[TokenRow], entities: list[EntityRow]) -> list[str]:
    """B-/I-/O per token; an entity covers the tokens whose span lies inside it."""
    tags = ["O"] * len(tokens)
    for ent in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        inside = [i for i, t in enumerate(tokens) if t.start >= ent.start and t.end <= ent.end
                  and t.end > t.start]
        if not inside or any(tags[i] != "O" for i in inside):
            continue  # overlapping entities: the first (longest at a position) wins
        for n, i in enumerate(inside):
            tags[i] = f"{'B' if n == 0 else 'I'}-{ent.label}"
    return tags


def to_conllu(result: DocumentResult) -> str:
    doc_id = result.document.doc_id
    lines = [f"# newdoc id = {doc_id}"]
    for words in _sentences(result):
        lines.append(f"# sent_id = {doc_id}-{words[0].sent_id}")
        lines.append(f"# text = {' '.join(w.text for w in words)}")
        for w in words:
            lines.append("\t".join([str(w.word_id), w.text, w.lemma, w.upos, "_", w.feats or "_",
                                    str(w.head), w.deprel, "_", f"start_char={w.start}|end_char={w.end}"]))
        lines.append("")
    return "\n".join(lines) + "\n"


def to_iob(result: DocumentResult) -> str:
    entities = [e for e in result.entities if e.label in NER_LABELS]
    blocks = []
    for words in _sentences(result):
        tags = iob_tags(words, entities)
        blocks.append("\n".join(f"{w.text}\t{tag}" for w, tag in zip(words, tags)))
    return "\n\n".join(blocks) + "\n\n" if blocks else ""


def to_spacy_doc(result: DocumentResult, vocab):
    from spacy.tokens import Doc

    words, spaces, heads, deps, pos, lemmas, sent_starts = [], [], [], [], [], [], []
    tokens = result.tokens
    for words_in_sent in _sentences(result):
        base = len(words)
        for i, w in enumerate(words_in_sent):
            words.append(w.text)
            nxt = tokens[base + i + 1] if base + i + 1 < len(tokens) else None
            spaces.append(bool(nxt) and nxt.start > w.end)
            heads.append(base + w.head - 1 if w.head else base + i)
            deps.append("ROOT" if not w.head else w.deprel)
            pos.append(w.upos)
            lemmas.append(w.lemma)
            sent_starts.append(i == 0)
    if not words:
        return Doc(vocab, words=[])
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=sent_starts)
    tags = iob_tags(tokens, [e for e in result.entities if e.label in NER_LABELS])
    doc.set_ents([], default="unmodified")
    spans, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append(doc.char_span(doc[start].idx, doc[i - 1].idx + len(doc[i - 1]), label=tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    doc.ents = [s for s in spans if s is not None]
    return doc


def write_exports(results: list[DocumentResult], folder: Path) -> None:
    """corpus.conllu, entities.iob and corpus.spacy for every successfully processed document."""
    import spacy
    from spacy.tokens import DocBin

    done = [r for r in results if r.document.status != "failed" and r.tokens]
    atomic_write(folder / "corpus.conllu", lambda tmp: tmp.write_text(
        "".join(to_conllu(r) for r in done), encoding="utf-8"))
    atomic_write(folder / "entities.iob", lambda tmp: tmp.write_text(
        "".join(f"# doc_id = {r.document.doc_id}\n" + to_iob(r) for r in done), encoding="utf-8"))
    vocab = spacy.blank("fa").vocab
    docbin = DocBin(attrs=["ORTH", "LEMMA", "POS", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "SENT_START"])
    for r in done:
        docbin.add(to_spacy_doc(r, vocab))
    atomic_write(folder / "corpus.spacy", lambda tmp: docbin.to_disk(tmp))
