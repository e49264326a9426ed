"""Entity linking: countries (CLDR/pycountry + curated variants), organisations, cities."""
from __future__ import annotations

import pycountry
import pytest
from babel import Locale

from pipeline.linking import ALIASES, Link, country_names, link, normalize_name, read_aliases

ALIAS_ROWS = read_aliases()
# Former states, in ISO 3166-3 rather than ISO 3166-1.
HISTORIC = {"SUN", "YUG", "CSK", "DDR"}


def test_country_from_cldr():
    assert link("نروژ") == Link("NOR", "نروژ", "country")
    assert link("نروژ", "LOC") == Link("NOR", "نروژ", "country")
    assert link("فرانسه", "ORG") == Link("FRA", "فرانسه", "country")


@pytest.mark.parametrize("text", ["آمريکا", "ايالات متحده", "ایالات متحده", "ایالات‌متحده",
                                  "ایالات متحده آمریکا", "امریکا", "آمریکا"])
def test_united_states_variants(text):
    hit = link(text, "LOC")
    assert hit is not None and hit.kb_id == "USA" and hit.kind == "country"
    assert hit.canonical == Locale("fa").territories["US"]


@pytest.mark.parametrize("text,code", [
    ("انگلیس", "GBR"), ("انگلستان", "GBR"), ("بریتانیا", "GBR"), ("روسیه", "RUS"),
    ("کره جنوبی", "KOR"), ("کرهٔ جنوبی", "KOR"), ("کره شمالی", "PRK"), ("چین", "CHN"),
    ("هلند", "NLD"), ("امارات", "ARE"), ("عربستان", "SAU"), ("ترکیه", "TUR"), ("مصر", "EGY"),
    ("اسرائیل", "ISR"), ("إسرائيل", "ISR"), ("فلسطین", "PSE"), ("بوسنی", "BIH"),
    ("جمهوری اسلامی ایران", "IRN"), ("پادشاهی نروژ", "NOR"),
])
def test_country_aliases(text, code):
    hit = link(text)
    assert hit is not None and (hit.kb_id, hit.kind) == (code, "country")


@pytest.mark.parametrize("text", ["شوروی", "شوروی سابق", "اتحاد جماهیر شوروی", "اتحاد شوروی"])
def test_soviet_union(text):
    assert link(text, "LOC") == Link("SUN", "اتحاد جماهیر شوروی", "country")


def test_generic_prefix_and_former_suffix():
    assert link("کشور نروژ").kb_id == "NOR"
    assert link("دولت نروژ", "ORG").kb_id == "NOR"
    assert link("جمهوری ترکیه").kb_id == "TUR"
    assert link("دولت جمهوری اسلامی ایران", "ORG").kb_id == "IRN"
    assert link("یوگسلاوی سابق").kb_id == "YUG"
    # the relaxations are for countries only, and never leave an empty or generic name
    assert link("دولت تهران") is None
    assert link("کشور ناتو") is None
    assert link("کشور") is None
    assert link("سابق") is None


def test_organisations():
    nato = link("ناتو", "ORG")
    assert nato is not None and nato.kb_id == "ORG:NATO" and nato.kind == "organization"
    assert link("پیمان ناتو", "ORG") == nato
    assert link("سازمان پیمان آتلانتیک شمالی") == nato
    eec = link("جامعه اروپا", "ORG")
    assert eec is not None and eec.kb_id == "ORG:EEC"
    assert link("بازار مشترک", "ORG") == eec
    assert link("بازار مشترک اروپا") == eec
    assert link("اتحادیه اروپا").kb_id == "ORG:EU"
    assert link("سازمان ملل متحد").kb_id == link("سازمان ملل").kb_id == "ORG:UN"
    assert link("ساف").kb_id == link("سازمان آزادیبخش فلسطین").kb_id == "ORG:PLO"
    # spelling variants of an abbreviation meet
    assert link("بی بی سی").kb_id == link("بی.بی.سی.").kb_id == link("بی‌بی‌سی").kb_id == "ORG:BBC"


def test_places():
    assert link("اسلو", "LOC") == Link("CITY:Oslo", "اسلو", "place")
    assert link("تهران").kb_id == "CITY:Tehran"
    assert link("اروپا", "ORG") == Link("REGION:Europe", "اروپا", "place")


@pytest.mark.parametrize("text", ["حزب کارگر", "حزب مرکز", "وزارت امور خارجه", "آذربایجان",
                                  "گرانادا", "نروژی", "", "   "])
def test_unknown_or_ambiguous_not_linked(text):
    assert link(text, "ORG") is None


@pytest.mark.parametrize("label", ["PER", "FAC", "PRO", "EVENT", "DATE", "MONEY"])
def test_other_labels_never_linked(label):
    assert link("نروژ", label) is None
    assert link("ناتو", label) is None


@pytest.mark.parametrize("alias,kb_id,kind,canonical", ALIAS_ROWS, ids=[r[0] for r in ALIAS_ROWS])
def test_every_alias_links_to_itself(alias, kb_id, kind, canonical):
    assert link(alias) == Link(kb_id, canonical, kind)


def test_alias_file_is_well_formed():
    assert len(ALIAS_ROWS) > 200
    assert len({r[1] for r in ALIAS_ROWS if r[2] == "organization"}) >= 40
    keys = {}
    for alias, kb_id, kind, _ in ALIAS_ROWS:
        assert keys.setdefault(normalize_name(alias).replace(" ", ""), kb_id) == kb_id, alias
        prefixes = {"organization": ("ORG:",), "place": ("CITY:", "REGION:")}.get(kind)
        if prefixes:
            assert kb_id.startswith(prefixes), (alias, kb_id)
    text = ALIASES.read_text(encoding="utf-8")
    assert "ناتو\tORG:NATO\torganization\t" in text


def test_country_codes_exist():
    codes = {kb_id for _, kb_id, kind, _ in ALIAS_ROWS if kind == "country"}
    assert "SUN" in codes and len(codes) > 50
    for code in codes:
        if code in HISTORIC:
            assert pycountry.historic_countries.get(alpha_3=code) is not None, code
        else:
            assert pycountry.countries.get(alpha_3=code) is not None, code


def test_country_canonicals_are_cldr():
    territories = Locale("fa").territories
    for alias, kb_id, kind, canonical in ALIAS_ROWS:
        if kind == "country" and kb_id not in HISTORIC:
            alpha_2 = pycountry.countries.get(alpha_3=kb_id).alpha_2
            assert canonical == territories[alpha_2], alias


def test_country_names_table():
    names = country_names()
    assert names["نروژ"] == "NOR"
    # keys are `normalize_name` forms (the normaliser writes «ایالات‌متحده», ZWNJ then dropped)
    assert names[normalize_name("ایالات متحده")] == "USA"
    assert names[normalize_name("شوروی سابق")] == "SUN"
    assert names["کره جنوبی"] == "KOR"  # CLDR «کرهٔ جنوبی», diacritic dropped
    assert "ناتو" not in names and "تهران" not in names
    assert len(names) > 250
    for name, code in names.items():
        assert link(name) is not None and link(name).kb_id == code, name
