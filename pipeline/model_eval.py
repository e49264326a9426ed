"""`persian-extract evaluate-models`: held-out scores of the shipped Stanza models.

- UD: PerDT test from RAW text (sentences joined into paragraphs of 6, as the tokenizer was
  trained), through the pipeline's normaliser and Stanza, scored with the CoNLL 2018 UD
  evaluation that Stanza ships. System tokens are written as spans of the original text, so
  the character-level alignment with gold is exact.
- NER: strict entity F1 (seqeval, IOB2) on Arman `test_fold1` and PEYMA `test`, from the gold
  tokens, each with the NER model trained on that corpus.
"""
from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path

from pipeline.nlp import load_pipeline, models_dir
from pipeline.normalize import normalize, normalize_token

UD_METRICS = ["Tokens", "Sentences", "Words", "UPOS", "UFeats", "Lemmas", "UAS", "LAS"]
PARAGRAPH_SENTENCES = 6
NER_SETS = {"arman": ("ner/arman/test_fold1.txt", " "), "peyma": ("ner/peyma/test.txt", "|")}


def perdt_test_text(path: Path) -> str:
    sentences = [line.partition("=")[2].strip() for line in path.open(encoding="utf-8")
                 if line.startswith("# text")]
    paragraphs = [" ".join(sentences[i:i + PARAGRAPH_SENTENCES])
                  for i in range(0, len(sentences), PARAGRAPH_SENTENCES)]
    return "\n\n".join(paragraphs)


def system_conllu(text: str, folder: Path) -> str:
    """CoNLL-U of the pipeline's analysis; token forms are spans of the original text."""
    from pipeline.nlp import analyse_documents

    norm = normalize(text)
    lines = []
    for sent in analyse_documents([norm.text], folder)[0]:
        lines.append(f"# sent_id = {sent.index}")
        words = sent.words
        i = 0
        while i < len(words):
            j = i
            while j + 1 < len(words) and (words[j + 1].start, words[j + 1].end) == (words[i].start, words[i].end):
                j += 1
            start, end = norm.to_original(words[i].start, words[i].end)
            form = text[start:end].replace(" ", "\u00a0") or "_"
            if j > i:  # a multi-word token: the range line holds the surface form
                lines.append(f"{words[i].id}-{words[j].id}\t{form}\t_\t_\t_\t_\t_\t_\t_\t_")
            for w in words[i:j + 1]:
                lines.append("\t".join([str(w.id), form if j == i else w.text, w.lemma, w.upos, "_",
                                        w.feats or "_", str(w.head), w.deprel, "_", "_"]))
            i = j + 1
        lines.append("")
    return "\n".join(lines) + "\n"


def evaluate_ud(data: Path, folder: Path, limit: int = 0, gold_path: Path | None = None) -> dict[str, float]:
    """UD scores from raw text on PerDT test, or on `gold_path` (e.g. the PerDT dev split that
    `persian-extract train data` writes to work/data/ud/fa.dev.conllu)."""
    from stanza.models.common.utils import ud_scores  # the CoNLL 2018 UD evaluation

    gold_path = gold_path or data / "ud/perdt/fa_perdt-ud-test.conllu"
    if limit:  # a quick check on the first sentences
        blocks = gold_path.read_text(encoding="utf-8").strip().split("\n\n")[:limit]
        tmp_gold = Path(tempfile.mkstemp(suffix=".conllu")[1])
        tmp_gold.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
        gold_path = tmp_gold
    text = perdt_test_text(gold_path)
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", encoding="utf-8", delete=False) as f:
        f.write(system_conllu(text, folder))
    scores = ud_scores(str(gold_path), f.name)
    return {m: round(100 * scores[m].f1, 2) for m in UD_METRICS}


def evaluate_ner(data: Path, folder: Path, name: str, limit: int = 0) -> dict:
    from seqeval.metrics import classification_report, f1_score
    from seqeval.scheme import IOB2

    from pipeline.training.ner_data import read_iob

    rel, sep = NER_SETS[name]
    sentences = read_iob(data / rel, sep)
    if limit:
        sentences = sentences[:limit]
    nlp = load_pipeline(str(folder), "tokenize,ner", tokenize_pretokenized=True, ner_package=name)
    doc = nlp([[normalize_token(t) or t for t, _ in s] for s in sentences])
    gold = [[tag for _, tag in s] for s in sentences]
    pred = [[t.ner.replace("S-", "B-").replace("E-", "I-") for t in sent.tokens] for sent in doc.sentences]
    report = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    per_type = {k: round(100 * v["f1-score"], 2) for k, v in report.items()
                if k not in ("micro avg", "macro avg", "weighted avg")}
    return {"micro_f1": round(100 * f1_score(gold, pred, mode="strict", scheme=IOB2), 2), "per_type": per_type}


def ner_packages(folder: Path) -> list[str]:
    resources = json.loads((folder / "resources.json").read_text(encoding="utf-8"))
    return sorted(resources["fa"].get("ner", {}))


def evaluate_models(data: Path, models: str | None = None, limit: int = 0, ud_gold: Path | None = None) -> dict:
    folder = models_dir(models)
    result: dict = {"ud": evaluate_ud(data, folder, limit, ud_gold), "ner": {"per_type": defaultdict(dict)}}
    for name in NER_SETS:
        if name not in ner_packages(folder):
            result["ner"][name] = None  # no model trained on this corpus is installed
            continue
        scores = evaluate_ner(data, folder, name, limit)
        result["ner"][name] = scores["micro_f1"]
        result["ner"]["per_type"][name] = scores["per_type"]
    result["ner"]["per_type"] = dict(result["ner"]["per_type"])
    return result


def format_scores(scores: dict) -> str:
    lines = ["UD from raw text (PerDT test unless --ud-gold; CoNLL 2018 UD eval, F1 %):"]
    lines += [f"  {k:10s} {v:6.2f}" for k, v in scores["ud"].items()]
    for name in NER_SETS:
        value = scores["ner"].get(name)
        lines.append(f"NER {name}: " + ("no model installed" if value is None else f"micro F1 {value:.2f}"))
        for label, f1 in scores["ner"]["per_type"].get(name, {}).items():
            lines.append(f"  {label:8s} {f1:6.2f}")
    return "\n".join(lines)
