"""Prepare harmonised, normalised UD training data for Stanza.

What is kept and why (see models/README.md):
- Training: PerDT dev (4 of 5 sentences), Seraji dev+test, iPerUDT train+dev+test.
  Dev (model selection): every 5th PerDT dev sentence. PerDT test is never read here.
- XPOS: the treebanks use two different tagsets (PerDT vs Seraji/iPerUDT), so XPOS is
  dropped ("_"); UPOS + UFeats carry the information the pipeline uses.
- Lemmas: verbs (and participles) use the PerDT convention, the past stem («کرد»); iPerUDT's
  «کرد#کن» is cut at «#». Seraji's clitic lemmas are kept as they are.
- UPOS conventions: Seraji has no PROPN (names are NOUN) and iPerUDT few. A NOUN whose form
  is mostly PROPN in PerDT dev becomes PROPN, and the PerDT sentences are repeated
  PERDT_REPEAT times, so the models follow PerDT's conventions (the test set's) where the
  treebanks disagree.
- MISC: only SpaceAfter=No is kept (transliterations are noise for Stanza).
- Lemma conventions: Seraji and iPerUDT lemmatise some frequent words differently from PerDT
  («شد/می‌شود» -> «کرد», clitic «ش» -> «آن», «شان» -> «آن‌ها»). Where PerDT gives a (form, UPOS)
  one lemma in almost all of its occurrences and the other treebank's lemma almost never, the
  other treebank's word takes PerDT's lemma (1,065 words; `train data` prints the count).
- Extra lemmatizer data: UniMorph's Persian verb paradigms (`morph/unimorph_fas.tsv`), one-word
  formal forms only, as VERB words whose lemma is the past stem («می‌سپارند» -> «سپرد»,
  infinitive minus «ن», PerDT's convention), in `fa.lemma_train.conllu` beside the treebanks.
- Extra tagger data: the Seraji UD 1.x training set (`pos/seraji_v1_train_word_UPOS.txt`,
  words and UPOS only) becomes `fa.pos_extra.conllu` with every other column blank, so the
  tagger learns UPOS from it and nothing else (Stanza masks a column that is blank in a whole
  training file). Its tags are mapped to PerDT's: CONJ -> CCONJ, and a word whose UD 1.x tag
  PerDT almost never gives it takes PerDT's tag for that word («است» VERB -> AUX, «را» PART
  -> ADP, «هیچ» ADV -> DET).
- Multi-word tokens: iPerUDT is colloquial and splits clitics that formal text (PerDT, the
  news the pipeline reads) writes as part of one word («اینه» → «این ه», «بهش» → «به ش»).
  Trained on them, the tokenizer flagged formal words such as «گسترش» as multi-word. The
  tokenizer and MWT expander therefore train on `fa.tok_train.*`, where iPerUDT's multi-word
  tokens are single words except a content word + pronoun clitic («دلم» → «دل م»), which
  PerDT splits too; the tagger and parser keep every split.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

from pipeline.normalize import normalize_token

UD_TRAIN = [
    "ud/seraji/fa_seraji-ud-dev.conllu",
    "ud/seraji/fa_seraji-ud-test.conllu",
    "ud/iperudt/iPerUDT_train.conllu",
    "ud/iperudt/iPerUDT_dev.conllu",
    "ud/iperudt/iPerUDT_test.conllu",
]
PERDT_DEV = "ud/perdt/fa_perdt-ud-dev.conllu"
PERDT_REPEAT = 3
SERAJI_V1 = "pos/seraji_v1_train_word_UPOS.txt"
UD1_TO_UD2 = {"CONJ": "CCONJ"}
UNIMORPH = "morph/unimorph_fas.tsv"
SOURCE_COMMENT = "# source = "  # which treebank a training sentence comes from (pipeline/training/propn.py)
# A UD 1.x tag (another treebank's lemma) is replaced by PerDT's for the word when PerDT gives
# it that value in under RARE_SHARE of MIN_SEEN+ occurrences and one other in MAJORITY_SHARE+.
MIN_SEEN, RARE_SHARE, MAJORITY_SHARE = 3, 0.1, 0.7


def read_conllu(path: Path) -> list[list[str]]:
    """Sentences as lists of raw lines (comments included)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
        else:
            current.append(line)
    if current:
        sentences.append(current)
    return sentences


def harmonise_sentence(lines: list[str]) -> list[str]:
    out, words = [], []
    for line in lines:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or "." in cols[0]:  # drop empty nodes
            continue
        cols[1] = normalize_token(cols[1]) or cols[1]
        if "-" not in cols[0]:
            lemma = cols[2].split("#")[0] if "#" in cols[2].strip("#") else cols[2]
            cols[2] = normalize_token(lemma) or lemma
            cols[4] = "_"
            cols[8] = "_"
            words.append(cols[1])
        space_after = "SpaceAfter=No" in cols[9].split("|")
        cols[9] = "SpaceAfter=No" if space_after else "_"
        out.append("\t".join(cols))
    text = _sentence_text(out)
    return [f"# text = {text}"] + out


def with_source(sentence: list[str], source: str) -> list[str]:
    """The sentence with a `# source` comment after its `# text` line."""
    return [sentence[0], f"{SOURCE_COMMENT}{source}", *sentence[1:]]


def _sentence_text(rows: list[str]) -> str:
    parts, skip_until = [], 0
    for row in rows:
        cols = row.split("\t")
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            skip_until = int(b)
        elif int(cols[0]) <= skip_until:
            continue
        parts.append(cols[1] + ("" if cols[9] == "SpaceAfter=No" else " "))
    return "".join(parts).strip()


def write_conllu(sentences: list[list[str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for i, sent in enumerate(sentences):
            f.write(f"# sent_id = {i}\n")
            f.write("\n".join(sent) + "\n\n")


def write_plaintext(sentences: list[list[str]], path: Path, per_paragraph: int = 6) -> None:
    """Raw text for the tokenizer: sentences joined into paragraphs, blank line between."""
    paragraphs = []
    for i in range(0, len(sentences), per_paragraph):
        chunk = sentences[i:i + per_paragraph]
        paragraphs.append(" ".join(s[0][len("# text = "):] for s in chunk))
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def proper_nouns(sentences: list[list[str]]) -> set[str]:
    """Forms tagged PROPN in most of their occurrences."""
    return {form for form, tags in upos_by_form(sentences).items() if 2 * tags["PROPN"] > sum(tags.values())}


def propn_as_in_perdt(sentence: list[str], names: set[str]) -> list[str]:
    rows = []
    for row in sentence:
        cols = row.split("\t")
        if len(cols) == 10 and cols[3] == "NOUN" and cols[1] in names:
            cols[3] = "PROPN"
        rows.append("\t".join(cols))
    return rows


PRONOUN_CLITICS = {"ش", "م", "ت", "شان", "مان", "تان", "اش", "ام", "ات", "یش", "یم"}
CONTENT_UPOS = {"NOUN", "PROPN", "ADJ", "VERB", "ADV"}


def _formal_split(parts: list[list[str]]) -> bool:
    """A content word + pronoun clitic, split the way PerDT splits it."""
    return (len(parts) == 2 and parts[0][3] in CONTENT_UPOS and parts[1][3] == "PRON"
            and parts[1][1] in PRONOUN_CLITICS)


def as_single_words(sentence: list[str]) -> list[str]:
    """The sentence with its colloquial multi-word tokens written as one word (for the tokenizer)."""
    rows = [r.split("\t") for r in sentence if not r.startswith("#")]
    words = []  # [cols, range row or None when the word starts a kept multi-word token]
    new_id, i = {}, 0
    while i < len(rows):
        cols = rows[i]
        if "-" not in cols[0]:
            new_id[int(cols[0])] = len(words) + 1
            words.append([cols[:], None])
            i += 1
            continue
        start, end = map(int, cols[0].split("-"))
        parts = [r for r in rows[i + 1:] if "-" not in r[0] and start <= int(r[0]) <= end]
        i += 1 + len(parts)
        if _formal_split(parts):
            for k, part in enumerate(parts):
                new_id[int(part[0])] = len(words) + 1
                words.append([part[:], (cols, len(parts)) if k == 0 else None])
            continue
        # one word: the part whose head lies outside the token heads it
        word = next((p for p in parts if not start <= int(p[6]) <= end), parts[0])[:]
        word[1], word[2], word[5], word[9] = cols[1], cols[1], "_", cols[9]
        for part in parts:
            new_id[int(part[0])] = len(words) + 1
        words.append([word, None])
    lines = [r for r in sentence if r.startswith("#")]
    for n, (cols, token) in enumerate(words, 1):
        if token:
            range_cols, size = token
            lines.append("\t".join([f"{n}-{n + size - 1}", *range_cols[1:]]))
        head = int(cols[6]) if cols[6].isdigit() else 0
        cols[0], cols[6] = str(n), str(new_id.get(head, 0))
        lines.append("\t".join(cols))
    return lines


def _tagged_words(sentences: list[list[str]]):
    for sent in sentences:
        for row in sent:
            cols = row.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                yield cols


def _dominant(seen: Counter | None, current: str) -> str:
    """The reference's value when it has one dominant value and `current` is rare in it."""
    if not seen or sum(seen.values()) < MIN_SEEN:
        return current
    total = sum(seen.values())
    best, n = seen.most_common(1)[0]
    return best if seen[current] < RARE_SHARE * total and n >= MAJORITY_SHARE * total else current


def lemmas_by_form(sentences: list[list[str]]) -> dict[tuple[str, str], Counter]:
    counts: dict[tuple[str, str], Counter] = {}
    for cols in _tagged_words(sentences):
        counts.setdefault((cols[1], cols[3]), Counter())[cols[2]] += 1
    return counts


def lemmas_as_in_perdt(sentence: list[str], reference: dict[tuple[str, str], Counter]) -> list[str]:
    rows = []
    for row in sentence:
        cols = row.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            cols[2] = _dominant(reference.get((cols[1], cols[3])), cols[2])
        rows.append("\t".join(cols))
    return rows


def unimorph_verbs(lines: list[str]) -> list[list[str]]:
    """One-word formal verb forms of UniMorph (lemma, form, features) as one-word sentences."""
    seen, sentences = set(), []
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 3 or " " in parts[1].strip() or "COL" in parts[2].split(";") \
                or not parts[2].startswith("V") or not parts[0].endswith("ن"):
            continue
        form, stem = normalize_token(parts[1].strip()), normalize_token(parts[0].strip()[:-1])
        if form and stem and (form, stem) not in seen:
            seen.add((form, stem))
            sentences.append([f"# text = {form}", "\t".join(["1", form, stem, "VERB", "_", "_", "0", "root", "_", "_"])])
    return sentences


def upos_by_form(sentences: list[list[str]]) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for cols in _tagged_words(sentences):
        counts.setdefault(cols[1], Counter())[cols[3]] += 1
    return counts


def as_perdt_tag(form: str, tag: str, reference: dict[str, Counter]) -> str:
    tag = UD1_TO_UD2.get(tag, tag)
    return _dominant(reference.get(form), tag)


def upos_only_sentences(lines: list[str], reference: dict[str, Counter], names: set[str]) -> list[list[str]]:
    """`word_UPOS` lines (UD 1.x tags) -> CoNLL-U sentences with only FORM and UPOS filled."""
    sentences = []
    for line in lines:
        tokens = [t.rpartition("_") for t in line.split()]
        words = [(normalize_token(w) or w, t) for w, _, t in tokens if w and t]
        if not words:
            continue
        rows = [f"# text = {' '.join(w for w, _ in words)}", f"{SOURCE_COMMENT}seraji_v1"]
        for n, (form, tag) in enumerate(words, 1):
            tag = as_perdt_tag(form, tag, reference)
            rows.append("\t".join([str(n), form, "_", tag, "_", "_", str(n - 1), "dep" if n > 1 else "root", "_", "_"]))
        sentences.append(propn_as_in_perdt(rows, names))
    return sentences


def prepare_ud(data_dir: Path, out_dir: Path) -> None:
    perdt_train, dev = [], []
    for i, sent in enumerate(read_conllu(data_dir / PERDT_DEV)):
        (dev if i % 5 == 0 else perdt_train).append(with_source(harmonise_sentence(sent), "perdt"))
    names, lemmas = proper_nouns(perdt_train), lemmas_by_form(perdt_train)
    train = perdt_train * PERDT_REPEAT
    tok_train = list(train)
    relemmatised = 0  # words of the other treebanks given PerDT's lemma
    for rel in UD_TRAIN:
        harmonised = [propn_as_in_perdt(harmonise_sentence(s), names) for s in read_conllu(data_dir / rel)]
        sents = [with_source(lemmas_as_in_perdt(s, lemmas), rel.split("/")[1]) for s in harmonised]
        relemmatised += sum(a != b for h, s in zip(harmonised, sents) for a, b in zip(h, s[:1] + s[2:]))
        train.extend(sents)
        tok_train.extend(as_single_words(s) if "iperudt" in rel else s for s in sents)
    for name, sents in (("train", train), ("tok_train", tok_train), ("dev", dev)):
        conllu = out_dir / f"fa.{name}.conllu"
        write_conllu(sents, conllu)
        txt = out_dir / f"fa.{name}.txt"
        write_plaintext(sents, txt)
        subprocess.run(
            [sys.executable, "-m", "stanza.utils.datasets.prepare_tokenizer_data",
             str(txt), str(conllu), "-o", str(out_dir / f"fa.{name}.toklabels"),
             "-m", str(out_dir / f"fa.{name}.mwt.json")],
            check=True,
        )
        print(f"{name}: {len(sents)} sentences -> {conllu}")
    verbs = unimorph_verbs((data_dir / UNIMORPH).read_text(encoding="utf-8").splitlines())
    write_conllu(train + verbs, out_dir / "fa.lemma_train.conllu")
    print(f"lemma_train: {len(train)} sentences ({relemmatised} words with PerDT's lemma) "
          f"+ {len(verbs)} UniMorph verb forms")
    extra = upos_only_sentences((data_dir / SERAJI_V1).read_text(encoding="utf-8").splitlines(),
                                upos_by_form(perdt_train), names)
    write_conllu(extra, out_dir / "fa.pos_extra.conllu")
    print(f"pos_extra: {len(extra)} sentences (UPOS only) -> {out_dir / 'fa.pos_extra.conllu'}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("work/data/ud"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    prepare_ud(args.data, args.out)


if __name__ == "__main__":
    main()
