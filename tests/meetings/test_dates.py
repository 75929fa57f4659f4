"""Finding and resolving French date expressions (diplomacy_ner.meetings.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplomacy_ner.meetings.dates import DateExpression, find_date_expressions, resolve_date

# 2025-03-05 is a Wednesday.
WEDNESDAY = dt.date(2025, 3, 5)


def _only(text: str) -> DateExpression:
    found = find_date_expressions(text)
    assert len(found) == 1, found
    return found[0]


FIND_CASES = [
    # (sentence, expected expression, kind)
    ("Le ministre a reçu lundi son homologue.", "lundi", "weekday"),
    ("Elle a été reçue ce mardi au palais.", "ce mardi", "weekday"),
    ("Les deux hommes se sont vus mercredi dernier à Oran.", "mercredi dernier", "weekday"),
    ("Un dîner a été offert lundi soir en son honneur.", "lundi soir", "weekday"),
    ("Il a annoncé ce même lundi sa démission.", "ce même lundi", "weekday"),
    ("Il s'est rendu mardi 25 juin à Niamey.", "mardi 25 juin", "absolute"),
    ("La réunion du lundi 17 mars 2025 a duré deux heures.", "lundi 17 mars 2025", "absolute"),
    ("Il a téléphoné hier à son homologue.", "hier", "relative"),
    ("Un entretien a eu lieu hier soir.", "hier soir", "relative"),
    ("La délégation est arrivée avant-hier.", "avant-hier", "relative"),
    ("Le président reçoit aujourd'hui le prince.", "aujourd'hui", "relative"),
    ("Le président reçoit aujourd\u2019hui le prince.", "aujourd\u2019hui", "relative"),
    ("Le Premier ministre a reçu ce matin l'envoyé spécial.", "ce matin", "relative"),
    ("Il était arrivé la veille au soir.", "la veille au soir", "relative"),
    ("Le ministre a signé le 3 juin 2025 un accord.", "le 3 juin 2025", "absolute"),
    ("La visite a commencé le 8 septembre.", "le 8 septembre", "absolute"),
    ("Bamako, 14 décembre - Le chef de l'État a reçu.", "14 décembre", "absolute"),
    ("L'accord entre en vigueur le 1er mars.", "le 1er mars", "absolute"),
    ("Une réunion s'est tenue le 11 octobre dernier à Gitega.", "le 11 octobre dernier", "absolute"),
    ("Oran, 9 sept. (APS) - Le wali a reçu.", "9 sept.", "absolute"),
    ("Lomé, 14 janv (ATOP) - Le ministre a reçu.", "14 janv", "absolute"),
    ("Publié le 30/09/2025 à 17h05", "le 30/09/2025", "absolute"),
    ("Le salon se tient du 25 au 27 janvier à Alger.", "du 25 au 27 janvier", "absolute"),
    ("Le même jour, il a reçu le ministre malien.", "Le même jour", "same_day"),
    ("L'accord avait été signé en juillet 2024 à Accra.", "en juillet 2024", "month"),
    ("La visite d'État d'octobre 2024 reste dans les mémoires.", "octobre 2024", "month"),
    ("Le sommet, tenu en mai 2023, avait été reporté.", "en mai 2023", "month"),
    ("Les travaux reprendront début mars.", "début mars", "month"),
]


@pytest.mark.parametrize("sentence,expected,kind", FIND_CASES)
def test_find_date_expressions_kinds(sentence: str, expected: str, kind: str) -> None:
    expr = _only(sentence)
    assert (expr.text, expr.kind) == (expected, kind)
    assert sentence[expr.start : expr.end] == expr.text


@pytest.mark.parametrize(
    "sentence",
    [
        "La sonde Mars Express a été lancée par l'agence.",
        "Le chanteur Bruno Mars se produira à Rabat.",
        "Il a maintenant quitté ses fonctions.",
        "Mai Fatty, conseiller du président, a parlé.",
        "Sept ministres ont signé la déclaration.",
        "La hiérarchie militaire a été consultée.",
        "Le texte porte sur la période 2025-2027.",
    ],
)
def test_find_date_expressions_ignores_non_dates(sentence: str) -> None:
    assert find_date_expressions(sentence) == []


def test_find_date_expressions_offsets_and_order() -> None:
    text = (
        "Rabat, 4\u00a0mars (MAP) - Le ministre a reçu hier soir son homologue, puis mercredi "
        "dernier l'ambassadeur. Aujourd\u2019hui, il a rappelé l'accord signé en juillet 2024.\n"
        "Le même jour, le roi a reçu le ministre."
    )
    found = find_date_expressions(text)
    assert [e.text for e in found] == [
        "4\u00a0mars",
        "hier soir",
        "mercredi dernier",
        "Aujourd\u2019hui",
        "en juillet 2024",
        "Le même jour",
    ]
    assert [e.kind for e in found] == ["absolute", "relative", "weekday", "relative", "month", "same_day"]
    for expr in found:
        assert text[expr.start : expr.end] == expr.text
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_find_date_expressions_does_not_cross_paragraphs() -> None:
    text = "Le ministre est arrivé mardi\n\n3 mars : la conférence commence."
    assert [e.text for e in find_date_expressions(text)] == ["mardi", "3 mars"]


RESOLVE_CASES = [
    # (expression, published, expected) — WEDNESDAY is 2025-03-05
    ("mercredi", WEDNESDAY, dt.date(2025, 3, 5)),  # same weekday: that day
    ("ce mercredi", WEDNESDAY, dt.date(2025, 3, 5)),
    ("lundi", WEDNESDAY, dt.date(2025, 3, 3)),  # otherwise the most recent one
    ("jeudi", WEDNESDAY, dt.date(2025, 2, 27)),
    ("mardi soir", WEDNESDAY, dt.date(2025, 3, 4)),
    ("mercredi dernier", WEDNESDAY, dt.date(2025, 2, 26)),  # "dernier" on the same weekday: a week earlier
    ("lundi dernier", WEDNESDAY, dt.date(2025, 3, 3)),
    ("mardi prochain", WEDNESDAY, dt.date(2025, 3, 11)),
    ("hier", WEDNESDAY, dt.date(2025, 3, 4)),
    ("hier soir", WEDNESDAY, dt.date(2025, 3, 4)),
    ("avant-hier", WEDNESDAY, dt.date(2025, 3, 3)),
    ("aujourd'hui", WEDNESDAY, dt.date(2025, 3, 5)),
    ("ce matin", WEDNESDAY, dt.date(2025, 3, 5)),
    ("le 3 mars", WEDNESDAY, dt.date(2025, 3, 3)),  # day and month take the publication year
    ("le 10 mars", WEDNESDAY, dt.date(2025, 3, 10)),  # a few days ahead: still this year
    ("le 20 mars", WEDNESDAY, dt.date(2024, 3, 20)),  # weeks ahead: last year
    ("le 28 décembre", dt.date(2025, 1, 5), dt.date(2024, 12, 28)),  # year rollover
    ("le 11 octobre dernier", dt.date(2025, 10, 5), dt.date(2024, 10, 11)),
    ("le 16 juillet prochain", dt.date(2025, 7, 5), dt.date(2025, 7, 16)),
    ("mardi 25 juin", dt.date(2024, 6, 27), dt.date(2024, 6, 25)),
    ("le 3 juin 2025", WEDNESDAY, dt.date(2025, 6, 3)),
    ("1er mars 2024", WEDNESDAY, dt.date(2024, 3, 1)),
    ("9 sept.", dt.date(2025, 9, 9), dt.date(2025, 9, 9)),
    ("14 janv", dt.date(2025, 1, 14), dt.date(2025, 1, 14)),
    ("le 30/09/2025", WEDNESDAY, dt.date(2025, 9, 30)),
    ("du 25 au 27 janvier", dt.date(2025, 1, 28), dt.date(2025, 1, 25)),  # a range starts on its first day
    ("le 29 février", WEDNESDAY, dt.date(2024, 2, 29)),  # no 29 February in 2025
    ("en juillet 2024", WEDNESDAY, None),  # a month is not a day
    # Without a publication date only a full date resolves.
    ("lundi", None, None),
    ("hier", None, None),
    ("le 3 mars", None, None),
    ("mardi 25 juin", None, None),
    ("le 3 juin 2025", None, dt.date(2025, 6, 3)),
    ("lundi 11 novembre 2024", None, dt.date(2024, 11, 11)),
]


@pytest.mark.parametrize("text,published,expected", RESOLVE_CASES)
def test_resolve_date(text: str, published: dt.date | None, expected: dt.date | None) -> None:
    assert resolve_date(_only(text), published) == expected


@pytest.mark.parametrize(
    "text,previous,expected",
    [
        ("le même jour", dt.date(2025, 2, 3), dt.date(2025, 2, 3)),
        ("le même jour", None, None),
        ("la veille", dt.date(2025, 2, 3), dt.date(2025, 2, 2)),
        ("la veille", None, None),
        ("le lendemain", dt.date(2025, 2, 3), dt.date(2025, 2, 4)),
    ],
)
def test_resolve_date_relative_to_previous_event(
    text: str, previous: dt.date | None, expected: dt.date | None
) -> None:
    assert resolve_date(_only(text), WEDNESDAY, previous=previous) == expected


def test_resolve_date_accepts_a_datetime() -> None:
    published = dt.datetime(2025, 3, 5, 17, 40)
    assert resolve_date(_only("hier"), published) == dt.date(2025, 3, 4)


def test_resolve_date_ignores_offsets() -> None:
    first, second = find_date_expressions("Reçu lundi, il est reparti lundi soir.")
    assert resolve_date(first, WEDNESDAY) == resolve_date(second, WEDNESDAY) == dt.date(2025, 3, 3)


@pytest.mark.parametrize("span", ["les 14 et 15 mars 2018", "du 14 au 16 mars 2018"])
def test_an_audience_during_a_visit_of_several_days_has_no_day(extractor, span) -> None:
    text = (
        f"Le ministre béninois des Affaires étrangères, Paul Houngbo, s'est rendu à Accra {span}. "
        "Au cours de ce déplacement, le ministre a été reçu en audience par le président ghanéen, Kofi Mensah."
    )
    [m] = extractor.extract_meetings(text, published="2018-03-20")
    assert sorted(p.name for p in m.participants) == ["Kofi Mensah", "Paul Houngbo"]
    assert m.date is None


def test_a_meeting_whose_own_sentence_gives_the_span_takes_its_first_day(extractor) -> None:
    text = "Le président ghanéen, Kofi Mensah, a eu des entretiens avec le ministre béninois Paul Houngbo du 14 au 16 mars 2018 à Accra."
    [m] = extractor.extract_meetings(text, published="2018-03-20")
    assert m.date == dt.date(2018, 3, 14)
