"""AliasIndex: exact → folded → fuzzy cascade, scores, blocking, surnames."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from diplomacy_ner.kb.alias_index import AliasIndex, Candidate, surname_keys
from diplomacy_ner.folding import fold

ALIASES = [
    ("Ivica Dačić", "person:ivica-dacic", "person", "name"),
    ("Laurent Nuñez", "person:laurent-nunez", "person", "name"),
    ("Laurent Fabius", "person:laurent-fabius", "person", "name"),
    ("Abdelouafi Laftit", "person:abdelouafi-laftit", "person", "name"),
    ("Mohamed Ould Cheikh El Ghazouani", "person:ghazouani", "person", "name"),
    ("Mohammed VI", "person:mohammed-vi", "person", "name"),
    ("Mohamed VI", "person:mohammed-vi", "person", "alias"),
    ("Maroc", "country:MA", "country", "name"),
    ("Royaume du Maroc", "country:MA", "country", "official_name"),
    ("marocain", "country:MA", "country", "adjective"),
    ("maroco", "country:MA", "country", "prefix"),
    ("Rabat", "country:MA", "country", "capital"),
    ("République démocratique du Congo", "country:CD", "country", "name"),
    ("RDC", "country:CD", "country", "alias"),
    ("Union africaine", "body:UA", "body", "name"),
    ("UA", "body:UA", "body", "acronym"),
    ("Union européenne", "body:UE", "body", "name"),
    ("UE", "body:UE", "body", "acronym"),
]


@pytest.fixture()
def index() -> AliasIndex:
    idx = AliasIndex()
    for alias, entity_id, entity_type, field in ALIASES:
        idx.add(alias, entity_id, entity_type, field)
    return idx


def test_exact_match_scores_one(index: AliasIndex) -> None:
    assert index.candidates("Ivica Dačić") == [
        Candidate("person:ivica-dacic", "person", "Ivica Dačić", "name", 1.0, "exact")
    ]


def test_folded_match_scores_095(index: AliasIndex) -> None:
    (cand,) = index.candidates("IVICA DACIC")
    assert (cand.entity_id, cand.score, cand.method, cand.alias) == (
        "person:ivica-dacic",
        0.95,
        "folded",
        "Ivica Dačić",
    )
    (cand,) = index.candidates("Laurent Nunez")
    assert (cand.entity_id, cand.score, cand.method) == ("person:laurent-nunez", 0.95, "folded")


def test_exact_wins_over_folded_for_the_same_entity(index: AliasIndex) -> None:
    (cand,) = index.candidates("Mohamed VI")
    assert (cand.entity_id, cand.field, cand.method, cand.score) == (
        "person:mohammed-vi",
        "alias",
        "exact",
        1.0,
    )


def test_fuzzy_score_is_ratio_times_09(index: AliasIndex) -> None:
    (cand,) = index.candidates("Abdelouafi Lafitt")
    expected = round(fuzz.ratio("abdelouafi lafitt", "abdelouafi laftit") / 100 * 0.9, 4)
    assert (cand.entity_id, cand.method, cand.score) == ("person:abdelouafi-laftit", "fuzzy", expected)
    assert 0.79 < cand.score < 0.9


def test_fuzzy_finds_a_name_through_its_intact_token(index: AliasIndex) -> None:
    # two edits in the first name, the surname intact: found through the surname token
    (cand,) = index.candidates("Abdelwafi Laftit")
    assert cand.entity_id == "person:abdelouafi-laftit" and cand.method == "fuzzy"


def test_fuzzy_is_not_tried_when_exact_or_folded_found_something(index: AliasIndex) -> None:
    assert [c.method for c in index.candidates("maroc")] == ["folded"]


def test_fuzzy_does_not_return_far_off_names(index: AliasIndex) -> None:
    assert index.candidates("Laurent Fabiani") == []  # shares "Laurent" with two people, ratio < 88
    assert index.candidates("Ivan Dragic") == []
    assert index.candidates("Abdelkader Benali") == []
    assert index.candidates("Xyzzy Plugh") == []


def test_short_strings_never_match_fuzzily(index: AliasIndex) -> None:
    assert index.candidates("UX") == []  # not "UA" or "UE"
    assert [c.entity_id for c in index.candidates("UE")] == ["body:UE"]


def test_fuzzy_can_be_switched_off_and_the_threshold_changed(index: AliasIndex) -> None:
    assert index.candidates("Abdelouafi Lafitt", fuzzy=False) == []
    assert index.candidates("Abdelouafi Lafitt", threshold=99) == []
    strict = AliasIndex(fuzzy_threshold=99)
    strict.add("Abdelouafi Laftit", "person:abdelouafi-laftit", "person", "name")
    assert strict.candidates("Abdelouafi Lafitt") == []


def test_types_fields_and_limit(index: AliasIndex) -> None:
    assert index.candidates("Maroc", types=["body"]) == []
    assert [c.field for c in index.candidates("Rabat")] == ["capital"]
    assert index.candidates("Rabat", fields=["name", "alias"]) == []
    index.add("Maroc", "body:MAROC-TEST", "body", "name")
    both = index.candidates("Maroc")
    assert [c.entity_id for c in both] == ["body:MAROC-TEST", "country:MA"]  # same score: by field then id
    assert len(index.candidates("Maroc", limit=1)) == 1
    assert index.candidates("Maroc", limit=0) == []


def test_adjective_prefix_and_official_name(index: AliasIndex) -> None:
    assert index.candidates("marocain")[0].field == "adjective"
    # forms are listed in the KB, not derived here: an unlisted form is only a fuzzy match
    (cand,) = index.candidates("marocaine")
    assert (cand.entity_id, cand.field, cand.method) == ("country:MA", "adjective", "fuzzy")
    assert index.candidates("maroco")[0].field == "prefix"
    assert index.candidates("royaume du maroc")[0].field == "official_name"


def test_leading_article_is_dropped(index: AliasIndex) -> None:
    (cand,) = index.candidates("la RDC")
    assert (cand.entity_id, cand.method, cand.score) == ("country:CD", "folded", 0.95)
    assert index.candidates("l'Union africaine")[0].entity_id == "body:UA"
    assert index.candidates("l’Union africaine")[0].entity_id == "body:UA"


def test_surname_lookup(index: AliasIndex) -> None:
    assert index.persons_by_surname("Laftit") == ["person:abdelouafi-laftit"]
    assert index.persons_by_surname("Dacic") == ["person:ivica-dacic"]
    assert index.persons_by_surname("Dačić") == ["person:ivica-dacic"]
    assert index.persons_by_surname("Nunez") == ["person:laurent-nunez"]
    assert index.persons_by_surname("El Ghazouani") == ["person:ghazouani"]
    assert index.persons_by_surname("Ghazouani") == ["person:ghazouani"]
    assert index.persons_by_surname("Laurent") == []  # a first name is not a surname
    assert index.persons_by_surname("VI") == []  # nor is a regnal number
    assert index.surname("Laftit") == ["person:abdelouafi-laftit"]
    assert index.surname_index["dacic"] == frozenset({"person:ivica-dacic"})


def test_shared_surname_returns_every_person(index: AliasIndex) -> None:
    index.add("Hélène Laftit", "person:helene-laftit", "person", "name")
    assert index.persons_by_surname("LAFTIT") == ["person:abdelouafi-laftit", "person:helene-laftit"]


def test_surname_keys() -> None:
    assert surname_keys("Bachar el-Assad") == ["el assad", "assad"]
    assert surname_keys("Mohammed VI") == []
    assert surname_keys("Gyanendra") == ["gyanendra"]


def test_remove_entity_and_copy(index: AliasIndex) -> None:
    clone = index.copy()
    assert index.remove_entity("country:MA") == 5
    assert index.candidates("Maroc") == [] and index.candidates("Royaume du Maroc") == []
    assert index.candidates("Royaume du Maroc", fuzzy=True) == []
    assert clone.candidates("Maroc")[0].entity_id == "country:MA"
    clone.remove_entity("person:ivica-dacic")
    assert clone.persons_by_surname("Dacic") == [] and index.persons_by_surname("Dacic") == [
        "person:ivica-dacic"
    ]


def test_adding_twice_is_a_no_op(index: AliasIndex) -> None:
    size = len(index)
    index.add("Maroc", "country:MA", "country", "name")
    assert len(index) == size
    assert "maroc" in index and "Maroc" in index and "Tunisie" not in index


def test_bad_field_and_empty_alias_are_rejected() -> None:
    idx = AliasIndex()
    with pytest.raises(ValueError, match="unknown alias field"):
        idx.add("Maroc", "country:MA", "country", "nickname")
    with pytest.raises(ValueError, match="empty alias"):
        idx.add(" - ", "country:MA", "country", "alias")


def test_blocking_skips_tokens_shared_by_too_many_aliases() -> None:
    idx = AliasIndex(max_block=10)
    words = ["abadir", "belkouch", "chaouen", "dakhla", "essaouira", "figuig", "guelmim", "hoceima"]
    words += [f"{w}{suffix}" for w in ("tanger", "tetouan", "meknes") for suffix in ("ia", "ou", "an", "ine")]
    words += [
        "ouarzazate",
        "safi",
        "taza",
        "zagora",
        "larache",
        "berkane",
        "nador",
        "midelt",
        "ifrane",
        "azrou",
    ]
    for word in words:
        idx.add(f"Conseil national de {word}", f"body:{word}", "body", "name")
    # the distinctive token still blocks: one edit in it is found
    cands = idx.candidates("Conseil national de Guelmin")
    assert cands[0].entity_id == "body:guelmim" and cands[0].method == "fuzzy"
    # only common tokens: nothing is scored (the index does not scan every alias)
    assert idx._block(fold("Conseil nationale"), 88.0) == []


def test_blocking_only_scores_aliases_of_a_possible_length() -> None:
    idx = AliasIndex()
    idx.add("Laftit", "person:short", "person", "name")
    idx.add("Abdelouafi Laftit Ben Mohammed El Alaoui", "person:long", "person", "name")
    assert idx._block(fold("Laftitt"), 88.0) == ["laftit"]


def test_cached_answers_follow_changes_of_the_index(index: AliasIndex) -> None:
    # answers are cached per (mention, types, fields, limit, fuzzy settings): a change of the index empties the cache
    assert index.candidates("Zorblat Quimby") == []
    index.add("Zorblat Quimby", "person:zq", "person", "name")
    assert [c.entity_id for c in index.candidates("Zorblat Quimby")] == ["person:zq"]
    first = index.candidates("Zorblat Quimby")
    first.clear()  # the caller's list, not the cache
    assert [c.entity_id for c in index.candidates("Zorblat Quimby")] == ["person:zq"]
    assert index.candidates("Zorblat Quimby", types=("country",)) == []
    index.remove_entity("person:zq")
    assert index.candidates("Zorblat Quimby") == []
    assert index.candidates("Zorblat Quimbi", fuzzy=False) == []
    index.add("Zorblat Quimby", "person:zq", "person", "name")
    assert [c.method for c in index.candidates("Zorblat Quimbi")] == ["fuzzy"]
    assert index.candidates("Zorblat Quimbi", threshold=99) == []
