"""The Stanza stage: load the models once, analyse many normalised documents in one batched call.

Models live in a `stanza_resources`-style folder (`resources.json` + `fa/<processor>/<package>.pt`).
The shipped `models/` folder is laid out that way, so our models and official Stanza Persian
models (a user's `stanza_resources` dir) load through the same `stanza.Pipeline(dir=...)` path.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pipeline.datafiles import read_tsv

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
FOREIGN_FEATURES = "foreign_features.tsv"  # under pipeline/data/, written by training/perdt_conventions.py
PERDT_TAGS = "perdt_tags.tsv"
DEFAULT_FEATURES = "default_features.tsv"
ENV_MODELS = "PERSIAN_EXTRACT_MODELS"


class ModelsNotFound(FileNotFoundError):
    pass


def models_dir(path: str | Path | None = None) -> Path:
    """The models folder: an explicit path, then $PERSIAN_EXTRACT_MODELS, then the shipped models."""
    folder = Path(path or os.environ.get(ENV_MODELS) or MODELS_DIR)
    if not (folder / "resources.json").exists():
        raise ModelsNotFound(
            f"{folder}: no resources.json — expected a Stanza models folder "
            "(the shipped models/ or a stanza_resources directory)")
    return folder


def describe_models(folder: Path) -> str:
    """'processor=package;…' for the documents table's `models` column."""
    resources = json.loads((folder / "resources.json").read_text(encoding="utf-8"))
    defaults = resources.get("fa", {}).get("default_processors", {})
    return ";".join(f"{k}={v}" for k, v in defaults.items())


@functools.cache
def load_pipeline(folder: str, processors: str = PROCESSORS, tokenize_pretokenized: bool = False,
                  ner_package: str | None = None):
    """A Stanza pipeline from a models folder; cached, so each process loads the models once.

    `ner_package` picks one NER model of several (e.g. "peyma"); default: the folder's default.
    """
    import stanza
    import torch

    wanted: str | dict = processors
    if ner_package:
        resources = json.loads((Path(folder) / "resources.json").read_text(encoding="utf-8"))
        defaults = resources["fa"]["default_processors"]
        wanted = {p: (ner_package if p == "ner" else defaults[p]) for p in processors.split(",")}

    torch.set_num_threads(max(1, int(os.environ.get("PERSIAN_EXTRACT_THREADS", "1"))))
    logging.getLogger("stanza").setLevel(logging.WARNING)
    return stanza.Pipeline(
        lang="fa", dir=folder, processors=wanted, download_method=None, use_gpu=False,
        tokenize_pretokenized=tokenize_pretokenized, logging_level="WARN",
        tokenize_postprocessor=None if tokenize_pretokenized else keep_lexicon_words,
        pos_batch_size=3000, depparse_batch_size=3000, ner_batch_size=64,
    )


@functools.cache
def hazm_lexicon() -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """hazm's word list (193k words), read once: (word, corpus frequency, tags)."""
    from hazm.utils import words_list

    return tuple(words_list())


@functools.cache
def lexicon_words() -> frozenset[str]:
    """Words of hazm's lexicon that are words in their own right: tagged, and never as a pronoun
    (hazm tags «خودش», «منش» PRO: those are a word + clitic)."""
    return frozenset(word for word, _, tags in hazm_lexicon() if tags != ("0",) and "PRO" not in tags)


OWN_CLITIC = re.compile(r"خود(?:ش|م|ت|مان|تان|شان)")  # «خودش»: PerDT splits it «خود ش»
# A pronoun clitic after a vowel: PerDT splits «جایش» as «جا یش», where the MWT expander
# (trained mostly on «کتاب‌های ش», «برای ش») writes «جای ش».
CLITIC_AFTER_VOWEL = re.compile(r"(.+[اآو])(ی(?:ش|م|ت|مان|تان|شان))")
# The copula «است» written onto a word ending in a vowel, or «این»/«آن»: PerDT splits «شماست»,
# «دل‌هاست», «اینست» as «شما ست»; the tokenizer rarely flags them.
COPULA_CLITIC = re.compile(r"(.+[اوی]|این|آن)ست")


@functools.cache
def hazm_words() -> frozenset[str]:
    """Every word of hazm's lexicon, pronouns included."""
    return frozenset(word for word, _, _ in hazm_lexicon())


def is_word_and_copula(text: str) -> bool:
    """«شماست», «کجاست»: a known word (or a plural in «ها») + «ست», itself neither a lexicon word
    («دوست», «راست») nor a verb's past stem («کاست», «خواست»)."""
    m = COPULA_CLITIC.fullmatch(text)
    return bool(m) and text not in lexicon_words() and text not in hazm_verb_lemmatizer()[1] \
        and (m[1] in hazm_words() or m[1].endswith("ها"))


def keep_lexicon_words(sentences: list[list]) -> list[list]:
    """Stanza tokenize postprocessor. A token the tokenizer flags as word + clitic but that is a
    lexicon word stays one word: the tokenizer splits frequent nouns ending like a clitic
    («کاهش» -> «کاه ش», «گسترش», «ملت», «تروریسم»), and the parse around them breaks; of
    the formal PerDT dev treebank's 369 multi-word tokens, 7 are lexicon words. «خود» + clitic
    and a word + the copula «ست» (`is_word_and_copula`) are always flagged."""
    words = lexicon_words()
    out = []
    for sent in sentences:
        tokens = []
        for token in sent:
            flagged = isinstance(token, tuple) and token[1]
            text = token[0] if isinstance(token, tuple) else token
            if flagged and text in words:
                tokens.append(text)
            elif not flagged and (OWN_CLITIC.fullmatch(text) or is_word_and_copula(text)):
                tokens.append((text, True))
            else:
                tokens.append(token)
        out.append(tokens)
    return out


def perdt_clitic_split(sentence) -> None:
    """After the MWT expander: «جای ش» -> «جا یش» (CLITIC_AFTER_VOWEL), not after the plural
    «های» or «برای», which PerDT splits as the expander does. (Stanza's manual expansions from
    a tokenize postprocessor would do this earlier, but misnumber the words of a sentence that
    also holds expanded tokens.)"""
    for token in sentence.tokens:
        if len(token.words) != 2:
            continue
        m = CLITIC_AFTER_VOWEL.fullmatch(token.text)
        if m and not m[1].endswith(("ها", "برا")) and token.words[0].text == m[1] + "ی":
            token.words[0].text, token.words[1].text = m[1], m[2]


PREVERBS = ("باز", "بر", "در", "فرو", "فرا", "ور")  # PerDT's lemma drops them: «برچید» -> «چید»


@functools.cache
def hazm_verb_lemmatizer():
    """(hazm's Lemmatizer, the past stems of hazm's verb list)."""
    from hazm import Lemmatizer

    lemmatizer = Lemmatizer()
    return lemmatizer, frozenset(verb.split("#")[0] for verb in lemmatizer.verbs.values())


@functools.lru_cache(maxsize=1 << 16)  # the extraction layer asks for every verb it matches
def split_preverb(form: str) -> tuple[str, str] | None:
    """(preverb, past stem of the rest) for a preverb verb form («درآوردند» -> («در», «آورد»),
    «برانگیخته» -> («بر», «انگیخت»)), when hazm knows the rest as a verb; else None."""
    lemmatizer, past_stems = hazm_verb_lemmatizer()
    for preverb in PREVERBS:
        rest = form[len(preverb):].lstrip("\u200c")
        if not form.startswith(preverb) or len(rest) < 3:  # «برد», «برده»: no preverb
            continue
        lemma = lemmatizer.lemmatize(rest)
        if "#" in lemma:
            return preverb, lemma.split("#")[0]
        if rest in past_stems:
            return preverb, rest
        if rest.endswith("ه") and rest[:-1] in past_stems:  # the participle «انگیخته»
            return preverb, rest[:-1]
    return None


def perdt_lemmas(sentence) -> None:
    """After the lemmatizer, PerDT's lemma conventions it cannot learn from one word: the «خود»
    of «خود ش» takes the whole «خودش» (all 30 such tokens of PerDT dev), and a verb loses its
    preverb («درآوردند» -> «آورد», where the seq2seq model, having seen few of them, invents
    stems: «آرآرد»)."""
    for token in sentence.tokens:
        words = token.words
        if len(words) > 1 and words[0].text == "خود" and OWN_CLITIC.fullmatch(text := "".join(w.text for w in words)):
            words[0].lemma = text
    for word in sentence.words:
        if word.upos == "VERB" and (split := split_preverb(word.text)):
            word.lemma = split[1]


def analyse(texts: list[str], folder: Path | None = None, processors: str = PROCESSORS):
    """Stanza Documents for normalised texts, processed together (batched), with PerDT's
    conventions applied between the stages (clitic splits, tags, names as PROPN, lemmas)."""
    import stanza

    nlp = load_pipeline(str(models_dir(folder)), processors)
    docs = [stanza.Document([], text=t) for t in texts]
    if not docs:
        return []
    steps = processors.split(",")
    # Three passes: PerDT's clitic splits before the tagger; the NER before the lemmatizer and
    # the parser, so they read names as PROPN, the way they were trained.
    fixes = {"mwt": perdt_clitic_split, "pos": perdt_conventions, "ner": _names_as_propn,
             "lemma": perdt_lemmas}
    for stage in (("tokenize", "mwt"), ("pos", "ner"), ("lemma", "depparse")):
        wanted = [p for p in steps if p in stage]
        if wanted:
            docs = nlp.process(docs, wanted)
            for fix in (fixes[p] for p in wanted if p in fixes):
                for doc in docs:
                    for sent in doc.sentences:
                        fix(sent)
    return docs


@dataclass(slots=True)
class Word:
    id: int  # 1-based within the sentence
    text: str
    lemma: str
    upos: str
    feats: str
    head: int  # 0 = root
    deprel: str
    start: int  # offsets into the normalised text (a multi-word token's words share its span)
    end: int


@dataclass(slots=True)
class Mention:
    label: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    words: list[Word]
    entities: list[Mention]


SEGMENT_CHARS = 5000  # Stanza sees bounded segments: memory stays flat on multi-MB one-line docs
SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")
LINE = re.compile(r"[^\n]+")


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) pieces for Stanza: one per line (a headline or paragraph is never glued to
    the next line's sentence), long lines cut at sentence ends, else at a space, to at most
    ~SEGMENT_CHARS."""
    pieces = []
    for line in LINE.finditer(text):
        start, end = line.start(), line.end()
        while end - start > SEGMENT_CHARS:
            window_end = start + SEGMENT_CHARS
            cut = None
            for m in SENTENCE_END.finditer(text, start + 1, window_end):
                cut = m.end()
            if cut is None:
                space = text.rfind(" ", start + 1, window_end)
                cut = space + 1 if space > start else window_end
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


NAME_LABELS = frozenset({"PER", "ORG", "LOC", "FAC"})


def _names_as_propn(sentence) -> None:
    """A noun inside a name the NER found is a proper noun, as PerDT tags it (on a Stanza
    sentence, before the parse): the tagger's largest error is PROPN -> NOUN («وزارت امور
    خارجه», «محمد»); on PerDT dev, of the nouns inside PER/ORG/LOC/FAC names 33 are PROPN in
    gold and 5 NOUN."""
    spans = [(m.start_char, m.end_char) for m in sentence.ents if m.type in NAME_LABELS]
    for token in sentence.tokens:
        if any(start <= token.start_char and token.end_char <= end for start, end in spans):
            for w in token.words:
                if w.upos == "NOUN":
                    w.upos = "PROPN"


@functools.cache
def foreign_features() -> frozenset[tuple[str, str]]:
    """(UPOS, Feature=Value) pairs PerDT never marks (see pipeline/training/perdt_conventions.py)."""
    return frozenset((upos, feature) for upos, feature, *_ in read_tsv(FOREIGN_FEATURES))


@functools.cache
def perdt_tags() -> dict[str, tuple[str, frozenset[str]]]:
    """form -> (PerDT's UPOS for it, every UPOS PerDT gives it) (see perdt_conventions.py)."""
    return {form: (upos, frozenset(seen.split(","))) for form, upos, seen in read_tsv(PERDT_TAGS)}


@functools.cache
def default_features() -> dict[str, list[tuple[str, str]]]:
    """UPOS -> ((category, Feature=Value), …) PerDT gives when the category is left out."""
    defaults: dict[str, list[tuple[str, str]]] = {}
    for upos, feature, *_ in read_tsv(DEFAULT_FEATURES):
        defaults.setdefault(upos, []).append((feature.split("=")[0], feature))
    return defaults


def perdt_conventions(sentence) -> None:
    """After the tagger: a word PerDT tags consistently («حالا», «وقتی»: NOUN) takes PerDT's
    UPOS when the tagger chose one PerDT never gives it (the other treebanks tag such words
    otherwise), and the features the other treebanks mark and PerDT never does («Degree=Pos»
    on adjectives, «NumType=Card») are dropped, and a category PerDT marks on almost every word
    of the UPOS takes its usual value when the tagger left it out («Voice=Act» on verbs), so the
    parser reads PerDT-style tags."""
    tags, drop, defaults = perdt_tags(), foreign_features(), default_features()
    for word in sentence.words:
        if word.text in tags and word.upos not in tags[word.text][1]:
            word.upos = tags[word.text][0]
        kept = [f for f in (word.feats or "").split("|") if f and (word.upos, f) not in drop]
        categories = {f.split("=")[0] for f in kept}
        kept += [feature for category, feature in defaults.get(word.upos, ()) if category not in categories]
        # UD orders features by name, case-insensitively
        word.feats = "|".join(sorted(kept, key=lambda f: f.split("=")[0].lower())) or None


def _convert(doc, offset: int, first_index: int, length: int) -> list[Sentence]:
    """Compact records of a Stanza document of one segment; tokens from `length` on are the
    full stop `_closed` added, dropped here (a final punctuation mark heads nothing)."""
    sentences = []
    for sent in doc.sentences:
        tokens = [t for t in sent.tokens if t.start_char < length]
        if not tokens:
            continue
        words = []
        for token in tokens:
            for word in token.words:
                words.append(Word(word.id, word.text, word.lemma or word.text, word.upos or "X",
                                  word.feats or "", word.head or 0, word.deprel or "dep",
                                  token.start_char + offset, min(token.end_char, length) + offset))
        mentions = [Mention(ent.type, ent.start_char + offset, min(ent.end_char, length) + offset, ent.text)
                    for ent in sent.ents if ent.start_char < length]
        start, end = tokens[0].start_char + offset, min(tokens[-1].end_char, length) + offset
        sentences.append(Sentence(first_index + len(sentences), start, end, "", words, mentions))
    return sentences


def _closed(segment: str) -> str:
    """A line with no final punctuation (a headline) gets a full stop for Stanza: without one
    the tokenizer splits the last letters off as a sentence of their own («… دخالت نکن» + «د»)."""
    return segment if segment.rstrip()[-1:] in CLOSING_MARKS else segment + "."


CLOSING_MARKS = frozenset(".!?؟:؛;…»\"')]")


def analyse_documents(texts: list[str], folder: Path | None = None,
                      processors: str = PROCESSORS) -> list[list[Sentence]]:
    """Sentences for each normalised text. Segments of all texts go to Stanza together, in calls
    of at most STANZA_CALL_CHARS, each converted to compact records before the next call, so
    Stanza's heavy objects never hold more than one call's worth of text (multi-MB documents)."""
    jobs = [(doc_index, s, e) for doc_index, text in enumerate(texts) for s, e in segments(text)]
    results: list[list[Sentence]] = [[] for _ in texts]
    for group in bounded_groups(jobs, lambda job: job[2] - job[1], STANZA_CALL_CHARS):
        analysed = analyse([_closed(texts[d][s:e]) for d, s, e in group], folder, processors)
        for (doc_index, start, end), doc in zip(group, analysed):
            sentences = _convert(doc, start, len(results[doc_index]), end - start)
            for sent in sentences:
                sent.text = texts[doc_index][sent.start:sent.end]
            results[doc_index].extend(sentences)
    return results


STANZA_CALL_CHARS = 100_000
T = TypeVar("T")


def bounded_groups(items: Iterable[T], size: Callable[[T], int], max_size: int,
                   max_count: int | None = None) -> Iterator[list[T]]:
    """Consecutive items in groups closed once their total size reaches max_size (or they
    number max_count)."""
    group: list[T] = []
    total = 0
    for item in items:
        group.append(item)
        total += size(item)
        if total >= max_size or (max_count is not None and len(group) >= max_count):
            yield group
            group, total = [], 0
    if group:
        yield group
