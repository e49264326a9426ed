"""Clause-level helpers shared by stances and events: clause boundaries, the holder (subject) of
a predicate, speakers of reported speech, and phrases (PPs, NPs, complement clauses) in a form
fit for the output tables.

Each question is answered from the dependency parse first and, when the parse gives nothing
usable, from the word sequence (Persian is verb-final, so the subject is the nearest actor to the
left of the predicate that is not inside a prepositional phrase).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from pipeline.coref import Actor, Resolver, generic_actors
from pipeline.nlp import Word
from pipeline.syntax import CLAUSE_MARKERS, PREPOSITIONS, QUOTES, Parse, is_punct, is_verb, key, read_tsv

FIRST_PERSON = frozenset({"ما", "من"})
# Openers of adverbial clauses: an actor inside one is not the main clause's subject
# («چنانچه انگلیس … هدف بگیرد، از این اقدام استقبال می‌کند»).
ADVERBIAL_MARKERS = frozenset(map(key, {"چنانچه", "اگر", "اگرچه", "هرچند", "درصورتی‌که", "وقتی", "هنگامی‌که", "شرط"}))
# Openers of conditional clauses: what is said in one is supposed, not held («اگر بخواهیم …»)
CONDITIONAL_MARKERS = frozenset(map(key, {"اگر", "چنانچه", "درصورتی‌که", "هرگاه"}))
# «نیز» ("too") follows the phrase it stresses: «مخالفت … با [حجاب] نیز در همین راستا است»
NP_STOPS = frozenset({"که", "را", "بین", "میان", "تا", "چنانچه", "اگر", "زیرا", "چون", "ولی", "اما", "نیز"})
# An issue phrase keeps its parties: «حل منازعه بین آذربایجان و ارمنستان», «همکاری میان …»
ISSUE_STOPS = NP_STOPS - {"بین", "میان"}


@functools.cache
def media_heads() -> frozenset[str]:
    """Nouns opening the name of a news medium («خبرگزاری», «روزنامه») (generic_actors.tsv)."""
    return frozenset(key(r[1]) for r in read_tsv("generic_actors.tsv") if len(r) > 1 and r[0] == "media")


@functools.cache
def speech_verbs() -> tuple[tuple[str, ...], ...]:
    """Reporting verbs («گفت», «اظهار داشت», «اعلام کرد» …) as word sequences (stance_cues.tsv)."""
    return tuple(tuple(row[1].split()) for row in read_tsv("stance_cues.tsv") if row[0] == "speech")


@dataclass
class Unit:
    """An actor-bearing stretch of a sentence: an entity, a resolved reference or a title."""
    first: int
    last: int
    actors: list[Actor]


def actor_units(parse: Parse, resolver: Resolver) -> list[Unit]:
    """Actor units in order; a title phrase with its object is one unit (its holder), and a title
    right after a person («کلینتون ریاست جمهور اسبق آمریکا») belongs to that person. Cached on
    the parse: extractors ask for them many times."""
    cached = parse.cache.get(("actor_units", id(resolver)))
    if cached is None:
        cached = parse.cache[("actor_units", id(resolver))] = _actor_units(parse, resolver)
    return cached


def _apposed(parse: Parse, last: int, wid: int) -> bool:
    """Word `wid` follows word `last` directly or after a comma, quotes being transparent
    («هنری فالکون فوئنتس»، فرماندار …)."""
    between = [key(parse.word(i).text) for i in range(last + 1, wid)]
    return last < wid and between.count("،") + between.count(",") <= 1 \
        and all(w in QUOTES or w in ("،", ",") for w in between)


def _actor_units(parse: Parse, resolver: Resolver) -> list[Unit]:
    sent_index = parse.sent.index
    by_word = resolver.by_word(sent_index)
    titles = {t.first: t for t in resolver.titles(sent_index)}
    units: list[Unit] = []
    wid = 1
    while wid <= len(parse):
        ref = resolver.reference_at(sent_index, wid)
        if wid in titles and titles[wid].objects:
            title = titles[wid]
            if units and _apposed(parse, units[-1].last, wid) and units[-1].actors and units[-1].actors[0].label == "PER":
                units[-1].last = title.end_word  # apposition: the title belongs to the person
            elif wid > 1 and key(parse.word(wid - 1).text) in MEMBER_GROUPS and title.relation == "MEMBER_OF":
                # «کشورهای عضو جنبش غیرمتعهدها»: the members as one actor
                units.append(Unit(wid - 1, title.end_word, [Actor(parse.text(wid - 1, title.end_word))]))
            else:
                units.append(Unit(wid, title.end_word, resolver.actors(sent_index, wid, title.end_word)))
            wid = title.end_word + 1
        elif ref is not None:
            units.append(Unit(ref.first, ref.last, resolver.actors(sent_index, ref.first, ref.last)))
            wid = ref.last + 1
        elif wid in by_word:
            m = by_word[wid]
            last = max(parse.words_in(m.start, m.end))
            # «وزارت امور خارجه» «نروژ»: a body and the country it belongs to are one actor
            while m.label in ("ORG", "FAC") and last + 1 in by_word and by_word[last + 1].label in ("ORG", "LOC"):
                m = by_word[last + 1]
                last = max(parse.words_in(m.start, m.end))
            if m.label in ("PER", "ORG", "LOC", "FAC") and not _attribution(parse, wid, last):
                units.append(Unit(wid, last, resolver.actors(sent_index, wid, last)))
            wid = last + 1
        else:
            if key(parse.word(wid).text) in generic_actors():
                units.append(Unit(wid, wid, resolver.actors(sent_index, wid, wid)))
            wid += 1
    return [u for u in units if u.actors]


MEMBER_GROUPS = frozenset({"کشورهای", "دولت‌های", "اعضای"})  # «کشورهای عضو ناتو»
ATTRIBUTION_WORDS = frozenset({"گزارش", "نقل"})  # «به گزارش X», «به نقل از X»


def _attribution(parse: Parse, first: int, last: int) -> bool:
    """A news source, not an actor: «به گزارش خبرگزاری فارس», «به نقل از پاکستان تودی», and
    the datelines «خبرگزاری فارس: …» and, opening the sentence, «خبرگزاری فارس، …» / «… - …»."""
    before = {key(parse.word(i).text) for i in range(max(1, first - 2), first)}
    if before & ATTRIBUTION_WORDS:
        return True
    if key(parse.word(first).text) not in media_heads() or last >= len(parse):
        return False
    after = key(parse.word(last + 1).text)
    return after == ":" or (after in ("،", ",", "-") and first == 1)


def source_lead_end(parse: Parse) -> int:
    """Last word id of an opening «به گزارش … ،» / «به نقل از … ،» (0 if none): a place in it
    («به گزارش خبرنگار فارس در اسلام‌آباد،») is where the reporter is, not where things happen."""
    if len(parse) < 3 or key(parse.word(1).text) != "به" or key(parse.word(2).text) not in ATTRIBUTION_WORDS:
        return 0
    return next((i for i in range(3, len(parse) + 1) if key(parse.word(i).text) in ("،", ",", ":")), 0)


# Discourse connectives that look like PPs: what follows them is not inside a PP.
CONNECTIVES = (("با", "این", "حال"), ("با", "این", "وجود"), ("در", "عین", "حال"), ("در", "این", "میان"),
               ("در", "همین", "حال"), ("از", "سوی", "دیگر"), ("در", "ادامه"), ("در", "مقابل"),
               ("به", "عنوان", "مثال"), ("در", "این", "دیدار"), ("در", "این", "ملاقات"), ("در", "این", "نشست"))


def after_connective(parse: Parse, wid: int) -> bool:
    keys = [key(parse.word(i).text) for i in range(max(1, wid - 3), wid)]
    return any(tuple(keys[-len(c):]) == c for c in CONNECTIVES if len(keys) >= len(c))


def in_pp(parse: Parse, wid: int, names: frozenset[int] | set[int] = frozenset(), trust_parse: bool = True) -> bool:
    """Whether word `wid` sits inside a prepositional phrase: walking left over the noun phrase
    (nouns, adjectives, names) reaches a preposition before a verb, punctuation or the start.
    A word the parse makes a subject is taken at its word (noun sequences are ambiguous); «و»
    between two names (`names`: word ids inside entity mentions) does not end the phrase."""
    if (trust_parse and parse.word(wid).deprel.startswith("nsubj")) or after_connective(parse, wid):
        return False
    current = wid - 1
    while current >= 1:
        w = parse.word(current)
        k = key(w.text)
        if k in PREPOSITIONS or w.deprel == "case" and w.upos == "ADP":
            return True
        if (k == "و" and (current - 1 in names or parse.word(current + 1).upos in ("ADJ", "ADV"))) \
                or (k in ("،", ",") and current - 1 in names and _listed_in_pp(parse, current, names)):
            # «در مذاکرات اسرائیل و [سازمان آزادی‌بخش]», «بر روابط دوستانه و بسیار نزدیک [دو کشور]»:
            # «و» inside one noun phrase; «از حکومت‌های پاکستان، [عربستان سعودی] و مصر»: a list
            current -= 1
            continue
        if w.upos == "ADV" and parse.word(current + 1).upos == "ADJ":
            current -= 1  # «بسیار نزدیک»: an adverb inside an adjective phrase
            continue
        if is_punct(w) or is_verb(w) or k in CLAUSE_MARKERS or k in ("و", "را", "اینکه") or w.upos in ("ADV", "SCONJ", "CCONJ"):
            return False  # («با اشاره به اینکه [بوش] …»: «اینکه» opens a clause inside the PP)
        current -= 1
    return False


LIST_PP_REACH = 2  # words between a preposition and the first name of a list it governs


def _listed_in_pp(parse: Parse, comma: int, names: frozenset[int] | set[int]) -> bool:
    """Word `comma` separates the first names of a list «PREP (noun) A، B و C»: the first name
    follows a preposition closely, no «و» precedes it, and the names after the comma end with
    «و» and one more name."""
    first = comma - 1
    while first - 1 in names:
        first -= 1
    before = [key(parse.word(i).text) for i in range(max(1, first - LIST_PP_REACH), first)]
    if not any(w in PREPOSITIONS for w in before) or "و" in before:
        return False
    current = comma + 1
    while current <= len(parse) and (current in names or key(parse.word(current).text) in ("،", ",")):
        current += 1
    return current < len(parse) and key(parse.word(current).text) == "و" and current + 1 in names


def left_boundary(parse: Parse, wid: int) -> int:
    """First word id of the clause region ending at `wid` (after «،», «:», «که», a verb …)."""
    current = wid - 1
    while current >= 1:
        w = parse.word(current)
        marker = key(w.text) in CLAUSE_MARKERS and not (w.upos == "ADP" and w.deprel == "case")  # «تا» "until"
        if is_punct(w) and key(w.text) not in ("«", "»", "(", ")") or marker or is_verb(w):
            return current + 1
        current -= 1
    return 1


def right_boundary(parse: Parse, wid: int) -> int:
    """Last word id of the clause region starting at `wid`: up to the next verb or punctuation."""
    current = wid
    while current <= len(parse):
        w = parse.word(current)
        if is_punct(w) or is_verb(w):
            return current - 1
        current += 1
    return len(parse)


def phrase_text(parse: Parse, ids: list[int], resolver: Resolver | None = None) -> str:
    """Words of `ids` joined by spaces: punctuation dropped, each multi-word token once, and
    resolved references («این جامعه») replaced by what they refer to."""
    parts, seen = [], set()
    skip_until = 0
    for wid in sorted(ids):
        if wid <= skip_until:
            continue
        w = parse.word(wid)
        if is_punct(w) or (w.start, w.end) in seen:
            continue
        ref = resolver.reference_at(parse.sent.index, wid) if resolver else None
        if ref is not None and ref.antecedents and ref.rule.constraint != "person":
            parts.append(" و ".join(m.text for m in ref.antecedents))
            skip_until = ref.last
            continue
        seen.add((w.start, w.end))
        parts.append(parse.sent.text[w.start - parse.sent.start:w.end - parse.sent.start])
    return " ".join(parts)


def trim_phrase(parse: Parse, first: int, last: int) -> list[int]:
    """Word ids first..last without edge punctuation/«را», cut before a relative clause («که»)."""
    ids = []
    for wid in range(first, last + 1):
        if key(parse.word(wid).text) == "که":
            break
        ids.append(wid)
    while ids and (is_punct(parse.word(ids[-1])) or key(parse.word(ids[-1]).text) in ("را", "و")):
        ids.pop()
    while ids and (is_punct(parse.word(ids[0])) or key(parse.word(ids[0]).text) in ("و",)):
        ids.pop(0)
    return ids


def np_after(parse: Parse, wid: int, stops: frozenset[str] = NP_STOPS) -> list[int]:
    """The noun phrase starting at `wid`, read to the next verb, punctuation or `stops` word
    (a comma followed by a PP that continues the phrase is crossed: «…ناتو، در بوسنی نمی‌باشد»)."""
    ids = []
    current = wid
    while current <= len(parse):
        w = parse.word(current)
        comma_then_pp = (key(w.text) in ("،", ",") and ids and current < len(parse)
                         and key(parse.word(current + 1).text) in PREPOSITIONS
                         and _short_pp_then_verb(parse, current + 1))
        if comma_then_pp:
            current += 1
            continue
        in_process = len(ids) >= 2 and [key(parse.word(i).text) for i in ids[-2:]] == ["در", "حال"]
        if not ids and participle_opening(parse, current):
            ids.append(current)
            current += 1
            continue
        if is_punct(w) or is_verb(w) or key(w.text) in stops or (w.deprel == "compound:lvc" and ids
                                                                     and not in_process):
            break
        ids.append(current)
        current += 1
    return ids


# «به نقل از», «قبل از», «پس از»: «از» in a compound preposition (a source, a time), no addressee
FROM_COMPOUNDS = frozenset({"نقل", "قبل", "پس", "بعد"})


def find_preposition(parse: Parse, ids: list[int], prep: tuple[str, ...]) -> int | None:
    """Id of the last word of the first occurrence of the preposition `prep` among `ids` (not
    the «از» of a compound preposition)."""
    for n, wid in enumerate(ids):
        if all(n + i < len(ids) and key(parse.word(ids[n + i]).text) == p for i, p in enumerate(prep)) \
                and not (key(parse.word(wid).text) == "از" and wid > 1 and key(parse.word(wid - 1).text) in FROM_COMPOUNDS):
            return ids[n + len(prep) - 1]
    return None


PASSIVE_INFINITIVES = frozenset({"شدن", "گشتن", "گردیدن"})


def participle_opening(parse: Parse, wid: int) -> bool:
    """A past participle with a passive infinitive after it, a noun phrase («[برداشته] شدن آن»)."""
    w = parse.word(wid)
    return w.upos == "VERB" and key(w.text).endswith("ه") and wid < len(parse) \
        and key(parse.word(wid + 1).text) in PASSIVE_INFINITIVES


def _short_pp_then_verb(parse: Parse, wid: int, reach: int = 4) -> bool:
    """A PP of at most `reach` words ending the clause right before its verb, unless that verb
    reports speech: «انتقاد از X، در صفحه توئیتر خود نوشت» is where it was said, not part of X."""
    for current in range(wid, min(len(parse), wid + reach) + 1):
        w = parse.word(current)
        if is_verb(w):
            reach = max(map(len, speech_verbs()))
            return not any(speech_end(parse, start) == current for start in range(max(1, current - reach + 1), current + 1))
        if is_punct(w):
            return False
    return False


SCHEDULING_NOUNS = frozenset({"قرار"})  # «رامسفلد قرار است … سفر کند»: the subject is «قرار»'s


def subject_of(parse: Parse, head: int, resolver: Resolver, before: int | None = None) -> list[Actor]:
    """Actors named by the nsubj of `head` (following conj/xcomp heads for shared subjects).
    Persian subjects precede their predicate: a «subject» after word `before` is a misparse, and
    so is one before the «و» that opens a coordinated clause («A … امضا می‌کند و B … تایید خواهد
    کرد»: A is the first verb's, whatever the parse says)."""
    limit = before if before is not None else head
    current, seen = head, set()
    while current and current not in seen:
        seen.add(current)
        opening = min((c for c in parse.children(current, "cc") if c < current), default=0) \
            if parse.word(current).deprel == "conj" else 0
        for child in parse.children(current, "nsubj"):
            if child >= limit or child < opening or in_adverbial_clause(parse, child, limit):
                continue
            if key(parse.word(child).text) in FIRST_PERSON:
                return []
            ids = [i for i in parse.subtree(child, skip=("acl", "punct", "advcl", "ccomp", "conj"))
                   if i < limit]
            ids = list(range(ids[0], ids[-1] + 1)) if ids else []
            # a «subject» inside a PP or a comma-separated aside is a misparse
            if ids and not any(is_verb(parse.word(i)) or is_punct(parse.word(i)) for i in ids) \
                    and not _attribution(parse, ids[0], ids[-1]) \
                    and not in_pp(parse, ids[0], set(resolver.by_word(parse.sent.index)), trust_parse=False):
                actors = resolver.actors(parse.sent.index, ids[0], ids[-1])
                if actors:
                    # «دولت [آلمان] و مدیریت شرکت لوفت هانزا»: parses hang the conjunct on the name's last word
                    # «معاونین وزارت نفت و [معاونین] استانداری …»: a parallel conjunct, hung on any word
                    heads = [child, *parse.children(child, "flat")]
                    heads += [i for i in ids if i not in heads and any(
                        key(parse.word(c).text) == key(parse.word(ids[0]).text) for c in _conjuncts(parse, i))]
                    return actors + [a for h in heads for c in _conjuncts(parse, h) if c < limit
                                     for a in _conjunct_actors(parse, c, resolver) if a not in actors]
        w = parse.word(current)
        if w.deprel.split(":")[0] not in ("conj", "xcomp", "compound") \
                and not (w.deprel == "ccomp" and w.head and key(parse.word(w.head).text) in SCHEDULING_NOUNS):
            break
        current = w.head
    return []


def _conjuncts(parse: Parse, wid: int) -> list[int]:
    """The conj dependents of `wid`, and theirs (parses chain «A، B و C» either way)."""
    found = []
    for c in parse.children(wid, "conj"):
        found += [c, *_conjuncts(parse, c)]
    return found


def _conjunct_actors(parse: Parse, wid: int, resolver: Resolver) -> list[Actor]:
    """«آمریکا، [کانادا] و [استرالیا] … خواستار …»: the actors of one conjunct of a subject; a
    «conjunct» with «را» or a preposition is the object or an adjunct, misparsed («رئیس جمهور
    اوکراین، [روسیه را] … متهم کرد»)."""
    if parse.children(wid, "case"):
        return []
    ids = parse.subtree(wid, skip=("acl", "punct", "advcl", "ccomp", "conj", "cc"))
    return resolver.actors(parse.sent.index, min(ids), max(ids)) if ids else []


def nearest_actor_left(parse: Parse, wid: int, resolver: Resolver, stop: int = 1) -> list[Actor]:
    """The closest actor unit left of `wid` (from word `stop` on) not inside a prepositional
    phrase or an adverbial clause, with the units coordinated with it («آمریکا و ترکیه»)."""
    units = actor_units(parse, resolver)
    names = set(resolver.by_word(parse.sent.index))
    for n in range(len(units) - 1, -1, -1):
        unit = units[n]
        if unit.last >= wid or unit.first < stop:
            continue
        if in_pp(parse, unit.first, names) or in_adverbial_clause(parse, unit.first, wid) \
                or in_relative_clause(parse, unit.first, unit.last, wid) or marked_object(parse, units, n, wid):
            continue
        return [a for u in _coordination(parse, units, n, names) for a in u.actors]
    return []


def _next_word(parse: Parse, wid: int, until: int) -> int | None:
    """The first word after `wid` (before `until`) that is not a quotation mark."""
    nxt = wid + 1
    while nxt < until and key(parse.word(nxt).text) in QUOTES:
        nxt += 1
    return nxt if nxt < until else None


def marked_object(parse: Parse, units: list[Unit], n: int, until: int) -> bool:
    """Whether unit n is marked by «را», right after it or after the units coordinated with it
    («گانتز، [حماس] را … تهدید کرد», «[حماس] و نوار غزه را»): an object is not the subject,
    whatever the parse says. (Without ezafe, «ایران آزادی زندانیان را» hides the subject's end,
    so only a «را» right after the unit counts.)"""
    while True:
        nxt = _next_word(parse, units[n].last, until)
        if nxt is None:
            return False
        if key(parse.word(nxt).text) == "را":
            return True
        coordinated = (key(parse.word(nxt).text) == "و" and n + 1 < len(units)
                       and _next_word(parse, nxt, until) == units[n + 1].first)
        if not coordinated:
            return False
        n += 1


def _coordination(parse: Parse, units: list[Unit], n: int, names: set[int]) -> list[Unit]:
    """Unit n with the units listed before it: «A، B و C» (a list ends with «و»; commas alone
    join appositions and fronted phrases, not coordinated subjects)."""
    group = [units[n]]
    while n > 0:
        between = [key(parse.word(i).text) for i in range(units[n - 1].last + 1, units[n].first)]
        if not between or any(k not in ("و", "،", ",") for k in between):
            break
        if len(group) == 1 and "و" not in between:
            break
        if in_pp(parse, units[n - 1].first, names):
            break
        n -= 1
        group.insert(0, units[n])
    return group


def marker_before(parse: Parse, wid: int, markers: frozenset[str], window: int,
                   crossing: frozenset[str] = frozenset()) -> bool:
    """One of `markers` among the `window` words before `wid`, in its clause (verbs whose lemma
    is in `crossing` do not end it)."""
    for current in range(wid - 1, max(0, wid - 1 - window), -1):
        w = parse.word(current)
        if key(w.text) in markers:
            return True
        if is_verb(w) and key(w.lemma) in crossing:
            continue
        if (is_punct(w) and key(w.text) not in ("«", "»")) or is_verb(w) or key(w.text) == "که":
            return False
    return False


def opening_ke(parse: Parse, wid: int, reach: int = 0, across_coordination: bool = False) -> int | None:
    """Id of the «که» opening the clause word `wid` sits in (read back over at most `reach`
    words, 0: any), with a word before it; punctuation or a verb ends the search, except, with
    `across_coordination`, a verb followed by «و» (a clause coordinated inside the same one)."""
    for current in range(wid - 1, max(1, wid - reach) if reach else 1, -1):
        w = parse.word(current)
        if is_punct(w) or (is_verb(w) and not (across_coordination and key(parse.word(current + 1).text) == "و")):
            return None
        if key(w.text) == "که":
            return current
    return None


def in_relative_clause(parse: Parse, first: int, last: int, until: int) -> bool:
    """Whether words first..last sit in a «که» clause after a noun that its own verb closes
    before `until` («مطالب سخنگو را [که خبرگزاری فرانسه مخابره کرده بود]، رد کرد»)."""
    ke = opening_ke(parse, first)
    return ke is not None and parse.word(ke - 1).upos in ("NOUN", "PROPN", "ADP") \
        and any(is_verb(parse.word(i)) for i in range(last + 1, until))  # (ADP: the «را» marking a noun)


def in_adverbial_clause(parse: Parse, wid: int, until: int) -> bool:
    """Whether word `wid` sits in a conditional/concessive clause that closes before `until`."""
    current = wid - 1
    while current >= 1:
        w = parse.word(current)
        if key(w.text) in ADVERBIAL_MARKERS:
            return any(key(parse.word(i).text) in ("،", ",") for i in range(wid, until))
        if is_punct(w) or (is_verb(w) and current < wid - 1):
            return False
        current -= 1
    return False


def first_person_subject(parse: Parse, wid: int) -> bool:
    """Whether the clause ending at `wid` has «ما»/«من» as subject or a first-person verb."""
    start = left_boundary(parse, wid)
    for current in range(start, min(len(parse), wid + 3) + 1):
        w = parse.word(current)
        if key(w.text) in FIRST_PERSON and not in_pp(parse, current):
            return True
        if is_verb(w) and "Person=1" in w.feats:
            return True
    return False


def speakers(parse: Parse, resolver: Resolver) -> list[tuple[int, list[Actor]]]:
    """(word id of the reporting verb, who speaks) for each reported-speech verb; a headline
    «ترامپ: …» speaks through its colon."""
    found = []
    units = actor_units(parse, resolver)
    if units and units[0].first == 1 and units[0].last < len(parse) \
            and key(parse.word(units[0].last + 1).text) == ":":
        found.append((units[0].last + 1, units[0].actors))
    for wid in range(1, len(parse) + 1):
        end = speech_end(parse, wid)
        if end is not None:
            verb = next((i for i in range(end, wid - 1, -1) if is_verb(parse.word(i))), end)
            actors = subject_of(parse, verb, resolver, before=wid) or nearest_actor_left(parse, wid, resolver)
            if actors:
                found.append((end, actors))
    return found


def speech_end(parse: Parse, wid: int) -> int | None:
    """Last word id of the reporting verb («گفت», «اظهار داشت») starting at word `wid`, if one does."""
    for seq in speech_verbs():
        if all(parse.matches(wid + i, tok) for i, tok in enumerate(seq)):
            return wid + len(seq) - 1
    return None


MAX_GENITIVE_ADJECTIVES = 2


JOINT_MARKERS = frozenset({"بین", "میان"})


def parties_after(parse: Parse, match, resolver: Resolver) -> list[Actor]:
    """«… به نفع عضویت در ناتو بین دو کشور وجود دارد»: the parties of a position said to exist
    «between» them (an existential clause names its holders after the cue)."""
    end = right_boundary(parse, match.last + 1)
    if not any(key(parse.word(i).text) == "وجود" for i in range(match.last + 1, min(len(parse), end + 1) + 1)):
        return []
    for wid in range(match.last + 1, end + 1):
        if key(parse.word(wid).text) in JOINT_MARKERS:
            return resolver.actors(parse.sent.index, wid + 1, end)
    return []


def genitive_actor(parse: Parse, match, resolver: Resolver) -> list[Actor]:
    """«تمایل حزب برای …», «حملات هوایی انگلیس»: a nominal trigger followed by an actor (after
    at most two adjectives)."""
    starts = {unit.first: unit for unit in actor_units(parse, resolver)}
    current = match.last + 1
    while current <= len(parse) and current - match.last <= MAX_GENITIVE_ADJECTIVES + 1:
        if current in starts:
            return starts[current].actors
        if parse.word(current).upos != "ADJ":
            break
        current += 1
    return []


def object_start(parse: Parse, wid: int) -> int | None:
    """First word of the «را» object of the clause ending at `wid` (its head's subtree, per the
    parse): in SOV order the holder stands before it, an actor inside it is not the holder
    («ایران پیشنهاد آمریکا را رد کرد»)."""
    start = left_boundary(parse, wid)
    ra = [i for i in range(start, wid) if key(parse.word(i).text) == "را"]
    first = object_phrase_start(parse, ra[-1]) if ra else None
    return first if first is not None and start < first else None


def object_phrase_start(parse: Parse, ra: int) -> int | None:
    """First word (punctuation aside) of the phrase the «را» at `ra` marks, per the parse."""
    head = parse.word(ra).head
    if not 0 < head < ra:
        return None
    phrase = [i for i in parse.subtree(head, skip=("acl",)) if not is_punct(parse.word(i))]
    return phrase[0] if phrase and phrase[0] < ra else None


def speaker_before(speakers: list[tuple[int, list[Actor]]], wid: int) -> list[Actor]:
    before = [actors for end, actors in speakers if end < wid]
    return before[-1] if before else []


def _third_plural(word: Word) -> bool:
    return is_verb(word) and "Person=3" in word.feats and "Number=Plur" in word.feats


# Members stand for the body they belong to («نمایندگان … پارلمان … موافقت کردند»)
MEMBER_NOUNS = frozenset(map(key, {"نمایندگان", "نماینده", "اعضای", "اعضا", "عضو"}))


def _unnamed_subject(parse: Parse, verbs: list[int], first: int, before: int, resolver: Resolver) -> bool:
    """The parse gives the verb a subject of common nouns that names nobody («[چنین افرادی] از نام
    … امام خمینی می‌خواهند …», «[بخش اصلی این تحقیق] … تأکید داشت»): whoever is named nearby
    is not the one who acts (members aside: the body they belong to acts)."""
    for verb in verbs:
        for child in parse.children(verb, "nsubj"):
            if not first <= child < before or parse.word(child).upos != "NOUN" \
                    or key(parse.word(child).text) in MEMBER_NOUNS:
                continue
            ids = [i for i in parse.subtree(child, skip=("acl", "punct")) if first <= i < before]
            if ids and not resolver.actors(parse.sent.index, min(ids), max(ids)) \
                    and not resolver.by_word(parse.sent.index).keys() & set(ids):
                return True
    return False


def holder(parse: Parse, match, resolver: Resolver, speakers: list[tuple[int, list[Actor]]],
           last_speakers: list[Actor], last_actors: list[Actor], genitive: bool = False,
           speaker_fallback: bool = True) -> list[Actor]:
    """Who holds the position / does the action named by the words `match.ids`: a possessor
    right after a one-word nominal cue, the speaker for a first-person clause, the parse's
    subject, the nearest actor to the left outside any PP, the speaker, the previous actor."""
    if genitive and len(match.ids) == 1:
        actors = genitive_actor(parse, match, resolver)
        if actors:
            return actors
    if first_person_subject(parse, match.last):
        return speaker_before(speakers, match.first) or last_speakers or last_actors
    verbs = [i for i in match.ids if is_verb(parse.word(i))]
    for wid in [*verbs, *match.ids]:
        actors = subject_of(parse, wid, resolver, before=match.first)
        if actors:
            return actors
    # inside reported speech, the actor is looked for after the speaker («X گفت: …»)
    quoted = max((end + 1 for end, _ in speakers if end < match.first), default=1)
    if _unnamed_subject(parse, verbs, quoted, match.first, resolver):
        return []
    start = object_start(parse, match.first)
    actors = (parties_after(parse, match, resolver)
              or (start is not None and nearest_actor_left(parse, start, resolver, quoted))
              or nearest_actor_left(parse, match.first, resolver, quoted))
    if actors:
        return actors
    # a subjectless clause inside reported speech states the speaker's position, unless its verb
    # says a group acts («… اشغال کرده‌اند و می‌خواهند …»: the occupiers, not the spokesman)
    speaker = speaker_before(speakers, match.first)
    if not speaker_fallback or (len(speaker) == 1 and any(_third_plural(parse.word(i)) for i in verbs)):
        return []
    return speaker
