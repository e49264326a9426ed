"""Helpers over one analysed `Sentence`: dependency children and subtrees, phrase text, verb
negation and infinitives, and token-sequence matching with lemma fallback.

Every extractor works on these instead of on raw Stanza objects, so the hand-built sentences of
the unit tests and the model's parses go through the same code. Parses can be wrong, so the
helpers are also usable linearly (word ranges, boundaries) for the surface-pattern fallbacks.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from pipeline.datafiles import read_tsv  # noqa: F401 (the extractors read their lexicons through syntax)
from pipeline.nlp import Sentence, Word, split_preverb
from pipeline.normalize import ZWNJ

PUNCT = frozenset("،,.:;؛!?؟«»\"'()[]{}-–—…/“”‘’|")
# Simple prepositions: a phrase they introduce is an oblique/PP, never a clause subject.
PREPOSITIONS = frozenset({
    "با", "از", "به", "برای", "در", "بر", "تا", "جز", "بجز", "بدون", "درباره", "دربارهٔ", "علیه",
    "توسط", "میان", "بین", "نزد", "پیش", "زیر", "روی", "طی", "مانند", "مثل", "برخلاف", "بنابر",
    "همراه", "جهت", "پس", "قبل", "بعد", "سوی", "طرف", "درخصوص", "دراثر", "ضد", "ضمن",
})
CLAUSE_MARKERS = frozenset({"که", "اما", "ولی", "لیکن", "زیرا", "چون", "اگر", "چنانچه", "تا"})
QUOTES = frozenset({"«", "»", '"', "“", "”", "'"})  # transparent around names


def key(text: str) -> str:
    """Comparison form of a word or phrase: no ZWNJ, single spaces."""
    return " ".join(text.replace(ZWNJ, "").split())


def clause_initial(parse: Parse, wid: int) -> bool:
    """The word opens the sentence or a clause (after «،», «:», «؛»; quotes are transparent)."""
    current = wid - 1
    while current >= 1 and key(parse.word(current).text) in QUOTES:
        current -= 1
    return current < 1 or key(parse.word(current).text) in ("،", ",", ":", "؛", ".", "-")


def is_punct(word: Word) -> bool:
    return word.upos == "PUNCT" or all(c in PUNCT for c in word.text)


def is_headline(parse: Parse) -> bool:
    """A sentence with no full stop at its end: a headline (a news digest stacks several stories,
    each under its own), not a sentence of the story before it."""
    last = parse.word(len(parse)) if len(parse) else None
    return last is not None and key(last.text) not in (".", "!", "?", "؟", "»", ":", "…", "؛")


def is_verb(word: Word) -> bool:
    return word.upos in ("VERB", "AUX")


def full_lemma(word: Word) -> str:
    """The lemma with the preverb PerDT's convention drops put back («بازگشت», not «گشت»), the
    verb the extraction tables name."""
    if word.upos == "VERB" and (split := split_preverb(word.text)) and split[1] == word.lemma:
        return split[0] + word.lemma
    return word.lemma


def infinitive(lemma: str) -> str:
    """Persian infinitive from a verb lemma written as the past stem («کرد» -> «کردن»)."""
    lemma = lemma.split("#")[0]
    return lemma + "ن" if lemma.endswith(("د", "ت")) else lemma


def is_negated(word: Word) -> bool:
    """A verb/copula in the negative: Polarity=Neg, or the «ن» prefix the lemma lacks."""
    if "Polarity=Neg" in word.feats:
        return True
    if not is_verb(word) and word.text not in ("نیست", "نیستند", "نبود", "نبودند"):
        return False
    text, lemma = key(word.text), key(word.lemma)
    if text.startswith(("نمی", "نخواه", "نبا", "نیست", "نبود", "نشد", "نکرد", "ننم")):
        return True
    return text.startswith("ن") and not lemma.startswith("ن")


@dataclass(frozen=True)
class Span:
    """A contiguous run of words of one sentence (ids first..last, 1-based, inclusive)."""

    sent_index: int
    first: int
    last: int
    start: int  # normalised-text offsets
    end: int
    text: str


class Parse:
    """One sentence with its dependency tree indexed for quick look-ups."""

    def __init__(self, sent: Sentence):
        self.sent = sent
        self.words = sent.words
        self.kids: dict[int, list[int]] = {}
        for w in sent.words:
            self.kids.setdefault(w.head, []).append(w.id)
        self.forms = [word_forms(w) for w in sent.words]  # what pattern tokens compare with
        self.cache: dict = {}  # per-sentence results of extractor helpers

    def __len__(self) -> int:
        return len(self.words)

    def word(self, wid: int) -> Word:
        return self.words[wid - 1]

    def matches(self, wid: int, token: str) -> bool:
        """A pattern token matches word `wid` by its text or its lemma; `a|b` lists alternatives."""
        return 0 < wid <= len(self.words) and not self.forms[wid - 1].isdisjoint(token_alternatives(token))

    def children(self, wid: int, *deprels: str) -> list[int]:
        """Dependents of `wid`; with deprels, only those whose relation (or its base) is listed."""
        out = self.kids.get(wid, [])
        if not deprels:
            return list(out)
        return [c for c in out if self.word(c).deprel in deprels
                or self.word(c).deprel.split(":")[0] in deprels]

    def subtree(self, wid: int, skip: tuple[str, ...] = ()) -> list[int]:
        """Sorted ids of `wid` and its descendants, not descending into `skip` relations."""
        out, stack = [], [wid]
        while stack:
            current = stack.pop()
            out.append(current)
            for child in self.kids.get(current, []):
                rel = self.word(child).deprel
                if rel not in skip and rel.split(":")[0] not in skip:
                    stack.append(child)
        return sorted(out)

    def ancestors(self, wid: int) -> list[int]:
        out, seen = [], {wid}
        head = self.word(wid).head
        while head and head not in seen:
            out.append(head)
            seen.add(head)
            head = self.word(head).head
        return out

    def span(self, first: int, last: int) -> Span:
        first, last = max(1, first), min(len(self.words), last)
        start, end = self.words[first - 1].start, self.words[last - 1].end
        text = self.sent.text[start - self.sent.start:end - self.sent.start]
        return Span(self.sent.index, first, last, start, end, text)

    def text(self, first: int, last: int) -> str:
        return self.span(first, last).text if first <= last else ""

    def keys(self) -> list[str]:
        return [key(w.text) for w in self.words]

    def word_at(self, offset: int) -> int | None:
        """Id of the word covering a normalised-text offset."""
        for w in self.words:
            if w.start <= offset < w.end:
                return w.id
        return None

    def words_in(self, start: int, end: int) -> list[int]:
        """Ids of the words lying inside the normalised span [start, end)."""
        return [w.id for w in self.words if w.start >= start and w.end <= end and w.end > w.start]


COPULA_CLITICS = ("\u200cاند", "\u200cایم", "ند", "یم", "ید")


def word_forms(word: Word) -> frozenset[str]:
    """A word's text and lemma; auxiliaries by form only (future «خواهد» has the lemma of
    «خواست», to want); an adjective or noun with a copula clitic also without it («مخالفند»,
    «خواستاریم»: the lemmatizer keeps the clitic)."""
    if word.upos == "AUX":
        return frozenset((key(word.text),))
    forms = {key(word.text), key(full_lemma(word))}
    if word.upos in ("ADJ", "NOUN"):
        forms.update(key(word.text)[:-len(c)] for c in COPULA_CLITICS
                     if key(word.text).endswith(c) and len(word.text) - len(c) >= 3)
    return frozenset(forms)


@functools.cache
def word_classes() -> dict[str, frozenset[str]]:
    """Named word lists shared by the pattern files (`word_classes.tsv`)."""
    return {name: frozenset(key(w) for w in words.split("|")) for name, words in read_tsv("word_classes.tsv")}


@functools.cache
def token_alternatives(token: str) -> frozenset[str]:
    """The words a pattern token matches: «a|b», where «@name» stands for a word class."""
    words: set[str] = set()
    for alt in token.split("|"):
        if alt.startswith("@") and alt[1:] not in word_classes():
            raise ValueError(f"pattern token {token!r}: no word class {alt[1:]!r} in word_classes.tsv")
        words |= word_classes()[alt[1:]] if alt.startswith("@") else {key(alt)}
    return frozenset(words)


GAP = "..."
MAX_GAP = 4


def _joined(parse: Parse, wid: int, first: str, second: str) -> bool:
    """Word `wid` is the two pattern tokens written as one word (ZWNJ-joined: key() drops it)."""
    if second == GAP or not 0 < wid <= len(parse) or ZWNJ not in parse.word(wid).text:
        return False
    text = key(parse.word(wid).text)
    return any(text.startswith(a) and text[len(a):] in token_alternatives(second) for a in token_alternatives(first))


def match_pattern(parse: Parse, at: int, tokens: tuple[str, ...]) -> list[int] | None:
    """Ids of the words matching `tokens` from word `at`; «...» skips up to MAX_GAP words
    (never punctuation). None when the pattern does not match there."""
    def walk(wid: int, n: int) -> list[int] | None:
        if n == len(tokens):
            return []
        token = tokens[n]
        if token == GAP:
            for skip in range(MAX_GAP + 1):
                if skip and (wid + skip - 1 > len(parse) or is_punct(parse.word(wid + skip - 1))):
                    break
                rest = walk(wid + skip, n + 1)
                if rest is not None:
                    return rest
            return None
        if not parse.matches(wid, token):
            if n + 1 < len(tokens) and _joined(parse, wid, token, tokens[n + 1]):
                rest = walk(wid + 1, n + 2)  # «قابل قبول» written as one word, «قابل‌قبول»
                return None if rest is None else [wid] + rest
            if n and wid <= len(parse) and _future_auxiliary(parse.word(wid)):
                rest = walk(wid + 1, n)  # «تایید [خواهد] کرد»: the future splits a light verb
                return None if rest is None else [wid] + rest
            return None
        rest = walk(wid + 1, n + 1)
        return None if rest is None else [wid] + rest
    return walk(at, 0)


FUTURE_AUXILIARIES = frozenset(negation + "خواه" + person for negation in ("", "ن")
                               for person in ("م", "ی", "د", "یم", "ید", "ند"))


def _future_auxiliary(word: Word) -> bool:
    return word.upos in ("AUX", "VERB") and key(word.text) in FUTURE_AUXILIARIES


@dataclass(frozen=True)
class PatternMatch:
    row: tuple[str, ...]  # the data-file row of the pattern
    ids: tuple[int, ...]  # matched words (gaps excluded)

    @property
    def first(self) -> int:
        return self.ids[0]

    @property
    def last(self) -> int:
        return self.ids[-1]


def find_patterns(parse: Parse, rows: tuple[tuple[str, ...], ...], column: int = 1) -> list[PatternMatch]:
    """Non-overlapping matches of the patterns in `rows[i][column]`, longest pattern first."""
    ordered = sorted(rows, key=lambda r: -len([t for t in r[column].split() if t != GAP]))
    taken: set[int] = set()
    found = []
    joined = [w.id for w in parse.words if ZWNJ in w.text]  # where two pattern words may be one
    for row in ordered:
        tokens = tuple(row[column].split())
        starts = [at for at in range(1, len(parse) + 1) if parse.matches(at, tokens[0])]
        if len(tokens) > 1:
            starts = sorted(set(starts) | {at for at in joined if _joined(parse, at, *tokens[:2])})
        for at in starts:
            ids = match_pattern(parse, at, tokens)
            if ids and not taken.intersection(range(ids[0], ids[-1] + 1)):
                taken.update(range(ids[0], ids[-1] + 1))
                found.append(PatternMatch(row, tuple(ids)))
    return sorted(found, key=lambda m: m.first)
