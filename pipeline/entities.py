"""Entity mentions of one document: NER + rule-based values + a gazetteer pass, cleaned and linked.

- Values (DATE/TIME/MONEY/PERCENT from `pipeline.values`) win over NER mentions they overlap:
  the rules normalise them, the model does not.
- NER mentions are trimmed of quotes/punctuation and honorifics («آقای»), a generic prefix is
  dropped when the rest is a country («دولت ژاپن» -> ژاپن), and a government body named with
  its country is split («وزارت امور خارجه نروژ» -> ORG + LOC), as the annotation lists them.
- The gazetteer adds country, organisation and place names of the linking tables that NER
  missed (longest token match; LOC for countries and places, ORG for organisations).
- Linked LOC/ORG mentions get `kb_id` and the canonical name in `normalized`; a mention that
  links to a country or organisation gets that label whatever NER said.
Rules live in `pipeline/data/entity_rules.tsv`.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from pipeline import linking
from pipeline.nlp import Sentence, Word, hazm_lexicon
from pipeline.normalize import ZWNJ, zwnj_affixes
from pipeline.syntax import PUNCT, key, read_tsv, token_alternatives

NER_LABELS = frozenset({"PER", "ORG", "LOC", "FAC", "PRO", "EVENT"})
VALUE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})
KIND_LABEL = {"country": "LOC", "place": "LOC", "organization": "ORG"}
MAX_GAZETTEER_TOKENS = 7
EDGE_CHARS = "«»\"'()[]{}،,:;؛!?؟“”‘’-–—_/\\ \u200c"
TOKEN = re.compile(r"\S+")


@dataclass
class EntityMention:
    sent_index: int
    label: str
    start: int  # offsets into the normalised text
    end: int
    text: str
    normalized: str = ""
    kb_id: str = ""
    kind: str = ""  # linking kind: country | organization | place
    source: str = ""  # ner | rules | gazetteer
    currency: str = ""
    amount: float | None = None
    id: str = ""  # assigned by extract_document

    @property
    def is_country(self) -> bool:
        return self.kind == "country"

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@functools.cache
def _rules() -> dict[str, frozenset[str]]:
    rules: dict[str, set[str]] = {}
    for kind, word in read_tsv("entity_rules.tsv"):
        rules.setdefault(kind, set()).add(key(word))
    return {kind: frozenset(words) for kind, words in rules.items()}


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding quotes/punctuation; a final «.» stays in dotted names (بی.بی.سی.)."""
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and (text[end - 1] in EDGE_CHARS
                           or (text[end - 1] == "." and "." not in text[start:end - 1])):
        end -= 1
    return start, end


@functools.lru_cache(maxsize=65536)
def _link(text: str) -> linking.Link | None:
    return linking.link(text, None)


_normalize_name = functools.lru_cache(maxsize=65536)(linking.normalize_name)


def _set(text: str, m: EntityMention, start: int, end: int, label: str | None = None) -> EntityMention:
    start, end = _trim(text, start, end)
    return EntityMention(m.sent_index, label or m.label, start, end, text[start:end], source=m.source)


def _words(text: str, m: EntityMention) -> list[tuple[int, int, str]]:
    return [(s, e, key(text[s:e])) for s, e in _tokens(text, m.start, m.end)]


SEPARATORS = ("_", " - ", ": ")


def _unseparate(text: str, m: EntityMention) -> EntityMention:
    """«خبرگزاری فارس_ قیمت نفت»: a headline separator inside a mention ends the name; so does
    a word with a headline tag glued on («کره شمالی [شد+عکس]») and a parenthesis the mention
    does not close («کیم (جونگ اون»)."""
    inner = text[m.start:m.end]
    cuts = [inner.index(sep) for sep in SEPARATORS if sep in inner]
    if "+" in inner:
        cuts.append(inner.rfind(" ", 0, inner.index("+")) + 1)
    if inner.count("(") != inner.count(")"):
        cuts.append(min(i for i in (inner.find("("), inner.find(")")) if i >= 0))
    return _set(text, m, m.start, m.start + min(cuts)) if cuts else m


def _country_tail(text: str, m: EntityMention) -> EntityMention:
    """«[هوایی] انگلیس», «[شیعه‌نشین] ناصریه»: a LOC mention that is a country's or a listed
    city's name plus stray words before it."""
    words = _words(text, m)
    if m.label != "LOC" or len(words) < 2 or _link(m.text) is not None:
        return m
    for start, _, _ in words[1:]:
        hit = _link(text[start:m.end])
        if hit is not None and (hit.kind == "country" or hit.kb_id.startswith("CITY:")):  # not «جنوب شرقی [آسیا]»
            return _set(text, m, start, m.end)
    return m


GLUED_PREPOSITIONS = ("از", "با", "به", "در", "بر", "و")  # and the conjunction: «وغرب»


def _unglue(text: str, m: EntityMention) -> EntityMention:
    """«ازرویترز»: a preposition written onto a name (a missing space in the source)."""
    word = m.text
    if " " in word.strip() or _link(word) is not None:
        return m
    for prep in GLUED_PREPOSITIONS:
        if word.startswith(prep) and len(word) - len(prep) >= 3 and _link(word[len(prep):]) is not None:
            return _set(text, m, m.start + len(prep), m.end)
    return m


def _uncopula(text: str, m: EntityMention) -> EntityMention:
    """«کمیسیون اتحادیه اروپاست»: the copula «ست» written onto a name ending in a vowel."""
    if not m.text.endswith("ست") or _link(m.text) is not None:
        return m
    bare = m.text[:-2]
    last = (bare.split() or [""])[-1]
    if len(last) >= 3 and last[-1] in "او" and (_link(bare) is not None or _link(last) is not None):
        return _set(text, m, m.start, m.end - 2)
    return m


def _unquote(text: str, m: EntityMention) -> EntityMention:
    """«خبرگزاری «اینترفکس» -> اینترفکس; «بانک ملت» ایران» -> بانک ملت: a quote inside a mention
    marks where the name is."""
    inner = text[m.start:m.end]
    if "«" in inner:
        start = m.start + inner.index("«") + 1
        close = text.find("»", start, m.end)
        return _set(text, m, start, close if close != -1 else m.end)
    if "»" in inner:
        return _set(text, m, m.start, m.start + inner.index("»"))
    return m


def media_name(text: str, m: EntityMention) -> EntityMention:
    """«شبکه خبری العالم» -> العالم, «خبرگزاری روسی تاس» -> تاس: a medium or firm named by a
    foreign name (outside the lexicon, or after an adjective) is called by that name; «خبرگزاری
    رویترز» and «خبرگزاری فرانسه» are the agencies' own names. Only the entity table shows the
    shorter name: the extractors read the whole mention («در گفت‌وگو با شبکه خبری العالم» is
    talking to the press)."""
    words, rules = _words(text, m), _rules()
    if m.label != "ORG" or len(words) < 2 or words[0][2] not in rules["media_head"]:
        return m
    n = 1
    while n < len(words) - 1 and (words[n][2] in rules["media_kind"] or demonym_country(words[n][2])):
        n += 1
    hit = _link(text[words[n][0]:m.end])
    if words[n][2] in rules["media_kind"] or demonym_country(words[n][2]) or (hit is not None and hit.kind == "country"):
        return m  # «شبکه تلویزیونی (لبنانی)» names no medium; «خبرگزاری فرانسه» is the agency's name
    foreign = words[n][2] not in _lexicon(with_unseen=False)
    if n > 1 or (foreign and words[0][2] != key("خبرگزاری")):
        return replace(m, start=words[n][0], text=text[words[n][0]:m.end])
    return m


def _strip_prefixes(text: str, m: EntityMention) -> EntityMention:
    """Drop an honorific before a person, a generic word before a country («دولت ژاپن»), a light
    verb's infinitive NER took in («واردکردن نروژ»), or a region word before a place («شمال
    عراق»); a war or crisis named by its place is an EVENT."""
    words, rules = _words(text, m), _rules()
    if len(words) < 2:
        return m
    first, rest_start = words[0][2], words[1][0]
    rest = text[rest_start:m.end]
    if first in rules["honorific"] and m.label in ("PER", "ORG", "LOC"):
        return _set(text, m, rest_start, m.end, "PER")
    if first in rules["event_head"] and m.label in ("ORG", "LOC"):
        return _set(text, m, m.start, m.end, "EVENT")
    if first.endswith(tuple(rules["verbal_head"])):
        hit = _link(rest)
        return _set(text, m, rest_start, m.end, "LOC" if hit is not None and hit.kind == "country" else None)
    if first in rules["country_prefix"] and (hit := _link(rest)) and hit.kind == "country":
        return _set(text, m, rest_start, m.end, "LOC")
    if first in rules["place_prefix"] and m.label == "LOC" and words[1][2] not in DIRECTION_ADJECTIVES:
        return _set(text, m, rest_start, m.end)  # not «جنوب شرقی آسیا»: a region's own name
    return m


DIRECTION_ADJECTIVES = frozenset({"شرقی", "غربی", "شمالی", "جنوبی", "مرکزی"})
PREVIOUS_WORD_WINDOW = 200


def _previous_word(text: str, offset: int) -> str:
    before = text[max(0, offset - PREVIOUS_WORD_WINDOW):offset].split()  # not the whole text: linear cost
    return key(before[-1]) if before else ""


def _person_before_title(text: str, m: EntityMention) -> EntityMention:
    """«ترامپ رئیس‌جمهور آمریکا», «تئودور کاتوف»، سفیر امریکا»: a name in apposition to a
    person's title is a person, whatever label NER gave it (not a known country or body; a
    comma only after a quoted name: «…، رئیس …» also lists titles)."""
    from pipeline.titles import title_lexicon

    words = _words(text, m)
    if m.label not in ("ORG", "PRO", "FAC", "EVENT") or not words or _link(m.text) is not None \
            or words[0][2] in _rules()["org_head"] | _rules()["state_body"] | _rules()["sub_body"]:
        return m
    rest = text[m.end:m.end + PREVIOUS_WORD_WINDOW].lstrip()
    quoted = rest.startswith("»")
    rest = rest[1:].lstrip() if quoted else rest
    if rest.startswith("،"):
        if not quoted:
            return m
        rest = rest[1:]
    nxt = [key(w) for w in rest.split()[:2]]
    titles = title_lexicon()
    if any(titles.get("".join(nxt[:n]).replace(" ", "")) == "ROLE" for n in (1, 2) if len(nxt) >= n):
        return _set(text, m, m.start, m.end, "PER")
    return m


def _portfolio(text: str, m: EntityMention) -> list[EntityMention]:
    """«وزیر [امور خارجه ایتالیا]»: NER's ORG is the title's portfolio; keep a final country."""
    from pipeline.titles import title_lexicon

    words, rules = _words(text, m), _rules()
    if m.label != "ORG" or not words or words[0][2] in rules["org_head"]:
        return [m]
    after_title = _previous_word(text, m.start).replace(" ", "") in title_lexicon()
    if not (after_title or words[0][2] in rules["portfolio_head"]):
        return [m]
    for start, _, _ in words[1:]:
        hit = _link(text[start:m.end])
        if hit is not None and hit.kind == "country":
            return [_set(text, m, start, m.end, "LOC")]
    return []


def _desk(text: str, m: EntityMention) -> EntityMention:
    """«گروه بین‌الملل خبرگزاری فارس» -> خبرگزاری فارس; «گروه اقتصاد بین‌الملل فارس» -> فارس."""
    words, rules = _words(text, m), _rules()
    if m.label == "ORG" and words and words[0][2] in rules["desk_head"]:
        for start, _, word in words[1:]:
            if word in rules["agency_head"]:
                return _set(text, m, start, m.end)
        n = 1
        while n < len(words) and words[n][2] in rules["desk_section"]:
            n += 1
        if 1 < n < len(words):
            return _set(text, m, words[n][0], m.end)
    return m


def demonym_country(word: str) -> str | None:
    """The country a nationality adjective names, as its stem spells it («شیلیایی» -> «شیلی»,
    «فرانسوی» -> «فرانسه»); None for any other word."""
    word = key(word)
    if " " in word or not word.endswith("ی"):
        return None
    stems = [word[:-2] if word.endswith("ئی") or word.endswith("یی") else word[:-1], word[:-1]]
    if word.endswith("ایی"):  # «شیلیایی» -> شیلی
        stems.append(word[:-3])
    if word.endswith("وی"):  # «فرانسوی» -> فرانسه
        stems.append(word[:-2] + "ه")
    stems += [stem + "یه" for stem in stems]
    return next((stem for stem in dict.fromkeys(stems)
                 if (hit := _link(stem)) is not None and hit.kind == "country"), None)


def _demonym(text: str, m: EntityMention) -> bool:
    """«آمریکایی», «ایرانی», «روسی»: an adjective of nationality, not a name."""
    if m.label == "PER" and not key(m.text).endswith("ایی"):  # «روحانی» is a name; «شیلیایی» never is
        return False
    return demonym_country(m.text) is not None


def _place_before_country(text: str, m: EntityMention) -> EntityMention:
    """«لابوئان» مالزی», «کلکته هند»: a «product» named right before a country is a place in it."""
    if m.label != "PRO" or " " in m.text.strip():
        return m
    after = text[m.end:m.end + PREVIOUS_WORD_WINDOW].lstrip(" »").split()
    hit = _link(after[0].strip("،.:")) if after else None
    return _set(text, m, m.start, m.end, "LOC") if hit is not None and hit.kind == "country" else m


def _relabel_facility(text: str, m: EntityMention) -> EntityMention:
    words = _words(text, m)
    if m.label == "FAC" and words and words[0][2] in _rules()["org_head"]:
        return _set(text, m, m.start, m.end, "ORG")
    return m


def _relabel_product(text: str, m: EntityMention) -> EntityMention:
    """NER's PRO for a medium: «روزنامه اسراییلی معاریو», «وبگاه العربی الجدید» (a media head and
    a name after it) and Arabic names with the article («الشرق‌الاوسط», «الحوزه») are
    organisations, not products; a quoted foreign name of several words («"روژه گارودی"»: one
    word outside the lexicon) is a person's (an organisation's when it opens with a body's head
    word): news quotes foreign names."""
    words = _words(text, m)
    if m.label != "PRO" or not words:
        return m
    as_org = _set(text, m, m.start, m.end, "ORG")
    first = words[0][2]
    if (first in _rules()["media_head"] and media_name(text, as_org) != as_org) \
            or (first.startswith("ال") and first not in _lexicon()):
        return as_org
    foreign = any(w[2] not in _lexicon(with_unseen=False) for w in words)
    if len(words) > 1 and foreign and _quoted(text, m.start, m.end):
        return as_org if first in _rules()["org_head"] else _set(text, m, m.start, m.end, "PER")
    return m


def _quoted(text: str, start: int, end: int) -> bool:
    """The span is all there is between «» (or "")."""
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    return (before, after) in (("«", "»"), ('"', '"'))


def _drop_trailing(text: str, m: EntityMention) -> EntityMention:
    """«بانک ملت مستقر» -> بانک ملت: a closing word saying where the named thing is; for a
    person, when («پورمحمدی عصرامروز»)."""
    words, rules = _words(text, m), _rules()
    if len(words) > 1 and (words[-1][2] in rules["trailing_drop"]
                           or (m.label == "PER" and words[-1][2] in rules["person_trailing"])):
        return _set(text, m, m.start, words[-2][1])
    return m


def _cut_at_infinitive(text: str, m: EntityMention) -> EntityMention | None:
    """«آیالون دروغگو بودن» -> آیالون: a light verb's infinitive and the predicate before it are no
    part of a name; nothing left («مهندس بودن»), no mention."""
    words = _words(text, m)
    at = next((i for i, w in enumerate(words) if w[2] in _rules()["infinitive"]), None)
    if at is None:
        return m
    return _set(text, m, m.start, words[at - 2][1]) if at >= 2 else None


def _person_or_place(text: str, m: EntityMention) -> EntityMention:
    """NER's person that is a country («هند و [پاکستان]»), or the title's portfolio ending in one
    («معاون وزیر [انرژی پاکستان]»): the country; a weight class before a person («۵۵ کیلوگرم
    سلطانی»): the person; a «place» named like a surname («خلیل‌زاده»): a person."""
    words, rules = _words(text, m), _rules()
    if not words:
        return m
    last = words[-1][2]
    if m.label == "LOC" and any(last.endswith(x) and last != x for x in rules["person_suffix"]) \
            and _link(m.text) is None:
        return _set(text, m, m.start, m.end, "PER")
    if m.label != "PER":
        return m
    if len(words) > 1 and words[0][2] in rules["person_leading"]:
        return _set(text, m, words[1][0], m.end)
    from pipeline.titles import title_lexicon

    after_title = _previous_word(text, m.start).replace(" ", "") in title_lexicon()
    for start, _, _ in words if after_title else words[:1]:  # not «دیوید [کامرون]»
        hit = _link(text[start:m.end])
        if hit is not None and hit.kind == "country":
            return _set(text, m, start, m.end, "LOC")
    return m


def _org_final(text: str, m: EntityMention) -> EntityMention:
    """«امریکن ایرلاینز» (PER by NER) is an ORG; a lone «ایرلاینز» takes in its first word."""
    words = _words(text, m)
    if not words or words[-1][2] not in _rules()["org_final"]:
        return m
    start = m.start
    if len(words) == 1:
        before = list(TOKEN.finditer(text, max(0, m.start - 40), m.start))
        if before and key(before[-1].group()) not in ("و", "،", ",") and not set(before[-1].group()) & set(EDGE_CHARS):
            start = before[-1].start()
        else:
            return m
    return _set(text, m, start, m.end, "ORG")


def _split_body(text: str, m: EntityMention) -> list[EntityMention]:
    """«وزارت امور خارجه نروژ» -> ORG «وزارت امور خارجه» + LOC «نروژ»; «کمیسیون کشاورزی مجلس»,
    «مجمع عمومی سازمان ملل» -> two ORGs. Only for mentions opening with a body word."""
    toks = _tokens(text, m.start, m.end)
    if m.label != "ORG" or len(toks) < 2:
        return [m]
    words = [key(text[s:e]) for s, e in toks]
    rules = _rules()
    heads = rules["state_body"] | rules["sub_body"]
    if words[0] not in heads and " ".join(words[:2]) not in heads:
        return [m]
    if words[-1] in rules["org_suffix_drop"] and len(toks) > 2:
        return [_set(text, m, m.start, toks[-2][1])]
    for cut in range(1, len(toks)):
        tail = text[toks[cut][0]:m.end]
        hit = _link(tail)
        tail_label = KIND_LABEL.get(hit.kind) if hit and hit.kind != "place" else None
        if tail_label is None and " ".join(words[cut:]) in rules["org_tail"] and cut >= 2:
            tail_label = "ORG"
        if tail_label == "ORG" and cut < 2:
            continue  # «سازمان» + «ملل متحد»: one name, not a body of the organisation
        if tail_label:
            return [_set(text, m, m.start, toks[cut - 1][1]), _set(text, m, toks[cut][0], m.end, tail_label)]
    return [m]


def _trim_title(text: str, m: EntityMention) -> EntityMention:
    """«کلینتون ریاست‌جمهور»: a person mention running into the title after the name."""
    from pipeline.titles import title_lexicon

    words = _words(text, m)
    if m.label != "PER" or len(words) < 2:
        return m
    for n in range(1, len(words)):
        rest = "".join(w for _, _, w in words[n:]).replace(" ", "")
        if words[n][2].replace(" ", "") in title_lexicon() or rest in title_lexicon():
            return _set(text, m, m.start, words[n - 1][1])
    return m


def _is_junk(m: EntityMention) -> bool:
    core = key(m.text)
    words = core.split()
    if m.label == "ORG" and len(words) == 2 and words[1] in _rules()["generic_modifier"]:
        return True  # «حزب مخالف»: a description
    return len(core) < 2 or all(c in PUNCT or c.isspace() for c in core) or core in _rules()["not_a_name"]


def clean_mention(text: str, m: EntityMention) -> list[EntityMention]:
    """One NER mention -> the entity mentions it stands for (possibly none)."""
    m = _cut_at_infinitive(text, _set(text, m, m.start, m.end))
    if m is None:
        return []
    # each step one repair, in this order (a prefix stripped can uncover a glued conjunction)
    for step in (_unseparate, _unquote, _unglue, _uncopula, _strip_prefixes, _unglue, _country_tail,
                 _trim_title, _desk, _relabel_facility, _relabel_product, _org_final, _drop_trailing,
                 _person_before_title, _person_or_place, _place_before_country):
        m = step(text, m)
    out = []
    for part in _portfolio(text, m):
        out += _split_body(text, part)
    return [p for p in out if not _is_junk(p) and not _demonym(text, p)]


def _extend_linked(text: str, m: EntityMention) -> EntityMention:
    """«شوروی» + «سابق»: take in the next word when the longer name links to the same entity."""
    nxt = TOKEN.search(text, m.end)
    if nxt is None or text[m.end:nxt.start()].strip() or m.label not in ("LOC", "ORG"):
        return m
    longer, shorter = _link(text[m.start:nxt.end()]), _link(m.text)
    if longer is not None and (shorter is None or longer.kb_id == shorter.kb_id):
        return _set(text, m, m.start, nxt.end())
    return m


def _merge_adjacent(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """NER split a linkable name in two («عربستان» «سعودی»): join them again."""
    out: list[EntityMention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if out and out[-1].sent_index == m.sent_index and not text[out[-1].end:m.start].strip():
            joined = text[out[-1].start:m.end]
            hit = _link(joined)
            # «شورای امنیت» «سازمان ملل»: two bodies, split on purpose (PART_OF), not one name cut
            split = len(_split_body(text, EntityMention(m.sent_index, "ORG", out[-1].start, m.end, joined))) > 1
            if hit is not None and not split:
                prev = out.pop()
                m = EntityMention(m.sent_index, KIND_LABEL[hit.kind], prev.start, m.end, joined, source=m.source)
            elif out[-1].label == m.label == "PER":  # «سید راضی» «نوری»: one name cut in two
                prev = out.pop()
                m = EntityMention(m.sent_index, "PER", prev.start, m.end, joined, source=m.source)
        out.append(m)
    return out


def _drop_light_verb_noun(sent: Sentence, start: int, end: int) -> int:
    """«کمیسیون کشاورزی مجلس [خبر] داد»: the noun of a light-verb construction is no name."""
    inside = [w for w in sent.words if w.start >= start and w.end <= end]
    if len(inside) > 1 and inside[-1].deprel == "compound:lvc":
        return inside[-2].end
    return end


def _lone_adjective(sent: Sentence, label: str, start: int, end: int, text: str) -> bool:
    """«[صهیونیستی]» alone as an organisation: NER tagged an adjective cut from the name it
    modifies (an adjective in «ی»; «بالتیک», «سانتیاگو» may be tagged ADJ too)."""
    words = [w for w in sent.words if start <= w.start and w.end <= end]
    return label == "ORG" and len(words) == 1 and words[0].upos == "ADJ" and key(words[0].text).endswith("ی") \
        and _link(text[start:end]) is None


def ner_mentions(text: str, sentences: list[Sentence]) -> list[EntityMention]:
    out = []
    for sent in sentences:
        for ent in sent.entities:
            if ent.label in NER_LABELS and not _lone_adjective(sent, ent.label, ent.start, ent.end, text):
                end = _drop_light_verb_noun(sent, ent.start, ent.end)
                raw = EntityMention(sent.index, ent.label, ent.start, end, text[ent.start:end], source="ner")
                out += clean_mention(text, raw)
    return [_extend_linked(text, m) for m in _merge_adjacent(text, out)]


def value_mentions(text: str, decimal_order: str, sentences: list[Sentence]) -> list[EntityMention]:
    from pipeline.values import find_values

    starts = [s.start for s in sentences]
    out = []
    for v in find_values(text, decimal_order, None):
        # the last sentence starting at or before the value
        sent_index = sentences[max(bisect.bisect_right(starts, v.start) - 1, 0)].index if sentences else 0
        out.append(EntityMention(sent_index, v.label, v.start, v.end, v.text,
                                 v.normalized, source="rules", currency=v.currency, amount=v.amount))
    return out


@functools.cache
def _gazetteer_first_tokens() -> frozenset[str]:
    """First tokens of every linkable name: only n-grams starting with one are looked up."""
    names = list(linking.country_names())
    names += [linking.normalize_name(alias) for alias, *_ in linking.read_aliases()]
    return frozenset(n.split()[0] for n in names if n.split())


def _surface_words(sent: Sentence) -> list[Word]:
    """The sentence's words with a span, each span once (a multi-word token's words share one)."""
    words = [w for w in sent.words if w.end > w.start]
    return [w for i, w in enumerate(words) if i == 0 or (w.start, w.end) != (words[i - 1].start, words[i - 1].end)]


def gazetteer_mentions(text: str, sentences: list[Sentence], taken: list[EntityMention]) -> list[EntityMention]:
    """Linkable names NER missed or cut short: longest match of up to MAX_GAZETTEER_TOKENS words.
    A match may swallow NER mentions it strictly contains («جامعه [اروپا]»); they are then
    removed from `taken` (in place)."""
    first_tokens, skip = _gazetteer_first_tokens(), _rules()["gazetteer_skip"]
    in_sentence = by_sentence(taken)

    def blocked(start: int, end: int, country: bool) -> bool:
        """Overlaps a mention it does not contain, or contains two (NER split them on purpose:
        «مجمع عمومی» «سازمان ملل»; not a country's name: «سائوتومه و پرنسیب»)."""
        inside = [(s, e) for s, e in spans if start <= s and e <= end and (s, e) != (start, end)]
        return (len(inside) > 1 and not country) or any(s < end and start < e and (s, e) not in inside for s, e in spans)
    out: list[EntityMention] = []
    for sent in sentences:
        mentions = in_sentence[sent.index]
        spans = [(m.start, m.end) for m in mentions]
        words = _surface_words(sent)
        i = 0
        while i < len(words):
            matched = None
            # («دولت نروژ» links through a relaxation; the name is «نروژ»)
            if _normalize_name(words[i].text) in first_tokens \
                    and key(words[i].text) not in _rules()["country_prefix"]:
                for j in range(min(len(words), i + MAX_GAZETTEER_TOKENS), i, -1):
                    start, end = words[i].start, words[j - 1].end
                    if any(s <= start and end <= e for s, e in spans):
                        continue
                    trimmed = _trim(text, start, end)
                    name = text[trimmed[0]:trimmed[1]]
                    hit = _link(name) if trimmed[1] > trimmed[0] else None
                    if blocked(start, end, hit is not None and hit.kind == "country"):
                        continue
                    start, end = trimmed
                    if hit and key(name) not in skip:
                        matched = (j, EntityMention(sent.index, KIND_LABEL[hit.kind], start, end, name,
                                                    source="gazetteer"))
                        break
            if matched:
                i, m = matched
                swallowed = [t for t in mentions if m.start <= t.start and t.end <= m.end]
                for t in swallowed:
                    taken.remove(t)
                    mentions.remove(t)
                    spans.remove((t.start, t.end))
                out.append(m)
                spans.append((m.start, m.end))
            else:
                i += 1
    return out


NAME_STOPS = frozenset({"این", "آن", "هر", "دو", "همین", "خود", "نیز", "هم", "که", "را", "و", "یا"})
MAX_NAME_ADJECTIVES = 2


def named_org_mentions(text: str, sentences: list[Sentence], taken: list[EntityMention]) -> list[EntityMention]:
    """«حزب» + a name word + adjectives, where NER found nothing (party names are open-class)."""
    from pipeline.syntax import PREPOSITIONS, is_punct, is_verb

    heads, out = _rules().get("name_head", frozenset()), []
    in_sentence = by_sentence(taken)
    for sent in sentences:
        spans = [(m.start, m.end) for m in in_sentence[sent.index]]
        words = sent.words
        for i, w in enumerate(words[:-1]):
            if key(w.text) not in heads or (i and key(words[i - 1].text) in NAME_STOPS):
                continue
            name = words[i + 1]
            k = key(name.text)
            if is_punct(name) or is_verb(name) or k in PREPOSITIONS or k in NAME_STOPS \
                    or k in _rules()["generic_modifier"] or name.upos not in ("NOUN", "PROPN", "ADJ"):
                continue
            last = i + 1
            while last + 1 < len(words) and last - i <= MAX_NAME_ADJECTIVES and words[last + 1].upos == "ADJ" \
                    and key(words[last + 1].text) not in NAME_STOPS:
                last += 1
            start, end = w.start, words[last].end
            if any(s < end and start < e for s, e in spans):
                continue
            spans.append((start, end))
            out.append(EntityMention(sent.index, "ORG", start, end, text[start:end], source="rules"))
    return out


LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")


def latin_org_mentions(text: str, sentences: list[Sentence], taken: list[EntityMention]) -> list[EntityMention]:
    """Names in Latin script NER (trained on Persian text) leaves out: an acronym in
    parentheses after an organisation («لابوئان (IBFC)»), a name after an organisation noun
    («موسسه UBS», «بانک دولتی KfW», «بانک "First East Export"»)."""
    out: list[EntityMention] = []
    in_sentence = by_sentence(taken)
    for sent in sentences:
        mentions = in_sentence[sent.index]
        words = _surface_words(sent)
        i = 0
        while i < len(words):
            j = i
            while j < len(words) and LATIN_NAME.fullmatch(words[j].text):
                j += 1
            if j == i or not any(c.isupper() for c in words[i].text) or words[j - 1].end - words[i].start < 2 \
                    or any(m.overlaps(words[i].start, words[j - 1].end) for m in mentions):  # («گروه A»: a letter)
                i = max(j, i + 1)
                continue
            before = [key(w.text) for w in words[max(0, i - 3):i] if w.text not in ("«", "\"")]
            after_org = before[-1:] == ["("] and any(m.label == "ORG" and m.end <= words[i - 1].start
                                                     and not text[m.end:words[i - 1].start].strip() for m in mentions)
            if after_org or set(before[-2:]) & _rules()["latin_org_head"]:
                start, end = words[i].start, words[j - 1].end
                out.append(EntityMention(sent.index, "ORG", start, end, text[start:end], source="rules"))
            i = j
    return out


@functools.cache
def learned_names() -> dict[tuple[str, ...], str]:
    """Names the NER training sets tag consistently (`names.tsv`, built by `train names`)."""
    names = {}
    for name, label, _ in read_tsv("names.tsv"):
        words = key(name).split()
        names[tuple(words)] = label
        if len(words) > 1:  # «مقتدا صدر» for «مقتدی صدر»: a final alif maqsura is also spelt «ا»
            names.setdefault(tuple(_alif_spelling(w) for w in words), label)
    return names


def _alif_spelling(word: str) -> str:
    return word[:-1] + "ا" if word.endswith("ی") and len(word) > 3 else word


MAX_NAME_WORDS = 6


def learned_name_mentions(text: str, sentences: list[Sentence], taken: list[EntityMention]) -> list[EntityMention]:
    """Names of `learned_names` that NER left untagged (longest match, not overlapping a mention),
    or only its first words («[نیویورک] تایمز»: that mention grows into the organisation's name)."""
    names, out = learned_names(), []
    in_sentence = by_sentence(taken)
    for sent in sentences:
        spans = [(m.start, m.end) for m in in_sentence[sent.index]]
        words = _surface_words(sent)
        i = 0
        while i < len(words):
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                label = names.get(tuple(key(w.text) for w in words[i:i + n]))
                start, end = words[i].start, words[i + n - 1].end
                if label == "PER" and n > 1 and _extend_person(text, in_sentence[sent.index], start, end):
                    spans = [(m.start, m.end) for m in in_sentence[sent.index]]
                    i += n - 1
                    break
                if label and not any(s < end and start < e for s, e in spans):
                    # cleaned like NER's mentions («وزیر [امور خارجه]» is a title's portfolio)
                    out += clean_mention(text, EntityMention(sent.index, label, start, end, text[start:end],
                                                             source="gazetteer"))
                    spans.append((start, end))
                    i += n - 1
                    break
                inside = [m for m in in_sentence[sent.index] if start <= m.start and m.end <= end] \
                    if label == "ORG" and n > 1 else []
                if len(inside) == 1 and inside[0].start == start and inside[0].end < end \
                        and not any(s < end and start < e and not (start <= s and e <= end) for s, e in spans):
                    # «[نیویورک] تایمز»: NER's mention opens an organisation's longer name; it becomes that name
                    m = inside[0]
                    spans.remove((m.start, m.end))
                    m.start, m.end, m.text, m.label, m.source = start, end, text[start:end], label, "gazetteer"
                    spans.append((start, end))
                    i += n - 1
                    break
            i += 1
    return out


def _extend_person(text: str, mentions: list[EntityMention], start: int, end: int) -> bool:
    """«[دونالد] ترامپ», «[کمال] خرازی»: NER tagged part of a listed full name as a person;
    the mention becomes the full name (the only mention inside it)."""
    inside = [m for m in mentions if m.overlaps(start, end)]
    if len(inside) != 1 or inside[0].label != "PER" or not (start <= inside[0].start and inside[0].end <= end) \
            or (inside[0].start, inside[0].end) == (start, end):
        return False
    m = inside[0]
    m.start, m.end, m.text = start, end, text[start:end]
    return True


MAX_UNKNOWN_NAME_WORDS = 3
# «در همین حال میچل باچه لت رئیس‌جمهور شیلی …», «همچنین نادر قاضی‌پور نماینده …»
NAME_OPENERS = frozenset({"حال", "اما", "ولی", "همچنین"})


@functools.cache
def given_names() -> frozenset[str]:
    """Words that open persons' names (`given_names.tsv`, built by `train names`): part of a name
    whatever the tagger calls them («نادر» ADJ, "rare")."""
    names = {key(row[0]) for row in read_tsv("given_names.tsv")}
    return frozenset(names | {_alif_spelling(n) for n in names})


@functools.cache
def _lexicon(with_unseen: bool = True) -> frozenset[str]:
    """hazm's word list (193k words): a word outside it is likely a foreign name. It lists some
    names never seen in its corpus (frequency 0: «پرنسا», «المنار»); `with_unseen=False` leaves
    them out."""
    return frozenset(key(word) for word, frequency, _ in hazm_lexicon() if with_unseen or frequency > 0)


def _speech_at(words: list[Word], i: int) -> bool:
    """A reporting verb («گفت», «اظهار داشت») starts at word i."""
    from pipeline.clauses import speech_verbs  # clauses reads the entities, not the reverse, at import

    return any(i + len(seq) <= len(words) and all({key(w.text), key(w.lemma)} & token_alternatives(tok)
                                                  for w, tok in zip(words[i:i + len(seq)], seq))
               for seq in speech_verbs())


def _quoted_before(words: list[Word], i: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Span of 1-3 nouns in «» right before word i (a comma may follow the quote)."""
    k = i - 1 if i > 0 and key(words[i - 1].text) in ("،", ",") else i
    if k < 3 or words[k - 1].text != "»":
        return None
    opener = next((j for j in range(k - 2, max(-1, k - 2 - MAX_UNKNOWN_NAME_WORDS), -1) if words[j].text == "«"), None)
    inner = words[opener + 1:k - 1] if opener is not None else []
    if not inner or any(n.upos not in ("NOUN", "PROPN") for n in inner) \
            or any(s < inner[-1].end and inner[0].start < e for s, e in spans):
        return None
    return inner[0].start, inner[-1].end


def unknown_name_mentions(text: str, sentences: list[Sentence], taken: list[EntityMention]) -> list[EntityMention]:
    """Names NER missed where only a person fits: an Arabic «ابو…» name outside the lexicon;
    nouns outside the lexicon (likely foreign names) opening a clause right before a person's
    title («میچل باچه لت رئیس‌جمهور شیلی …»), or
    the sentence before a comma and a title («رامسفلد، وزیر دفاع …»), or
    opening the sentence right before a reporting verb («طبیبیان گفت: …»), and a quoted name
    right before a title."""
    from pipeline.titles import title_lexicon

    titles, out = title_lexicon(), []
    in_sentence = by_sentence(taken)
    for sent in sentences:
        spans = [(m.start, m.end) for m in in_sentence[sent.index]]
        words = _surface_words(sent)
        for i, w in enumerate(words):
            if _kunya(w) and not any(s < w.end and w.start < e for s, e in spans):
                out.append(EntityMention(sent.index, "PER", w.start, w.end, text[w.start:w.end], source="rules"))
                spans.append((w.start, w.end))
                continue
            before_title = titles.get(key(w.text)) == "ROLE"
            if not before_title and not _speech_at(words, i):
                continue
            quoted = _quoted_before(words, i, spans) if before_title else None
            if quoted is not None:  # «"پل برمر"، حاکم آمریکایی عراق»: a quoted name before a title
                out.append(EntityMention(sent.index, "PER", *quoted, text[quoted[0]:quoted[1]], source="rules"))
                spans.append(quoted)
                continue
            # «رامسفلد، وزیر دفاع امریکا، …»: an apposition after a comma only where the name opens
            # the sentence (elsewhere «…، رئیس …» may continue a list)
            end_i = i - 1 if before_title and i > 1 and key(words[i - 1].text) in ("،", ",") else i
            j = end_i
            while j > 0 and end_i - j < MAX_UNKNOWN_NAME_WORDS \
                    and (words[j - 1].upos in ("NOUN", "PROPN") or key(words[j - 1].text) in given_names()) \
                    and not any(s < words[j - 1].end and words[j - 1].start < e for s, e in spans):
                j -= 1
            opener = words[j - 1] if j > 0 else None
            opens = opener is None or (opener.upos == "PUNCT" and end_i == i)
            if j == end_i or not (opens or (before_title and end_i == i and key(opener.text) in NAME_OPENERS)):
                continue
            if all(key(n.text) in _lexicon() or key(n.text) in titles for n in words[j:end_i]) \
                    or any(_inflected(n.text) or not key(n.text).isalpha() for n in words[j:end_i]):
                continue  # known words, a noun with a plural suffix («توئیت‌های وزیر …»), a bullet («*پاسخ»): no name
            start, end = words[j].start, words[end_i - 1].end
            out.append(EntityMention(sent.index, "PER", start, end, text[start:end], source="rules"))
            spans.append((start, end))
    return out


def given_name_mentions(text: str, sentences: list[Sentence], taken: list[EntityMention]) -> list[EntityMention]:
    """A given name opens a person's name: one before a person NER tagged («غلامعلی [حداد عادل]»)
    extends that mention (in place); one before words outside the lexicon, none of them tagged,
    is a person with them («دونالد رامسفلد»: a foreign surname NER did not know), also where
    NER tagged the given name alone («[منصور] حقیقت‌پور»)."""
    out = []
    in_sentence = by_sentence(taken)
    for sent in sentences:
        words = _surface_words(sent)
        spans = [(m.start, m.end) for m in in_sentence[sent.index]]
        free = [not any(s < w.end and w.start < e for s, e in spans) for w in words]
        persons = [m for m in in_sentence[sent.index] if m.label == "PER"]
        for i, w in enumerate(words[:-1]):
            if key(w.text) not in given_names():
                continue
            alone = next((m for m in persons if (m.start, m.end) == (w.start, w.end)), None)
            if alone is None:
                if not free[i]:
                    continue
                person = next((m for m in persons if m.start == words[i + 1].start), None)
                if person is not None:
                    person.start = w.start
                    person.text = text[person.start:person.end]
                    continue
            j = i + 1
            while j < len(words) and j - i <= MAX_UNKNOWN_NAME_WORDS - 1 and free[j] and _foreign_word(words[j]):
                j += 1
            if j == i + 1:
                continue
            free[i:j] = [False] * (j - i)
            if alone is not None:
                alone.end = words[j - 1].end
                alone.text = text[alone.start:alone.end]
            else:
                start, end = w.start, words[j - 1].end
                out.append(EntityMention(sent.index, "PER", start, end, text[start:end], source="rules"))
    return out


def _foreign_word(w: Word) -> bool:
    """A noun outside hazm's lexicon, uninflected, all letters: likely a foreign name."""
    k = key(w.text)
    return w.upos in ("NOUN", "PROPN") and k.isalpha() and k not in _lexicon() and not _inflected(w.text)


KUNYA_MIN_CHARS = 5  # «ابو» and at least three letters


def _inflected(text: str) -> bool:
    """An inflectional suffix after a ZWNJ («توئیت‌های», «بزرگ‌ترین»): a common word, no name."""
    stem, _, suffix = text.rpartition(ZWNJ)
    return bool(stem) and suffix in zwnj_affixes()["suffix"]


def _kunya(w: Word) -> bool:
    """«ابوعلاء», «ابورحمه»: an Arabic «father of» name, outside the lexicon (not «ابوبکر», a
    common name NER knows) and not a place («ابوظبی»)."""
    k = key(w.text)
    return k.startswith(tuple(_rules()["kunya_prefix"])) and len(k) > KUNYA_MIN_CHARS \
        and k not in _lexicon(with_unseen=False) and _link(k) is None


MIN_SURNAME_CHARS = 3


def without_article(surname: str) -> str | None:
    """An Arabic surname without its article, as it is also written: «شمری» for «الشمری»."""
    return surname[2:] if surname.startswith("ال") and len(surname) > 4 else None


def _complete_names(text: str, sentences: list[Sentence], mentions: list[EntityMention]) -> None:
    """A mention that is part of a longer name of the same document, with that name's other
    words around it, is that name («لوفت [هانزا]» where «لوفت هانزا» is named elsewhere: NER
    cuts a name differently from one sentence to the next). Extends mentions in place."""
    named = [m for m in mentions if m.label in ("PER", "ORG", "LOC", "FAC")]
    # a firm's own name too: «شرکت لوفت هانزا» names «لوفت هانزا»
    names = {tuple(key(n.text).split()) for m in named for n in (m, media_name(text, m))}
    names = sorted((n for n in names if len(n) > 1), key=len, reverse=True)  # longest first
    if not names:
        return
    in_sentence = by_sentence(mentions)
    for sent in sentences:
        words = _surface_words(sent)
        keys = [key(w.text) for w in words]
        for m in in_sentence[sent.index]:
            first = next((i for i, w in enumerate(words) if w.start == m.start), None)
            last = next((i for i, w in enumerate(words) if w.end == m.end), None)
            if first is None or last is None or m.label in VALUE_LABELS:
                continue
            own = tuple(keys[first:last + 1])
            for name in names:
                at = next((p for p in range(len(name) - len(own) + 1) if name[p:p + len(own)] == own), None)
                if at is None or len(name) == len(own):
                    continue
                start, end = first - at, first - at + len(name) - 1
                if start < 0 or end >= len(words) or tuple(keys[start:end + 1]) != name:
                    continue
                if any(o is not m and o.overlaps(words[start].start, words[end].end) for o in in_sentence[sent.index]):
                    continue
                m.start, m.end = words[start].start, words[end].end
                m.text = text[m.start:m.end]
                break


def propagated_mentions(text: str, sentences: list[Sentence], taken: list[EntityMention]) -> list[EntityMention]:
    """One name, one label per document: untagged repeats of a name NER tagged elsewhere, and
    a person's surname alone («لاگارد» after «کریستین لاگارد»), are mentions too; a name NER
    tagged ORG somewhere but PER elsewhere, or a person's name in `learned_names`, is a person
    («ترامپ»: NER's label for a name depends on its context, the name's type does not), and a
    name that follows an organisation word elsewhere («حزب لیکود») is that organisation."""
    known = learned_names()
    # «حزب لیکود», «شرکت فولاد مبارکه»: the name after an organisation word names that organisation
    heads = _rules()["name_head"] | _rules()["company_head"]
    org_names = {toks[1:] for toks in (tuple(key(m.text).split()) for m in taken if m.label == "ORG")
                 if len(toks) > 1 and toks[0] in heads}
    for m in taken:
        toks = tuple(key(m.text).split())
        if m.label == "PER" and toks in org_names and known.get(toks) != "PER":
            m.label = "ORG"
    names: dict[tuple[str, ...], str] = {}
    for m in taken:
        if m.label in ("PER", "ORG", "LOC"):
            toks = tuple(key(m.text).split())
            if m.label == "PER" or toks not in names:
                names[toks] = m.label
            if m.label == "PER" and len(toks) > 1 and len(toks[-1]) >= MIN_SURNAME_CHARS:
                for surname in filter(None, (toks[-1], without_article(toks[-1]))):
                    names.setdefault((surname,), "PER")
    for m in taken:  # label consistency: a person's name is a person everywhere (and in names.tsv)
        toks = tuple(key(m.text).split())
        if m.label in ("ORG", "LOC", "FAC", "PRO", "EVENT") and not m.kb_id and _link(m.text) is None \
                and "PER" in (names.get(toks), known.get(toks)):
            m.label = "PER"
    in_sentence = by_sentence(taken)
    out: list[EntityMention] = []
    longest = max((len(n) for n in names), default=0)
    for sent in sentences:
        spans = [(m.start, m.end) for m in in_sentence[sent.index]]
        words = [w for w in sent.words if w.end > w.start]
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(longest, len(words) - i), 0, -1):
                toks = tuple(key(w.text) for w in words[i:i + n])
                if toks in names:
                    start, end = words[i].start, words[i + n - 1].end
                    if not any(s < end and start < e for s, e in spans) and \
                            not (i and key(words[i - 1].text) in ("این", "آن")):
                        hit = (n, EntityMention(sent.index, names[toks], start, end, text[start:end], source="ner"))
                    break
            if hit:
                n, m = hit
                out.append(m)
                spans.append((m.start, m.end))
                i += n
            else:
                i += 1
    return out


def link_mention(m: EntityMention) -> None:
    """kb_id/canonical name/kind for LOC/ORG (and NER label errors on country/org names)."""
    if m.label in VALUE_LABELS:
        return
    hit = _link(m.text)
    if hit is None:
        return
    if m.label in ("LOC", "ORG", "PRO") or hit.kind in ("country", "organization"):  # PRO «کلکته»: a city
        m.label = KIND_LABEL[hit.kind]
        m.kb_id, m.normalized, m.kind = hit.kb_id, hit.canonical, hit.kind


def find_entities(text: str, sentences: list[Sentence], decimal_order: str) -> list[EntityMention]:
    """All entity mentions of a normalised document, sorted by position."""
    values = value_mentions(text, decimal_order, sentences)
    values_by_sentence = by_sentence(values)
    ner = [m for m in ner_mentions(text, sentences)
           if not any(v.overlaps(m.start, m.end) for v in values_by_sentence[m.sent_index])]
    ner = _dedupe(ner)
    found = values + ner
    gazetteer = gazetteer_mentions(text, sentences, found)  # may drop NER mentions it swallows
    # «شورای امنیت سازمان ملل» is an alias too, but named as two bodies (PART_OF) like NER's
    gazetteer = [part for m in gazetteer for part in _split_body(text, m)]
    named = named_org_mentions(text, sentences, found + gazetteer)
    named += learned_name_mentions(text, sentences, found + gazetteer + named)
    named += unknown_name_mentions(text, sentences, found + gazetteer + named)
    named += given_name_mentions(text, sentences, found + gazetteer + named)
    named += latin_org_mentions(text, sentences, found + gazetteer + named)
    _complete_names(text, sentences, found + gazetteer + named)
    repeated = propagated_mentions(text, sentences, found + gazetteer + named)
    mentions = sorted(found + gazetteer + named + repeated, key=lambda m: (m.start, -m.end))
    for m in mentions:
        link_mention(m)
    _surnames_over_places(mentions)
    return mentions


def _surnames_over_places(mentions: list[EntityMention]) -> None:
    """«دیوید کامرون» … «کامرون»: a one-word mention that is the surname of a person the document
    names in full is that person, not the country or place it also spells («کامرون», «اولاند»):
    one name, one referent per document."""
    surnames = {toks[-1] for toks in (key(m.text).split() for m in mentions if m.label == "PER") if len(toks) > 1}
    for m in mentions:
        if m.label in ("LOC", "ORG") and key(m.text) in surnames:
            m.label, m.kb_id, m.normalized, m.kind = "PER", "", "", ""


def _dedupe(mentions: list[EntityMention]) -> list[EntityMention]:
    """Drop mentions overlapping an earlier, longer one (NER never should, splits might)."""
    out: list[EntityMention] = []
    for group in by_sentence(mentions).values():
        kept: list[EntityMention] = []
        for m in sorted(group, key=lambda m: (-(m.end - m.start), m.start)):
            if not any(o.overlaps(m.start, m.end) for o in kept):
                kept.append(m)
        out += kept
    return sorted(out, key=lambda m: m.start)


def by_sentence(mentions: list[EntityMention]) -> defaultdict[int, list[EntityMention]]:
    """Mentions grouped by sentence: overlap checks stay within one sentence, so they cost
    the same per sentence on a 5 MB document as on a short one."""
    groups: defaultdict[int, list[EntityMention]] = defaultdict(list)
    for m in mentions:
        groups[m.sent_index].append(m)
    return groups
