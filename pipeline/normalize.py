"""Normalisation: raw Persian text -> normalised text plus a map back to the original.

hazm's Normalizer does the core work (Arabic -> Persian letters and digits, spacing, «می»
prefixes, diacritics). On top of it, lost ZWNJs are restored from a lexicon built from
ZWNJ-spelled forms in the training text (`pipeline/data/zwnj.tsv`, see
`pipeline/training/zwnj_lexicon.py`). hazm gives no offsets, so each normalised chunk is
aligned back to its original (a linear walk, difflib on local windows only); every normalised
character knows the original span it came from, and `NormalizedText.to_original` turns any
normalised span into a span of the original text.
"""
from __future__ import annotations

import difflib
from array import array
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.datafiles import read_tsv

ZWNJ = "\u200c"
ZWNJ_LEXICON = Path(__file__).parent / "data" / "zwnj.tsv"
MAX_CHUNK = 2000  # characters hazm normalises at once (long lines are cut at white space)
MAX_PASSES = 4  # hazm passes per chunk looking for a fixed point
# Letters after which a ZWNJ changes the written shape (they join to the next letter).
JOINING_LETTERS = set("بپتثجچحخسشصضطظعغفقکگلمنهیئ")
ZWNJ_AFFIXES = Path(__file__).parent / "data" / "zwnj_affixes.tsv"
SPACED_COMPOUNDS = Path(__file__).parent / "data" / "spaced_compounds.tsv"
SPACED_WORDS = "spaced_words.tsv"  # under pipeline/data/, written by training/spaced_words.py
MIN_PART_FREQ = 1000  # hazm corpus count below which a part is too rare to trust
AMBIGUOUS_SHARE = 0.25  # a second split this plausible (vs the best) makes a word ambiguous (lexicon and rules)
# Persian letters (no digits or punctuation, which share the Arabic block) and ZWNJ.
PERSIAN_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC\u200c]+")


@functools.cache
def _hazm(correct_spacing: bool):
    from hazm import Normalizer

    normalizer = Normalizer(
        correct_spacing=correct_spacing,
        seperate_mi=correct_spacing,
        decrease_repeated_chars=False,  # would rewrite legitimate words and names
    )
    if correct_spacing:  # hazm joins the words of its lexicon's compounds; not these
        kept_apart = spaced_words()
        normalizer.words = {w: v for w, v in normalizer.words.items() if w not in kept_apart}
    return normalizer


@functools.cache
def spaced_words() -> frozenset[str]:
    """Compounds (ZWNJ spelling) that stay two words when the text spaces them («کشته شده»):
    see `pipeline/training/spaced_words.py`."""
    return frozenset(row[0] for row in read_tsv(SPACED_WORDS))


@functools.cache
def _char_table() -> dict[int, str]:
    """hazm's 1:1 character translations, used to pre-align the original with the output."""
    norm = _hazm(False)
    table = str.maketrans(norm.translation_src, norm.translation_dst)
    table.update(str.maketrans(norm.number_translation_src, norm.number_translation_dst))
    return table


@functools.cache
def zwnj_lexicon() -> dict[str, str]:
    """joined spelling -> ZWNJ spelling («محافظهکار» -> «محافظه‌کار»)."""
    if not ZWNJ_LEXICON.exists():
        return {}
    lexicon = {}
    for line in ZWNJ_LEXICON.read_text(encoding="utf-8").splitlines():
        joined, _, spelled = line.partition("\t")
        if spelled:
            lexicon[joined] = spelled
    return lexicon


@functools.cache
def word_frequencies() -> dict[str, int]:
    """Corpus frequency of words written without a ZWNJ (hazm's word list)."""
    from hazm.utils import words_list

    return {w: count for w, count, _ in words_list() if ZWNJ not in w}


@functools.cache
def zwnj_affixes() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {"suffix": set(), "clitic": set(), "head": set()}
    for line in ZWNJ_AFFIXES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, affix = line.split("\t")
            kinds[kind].add(affix)
    return {k: frozenset(v) for k, v in kinds.items()}


def _split_score(left: str, right: str) -> int:
    """How plausible `left‌right` is as stem + suffix or compound; 0 when it is not one."""
    if len(left) < 2 or left[-1] not in JOINING_LETTERS:
        return 0
    affixes, lexicon = zwnj_affixes(), zwnj_lexicon()
    if right in affixes["suffix"] or right in affixes["head"] or (
            left[-1] == "ه" and right in affixes["clitic"]):
        left_freq = word_frequencies().get(left, 0) or (MIN_PART_FREQ if left in lexicon else 0)
        return left_freq if left_freq >= MIN_PART_FREQ else 0
    return 0


def _best_splits(word: str) -> tuple[tuple[int, int], int]:
    """The best (score, cut) of a word and the score of the runner-up cut."""
    scored = sorted(((_split_score(word[:i], word[i:]), i) for i in range(2, len(word) - 1)), reverse=True)
    return scored[0], scored[1][0] if len(scored) > 1 else 0


def restore_zwnj_word(word: str) -> str:
    """The ZWNJ spelling of a word that lost its ZWNJ; the word itself when it did not."""
    lexicon = zwnj_lexicon()
    if word in lexicon:  # also holds joined words known to be right («داشتند» -> itself)
        return lexicon[word]
    if ZWNJ in word or word in word_frequencies() or len(word) < 4:
        return word
    (score, cut), runner_up = _best_splits(word)
    # «چالهای»: «چال‌های» or «چاله‌ای»? Both parts known: only the context could tell.
    if not score or runner_up >= AMBIGUOUS_SHARE * score:
        return word
    return restore_zwnj_word(word[:cut]) + ZWNJ + word[cut:]


def restore_zwnj(text: str) -> str:
    return PERSIAN_WORD.sub(lambda m: restore_zwnj_word(m.group()), text)


MI_PREFIX = re.compile(r"\b(ن?می)\u200c([\u0621-\u06CC]+)")


def _rejoin_mi(text: str) -> str:
    """hazm separates «می» from words that merely start with it («میانجیگری» -> «می‌انجیگری»):
    rejoin where the joined spelling is a known word and the separated one is not in the lexicon."""
    def fix(m: re.Match) -> str:
        joined = m.group(1) + m.group(2)
        if joined in word_frequencies() and zwnj_lexicon().get(joined, joined) == joined:
            return joined
        return m.group(0)
    return MI_PREFIX.sub(fix, text)


# URLs and e-mail addresses pass through untouched (hazm would respace them and turn their digits
# Persian).
PROTECTED = re.compile(r"(?:https?://|www\.)[^\s«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _normalize_chunk(chunk: str) -> str:
    parts, pos = [], 0
    for m in PROTECTED.finditer(chunk):
        parts += [_normalize_prose(chunk[pos:m.start()]), m.group()]
        pos = m.end()
    parts.append(_normalize_prose(chunk[pos:]))
    return "".join(parts)


def _normalize_prose(piece: str) -> str:
    """hazm + ZWNJ restoration of a piece, keeping the white space at its edges."""
    core = piece.strip()
    if not core:
        return " " if piece else ""
    lead = " " if piece[0].isspace() else ""
    trail = " " if piece[-1].isspace() else ""
    return lead + _normalize_core(core) + trail


@functools.cache
def _spaced_compound() -> re.Pattern:
    """«گفت و گو(ی|ها|های)»-style nouns of spaced_compounds.tsv, one pattern for all."""
    pairs = [line.split("\t") for line in SPACED_COMPOUNDS.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    alternatives = "|".join(f"({re.escape(a)}) +و +({re.escape(b)})" for a, b in pairs)
    return re.compile(rf"(?<![\w\u200c])(?:{alternatives})(?=(?:ی|یی|ها|های|هایی)?(?![\w\u200c]))")


def join_spaced_compounds(text: str) -> str:
    """«گفت و گو» -> «گفت‌وگو» (see spaced_compounds.tsv)."""
    def joined(m: re.Match) -> str:
        first, second = (g for g in m.groups() if g)
        return f"{first}{ZWNJ}و{second}"

    return _spaced_compound().sub(joined, text)


# «بی.بی.سی.», «سی.ان.ان»: groups of one to three Persian letters, each closed by a dot (two or
# more), or three or more with the last one open (two would be a sentence run on: «گفت.او»)
_LETTERS = "[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]{1,3}"
INITIALISM = re.compile(rf"(?<![\w.])((?:{_LETTERS}\.){{2,}}(?!\w)|(?:{_LETTERS}\.){{2,}}{_LETTERS}(?![\w.]))"
                        r"(?=(\s*)(\S?))")


def join_initialisms(text: str) -> str:
    """«بی.بی.سی.» -> «بی‌بی‌سی»: an initialism is one word (the tokenizer ends a sentence at
    each of its dots); its last dot stays only where the text ends with it."""
    def joined(m: re.Match) -> str:
        closed = m.group(1).endswith(".")
        word = ZWNJ.join(m.group(1).rstrip(".").split("."))
        return word + "." if closed and not m.group(3) else word

    return INITIALISM.sub(joined, text)


# Bidirectional marks (RLM, LRM, embeddings, isolates) carry no text; Fars News writes «گفت‌وگو»
# and «وزارت‌امورخارجه» with an RLM (U+200F) where a ZWNJ belongs: a run of them, ZWNJs included,
# is one ZWNJ.
_FORMAT = "\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069"
BIDI_MARKS = re.compile(f"[{_FORMAT}]*[\u200e\u200f\u202a-\u202e\u2066-\u2069][{_FORMAT}]*")


def _normalize_core(chunk: str) -> str:
    """hazm is not always idempotent: iterate to a fixed point. It can also oscillate
    («می‌۰» ↔ «می‌ ۰»): then every member of the cycle gives the same one (the smallest), so
    normalising the output again changes nothing."""
    seen = [chunk]
    for _ in range(MAX_PASSES):
        new = restore_zwnj(join_spaced_compounds(_rejoin_mi(_hazm(True).normalize(
            join_initialisms(BIDI_MARKS.sub(ZWNJ, seen[-1]))))))
        if new == seen[-1]:
            break
        if new in seen:
            return min(seen[seen.index(new):])
        seen.append(new)
    return seen[-1]


def normalize_text(text: str) -> str:
    """Normalised text without the offset map (for training corpora)."""
    return "\n".join(_normalize_chunk(chunk) for _, chunk in _chunks(text))


@functools.lru_cache(maxsize=200_000)
def normalize_token(form: str) -> str:
    """Character-level normalisation of one token (no spacing changes); used for training data."""
    return _hazm(False).normalize(form).strip(ZWNJ + " ")


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str
    starts: array  # original index where each normalised char begins (8 bytes each, not an int object)
    ends: array  # original index where each normalised char ends

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalised span text[start:end]."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        first, last = self.starts[start], self.ends[end - 1]
        # Characters the normaliser deleted after a span (diacritics «قبلاً», kashida) belong to
        # the letter before them: extend over them up to the next kept character.
        ceiling = self.starts[end] if end < len(self.starts) else len(self.original)
        while last < ceiling and not self.original[last].isspace():
            last += 1
        return first, last


def _chunks(text: str):
    """(offset, chunk) pieces: lines, and long lines cut at white space."""
    offset = 0
    for line in text.split("\n"):
        pos = 0
        while len(line) - pos > MAX_CHUNK:
            cut = line.rfind(" ", pos, pos + MAX_CHUNK)
            cut = cut + 1 if cut > pos else pos + MAX_CHUNK
            yield offset + pos, line[pos:cut]
            pos = cut
        yield offset + pos, line[pos:]
        offset += len(line) + 1


def _align(original: str, normalised: str, offset: int, starts: array, ends: array) -> None:
    """Append, for each normalised character, the original span it came from.

    Walks both strings in step; at a mismatch, difflib aligns a small window and the walk
    resumes after the first solid run of equal characters. The cost stays linear in the
    length (difflib on whole chunks is quadratic on repetitive text).
    """
    projected = original.translate(_char_table())
    i = j = 0
    while j < len(normalised):
        if i < len(projected) and projected[i] == normalised[j]:
            starts.append(offset + i)
            ends.append(offset + i + 1)
            i += 1
            j += 1
            continue
        window = RESYNC_WINDOW
        while True:
            reaches_end = i + window >= len(projected) and j + window >= len(normalised)
            matcher = difflib.SequenceMatcher(None, projected[i:i + window], normalised[j:j + window],
                                              autojunk=False)
            ops = _ops_to_resync(matcher.get_opcodes(), reaches_end)
            if ops:
                break
            window *= 2
        for tag, i1, i2, j1, j2 in ops:
            _emit(tag, offset + i + i1, offset + i + i2, j2 - j1, starts, ends)
        i, j = i + ops[-1][2], j + ops[-1][4]


RESYNC_WINDOW = 32
RESYNC_RUN = 4  # equal characters in a row that end a local difference


def _ops_to_resync(ops: list, reaches_end: bool) -> list | None:
    """The opcodes up to and including the first solid equal run; all of them at the end."""
    if reaches_end:
        return ops
    for k, (tag, i1, i2, _, _) in enumerate(ops):
        if tag == "equal" and i2 - i1 >= RESYNC_RUN and k > 0:
            return ops[:k + 1]
    return None


def _emit(tag: str, first: int, last: int, count: int, starts: array, ends: array) -> None:
    if tag == "delete":
        return
    if tag == "equal" or (tag == "replace" and last - first == count):
        starts.extend(range(first, last))
        ends.extend(range(first + 1, last + 1))
    else:  # an insertion or an uneven replacement: each new char covers the whole span
        starts.extend([first] * count)
        ends.extend([last] * count)


def normalize(original: str) -> NormalizedText:
    pieces: list[str] = []
    starts, ends = array("q"), array("q")
    prev_end = None
    for offset, chunk in _chunks(original):
        if prev_end is not None:  # the line break or cut between two chunks
            separator = "\n" if original[offset - 1:offset] == "\n" else " "
            if separator == "\n" or (pieces and pieces[-1] and not pieces[-1].endswith(" ")):
                pieces.append(separator)
                starts.append(offset - 1 if separator == "\n" else offset)
                ends.append(offset if separator == "\n" else offset)
        normalised = _normalize_chunk(chunk)
        _align(chunk, normalised, offset, starts, ends)
        pieces.append(normalised)
        prev_end = offset + len(chunk)
    return NormalizedText(original, "".join(pieces), starts, ends)
