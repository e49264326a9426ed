"""Stances: who (actor) is for/against/undecided about what (target), from a cue lexicon
(`pipeline/data/stance_cues.tsv`: «طرفدار», «خواستار», «حمایت کردن», «مخالفت ورزیدن», «رد کردن»,
«موضع … اتخاذ نکردن» …).

For each cue:
- target: the phrase the cue's entry names (the NP after it, a PP before/after it, the «را»
  object, the complement clause, or the subject of an evaluative predicate). Persian clauses
  are verb-final, so a dependent before the cue runs up to the cue: its extent is read from
  the word sequence (robust to attachment errors), without the case marker, punctuation or
  relative clause; the parse splits a coordination of two issues into two stances.
  References are resolved («این جامعه» -> جامعه اروپا); «این مورد» takes the previous stance's
  issue, «این طرح» the last phrase headed by «طرح».
- actor: a possessor right after a nominal cue («تمایل حزب برای …»); the parties «بین X و Y»
  of an existential clause; the parse's subject; the nearest actor to the left outside any PP
  or adverbial clause (with its coordination: «آمریکا، کانادا و استرالیا»); for first-person
  or subjectless reported speech, and for evaluative predicates, the speaker. Several actors
  give several stances.
- polarity: the cue's, flipped by negation (Polarity=Neg or a «ن»-prefixed verb) —
  «مخالف … نمی‌باشد» is favor (negated), «حمایت نمی‌کند» against; intensity from «به شدت» etc.
Nominal cues naming a purpose («برای حمایت از …») and adjectives describing a noun
(«نیروهای مخالف دولت») state no position; nor do cues in a condition, a possibility or a
question («اگر», «احتمالا», «آیا»), or in a relative clause on people left unnamed
(«کسانی که … خواستار …»).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pipeline import clauses
from pipeline.coref import Actor, Resolver
from pipeline.nlp import Word
from pipeline.syntax import (COPULA_CLITICS, QUOTES, Parse, PatternMatch, find_patterns, infinitive, is_negated,
                             is_punct, is_verb, key, match_pattern, read_tsv, token_alternatives)

FLIP = {"favor": "against", "against": "favor", "neutral": "neutral"}
DEMONSTRATIVES = frozenset({"این", "آن", "همین", "همان"})
NECESSITY_NOUNS = frozenset({"ضرورت", "لزوم"})  # «تأکید بر ضرورت [حمایت از …]»: alone, no issue
INTERROGATIVES = frozenset({"چه", "چی", "کدام", "کدامیک", "چگونه", "چرا"})
INDEFINITES = frozenset({"چیزی", "چیز", "کسی", "برخی", "بعضی", "همه", "همگان", "هیچ"})
MAX_TARGET_WORDS = 20
DANGLING = clauses.PREPOSITIONS | {"و", "یا", "را", "از"}  # words an issue phrase cannot end with
LEADING_JUNK = frozenset({"و", "یا", "که", "تا", "مبادا"})  # words an issue phrase cannot start with
MAX_RELATIVE_WORDS = 14  # a relative clause inside a PP is skipped when at most this long
NEGATION_REACH = 12  # words after a nominal/adjectival cue searched for its (negated) copula
COORDINATION_REACH = 6  # words before «و/یا» + a nominal cue searched for a purpose marker
COPULAS = frozenset({"است", "بود", "هست", "نیست", "باشد", "شد"})
RESTATED_OVERLAP = 0.5  # issue phrases this similar (word-overlap F1) state the same issue
MAX_NAME_ADJECTIVES = 2  # adjectives between a plural noun and the adjectival cue describing it
SUPPOSITION_WINDOW = 8  # words between «اگر» and the cue in its clause
WISHES = frozenset({"خواست", "خواستار", "درخواست"})  # lemmas that ask for a subjunctive wish
OBJECT_PRONOUNS = frozenset({"آن", "آنها"})  # compared by key(): «آن‌ها» too
CLAUSE_OPENERS = frozenset({"اینکه", "آنکه", "این که", "آن که"})  # compared by key(): «این‌که» too
OBJECT_OPENERS = frozenset(map(key, {"هرگونه", "هیچ‌گونه"}))  # determiners that open a noun phrase


@dataclass
class Stance:
    sent_index: int
    actor: Actor
    target: str
    polarity: str
    cue: str
    negated: bool = False
    intensity: str = "normal"


@dataclass
class _State:
    """What later sentences may refer back to."""
    last_target: str = ""
    last_actors: list[Actor] = field(default_factory=list)
    last_speakers: list[Actor] = field(default_factory=list)


@functools.cache
def _rows(kind: str) -> tuple[tuple[str, ...], ...]:
    return tuple(r for r in read_tsv("stance_cues.tsv") if r[0] == kind)


@functools.cache
def issue_nouns() -> frozenset[str]:
    return frozenset(key(r[1]) for r in _rows("issue_noun"))


# ---------------------------------------------------------------- targets


def _relative_start(parse: Parse, verb: int) -> int | None:
    """Id of the «که» opening a relative clause that ends with `verb` («افزایش قیمت‌ها [که …
    روی می‌دهد] رضایت دارد»), if one does within MAX_RELATIVE_WORDS words."""
    for wid in range(verb - 1, max(0, verb - MAX_RELATIVE_WORDS), -1):
        w = parse.word(wid)
        if key(w.text) == "که":
            return wid if wid > 1 and not is_verb(parse.word(wid - 1)) else None
        if is_punct(w) or (is_verb(w) and wid < verb - 2):
            return None
    return None


def _region_before(parse: Parse, cue: PatternMatch) -> list[int]:
    """Words before the cue in its clause (commas inside a long PP do not end it, a relative
    clause inside it is skipped)."""
    region: list[int] = []
    wid = cue.first - 1
    while wid >= 1:
        w = parse.word(wid)
        if is_verb(w):
            opener = _relative_start(parse, wid)
            if opener is None:
                break
            wid = opener - 1
            continue
        if (is_punct(w) and key(w.text) not in ("،", ",", "«", "»", "(", ")")) or key(w.text) in ("که", "اما", "ولی"):
            break
        region.append(wid)
        wid -= 1
    return sorted(region)


def _after_last_comma(parse: Parse, region: list[int]) -> list[int]:
    commas = [i for i in region if key(parse.word(i).text) in ("،", ",")]
    return [i for i in region if i > commas[-1]] if commas else region


def _target_ids(parse: Parse, cue: PatternMatch, spec: str, resolver: Resolver) -> list[int]:
    if spec == ">":
        if cue.first > 1 and key(parse.word(cue.first - 1).text) == "را":
            return []  # «همکاری … را رد و …»: a verb's noun, its light verb left out; the object is the issue
        start = cue.last + 1
        while start <= len(parse) and is_verb(parse.word(start)) and not clauses.participle_opening(parse, start):
            start += 1  # the cue's copula; a participle opens the issue («خواستار [برداشته] شدن آن»)
        owner = next((u for u in clauses.actor_units(parse, resolver) if u.first == start), None)
        if owner is not None and _nominal(cue):  # «درخواست سوریه»: the possessor, not the issue
            return []
        issue = clauses.np_after(parse, start, clauses.ISSUE_STOPS)
        return clauses.trim_phrase(parse, *_bounds(issue))
    if spec.startswith(">"):
        prep = tuple(spec[1:].split())
        window = [i for i in range(cue.last + 1, min(len(parse), cue.last + 6) + 1)]
        stop = next((i for i in window if is_punct(parse.word(i)) or is_verb(parse.word(i))), None)
        window = [i for i in window if stop is None or i < stop]
        at = clauses.find_preposition(parse, window, prep)
        if at is None:
            return []
        return clauses.trim_phrase(parse, *_bounds(clauses.np_after(parse, at + 1, clauses.ISSUE_STOPS)))
    if spec.startswith("<"):
        # In a verb-final clause the PP before the cue runs up to the cue: the linear extent is
        # the dependent's subtree, and survives attachment errors. A PP inside the cue's gap
        # («موضع روشنی [در این مورد] اتخاذ») comes first.
        prep = tuple(spec[1:].split())
        gap = [i for i in range(cue.first, cue.last + 1) if i not in cue.ids]
        before = _region_before(parse, cue)
        for region in (gap, _after_last_comma(parse, before), before):
            at = clauses.find_preposition(parse, region, prep)
            if at is not None:
                after = [i for i in region if i > at]
                return clauses.trim_phrase(parse, *_bounds(after)) if after else []
        return []
    if spec == "obj":  # between the subject (if any) and «را»
        region = _region_before(parse, cue)
        ra = [i for i in region if key(parse.word(i).text) == "را"]
        if not ra:
            return []
        start = region[0]
        while start < ra[-1] and key(parse.word(start).text) in QUOTES:
            start += 1  # «[«]ولادیمیر پوتین» رییس جمهوری روسیه … را رد کرده»
        if key(parse.word(start).text) in clauses.FIRST_PERSON:  # «ما X را … می‌دانیم»
            start += 1
        units = clauses.actor_units(parse, resolver)
        start = _past_subject(parse, units, start, ra[-1])
        # the parse's object phrase, when it starts later: what precedes it is the subject or an
        # adverbial («ما دانشجویان … ضمن بزرگداشت روز قدس، [چندین دهه اشغال …] را محکوم می‌کنیم»);
        # the parse may hang «را» on the subject itself
        start = _past_subject(parse, units, max(start, clauses.object_phrase_start(parse, ra[-1]) or 0), ra[-1])
        # a determiner like «هرگونه» opens a noun phrase: what comes before it is the subject
        # («مرجع اعلا [هرگونه حمایت از …] را رد کرد»); after an opening adverbial a demonstrative
        # does too («طی اظهاراتی [این عملکرد] را محکوم کرد»)
        openers = OBJECT_OPENERS | (DEMONSTRATIVES if _starts_with_preposition(parse, [start]) else frozenset())
        opening = [i for i in range(start + 1, ra[-1]) if key(parse.word(i).text) in openers
                   and key(parse.word(i - 1).text) not in clauses.PREPOSITIONS]
        start = opening[0] if opening else start
        if len(ra) > 1:
            # «اسراییل را تروریست [و] دولت علاوی را غیر مشروع می‌دانند»: the earlier object and
            # its predicate belong to the clause before the conjunction
            joins = [i for i in range(ra[-2] + 1, ra[-1]) if key(parse.word(i).text) in ("و", "،", ",")]
            start = max(start, joins[0] + 1 if joins else ra[-2] + 1)
        return clauses.trim_phrase(parse, start, ra[-1] - 1)
    if spec == "ccomp":  # the complement clause, up to its (verb-final) verb
        if parse.word(cue.last).upos == "NOUN" or (cue.first > 1 and key(parse.word(cue.first - 1).text) in DEMONSTRATIVES):
            return []  # «با خواست و شرایط دشمن», «این خواسته را»: the noun (a wish), no clause follows
        start = cue.last + 1
        while start <= len(parse) and (is_verb(parse.word(start)) or key(parse.word(start).text) in ("که", "تا")):
            start += 1
        if start <= len(parse) and key(parse.word(start).text) in ("و", "یا"):
            return []  # «درخواست کمک کرده [و] تا زمانی که …»: the next clause, no complement
        return _clause_before_verb(parse, start)[0]
    if spec == "modal":  # «[دولت] باید [بر اساس نتایج تشکیل] شود»: the clause around the modal
        if parse.word(cue.first).upos == "NOUN":
            return []  # «بایدها و نبایدها»: the noun, no modal
        after = clauses.right_boundary(parse, cue.last + 1) if cue.last < len(parse) else cue.last
        if after < len(parse) and key(parse.word(after + 1).lemma) in ("است", "بود", "باش"):
            return []  # «باید متوجه … باشند»: a state to be in, not something to do
        ids = list(range(clauses.left_boundary(parse, cue.first), cue.first)) + list(range(cue.last + 1, after + 1))
        return [i for i in ids if key(parse.word(i).text) != "را" and not is_punct(parse.word(i))]
    if spec == "subj":
        start = clauses.left_boundary(parse, cue.first)
        ids = []
        for wid in range(start, cue.first):
            if key(parse.word(wid).text) in clauses.PREPOSITIONS and ids:
                break
            ids.append(wid)
        return clauses.trim_phrase(parse, *_bounds(ids)) if ids else []
    return []


def _past_subject(parse: Parse, units: list[clauses.Unit], at: int, ra: int) -> int:
    """The first word after a subject named at word `at` («[یک] سخنگوی وزارت امور خارجه بریتانیا
    …»), or `at` when none is, or the subject runs up to the object's «را» (word `ra`)."""
    first = at + 1 if key(parse.word(at).text) == "یک" else at
    subject = next((u for u in units if u.first == first), None)
    return subject.last + 1 if subject is not None and subject.last < ra - 1 else at


def _clause_before_verb(parse: Parse, start: int) -> tuple[list[int], int]:
    """The words of a verb-final clause from `start` up to its verb (without «را» and
    punctuation), and that verb (0 when a break comes first)."""
    ids, verb = [], 0
    for wid in range(start, len(parse) + 1):
        w = parse.word(wid)
        if (is_punct(w) and key(w.text) not in ("«", "»")) or key(w.text) in ("اما", "ولی", "لیکن") or is_verb(w):
            verb = wid if is_verb(w) else 0
            break
        ids.append(wid)
    ids = _without_leading_adjuncts(parse, ids, verb)
    return [i for i in ids if key(parse.word(i).text) != "را" and not is_punct(parse.word(i))], verb


def _coordinated_clauses(parse: Parse, ids: list[int]) -> list[list[int]]:
    """The clauses coordinated to a wanted clause, each up to its verb: «از سوریه خواست تا
    [مرزهای خود را …] بسته و [آنها را از این کشور اخراج] کند» (the parse makes each later verb
    a conj of the one before). Only an action of the same subject, named by a light verb's noun
    («اخراج»): a clause with a subject of its own is another statement («… و او به این خواسته
    پاسخ منفی داده است»)."""
    found = []
    verb = ids[-1] + 1 if ids else 0
    while 0 < verb <= len(parse) and is_verb(parse.word(verb)):
        after = verb + 1
        while after <= len(parse) and is_verb(parse.word(after)) and parse.word(after).head == verb:
            after += 1  # the verb's auxiliaries
        if after > len(parse) or key(parse.word(after).text) != "و":
            break
        more, next_verb = _clause_before_verb(parse, after + 1)
        if not more or not next_verb or parse.word(next_verb).deprel != "conj" or parse.word(next_verb).head != verb \
                or not _verbal_noun_last(parse, more) \
                or any(parse.word(i).deprel.startswith("nsubj") for i in range(after + 1, next_verb)):
            break
        found.append(more)
        verb = next_verb
    return found


def _without_leading_adjuncts(parse: Parse, ids: list[int], verb: int) -> list[int]:
    """A wanted clause without the adverbials opening it («[در زودترین زمان ممکن] تصمیم خود را
    اعلام کند»): a PP that is an adjunct (obl) of the clause's verb, where more than the verb's
    own noun follows it («در مبارزه با تروریسم دخالت نکند» keeps what the intervening is in)."""
    while verb and ids and key(parse.word(ids[0]).text) in clauses.PREPOSITIONS:
        head = parse.word(ids[0]).head
        if head not in ids or parse.word(head).deprel != "obl" or parse.word(head).head != verb:
            break
        rest = [i for i in ids if i > max(parse.subtree(head))]
        if not any(parse.word(i).deprel != "compound:lvc" for i in rest):
            break
        ids = rest
    return ids


def _copula_after(parse: Parse, wid: int) -> bool:
    """A copula follows word `wid`: it is a predicate («X منطقی نیست»), not an attribute
    («ابزار مفید», «مذاکرات سازنده‌ای»)."""
    after = parse.word(wid + 1) if wid < len(parse) else None
    return after is not None and (after.upos == "AUX" or key(after.lemma) in COPULAS)


def _predicate(parse: Parse, cue: PatternMatch) -> bool:
    """An evaluative cue predicated by the copula after it, not the noun a verb takes
    («مرتکب [اشتباه] شوید»: a mistake committed, nothing judged)."""
    return _copula_after(parse, cue.last) and not (cue.first > 1 and key(parse.word(cue.first - 1).text) == "مرتکب")


def _bounds(ids: list[int]) -> tuple[int, int]:
    return (ids[0], ids[-1]) if ids else (1, 0)


def _split_coordination(parse: Parse, ids: list[int]) -> list[list[int]]:
    """«همبستگی بین‌المللی و کمک به کشورهای جهان سوم» -> two issues, when the parse makes the
    second noun a conj of the phrase's head noun (not of a noun inside it)."""
    inside = set(ids)
    heads = [i for i in ids if parse.word(i).head not in inside]
    if len(heads) != 1:
        return [ids]
    head = heads[0]
    conjs = [c for c in parse.children(head, "conj") if c in inside and parse.word(c).upos in ("NOUN", "PROPN")]
    if not conjs:
        return _split_at_tail_action(parse, ids)
    parts, rest = [], set(ids)
    for c in conjs:
        sub = set(parse.subtree(c)) & inside
        rest -= sub
        parts.append(sorted(i for i in sub if key(parse.word(i).text) not in ("و", "یا")))
    rest = {i for i in rest if key(parse.word(i).text) not in ("و", "یا") and parse.word(i).deprel != "cc"}
    parts.insert(0, sorted(rest))
    return [p for p in parts if p]


def _split_at_tail_action(parse: Parse, ids: list[int]) -> list[list[int]]:
    """«اعمال تحریم علیه ایران و [جلوگیری از صدور نفت]»: a conjunct noun that takes a PP of its
    own and runs to the end of the phrase is a second action, wherever the parse hangs it (a
    bare noun is not: «صدور نفت و گاز»)."""
    for n, c in enumerate(ids[2:-1], 2):  # a first part of at least one word before «و»
        w = parse.word(c)
        if key(parse.word(ids[n - 1]).text) != "و" or w.deprel != "conj" or w.upos != "NOUN":
            continue
        takes_pp = any(key(parse.word(g).text) in clauses.PREPOSITIONS and g == ch - 1
                       for ch in parse.children(c) for g in parse.children(ch, "case"))
        if takes_pp and max(parse.subtree(c)) >= ids[-1]:
            return [ids[:n - 1], ids[n:]]
        # «… و [اجرای] توافقنامه‌ها»: a verbal noun with its written ezafe heads a phrase of its own
        if _written_ezafe(w) and n + 1 < len(ids) and parse.word(ids[n + 1]).upos in ("NOUN", "PROPN"):
            return [ids[:n - 1], ids[n:]]
    return [ids]


def _written_ezafe(w: Word) -> bool:
    """«اجرای»: a noun ending in a vowel with its ezafe written as «ی», the head of a phrase."""
    text, lemma = key(w.text), key(w.lemma)
    return text == lemma + "ی" and lemma.endswith(("ا", "و"))


def _split_at(ids: list[int], joins: set[int]) -> list[list[int]]:
    """The issue cut before each «و» + coordinated nominal cue it contains."""
    pieces: list[list[int]] = [[]]
    for i in ids:
        if i + 1 in joins and pieces[-1]:  # i is the «و»
            pieces.append([])
        else:
            pieces[-1].append(i)
    return [p for p in pieces if p]


def _resolve_issue(parse: Parse, ids: list[int], parses: dict[int, Parse], state: _State) -> str | None:
    """«این مورد» -> the previous stance's issue; «این طرح» -> the last phrase headed by «طرح»."""
    words = [key(parse.word(i).text) for i in ids if not is_punct(parse.word(i))]
    if len(words) < 2 or len(words) > 3 or words[0] not in DEMONSTRATIVES:
        return None
    noun = words[1]
    if noun in issue_nouns():
        return state.last_target or None
    for sent_index in sorted((s for s in parses if s <= parse.sent.index), reverse=True):
        other = parses[sent_index]
        limit = ids[0] if sent_index == parse.sent.index else len(other) + 1
        for wid in range(limit - 1, 0, -1):
            w = other.word(wid)
            if key(w.text) != noun and key(w.lemma) != noun:
                continue
            if wid > 1 and key(other.word(wid - 1).text) in DEMONSTRATIVES:
                continue
            np = clauses.np_after(other, wid, clauses.NP_STOPS | clauses.PREPOSITIONS)[:MAX_TARGET_WORDS]
            np = [i for i in np if i < limit and other.word(i).deprel != "compound:lvc"]
            if len(np) > 1:
                return clauses.phrase_text(other, clauses.trim_phrase(other, np[0], np[-1]))
    return None


def _previous_object(parse: Parse, wid: int) -> list[int]:
    """The «را» object before word `wid` in its sentence, for an object pronoun referring to it:
    read back from «را» to a demonstrative, a preposition or a clause break (the parse often hangs
    adverbials into it: «روز چهارشنبه به طور رسمی [این قانون] را امضا می‌کند»)."""
    ra = [i for i in range(1, wid) if key(parse.word(i).text) == "را"]
    if not ra or ra[-1] < 2 or is_verb(parse.word(ra[-1] - 1)):
        return []  # (a relative clause's verb before «را»: the phrase is not read back from there)
    start = ra[-1] - 1
    while start > 1 and key(parse.word(start).text) not in DEMONSTRATIVES:
        before = parse.word(start - 1)
        if is_punct(before) or is_verb(before) or key(before.text) in clauses.PREPOSITIONS | clauses.CLAUSE_MARKERS:
            break
        start -= 1
    return clauses.trim_phrase(parse, start, ra[-1] - 1)


def _negated_complement(parse: Parse, ids: list[int]) -> bool:
    """«می‌خواهد [در مبارزه با تروریسم دخالت] نکند»: the complement's verb is negated."""
    verb = ids[-1] + 1 if ids else 0
    return 0 < verb <= len(parse) and is_verb(parse.word(verb)) and is_negated(parse.word(verb))


def targets(parse: Parse, cue: PatternMatch, resolver: Resolver, parses: dict[int, Parse],
            state: _State, stop: set[int] = frozenset(), joins: set[int] = frozenset()) -> tuple[list[str], bool]:
    """The issues of a cue, and whether they are wanted *not* to happen (a negated complement
    clause); `stop` holds the words of the sentence's other cues, where an issue phrase read
    left to right ends («موافقت با اعزام نیرو به عراق | خواستار …»); `joins` the first words of
    nominal cues coordinated into an issue, where it splits in two («سرسختی ایران | و تلاش …»)."""
    for spec in cue.row[3].split("|"):
        ids = _target_ids(parse, cue, spec, resolver)
        found = _issues(parse, cue, spec, ids, resolver, parses, state, stop, joins)
        if found is None:
            continue
        issues, reverse = found
        if spec == "ccomp" and issues:
            for clause in _coordinated_clauses(parse, ids):
                more = _issues(parse, cue, spec, clause, resolver, parses, state, stop, joins)
                if more is not None and more[1] == reverse:
                    issues = issues + more[0]
        return issues, reverse
    return [], False


def _issues(parse: Parse, cue: PatternMatch, spec: str, ids: list[int], resolver: Resolver,
            parses: dict[int, Parse], state: _State, stop: set[int], joins: set[int]
            ) -> tuple[list[str], bool] | None:
    """The issues named by the words `ids` that target entry `spec` of a cue found, and whether
    they are wanted not to happen; None when they name none and the cue's next entry is tried."""
    reverse = spec == "ccomp" and _negated_complement(parse, ids)
    if spec.startswith(">") or spec == "ccomp":
        ids = [i for i in ids if i < min((s for s in stop if s > cue.last), default=len(parse) + 1)]
    ids = [i for i in ids if i not in cue.ids][:MAX_TARGET_WORDS]
    while ids and key(parse.word(ids[-1]).text) in DANGLING:  # «عدم مداخله آمریکا در» (cut short)
        ids.pop()
    if spec == "obj" and len(ids) == 1 and key(parse.word(ids[0]).text) in OBJECT_PRONOUNS:
        antecedent = _previous_object(parse, ids[0])
        if antecedent:  # «این قانون را امضا می‌کند و برمر [آن] را تایید خواهد کرد»
            resolved = _resolve_issue(parse, antecedent, parses, state)
            return [resolved or clauses.phrase_text(parse, antecedent, resolver)], reverse
    if spec == "modal":  # «[تا پایان سال] باید … از رده خارج شود»: an adverbial opens the clause
        ids = _without_leading_adjuncts(parse, ids, parse.word(cue.first).head)
    while ids and (key(parse.word(ids[0]).text) in LEADING_JUNK or parse.word(ids[0]).upos in ("PRON", "ADV")):
        ids.pop(0)  # «[و] اطلاعات …», «[ما] اطمینان …», «[همچنین] آزادی عمل …»: a conjunction, the
        # clause's pronoun subject, an adverb
    # «… [سریعا] متوقف شود», «… [بالاخره] مشخص شود»: how or when, not what
    last = len(ids) - 1 if ids and parse.word(ids[-1]).deprel != "compound:lvc" else len(ids) - 2
    while last > 0 and parse.word(ids[last]).upos == "ADV":
        del ids[last]
        last -= 1
    if spec == "modal" and _light_verb_nouns(parse, ids):
        return [], False
    if len(ids) > 1 and _copula_after(parse, ids[-1]) and parse.word(ids[-1] + 1).head == ids[-1]:
        ids.pop()  # «… بر همبستگی بین‌المللی [استوار] است»: the clause's predicate, not the issue
    if not ids:
        return None
    if all(is_verb(parse.word(i)) for i in ids) or _anonymity(parse, ids) \
            or _adjectives_only(parse, ids) \
            or (len(ids) == 1 and key(parse.word(ids[0]).text) in NECESSITY_NOUNS):
        # «… [می‌شوند]»: a verb names no issue, nor do adjectives alone («درخواست‌های [عجیب و غریب]»);
        # «خواسته‌اند نامشان فاش نشود»: no position
        return [], False
    named_by_noun = spec in ("ccomp", "modal") and _verbal_noun_last(parse, ids)
    if named_by_noun and (_starts_with_preposition(parse, ids) or spec == "modal"):
        # «[با روحانی] تحریم‌ها را رفع کند»: an adjunct first; «[مسئولان] باید مشروعیت و مقبولیت را
        # … جدا کنند»: the one who is to act, not what is to be done
        ids = _object_and_verbal_noun(parse, ids)
    elif _starts_with_preposition(parse, ids):
        return None  # an issue is a noun phrase: «[در دست] داشته باشم», «[از لیبی] …» name none
    resolved = _resolve_issue(parse, ids, parses, state)
    if resolved:
        return [resolved], reverse
    if key(parse.word(ids[0]).text) in INTERROGATIVES \
            or all(key(parse.word(i).text) in DEMONSTRATIVES | INDEFINITES or parse.word(i).upos == "PRON" for i in ids):
        # «خواستار آن است», «از چیزی دفاع کنیم»: a bare pronoun or indefinite names no issue;
        # «چه منطقی است که …» asks
        return [], False
    opening = [key(parse.word(i).text) for i in ids[:2]]
    if opening[0] in CLAUSE_OPENERS or " ".join(opening) in CLAUSE_OPENERS:
        return [], False  # «با تاکید بر اینکه …»: a statement reported, not an issue favoured
    adjectives = {parse.word(i).text for i in ids if key(parse.word(i).lemma) == key(parse.word(i).text)}
    if named_by_noun:
        # «[تحریم‌ها را] رفع کند» -> «رفع تحریم‌ها»: the wanted action named as a noun phrase;
        # «[X را] مورد توجه قرار دهیم» -> «مورد توجه قرار دادن X»
        action = 3 if len(ids) > 3 and [key(parse.word(i).text) for i in (ids[-3], ids[-1])] == ["مورد", "قرار"] else 1
        rest = clauses.phrase_text(parse, ids[:-action], resolver)
        named = " ".join([*(parse.word(i).text for i in ids[-action:-1]), _action_name(parse, ids[-1])])
        return [_plain(f"{named} {rest}".strip(), adjectives)], reverse
    return [_plain(t, adjectives) for piece in _split_at(ids, joins) for part in _split_coordination(parse, piece)
            if (t := clauses.phrase_text(parse, part, resolver))], reverse


def _adjectives_only(parse: Parse, ids: list[int]) -> bool:
    """«درخواست‌های [عجیب و غریب و غیرمنطقی]», «[بی‌توجه] باشد»: words that describe, naming no
    issue; a plural adjective names the people it describes («حامی [مستضعفین]»)."""
    return all(parse.word(i).upos in ("ADJ", "CCONJ", "PUNCT") for i in ids) and not any(
        "Number=Plur" in parse.word(i).feats or key(parse.word(i).text).endswith(("ین", "ان")) for i in ids)


def _light_verb_nouns(parse: Parse, ids: list[int]) -> bool:
    """«… باید [باز] بماند», «باید [ماتم و عزا] بگیرند»: a light verb's (coordinated) nouns."""
    return len(ids) == 1 or (bool(ids) and parse.word(ids[0]).deprel == "compound:lvc" and all(
        parse.word(i).deprel in ("compound:lvc", "conj", "cc") or key(parse.word(i).text) == "و" for i in ids))


def _anonymity(parse: Parse, ids: list[int]) -> bool:
    """«خواست نامش فاش نشود»: a source asking not to be named."""
    words = [key(parse.word(i).text) for i in ids]
    return "فاش" in words and any(w.startswith("نام") for w in words)


def _starts_with_preposition(parse: Parse, ids: list[int]) -> bool:
    return bool(ids) and key(parse.word(ids[0]).text) in clauses.PREPOSITIONS


def _object_and_verbal_noun(parse: Parse, ids: list[int]) -> list[int]:
    """A wanted clause's «را» object and light verb noun, without what precedes the object."""
    ra = [i for i in range(ids[0], ids[-1]) if key(parse.word(i).text) == "را"]
    start = clauses.object_phrase_start(parse, ra[-1]) if ra else None
    return [i for i in ids if i >= start] if start else ids


def _verbal_noun_last(parse: Parse, ids: list[int]) -> bool:
    """The clause ends with the noun (or adjective) of a light verb construction («… را تشکیل
    [دهد]», «… جدا [شود]»), not of a prepositional one («در دست [داشته باشم]»)."""
    w = parse.word(ids[-1])
    return len(ids) > 1 and w.upos in ("NOUN", "ADJ") and w.deprel == "compound:lvc" \
        and key(parse.word(ids[-2]).text) not in clauses.PREPOSITIONS


@functools.cache
def state_words() -> frozenset[str]:
    return frozenset(key(r[1]) for r in _rows("state_word"))


def _action_name(parse: Parse, part: int) -> str:
    """The name of the action a light verb construction states: its noun («رفع»), or, where the
    non-verbal part names no action by itself, that part and the light verb's infinitive («قرار
    دادن», «جدا شدن»)."""
    w = parse.word(part)
    verb = parse.word(w.head) if w.head else None
    if (w.upos == "ADJ" or key(w.text) in state_words()) and verb is not None and is_verb(verb) \
            and key(verb.lemma) not in ("است", "بود", "هست") and (name := infinitive(verb.lemma)).endswith("ن"):
        return f"{w.text} {name}"  # (not a lemma without a past stem: «باش»)
    return w.text


def _plain(phrase: str, keep: set[str] = frozenset()) -> str:
    """The issue without indefinite clitics («مذاکرات سازنده‌ای» -> مذاکرات سازنده); words in
    `keep` (whose lemma keeps the ending: the adjective «هسته‌ای») stay whole."""
    words = phrase.split()
    return " ".join(w[:-3] if w.endswith("\u200cای") and len(w) > 4 and w not in keep
                    and words[i + 1:i + 2] != ["از"] else w  # «پاره‌ای از»: a quantifier, not indefinite
                    for i, w in enumerate(words))


# ---------------------------------------------------------------- actors


def _nominal(cue: PatternMatch) -> bool:
    """A one-word cue whose issue follows a preposition («تمایل حزب برای …»): a noun, whose
    possessor right after it is the holder."""
    first = cue.row[3].split("|")[0]
    return len(cue.ids) == 1 and first.startswith(">") and len(first) > 1


def holders(parse: Parse, cue: PatternMatch, resolver: Resolver, state: _State,
            speakers: list[tuple[int, list[Actor]]]) -> list[Actor]:
    """Who holds the position. A news medium reporting it holds none («خبرگزاری فرانسه افزود
    که مفاد این توافقنامه بر … تأکید دارد»), unless it is the subject of the cue itself
    («شبکه تلویزیون بی.بی.سی. … به خوبی یاد نمود»)."""
    spoken = clauses.speaker_before(speakers, cue.first) or state.last_speakers
    if cue.row[3].split("|")[0] == "subj":  # «X منطقی نیست»: X is the issue, the speaker judges it
        actors = spoken
    elif cue.row[3] == "modal":  # what must (not) happen, said by a speaker of this sentence
        actors = clauses.speaker_before(speakers, cue.first)
    elif _nominal(cue) and not clauses.genitive_actor(parse, cue, resolver) and (group := _group_after(parse, cue, resolver)):
        actors = [Actor(group)]  # «تلاش برخی جناح‌ها برای …»: theirs, not the clause subject's
    elif group := _group_subject(parse, cue, resolver):
        actors = [Actor(group)]  # «معترضان به نتایج … اعتراض داشتند»: theirs, not the speaker's
    else:
        actors = clauses.holder(parse, cue, resolver, speakers, state.last_speakers, state.last_actors,
                                genitive=_nominal(cue))
    media = clauses.media_heads()
    return [a for a in actors if not (a in spoken and key(a.text).split()[:1] and key(a.text).split()[0] in media)]


QUANTIFIERS = frozenset({"برخی", "بعضی", "شماری", "تعدادی", "اکثر", "همه"})
PLURAL_ENDINGS = ("ها", "های", "هایی", "ان", "ین")
MAX_GROUP_WORDS = 4


def _plural_noun(w: Word) -> bool:
    return w.upos == "NOUN" and key(w.text) != key(w.lemma) and key(w.text).endswith(PLURAL_ENDINGS)


def _group_phrase(parse: Parse, first: int) -> list[int]:
    """A plural noun at `first` and the nouns and adjectives after it («نمایندگان مجلس ایالتی»)."""
    ids = [first]
    for wid in range(first + 1, min(len(parse), first + MAX_GROUP_WORDS - 1) + 1):
        w = parse.word(wid)
        if w.upos not in ("NOUN", "ADJ") or key(w.text) in clauses.PREPOSITIONS:
            break
        ids.append(wid)
    return ids


def _named_earlier(parses: dict[int, Parse], parse: Parse, noun: int) -> str:
    """A bare plural noun («نمایندگان») refers to the last fuller phrase it opens earlier in the
    document («نمایندگان مجلس ایالتی»): the group the news named before."""
    word = key(parse.word(noun).text)
    for sent_index in sorted((i for i in parses if i <= parse.sent.index), reverse=True):
        other = parses[sent_index]
        limit = noun if sent_index == parse.sent.index else len(other) + 1
        for wid in range(limit - 1, 0, -1):
            if key(other.word(wid).text) == word and len(ids := _group_phrase(other, wid)) > 1:
                return other.text(ids[0], ids[-1])
    return parse.word(noun).text


def _group_after(parse: Parse, cue: PatternMatch, resolver: Resolver) -> str:
    """An unnamed group possessing a nominal cue («تلاش [برخی جناح‌ها] برای …»): a quantifier
    or a plural noun right after the cue, with the nouns and adjectives of its phrase."""
    first = cue.last + 1
    if first > len(parse):
        return ""
    k = key(parse.word(first).text)
    if k not in QUANTIFIERS and not _plural_noun(parse.word(first)):
        return ""
    ids = _group_phrase(parse, first)
    if len(ids) > 1:
        return parse.text(ids[0], ids[-1])
    return "" if k in QUANTIFIERS else _named_earlier(resolver.parses, parse, first)


def _group_subject(parse: Parse, cue: PatternMatch, resolver: Resolver) -> str:
    """An unnamed group that is the parse's subject of a verbal cue («معترضان», «نمایندگان
    مجلس»): a plural noun, not a name, with its modifiers."""
    names = resolver.by_word(parse.sent.index)
    for verb in (i for i in cue.ids if is_verb(parse.word(i))):
        for child in parse.children(verb, "nsubj"):
            if child >= cue.first or child in names or not _plural_noun(parse.word(child)):
                continue
            ids = [i for i in parse.subtree(child, skip=("acl", "punct", "advcl", "ccomp", "conj", "case"))
                   if i < cue.first]
            if ids == list(range(ids[0], ids[-1] + 1)) and len(ids) <= MAX_GROUP_WORDS \
                    and not any(i in names for i in ids):
                return parse.text(ids[0], ids[-1]) if len(ids) > 1 else _named_earlier(resolver.parses, parse, child)
    return ""


# ---------------------------------------------------------------- polarity


def negated(parse: Parse, cue: PatternMatch) -> bool:
    """A verb of the cue is negative, a negating noun heads it («عدم تمایل»), or (nominal/adjectival
    cue) the copula/verb after it is."""
    verbs = [i for i in cue.ids if is_verb(parse.word(i))]
    if _own_copula(parse, cue):  # «مخالفند»: the clause's copula is the cue's clitic, not negated
        return False
    if cue.first > 1 and key(parse.word(cue.first - 1).text) in NEGATING_PREFIXES:
        return True  # «عدم تمایل ایران به برقراری رابطه», «[غیر] مشروع می‌دانند»
    if verbs:
        last = verbs[-1]
        following = [i for i in range(verbs[0], min(len(parse), last + 2) + 1) if is_verb(parse.word(i))]
        return any(is_negated(parse.word(i)) for i in following) or _cannot_before(parse, cue)
    for wid in range(cue.last + 1, min(len(parse), cue.last + NEGATION_REACH) + 1):
        w = parse.word(wid)
        if key(w.text) in ("که", "و") and wid > cue.last + 1 and is_verb(parse.word(wid - 1)):
            break
        if is_verb(w):
            return is_negated(w)
    return False


def _cannot_before(parse: Parse, cue: PatternMatch) -> bool:
    """«نمی‌توانند آتش‌بس را … بپذیرند»: a negated «توانست» heads the cue's clause (by the parse,
    however long the clause; else found among the words before it)."""
    verb = parse.word(cue.last)
    if verb.deprel in ("ccomp", "xcomp") and verb.head:
        head = parse.word(verb.head)
        if key(head.lemma) == "توانست" and is_verb(head):
            return is_negated(head)
    for wid in range(cue.first - 1, max(0, cue.first - NEGATION_REACH), -1):
        w = parse.word(wid)
        if key(w.lemma) == "توانست" and is_verb(w):
            return is_negated(w)
        if is_punct(w) or is_verb(w) or key(w.text) in clauses.CLAUSE_MARKERS:
            return False
    return False


def _own_copula(parse: Parse, cue: PatternMatch) -> bool:
    """The cue's last word matched only without its copula clitic («مخالفند», «خواستاریم»)."""
    w = parse.word(cue.last)
    forms = {key(w.text), key(w.lemma)}
    return forms.isdisjoint(token_alternatives(cue.row[1].split()[-1])) and key(w.text).endswith(COPULA_CLITICS)


def intensity(parse: Parse, cue: PatternMatch) -> str:
    region = _region_before(parse, cue)
    start = region[0] if region else cue.first
    for row in _rows("intensity"):
        tokens = tuple(row[1].split())
        for at in range(start, cue.last + 1):
            if match_pattern(parse, at, tokens):
                return row[2]
    return "normal"


@functools.cache
def _nominal_blockers() -> frozenset[str]:
    return frozenset(key(r[1]) for r in _rows("nominal_blocker"))


def _blocked_nominal(parse: Parse, cue: PatternMatch) -> bool:
    """«برای حمایت از …», «قبل از موافقت با …»: a nominal cue naming a purpose or a condition;
    «هزار طرفدار مقتدا صدر»: one counting people (the supporters, not a position taken)."""
    if len(cue.ids) != 1 or cue.first == 1:
        return False
    blockers = _nominal_blockers()
    if key(parse.word(cue.first - 1).text) in blockers or parse.word(cue.first - 1).upos == "NUM":
        return True
    if key(parse.word(cue.first - 1).text) not in ("و", "یا"):
        return False
    # «برای جنگ با تروریست‌ها یا حمایت از …»: the cue is coordinated with a purpose phrase
    for wid in range(cue.first - 2, max(0, cue.first - 2 - COORDINATION_REACH), -1):
        w = parse.word(wid)
        if is_verb(w) or is_punct(w):
            return False
        if key(w.text) in blockers and key(w.text) not in ("در", "از"):
            return True
    return False


def _not_named(parse: Parse, wid: int, resolver: Resolver) -> bool:
    return wid not in resolver.by_word(parse.sent.index)


def _attributive(parse: Parse, cue: PatternMatch, resolver: Resolver) -> bool:
    """«نیروهای مخالف دولت»: an adjectival cue modifying a plural noun describes that noun, it
    states nobody's position; nor does the cue as a plural of people («رهبر مخالفان»,
    «طرفداران صدام»)."""
    if len(cue.ids) != 1:
        return False
    cue_word = parse.word(cue.first)
    if key(cue_word.text) in (key(cue_word.lemma) + "ان", key(cue_word.lemma) + "ین"):
        return True
    # «سرکوب استقلال خواهان تیمور شرقی»: «استقلال‌خواهان» written apart, an adjectival cue
    # («خواهان», «طرفدار», «حامی», whose issue is the NP after it) modifying the noun before it
    if cue.row[3].split("|")[0] == ">" and cue_word.deprel == "nmod" and cue_word.head == cue.first - 1 \
            and parse.word(cue.first - 1).upos in ("NOUN", "PROPN") and _not_named(parse, cue.first - 1, resolver):
        return True
    noun = cue.first - 1  # «گروهک‌های [سیاسی] مخالف نظام», «گروه‌های [مخالف و] هوادار»: over the adjectives
    while noun > 1 and (parse.word(noun).upos == "ADJ" or (key(parse.word(noun).text) == "و" and parse.word(noun - 1).upos == "ADJ")) \
            and noun >= cue.first - MAX_NAME_ADJECTIVES:
        noun -= 1
    if noun < 1:
        return False
    before = parse.word(noun)
    k = key(before.text)
    # «جناح مخالف»: the parse hangs the adjective on the noun it describes
    return _not_named(parse, noun, resolver) and before.upos == "NOUN" \
        and (k.endswith("های") or k.endswith("ها") or (cue_word.deprel == "amod" and cue_word.head == noun))


def _supposed(parse: Parse, cue: PatternMatch) -> bool:
    """A cue in a conditional clause («ما اگر بخواهیم قهرمان شویم …») or one that may happen
    («احتمالا ترامپ تصمیم بگیرد …»), or «خواستن» in the
    subjunctive that no wish before it asks for («روزی که بخواهم …», «دلیلی ندارد … بخواهیم …»;
    but «از کشورهای اسلامی خواست از غرب بخواهند …»): a supposition, no position."""
    if clauses.marker_before(parse, cue.first, clauses.CONDITIONAL_MARKERS | POSSIBILITY_MARKERS, SUPPOSITION_WINDOW):
        return True
    verb = parse.word(cue.last)
    return key(verb.lemma) == "خواست" and "Mood=Sub" in verb.feats \
        and not any(key(parse.word(i).lemma) in WISHES for i in range(1, cue.first))


POSSIBILITY_MARKERS = frozenset(map(key, {"احتمالا", "احتمالاً", "شاید"}))
QUESTION_NOUNS = frozenset({"سؤال", "سوال", "پرسش"})


def _asked(parse: Parse, cue: PatternMatch) -> bool:
    """A cue in a question («در پاسخ به این سؤال که آیا نمایندگان موافق … هستند»): the
    interviewer's words, nobody's position."""
    for wid in range(cue.first - 1, max(0, cue.first - 1 - SUPPOSITION_WINDOW), -1):
        w = parse.word(wid)
        if key(w.text) == "آیا":
            return True
        if key(w.text) == "که":
            return wid > 1 and key(parse.word(wid - 1).text) in QUESTION_NOUNS
        if (is_punct(w) and key(w.text) not in ("«", "»")) or is_verb(w):
            return False
    return False


GENERIC_HEADS = frozenset({"کسانی", "افرادی", "اشخاصی", "آنهایی", "کسی", "فردی"})


def _unnamed_relative(parse: Parse, cue: PatternMatch, resolver: Resolver) -> bool:
    """A verbal cue in a relative clause on an unnamed noun («اشخاصی که از آغاجری حمایت
    می‌کنند»): that noun holds the position, no one the news names (nor the speaker); any cue
    in a clause on people left unnamed («کسانی که کار خود را از دست داده و خواستار بیمه
    بیکاری هستند»)."""
    ke = clauses.opening_ke(parse, cue.first, MAX_RELATIVE_WORDS, across_coordination=True)
    if ke is not None and key(parse.word(ke - 1).text) in GENERIC_HEADS:
        return True
    if not is_verb(parse.word(cue.last)):
        return False
    opener = _relative_start(parse, cue.last)
    return opener is not None and opener < cue.first and not any(is_verb(parse.word(i)) for i in range(opener, cue.first)) \
        and _not_named(parse, opener - 1, resolver) \
        and parse.word(opener - 1).upos in ("NOUN", "ADJ")


def _after_preposition(parse: Parse, cue: PatternMatch) -> bool:
    """A one-word nominal cue right after a preposition («در تلاش‌های …») or the noun it is the
    ezafe complement of («خواستار بازبینی [پیشنهاد] سوخت …»): inside another cue's issue."""
    if len(cue.ids) != 1 or cue.first == 1:
        return False
    w, before = parse.word(cue.first), key(parse.word(cue.first - 1).text)
    return before in clauses.PREPOSITIONS or (w.upos == "NOUN" and w.head == cue.first - 1 and w.deprel.startswith("nmod")
                                              and before not in _nominal_blockers())  # «به منظور حمایت»: a purpose


def _coordinated_noun(parse: Parse, cue: PatternMatch) -> bool:
    """A one-word nominal cue coordinated with the noun before it («انتقاد از سرسختی ایران
    و [تلاش] آمریکا برای …»): part of the other cue's issue, not where it ends."""
    return _nominal(cue) and cue.first > 2 and key(parse.word(cue.first - 1).text) == "و" \
        and parse.word(cue.first - 2).upos in ("NOUN", "PROPN", "ADJ")


# ---------------------------------------------------------------- entry point


def extract_stances(parses: dict[int, Parse], resolver: Resolver) -> list[Stance]:
    state, found = _State(), []
    for sent_index in sorted(parses):
        parse = parses[sent_index]
        speakers = clauses.speakers(parse, resolver)
        cues = [c for c in find_patterns(parse, _rows("cue")) if c.row[3] != "subj" or _predicate(parse, c)]
        # where an issue read left to right ends: another cue, unless it sits inside a PP of the
        # issue («عدم مداخله آمریکا در [تلاش‌های] منطقه‌ای برای …»)
        joins = {c.first for c in cues if _coordinated_noun(parse, c)}
        cue_words = {i: n for n, cue in enumerate(cues) if not _after_preposition(parse, cue) and cue.first not in joins
                     for i in range(cue.first, cue.last + 1)}
        for n, cue in enumerate(cues):
            if _attributive(parse, cue, resolver) or _blocked_nominal(parse, cue) or _supposed(parse, cue) \
                    or _asked(parse, cue) or _unnamed_relative(parse, cue, resolver):
                continue
            is_negative = negated(parse, cue)
            rule = cue.row[4] if len(cue.row) > 4 else "flip"
            if rule == "required" and not is_negative:
                continue
            issues, reverse = targets(parse, cue, resolver, parses, state,
                                      stop={i for i, m in cue_words.items() if m != n}, joins=joins)
            if key(parse.word(cue.first).lemma) == "استقبال":  # «از احمدی‌نژاد استقبال کرد»: a reception
                issues = [i for i in issues if not _names_person(parse, i, resolver)]
            if not issues:
                continue
            actors = holders(parse, cue, resolver, state, speakers)
            if not actors:
                continue
            polarity = cue.row[2]
            if rule == "flip" and is_negative:
                polarity = FLIP[polarity]
            if reverse:
                polarity = FLIP[polarity]
            strength = intensity(parse, cue)
            cue_text = parse.text(cue.first, cue.last)
            for actor in actors:
                for issue in issues:
                    if _names_holder(issue, actor):
                        continue
                    stated, issue_polarity = _without_negation(issue, polarity)
                    found.append(Stance(sent_index, actor, stated, issue_polarity, cue_text,
                                        is_negative and rule == "flip", strength))
            state.last_target, state.last_actors = issues[-1], actors
        if speakers:
            state.last_speakers = speakers[-1][1]
    return _without_restatements(_spokesperson_stated(found, resolver))


def _names_holder(issue: str, actor: Actor) -> bool:
    """A person's stance on a phrase naming that person («[دیوید کامرون] با طرح دیوید کامرون
    مخالفت کرد») is a misread holder: the phrase is someone else's position on them. (A country
    may well want its own membership: «عضویت نروژ در ناتو»; but no actor's issue is itself.)"""
    return key(actor.text) == key(issue) or (actor.label == "PER" and f" {key(actor.text)} " in f" {key(issue)} ")


def _names_person(parse: Parse, issue: str, resolver: Resolver) -> bool:
    """The issue opens with a person the sentence names, or a person's title («رئیس مجلس
    الجزایر»): a person received, not a position."""
    persons = {key(m.text) for m in resolver.by_word(parse.sent.index).values() if m.label == "PER"}
    persons |= {key(t.text) for t in resolver.titles(parse.sent.index)}
    return any(f"{key(issue)} ".startswith(f"{p} ") for p in persons)


NEGATING_NOUNS = ("عدم",)
NEGATING_PREFIXES = NEGATING_NOUNS + ("غیر",)


def _without_negation(issue: str, polarity: str) -> tuple[str, str]:
    """«خواستار عدم مداخله آمریکا»: against «مداخله آمریکا», the shortest phrase of the issue."""
    first, _, rest = issue.partition(" ")
    return (rest, FLIP[polarity]) if first in NEGATING_NOUNS and rest else (issue, polarity)


def _spokesperson_stated(stances: list[Stance], resolver: Resolver) -> list[Stance]:
    """«ایران خواستار … شد» (headline), «معاون وزیر نفت ایران … خواست …» (lead): the country's
    stance is its official's, restated; one row, the official's."""
    by_officials = [t for t in stances if t.actor.text in resolver.officials]  # few: compared with every stance

    def voiced(s: Stance) -> bool:
        return any(t.actor.text != s.actor.text and t.polarity == s.polarity and _same_issue(t.target, s.target)
                   and resolver.acts_for(t.actor.text, s.actor.text) for t in by_officials)
    return [s for s in stances if not voiced(s)]


def _same_issue(a: str, b: str) -> bool:
    """Word-overlap F1 of two issue phrases ≥ RESTATED_OVERLAP."""
    wa, wb = set(key(a).split()), set(key(b).split())
    common = len(wa & wb)
    return common > 0 and 2 * common / (len(wa) + len(wb)) >= RESTATED_OVERLAP


def _without_restatements(stances: list[Stance]) -> list[Stance]:
    """One row per actor, polarity and issue, the first mention: news restates the headline's
    stance in the lead and again in quotes (later wordings of the issue overlap it), and two
    cues of one clause («… قابل بررسی است») state it twice. Compared within an actor and
    polarity only, so the cost stays per actor, not per document."""
    kept: list[Stance] = []
    issues: dict[tuple[str, str], list[str]] = {}
    for s in stances:
        stated = issues.setdefault((s.actor.text, s.polarity), [])
        if not any(_same_issue(issue, s.target) for issue in stated):
            stated.append(s.target)
            kept.append(s)
    return kept
