"""Entity linking: a LOC/ORG mention -> a knowledge-base id and a canonical Persian name.

Three sources, in order of priority when two of them claim the same name:
1. the curated aliases in `pipeline/data/aliases.tsv` (country variants such as «آمریکا» or
   «شوروی سابق», organisations as `ORG:<id>`, capitals and major cities as `CITY:<English>`);
2. CLDR's Persian country names (via Babel), mapped to ISO 3166-1 alpha-3 with pycountry;
3. pycountry's Persian gettext translations of the ISO 3166-1 names (short, official, common).

Countries get their ISO 3166-1 alpha-3 code (ISO 3166-3 for former states: SUN, YUG, CSK,
DDR) and the CLDR Persian name as canonical name. Lookup is exact on a normalised key (the
pipeline's normalisation, then ZWNJ, white space, punctuation and diacritics dropped); the only
relaxations are a leading generic word («کشور نروژ», «دولت ایران», «جمهوری ترکیه») and a
trailing «سابق», and these are accepted only when what is left is a country. No fuzzy matching:
precision matters more than recall here.
"""
from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.normalize import ZWNJ, normalize_text

ALIASES = Path(__file__).parent / "data" / "aliases.tsv"
KINDS = ("country", "organization", "place")
LINKABLE_LABELS = (None, "LOC", "ORG")
# Leading words that may be stripped when the rest names a country («کشور نروژ» -> نروژ).
GENERIC_PREFIXES = frozenset({"کشور", "دولت", "حکومت", "جمهوری", "پادشاهی"})
FORMER_SUFFIX = "سابق"  # «شوروی سابق», «یوگسلاوی سابق»
# pycountry's Persian translations that are wrong or ambiguous in Persian text: «گرانادا» is
# the Spanish city (Grenada is «گرنادا»); bare «آذربایجان» is as often the Iranian region.
# (Names claimed by two countries, such as «فلسطین» for ERI, are dropped automatically.)
GETTEXT_EXCLUDE = frozenset({"گرانادا", "آذربایجان"})

# Harakat, superscript alef, hamza above/below, tatweel.
_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640]")
_PUNCT = re.compile(r"[.,،؛;:!?؟«»\"'()\[\]{}<>\-_/\\\u2010-\u2015\u00AB\u00BB\u201C\u201D\u2018\u2019]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه", "ي": "ی", "ى": "ی", "ك": "ک"})


@dataclass(frozen=True)
class Link:
    kb_id: str  # ISO 3166-1 alpha-3 for countries, 'ORG:NATO', 'CITY:Oslo'
    canonical: str  # CLDR Persian name for countries, the curated name otherwise
    kind: str  # 'country' | 'organization' | 'place'


def normalize_name(text: str) -> str:
    """The pipeline's normalisation with ZWNJ, diacritics and punctuation dropped, spaces collapsed."""
    text = normalize_text(text).replace(ZWNJ, "")
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    return " ".join(_PUNCT.sub(" ", text).split())


def _key(name: str) -> str:
    """Lookup key of an already normalised name: white space dropped too, so that
    «ایالات متحده», «ایالات‌متحده» and «بی. بی. سی.» / «بی‌بی‌سی» meet."""
    return name.replace(" ", "")


@functools.cache
def _cldr_names() -> dict[str, str]:
    """alpha-3 -> CLDR Persian name, for territories that are ISO 3166-1 countries."""
    import pycountry
    from babel import Locale

    names = {}
    for alpha_2, name in Locale("fa").territories.items():
        country = pycountry.countries.get(alpha_2=alpha_2) if len(alpha_2) == 2 else None
        if country is not None:
            names[country.alpha_3] = name
    return names


@functools.cache
def _gettext_names() -> tuple[tuple[str, str], ...]:
    """(Persian name, alpha-3) from pycountry's Persian ISO 3166-1 translations, if shipped."""
    import pycountry

    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fa"])
    except OSError:
        return ()
    pairs = []
    for country in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            english = getattr(country, field, None)
            if english:
                persian = translation.gettext(english)
                # untranslated names come back in English
                if persian != english and normalize_name(persian) not in GETTEXT_EXCLUDE:
                    pairs.append((persian, country.alpha_3))
    return tuple(pairs)


def read_aliases(path: Path = ALIASES) -> list[tuple[str, str, str, str]]:
    """Rows (alias, kb_id, kind, canonical) of the curated alias file."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(f.strip() for f in fields) or fields[2] not in KINDS:
            raise ValueError(f"{path}:{number}: expected alias<TAB>kb_id<TAB>kind<TAB>canonical: {line!r}")
        rows.append(tuple(f.strip() for f in fields))
    return rows


@functools.cache
def _table() -> dict[str, Link]:
    """Lookup key -> Link, over all three sources."""
    cldr = _cldr_names()
    table: dict[str, Link] = {}

    # 3. pycountry gettext names (lowest priority); a name claimed by two countries is dropped.
    ambiguous = set()
    for name, alpha_3 in _gettext_names():
        key = _key(normalize_name(name))
        if not key:
            continue
        link = Link(alpha_3, cldr.get(alpha_3, name), "country")
        if key in table and table[key].kb_id != alpha_3:
            ambiguous.add(key)
        table[key] = link
    for key in ambiguous:
        del table[key]

    # 2. CLDR names.
    for alpha_3, name in cldr.items():
        table[_key(normalize_name(name))] = Link(alpha_3, name, "country")

    # 1. Curated aliases (highest priority); one alias may not name two entities.
    curated: dict[str, str] = {}
    for alias, kb_id, kind, canonical in read_aliases():
        key = _key(normalize_name(alias))
        if curated.get(key, kb_id) != kb_id:
            raise ValueError(f"alias {alias!r} maps to both {curated[key]} and {kb_id}")
        curated[key] = kb_id
        if kind == "country":
            canonical = cldr.get(kb_id, canonical)
        table[key] = Link(kb_id, canonical, kind)
    return table


@functools.cache
def country_names() -> dict[str, str]:
    """Normalised Persian country name (see `normalize_name`) -> alpha-3, from all sources."""
    names: dict[str, str] = {}
    for name, alpha_3 in _gettext_names():
        names.setdefault(normalize_name(name), alpha_3)
    for alpha_3, name in _cldr_names().items():
        names[normalize_name(name)] = alpha_3
    for alias, kb_id, kind, _ in read_aliases():
        if kind == "country":
            names[normalize_name(alias)] = kb_id
    table = _table()  # keep only names that really link to that country (ambiguity dropped)
    return {name: code for name, code in names.items()
            if (hit := table.get(_key(name))) is not None and hit.kb_id == code}


@functools.lru_cache(maxsize=65536)
def _link_normalized(name: str) -> Link | None:
    table = _table()
    if not name:
        return None
    hit = table.get(_key(name))
    if hit is not None:
        return hit
    tokens = name.split()
    # Relaxations, accepted only for countries: leading generic words, trailing «سابق».
    candidates = []
    for start in range(len(tokens)):
        if start and tokens[start - 1] not in GENERIC_PREFIXES:
            break
        rest = tokens[start:]
        if start:
            candidates.append(rest)
        if len(rest) > 1 and rest[-1] == FORMER_SUFFIX:
            candidates.append(rest[:-1])
    for candidate in candidates:
        hit = table.get(_key(" ".join(candidate)))
        if hit is not None and hit.kind == "country":
            return hit
    return None


def link(text: str, label: str | None = None) -> Link | None:
    """The entity `text` names, or None. Only LOC/ORG mentions (or unlabelled text) are linked."""
    if label not in LINKABLE_LABELS or not text or not text.strip():
        return None
    return _link_normalized(normalize_name(text))
