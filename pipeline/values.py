"""Rule-based DATE, TIME, MONEY and PERCENT mentions with normalised values.

Works on text already normalised by `pipeline.normalize.normalize_text` (Persian letters and
digits, «٫» as the decimal separator, spaces put around «/», «٫» and «,» between digits), but
also accepts Latin and Arabic-Indic digits. Lexicons live in `pipeline/data/`:
`months.tsv`, `number_words.tsv`, `currencies.tsv`, `units.tsv`, `value_words.tsv`.

The text is tokenised once (one linear regex); every rule then looks at a bounded number of
tokens from a start token, so a document is scanned in linear time. At each token the longest
candidate wins and the scan resumes after it, so mentions never overlap.

Choices the annotation guide leaves open (see ANNOTATION.md, "General rules"):
- Decimal order is a per-corpus setting: with `decimal_order="reversed"` only the «/» form is
  swapped («۸/۱» = 1.8); «٫» and «.» decimals read as written. Three «/»-parts are a date.
- Gregorian day/month without a year in the phrase gives `--MM-DD` / `--MM` (no guessing from
  other sentences). A Jalali day/month without a year uses `document_year` (a Jalali year), or
  failing that the first Jalali year the text states; with neither it is not a DATE.
  Lunar months need a year in the phrase.
- Years: with «سال» 1200-1499 are Jalali, 1500-2100 Gregorian, two digits are Jalali 13xx
  («سال ۸۱» → 1381 → 2002; «۰۱»-«۰۹» → 140x). A bare 4-digit number is a year when 1900-2099,
  or 1300-1499 (Jalali) after «در/از/تا», unless a unit/counter noun follows («۱۹۷۲ نفر») or a
  quantity/identifier word precedes («بیش از ۲۰۰۰», «قطعنامه ۱۷۰۱»).
- Decades: «دهه ۱۹۸۰» → 198X; «دهه ۱۳۶۰» → the Gregorian decade its first year falls in
  (1981 → 198X); a two-digit decade («دهه ۶۰», «دهه شصت») is Jalali (1360s → 198X) unless
  «میلادی» follows (196X).
- Lunar Hijri dates use the arithmetic (tabular, civil-epoch) calendar: may be a day or two
  off the observed calendar.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import jdatetime

DATA = Path(__file__).parent / "data"
ZWNJ = "\u200c"
# Digit runs, letter runs joined by ZWNJ, or any other single non-space character.
TOKEN = re.compile(r"\d+|[^\W\d_]+(?:\u200c+[^\W\d_]+)*|\S")
DIACRITICS = dict.fromkeys(range(0x064B, 0x0653))
KEY_TABLE = {**DIACRITICS, ord(ZWNJ): None, ord("ي"): "ی", ord("ك"): "ک", ord("ـ"): None}
THOUSANDS = {",", "٬"}
DECIMALS = {"٫", "/", "."}
DATE_SEPARATORS = {"/", "-"}
SUFFIXES = ("یی", "ای", "ی")  # «یورویی», «...ه‌ای», «ریالی»
ORDER = {"unit": 1, "teen": 2, "ten": 2, "hundred": 3}  # parts of a group must decrease


@dataclass(frozen=True)
class ValueMention:
    label: str  # DATE | TIME | MONEY | PERCENT
    start: int  # char offsets into the text given
    end: int
    text: str
    normalized: str
    currency: str = ""
    amount: float | None = None


@dataclass(frozen=True)
class YearsStated:
    """Years a text states explicitly, each in its own calendar (Jalali 1400, not 2021)."""
    gregorian: tuple[int, ...] = ()
    jalali: tuple[int, ...] = ()
    lunar: tuple[int, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.gregorian or self.jalali or self.lunar)


# ---------------------------------------------------------------- lexicons

def _key(word: str) -> str:
    return word.translate(KEY_TABLE)


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(_key(m.group()) for m in TOKEN.finditer(phrase))


class _Phrases:
    """Multi-token lexicon: longest match of token keys from a position."""

    def __init__(self, entries: dict[tuple[str, ...], object]) -> None:
        self.entries = entries
        self.max_len = max((len(k) for k in entries), default=0)

    def match(self, keys: list[str], i: int, suffix: bool = False) -> tuple[object, int] | None:
        if i >= len(keys):
            return None
        for n in range(min(self.max_len, len(keys) - i), 0, -1):
            words = tuple(keys[i:i + n])
            if words in self.entries:
                return self.entries[words], i + n
            if suffix:
                for s in SUFFIXES:
                    if words[-1].endswith(s) and len(words[-1]) > len(s) + 1:
                        stem = words[:-1] + (words[-1][:-len(s)],)
                        if stem in self.entries:
                            return self.entries[stem], i + n
        return None


@dataclass(frozen=True)
class _Lexicons:
    numbers: dict[str, tuple[Decimal, str]]  # single-token number words -> (value, kind)
    ordinals: _Phrases  # -> int
    months: _Phrases  # -> (calendar, month, ambiguous, has «ماه»)
    currencies: _Phrases  # -> (ISO, factor)
    units: _Phrases  # -> True
    words: _Phrases  # -> role
    roles: dict[str, frozenset[str]]  # role -> single-token keys
    triggers: frozenset[str]  # keys of tokens where a mention may start


@functools.cache
def _lexicons() -> _Lexicons:
    numbers: dict[str, tuple[Decimal, str]] = {}
    ordinals: dict[tuple[str, ...], object] = {}
    for word, value, kind in _rows("number_words.tsv"):
        if kind == "ordinal":
            ordinals[_phrase_key(word)] = int(value)
            ordinals[(_key(word.replace(" ", "")),)] = int(value)  # «بیست‌ویکم»
        else:
            numbers[_key(word)] = (Decimal(value), kind)
    months: dict[tuple[str, ...], object] = {}
    for row in _rows("months.tsv"):
        name, calendar, number = row[:3]
        ambiguous = len(row) > 3 and row[3] == "1"
        key = _phrase_key(name)
        months[key] = (calendar, int(number), ambiguous, False)
        months[key[:-1] + (key[-1] + "ماه",)] = (calendar, int(number), False, True)  # «تیرماه»
    currencies = {_phrase_key(name): (iso, Decimal(factor))
                  for name, iso, factor in _rows("currencies.tsv")}
    units = {_phrase_key(row[0]): True for row in _rows("units.tsv")}
    words: dict[tuple[str, ...], object] = {}
    roles: dict[str, set[str]] = {}
    for word, role in _rows("value_words.tsv"):
        key = _phrase_key(word)
        words.setdefault(key, role)
        if len(key) == 1:
            roles.setdefault(role, set()).add(key[0])
    word_phrases = _Phrases(words)
    triggers = (set(numbers) | {k[0] for k in ordinals} | {k[0] for k in months}
                | {k for r in ("month_word", "date_modifier", "decade_word", "year_word",
                               "time_word", "percent") for k in roles.get(r, ())})
    return _Lexicons(numbers, _Phrases(ordinals), _Phrases(months), _Phrases(currencies),
                     _Phrases(units), word_phrases,
                     {r: frozenset(v) for r, v in roles.items()}, frozenset(triggers))


# ---------------------------------------------------------------- tokens

@dataclass
class _Tokens:
    words: list[str]
    keys: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def is_digits(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i].isdecimal()

    def adjacent(self, i: int) -> bool:
        """No space between token i and token i+1."""
        return i + 1 < len(self.words) and self.ends[i] == self.starts[i + 1]

    def role(self, i: int, role: str) -> bool:
        return self.key(i) in _lexicons().roles.get(role, ())


def _tokenize(text: str) -> _Tokens:
    lex = _lexicons()
    toks = _Tokens([], [], [], [])
    for m in TOKEN.finditer(text):
        word, start = m.group(), m.start()
        parts = word.split(ZWNJ)
        # «بیست‌و» / «صد‌و‌بیست»: split number words glued by ZWNJ into separate tokens.
        if (len(parts) > 1 and _key(word) not in lex.numbers
                and all(_key(p) in lex.numbers or p == "و" for p in parts if p)):
            for part in parts:
                if part:
                    toks.words.append(part)
                    toks.keys.append(_key(part))
                    toks.starts.append(start)
                    toks.ends.append(start + len(part))
                start += len(part) + 1
            continue
        toks.words.append(word)
        toks.keys.append(_key(word))
        toks.starts.append(start)
        toks.ends.append(m.end())
    return toks


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in digits)


def _int(toks: _Tokens, i: int) -> int:
    return int(_ascii(toks.words[i]))


# ---------------------------------------------------------------- numbers

@dataclass(frozen=True)
class _Number:
    value: Decimal
    end: int  # token index after the number
    scale: Decimal  # product of the trailing scale words (1 when none): ranges borrow it
    only_scales: bool  # no digits or number words besides scale words («میلیارد»)


def _in_date(toks: _Tokens, i: int) -> bool:
    """Token i (digits) is part of an «a/b/c» or «a-b-c» numeric date."""
    after = (toks.key(i + 1) in DATE_SEPARATORS and toks.is_digits(i + 2)
             and toks.key(i + 3) == toks.key(i + 1) and toks.is_digits(i + 4))
    before = (toks.key(i - 1) in DATE_SEPARATORS and toks.is_digits(i - 2)
              and (toks.key(i + 1) == toks.key(i - 1) and toks.is_digits(i + 2)
                   or toks.key(i - 3) == toks.key(i - 1) and toks.is_digits(i - 4)))
    return after or before


def _digit_part(toks: _Tokens, i: int, decimal_order: str) -> tuple[Decimal, int]:
    """Digits at token i with thousands groups or a decimal part -> (value, end)."""
    if _in_date(toks, i):
        return Decimal(_ascii(toks.words[i])), i + 1
    integer, j = _ascii(toks.words[i]), i + 1
    if len(integer) <= 3:  # «۱۲ , ۵۰۰», «۱ ٬ ۰۰۰ ٬ ۰۰۰»: groups of exactly three digits
        while toks.key(j) in THOUSANDS and toks.is_digits(j + 1) and len(toks.words[j + 1]) == 3:
            integer, j = integer + _ascii(toks.words[j + 1]), j + 2
    sep = toks.key(j)
    if sep in DECIMALS and toks.is_digits(j + 1) and not (sep == "/" and j > i + 1):
        if sep == "." and not (toks.adjacent(j - 1) and toks.adjacent(j)):
            return Decimal(integer), j  # a full stop between numbers, not a decimal point
        fraction = _ascii(toks.words[j + 1])
        if sep == "/" and decimal_order == "reversed":
            integer, fraction = fraction, integer  # «۸/۱» = 1.8 in reversed corpora
        return Decimal(f"{integer}.{fraction}"), j + 2
    return Decimal(integer), j


def _parse_number(toks: _Tokens, i: int, decimal_order: str) -> _Number | None:
    """Longest well-formed number from token i: digits, number words, scales, «و», «نیم»."""
    numbers = _lexicons().numbers
    total = current = Decimal(0)
    # Order of the last part of the current group: 9 empty, 3 hundreds ... 1 units; 0 after
    # digits or «نیم», which close a group (only a scale may follow).
    group_order = 9
    last_mag: Decimal | None = None  # magnitude of the last finished group
    trailing = Decimal(1)
    after_scale = after_and = False
    only_scales = True
    best: _Number | None = None
    j = i
    while j < len(toks):
        key = toks.key(j)
        word = numbers.get(key)
        if key == "و" and best is not None and not after_and:
            after_and, j = True, j + 1
            continue
        if toks.is_digits(j) or (word and word[1] in ORDER):
            is_digits = toks.is_digits(j)
            if after_scale and not after_and:
                break  # «میلیون ۵۰۰»
            if group_order != 9:  # inside a group: a smaller word part after «و»
                if is_digits or not after_and or ORDER[word[1]] >= group_order:
                    break
            if is_digits:
                value, j = _digit_part(toks, j, decimal_order)
                group_order = 0
            else:
                value, j = word[0], j + 1
                group_order = ORDER[word[1]]
            current += value
            only_scales = after_scale = after_and = False
        elif word and word[1] == "fraction":
            if after_and and after_scale and current == 0 and last_mag is not None:
                total += last_mag * word[0]  # «یک میلیون و نیم»
                best = _Number(total, j + 1, Decimal(1), False)
                break
            if (after_and and group_order == 9) or (not after_and and best is not None):
                break
            current += word[0]
            j += 1
            group_order, only_scales, after_scale, after_and = 0, False, False, False
        elif word and word[1] == "scale":
            scale = word[0]
            if after_and:
                break
            if after_scale:  # «هزار میلیارد»: the scales multiply
                if total >= scale:
                    break
                total *= scale
                trailing *= scale
                last_mag = (last_mag or Decimal(1)) * scale
            else:
                if current == 0:
                    if total != 0:
                        break
                    current = Decimal(1)  # «هزار دلار»
                if last_mag is not None and scale >= last_mag:
                    break  # «دو میلیون و سه میلیون»
                total = (total + current) * scale if total < scale else total + current * scale
                current, trailing, last_mag = Decimal(0), scale, scale
            j += 1
            group_order, after_scale = 9, True
        else:
            break
        best = _Number(total + current, j, trailing if current == 0 else Decimal(1), only_scales)
    return best


def parse_number(text: str, decimal_order: str = "standard") -> float | None:
    """The number a whole phrase spells («سیصد و هفت میلیون» → 307000000.0), else None."""
    toks = _tokenize(text)
    number = _parse_number(toks, 0, decimal_order) if len(toks) else None
    if number is None or number.end != len(toks):
        return None
    return float(number.value)


def _plain(value: Decimal) -> str:
    """Decimal as a plain number string: 1800000000, 1.5, 0.25."""
    return format(value.normalize(), "f")


# ---------------------------------------------------------------- candidates

@dataclass
class _Candidate:
    label: str
    start: int  # token indices
    end: int
    normalized: str = ""
    currency: str = ""
    amount: float | None = None
    calendar: str = ""  # DATE: calendar of an explicit year
    year: int | None = None  # DATE: explicit year as written (in its own calendar)
    pending: tuple[int, int | None] | None = None  # Jalali (month, day) waiting for a year


class _Scanner:
    def __init__(self, text: str, decimal_order: str) -> None:
        self.toks = _tokenize(text)
        self.order = decimal_order
        self.lex = _lexicons()
        self._numbers: dict[int, _Number | None] = {}

    def number(self, i: int) -> _Number | None:
        if i not in self._numbers:
            self._numbers[i] = _parse_number(self.toks, i, self.order) if i < len(self.toks) else None
        return self._numbers[i]

    def scan(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        toks, i = self.toks, 0
        while i < len(toks):
            if not (toks.is_digits(i) or toks.key(i) in self.lex.triggers):
                i += 1
                continue
            candidates = [c for c in (self.money_or_percent(i), self.date(i), self.time(i)) if c]
            if candidates:
                best = max(candidates, key=lambda c: c.end)
                found.append(best)
                i = best.end
                self._numbers.clear()
                continue
            # No mention here: do not start one inside the number that starts here either.
            number = self.number(i)
            i = number.end if number else i + 1
            self._numbers.clear()  # the memo only serves the rules tried around one position
        return found

    # ------------------------------------------------------------ money and percent

    def _amount(self, i: int) -> tuple[Decimal, int] | None:
        """A number or a range «۶۰ تا ۸۰ میلیارد» from token i -> (lower bound, end)."""
        first = self.number(i)
        if first is None or (first.only_scales and first.value != 1000):
            return None  # «میلیارد دلار» alone is not an amount («صدها میلیارد دلار»)
        value, end = first.value, first.end
        if self.toks.role(end, "range"):
            second = self.number(end + 1)
            if second is not None and not second.only_scales:
                if first.scale == 1 and second.scale != 1:
                    value *= second.scale  # «۶۰ تا ۸۰ میلیارد» = 60 000 000 000
                end = second.end
        return value, end

    def money_or_percent(self, i: int) -> _Candidate | None:
        toks = self.toks
        if toks.role(i, "percent") and toks.key(i) == "٪" and not toks.is_digits(i - 1):
            number = self.number(i + 1)  # «٪ ۵»
            if number and not number.only_scales:
                return _Candidate("PERCENT", i, number.end, _plain(number.value),
                                  amount=float(number.value))
        amount = None if self._mid_number(i) else self._amount(i)
        if amount is None:
            return None  # also «۲ , ۵ درصد»: not 5 %
        value, end = amount
        currency = self.lex.currencies.match(toks.keys, end, suffix=True)
        if currency:
            (iso, factor), stop = currency
            money = value * factor
            return _Candidate("MONEY", i, stop, _plain(money), iso, float(money))
        percent = self.lex.words.match(toks.keys, end, suffix=True)
        if percent and percent[0] == "percent":
            return _Candidate("PERCENT", i, percent[1], _plain(value), amount=float(value))
        return None

    # ------------------------------------------------------------ dates

    def _era(self, i: int) -> tuple[str, int]:
        """Calendar named at token i («میلادی», «هجری قمری») -> (calendar, end)."""
        match = self.lex.words.match(self.toks.keys, i)
        if match and str(match[0]).startswith("era_"):
            return str(match[0])[4:], match[1]
        return "", i

    def _unit_at(self, j: int) -> bool:
        """A unit, counter, currency, percent or scale word at token j."""
        toks, lex = self.toks, self.lex
        return bool(lex.units.match(toks.keys, j, suffix=True)
                    or lex.currencies.match(toks.keys, j, suffix=True)
                    or lex.numbers.get(toks.key(j), (0, ""))[1] == "scale"
                    or toks.role(j, "percent"))

    def _unit_follows(self, j: int) -> bool:
        """A unit at j, or after a range's second number («۲۰۰۰ تا ۳۰۰۰ نفر»)."""
        if self._unit_at(j):
            return True
        if self.toks.role(j, "range") and self.toks.is_digits(j + 1):
            number = self.number(j + 1)
            return bool(number) and self._unit_at(number.end)  # one level: stays linear
        return False

    def _mid_number(self, i: int) -> bool:
        """Token i follows «digits ,» / «digits ٫» / «digits :»: it ends a number, not starts one."""
        prev = self.toks.key(i - 1)
        return (prev in THOUSANDS or prev in DECIMALS or prev == ":") and self.toks.is_digits(i - 2)

    def _standalone(self, i: int) -> bool:
        """Digits at i are a number on their own (not part of a decimal, a group, a scale)."""
        number = self.number(i)
        return number is not None and number.end == i + 1 and not self._mid_number(i)

    def _year(self, i: int, calendar: str, two_digits: bool) -> tuple[str, int, int] | None:
        """Year at token i -> (calendar, year in that calendar, end). `calendar` may be ''."""
        toks = self.toks
        if not toks.is_digits(i) or not self._standalone(i):
            return None
        digits, year = len(toks.words[i]), _int(toks, i)
        era, end = self._era(i + 1)
        if digits == 2 and two_digits:
            if self._unit_follows(i + 1):
                return None
            if (era or calendar) == "gregorian":
                return "gregorian", year + (1900 if year >= 30 else 2000), end
            if (era or calendar) == "lunar":
                return "lunar", year + 1400 if year < 50 else year + 1300, end
            return "jalali", year + (1400 if year < 10 else 1300), end
        if digits != 4:
            return None
        calendar = calendar or era or _calendar_of(year)
        return (calendar, year, end) if _plausible(calendar, year) else None

    def date(self, i: int) -> _Candidate | None:
        toks = self.toks
        start, j = i, i
        if toks.role(j, "date_modifier"):
            j += 1
        if toks.role(j, "decade_word"):
            return self._decade(start, j + 1)
        if toks.role(j, "year_word"):
            year = self._year(j + 1, "", two_digits=True)
            return self._year_candidate(start, *year) if year else None
        month_date = self._month_date(start, j)
        if month_date or j != i:
            return month_date
        return self._numeric_date(i) or self._bare_year(i)

    def _year_candidate(self, start: int, calendar: str, year: int, end: int) -> _Candidate | None:
        if calendar == "jalali":
            gregorian = jdatetime.date(year, 1, 1).togregorian().year
        elif calendar == "lunar":
            gregorian = _lunar_to_gregorian(year, 1, 1).year
        else:
            gregorian = year
        return _Candidate("DATE", start, end, f"{gregorian:04d}", calendar=calendar, year=year)

    def _decade(self, start: int, j: int) -> _Candidate | None:
        toks = self.toks
        word = self.lex.numbers.get(toks.key(j))
        if toks.is_digits(j) and self._standalone(j) and not self._unit_follows(j + 1):
            decade, digits = _int(toks, j), len(toks.words[j])
        elif word and word[1] == "ten":
            decade, digits = int(word[0]), 2
        else:
            return None
        era, end = self._era(j + 1)
        if decade % 10 or digits not in (2, 4):
            return None
        if digits == 2:
            decade += 1900 if era == "gregorian" else 1300
            era = era or "jalali"
        elif not era:
            era = "jalali" if 1200 <= decade < 1500 else "gregorian"
        if era == "jalali":
            decade = jdatetime.date(decade, 1, 1).togregorian().year
        elif era == "lunar":
            decade = _lunar_to_gregorian(decade, 1, 1).year
        return _Candidate("DATE", start, end, f"{decade // 10:03d}X")

    def _day(self, j: int) -> tuple[int, int] | None:
        toks = self.toks
        if toks.is_digits(j) and len(toks.words[j]) <= 2 and self._standalone(j):
            day = _int(toks, j)
            return (day, j + 1) if 1 <= day <= 31 else None
        match = self.lex.ordinals.match(toks.keys, j)
        return (int(match[0]), match[1]) if match else None  # type: ignore[arg-type]

    def _month_date(self, start: int, j: int) -> _Candidate | None:
        """[day] [ماه] month [ماه] [[سال] year [era]] from token j."""
        toks, lex = self.toks, self.lex
        day_value, k = self._day(j) or (None, j)
        mah_before = toks.role(k, "month_word")
        match = lex.months.match(toks.keys, k + 1 if mah_before else k)
        if not match:
            return None
        (calendar, month, ambiguous, mah_attached), end = match  # type: ignore[misc]
        mah = mah_before or mah_attached or toks.role(end, "month_word")
        if toks.role(end, "month_word"):
            end += 1
        y = end + 1 if toks.role(end, "year_word") else end
        year = self._year(y, calendar, two_digits=calendar != "gregorian")
        if ambiguous and not (day_value or year or mah):
            return None  # «مه» (fog), «تیر» (arrow), «صفر» (zero) alone
        # The mention keeps a leading modifier («اواخر سپتامبر»), not the value.
        return self._month_candidate(start, calendar, month, day_value, year, mah, end)

    def _month_candidate(self, start: int, calendar: str, month: int, day: int | None,
                         year: tuple[str, int, int] | None, mah: bool,
                         end: int) -> _Candidate | None:
        if year:
            _, year_value, end = year
            iso = _convert(calendar, year_value, month, day)
            return _Candidate("DATE", start, end, iso, calendar=calendar,
                              year=year_value) if iso else None
        if calendar == "gregorian":
            if day and not _valid_day(2000, month, day):
                return None
            return _Candidate("DATE", start, end, f"--{month:02d}" + (f"-{day:02d}" if day else ""))
        if calendar == "jalali" and (day or mah):
            return _Candidate("DATE", start, end, pending=(month, day))
        return None  # a lunar month without a year cannot be converted

    def _numeric_date(self, i: int) -> _Candidate | None:
        """«۱۳۹۲/۰۵/۲۰», «2019-05-20», «۲۰/۰۵/۱۳۹۲»."""
        toks = self.toks
        sep = toks.key(i + 1)
        if not (toks.is_digits(i) and sep in DATE_SEPARATORS and toks.is_digits(i + 2)
                and toks.key(i + 3) == sep and toks.is_digits(i + 4)):
            return None
        a, b, c = _int(toks, i), _int(toks, i + 2), _int(toks, i + 4)
        if len(toks.words[i]) == 4 or (len(toks.words[i]) == 2 and a > 31):
            year, month, day = (a if a > 99 else a + 1300), b, c
        elif len(toks.words[i + 4]) == 4:
            year, month, day = (c, a, b) if b > 12 >= a else (c, b, a)
        else:
            return None
        calendar = _calendar_of(year)
        iso = _convert(calendar, year, month, day) if calendar else None
        return _Candidate("DATE", i, i + 5, iso, calendar=calendar, year=year) if iso else None

    def _bare_year(self, i: int) -> _Candidate | None:
        """A 4-digit year without «سال»: «۱۹۷۲», «در ۱۳۹۲», «۲۰۰۴ میلادی»."""
        toks = self.toks
        if not toks.is_digits(i) or len(toks.words[i]) != 4 or not self._standalone(i):
            return None
        year, (era, end) = _int(toks, i), self._era(i + 1)
        cue = toks.role(i - 1, "year_cue")
        before = i - 2 if cue else i - 1
        if (toks.role(before, "quantity_cue") or toks.role(before, "id_cue")
                or (not cue and toks.is_digits(before)) or self._unit_follows(i + 1)):
            return None
        if era:
            calendar = era if _plausible(era, year) else ""
        elif 1900 <= year <= 2099:
            calendar = "gregorian"
        elif cue and 1300 <= year < 1500:
            calendar = "jalali"
        else:
            return None
        return self._year_candidate(i, calendar, year, end) if calendar else None

    # ------------------------------------------------------------ times

    def time(self, i: int) -> _Candidate | None:
        toks = self.toks
        if toks.role(i, "time_word"):
            if toks.is_digits(i - 1):
                return None  # «۲۴ ساعت» is a duration
            return self._clock(i, i + 1, need_part=False)
        if (toks.key(i + 1) == ":" and toks.adjacent(i) and toks.adjacent(i + 1)
                and toks.is_digits(i + 2) and len(toks.words[i + 2]) == 2):
            return self._clock(i, i, need_part=False)  # «۱۰:۳۰»
        if toks.is_digits(i):
            return self._clock(i, i, need_part=True)  # «۱۰ صبح»
        return None

    def _hour(self, j: int) -> int | None:
        toks = self.toks
        if toks.is_digits(j) and len(toks.words[j]) <= 2:
            return _int(toks, j)
        word = self.lex.numbers.get(toks.key(j))
        if word and word[1] in ("unit", "teen") and word[0] > 0:
            return int(word[0])
        return None

    def _clock(self, start: int, j: int, need_part: bool) -> _Candidate | None:
        toks = self.toks
        hour = self._hour(j)
        if hour is None or hour > 24:
            return None
        minute, end = 0, j + 1
        if toks.key(end) == ":" and toks.is_digits(end + 1) and len(toks.words[end + 1]) == 2:
            minute, end = _int(toks, end + 1), end + 2
            if toks.key(end) == ":" and toks.is_digits(end + 1):
                end += 2  # seconds
        elif toks.key(end) == "و" and toks.key(end + 1) == "نیم":
            minute, end = 30, end + 2
        elif toks.key(end) == "و" and toks.role(end + 2, "minute_word"):
            number = self.number(end + 1)
            if number and number.end == end + 2 and number.value == int(number.value):
                minute, end = int(number.value), end + 3
        if minute > 59:
            return None
        part = self.lex.words.match(toks.keys, end)
        role = str(part[0]) if part else ""
        if need_part and role == "night":
            return None  # «۳ شب» is as often three nights as three at night
        if role in ("am", "pm", "noon", "night"):
            hour, end = _day_part(hour, role), part[1]  # type: ignore[index]
        elif need_part:
            return None
        return _Candidate("TIME", start, end, f"{hour % 24:02d}:{minute:02d}")


def _day_part(hour: int, role: str) -> int:
    """24-hour clock for «۱۰ صبح», «۸ شب», «۲ بعدازظهر», «۱۲ ظهر»."""
    if role == "am":
        return 0 if hour == 12 else hour
    if role == "noon":
        return hour if hour >= 11 else hour + 12
    if role == "night":  # «۱۱ شب» 23:00, «۱۲ شب» midnight, «۲ شب» 02:00
        return 0 if hour == 12 else hour + 12 if 6 <= hour < 12 else hour
    return hour + 12 if hour < 12 else hour


# ---------------------------------------------------------------- calendars

def _calendar_of(year: int) -> str:
    """Calendar of a 4-digit year written without one: 1200-1499 Jalali, 1500-2100 Gregorian."""
    return "jalali" if 1200 <= year < 1500 else "gregorian" if 1500 <= year <= 2100 else ""


def _plausible(calendar: str, year: int) -> bool:
    low, high = {"gregorian": (1000, 2200), "jalali": (1200, 1600),
                 "lunar": (1200, 1600)}.get(calendar, (1, 0))
    return low <= year <= high


def _lunar_to_gregorian(year: int, month: int, day: int) -> date:
    """Tabular Islamic calendar (civil epoch); the observed calendar may differ by a day or two."""
    jdn = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return date.fromordinal(jdn - 1721425)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _convert(calendar: str, year: int, month: int, day: int | None) -> str | None:
    """Gregorian ISO date (or year-month) of a date in `calendar`; None when invalid."""
    try:
        if calendar == "gregorian":
            if day is None:
                return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
            return date(year, month, day).isoformat()
        if calendar == "jalali":
            g = jdatetime.date(year, month, day or 1).togregorian()
        elif calendar == "lunar":
            if not (1 <= month <= 12 and 1 <= (day or 1) <= 30):
                return None
            g = _lunar_to_gregorian(year, month, day or 1)
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return g.isoformat() if day else f"{g.year:04d}-{g.month:02d}"


# ---------------------------------------------------------------- public API

def _scan(text: str, decimal_order: str) -> tuple[_Tokens, list[_Candidate]]:
    if decimal_order not in ("standard", "reversed"):
        raise ValueError(f"decimal_order must be 'standard' or 'reversed', not {decimal_order!r}")
    scanner = _Scanner(text, decimal_order)
    return scanner.toks, scanner.scan()


def _years(candidates: list[_Candidate]) -> YearsStated:
    years: dict[str, list[int]] = {"gregorian": [], "jalali": [], "lunar": []}
    for c in candidates:
        if c.year is not None and c.calendar in years:
            years[c.calendar].append(c.year)
    return YearsStated(tuple(years["gregorian"]), tuple(years["jalali"]), tuple(years["lunar"]))


def document_years(text: str, decimal_order: str = "standard") -> YearsStated:
    """Years the text states explicitly (in a DATE mention), per calendar, in text order."""
    return _years(_scan(text, decimal_order)[1])


def find_values(text: str, decimal_order: str = "standard",
                document_year: int | None = None) -> list[ValueMention]:
    """DATE, TIME, MONEY and PERCENT mentions of a normalised text, in text order.

    `document_year` is a Jalali year for Jalali days/months written without one; when None,
    the first Jalali year the text itself states is used, and without one they are skipped.
    """
    toks, candidates = _scan(text, decimal_order)
    if document_year is None and any(c.pending for c in candidates):
        jalali = _years(candidates).jalali
        document_year = jalali[0] if jalali else None
    mentions = []
    for c in candidates:
        normalized = c.normalized
        if c.pending:
            month, day = c.pending
            normalized = _convert("jalali", document_year, month, day) if document_year else None
            if not normalized:
                continue
        start, end = toks.starts[c.start], toks.ends[c.end - 1]
        mentions.append(ValueMention(c.label, start, end, text[start:end], normalized,
                                     c.currency, c.amount))
    return mentions
