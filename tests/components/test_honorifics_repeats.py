"""The entity layer on real parses: honorific phrases of several words are no part of a name
and do not split one person in two, later bare repetitions of a name are mentions of the same
person (invented names, sentences written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def persons(doc) -> list[tuple[str, int, int]]:
    return [(s.text, s.start_char, s.end_char) for s in doc.spans["diplomacy"] if s.label_ == "PERSON"]


def people(doc) -> list[dict]:
    return [e for e in doc._.entities if e["type"] == "person"]


def entity_of(doc, text: str, at: int) -> str:
    found = [s for s in doc.spans["diplomacy"] if s.label_ == "PERSON" and s.start_char == at]
    assert found, persons(doc)
    span = found[0]
    assert span.text == text and doc.text[span.start_char : span.end_char] == text, persons(doc)
    return span.kb_id_


# -- honorific phrases ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("S. Exc. M. Tano Briga, ministre ivoirien des Transports, a reçu la délégation.", "Tano Briga"),
        ("S.E. Ama Kwesi Ofori, ambassadeur du Ghana, a été reçue par le ministre.", "Ama Kwesi Ofori"),
        ("Son Excellence Dr Ama Kwesi Ofori a été reçue par le ministre.", "Ama Kwesi Ofori"),
        ("Le ministre a reçu Son Excellence Monsieur Lionel Okafor, ambassadeur du Nigeria.", "Lionel Okafor"),
    ],
)
def test_an_honorific_phrase_is_no_part_of_the_name(extractor, text, name) -> None:
    doc = extractor.nlp(text)
    at = text.index(name)
    entity_of(doc, name, at)
    assert not any(t.startswith(("S.", "Son", "Exc", "Dr")) for t, _, _ in persons(doc)), persons(doc)


def test_a_long_honorific_and_an_accent_variant_name_one_person(extractor) -> None:
    text = (
        "Samdech Akka Moha Sena Padei Techo Kol Vannak, Premier ministre du Royaume du Cambodge, "
        "a eu des entretiens avec le président du Laos. Le même jour, Samdech Techo Kol Vannàk "
        "s'est entretenu avec son homologue laotien."
    )
    doc = extractor.nlp(text)
    first = entity_of(doc, "Kol Vannak", text.index("Kol Vannak"))
    second = entity_of(doc, "Kol Vannàk", text.index("Kol Vannàk"))
    assert first == second
    named = [e for e in people(doc) if e["id"] == first]
    assert named[0]["name"] in ("Kol Vannak", "Kol Vannàk")
    assert not any("Samdech" in t or "Techo" in t for t, _, _ in persons(doc)), persons(doc)


def test_cheikh_before_a_patronymic_chain_is_an_honorific(extractor) -> None:
    text = "Le roi a reçu Cheikh Hamad ben Rached Al Fadhil, ministre qatari, puis le ministre sénégalais Cheikh Tidiane Ndour."
    doc = extractor.nlp(text)
    entity_of(doc, "Hamad ben Rached Al Fadhil", text.index("Hamad ben"))
    entity_of(doc, "Cheikh Tidiane Ndour", text.index("Cheikh Tidiane"))


# -- later bare repetitions of a name --------------------------------------------------------


@pytest.mark.parametrize(
    "text, full, bare",
    [
        ("Le ministre des Affaires étrangères Karim Bensaïd a reçu lundi son homologue. "
         "Bensaïd s'est ensuite entretenu avec le Premier ministre.", "Karim Bensaïd", "Bensaïd"),
        ("La ministre Ilona Varkesh a accueilli le chef de la diplomatie tchadienne. "
         "Varkesh a rappelé les liens entre les deux pays.", "Ilona Varkesh", "Varkesh"),
        ("Le président Tomas Okereke a reçu mardi l'émissaire. Okereke a salué les efforts de paix.",
         "Tomas Okereke", "Okereke"),
        ("Le ministre Yassine Mekdad a reçu lundi le ministre. Mekdad a reçu aussi l'ambassadeur.",
         "Yassine Mekdad", "Mekdad"),
    ],
)
def test_a_bare_surname_repeats_a_person_named_before(extractor, text, full, bare) -> None:
    doc = extractor.nlp(text)
    first = entity_of(doc, full, text.index(full))
    later = text.index(bare, text.index(full) + len(full))
    assert entity_of(doc, bare, later) == first


def test_a_surname_inside_another_name_is_not_a_repetition(extractor) -> None:
    text = "Le ministre Karim Bensaïd a reçu lundi Leila Bensaïd Amrani, députée, et Omar Bensaïd."
    doc = extractor.nlp(text)
    first = entity_of(doc, "Karim Bensaïd", text.index("Karim"))
    assert not any(s == text.index("Bensaïd Amrani") and t == "Bensaïd" for t, s, _ in persons(doc))
    spans = [s for s in doc.spans["diplomacy"] if s.label_ == "PERSON" and s.kb_id_ == first]
    assert all(s.start_char not in (text.index("Leila"), text.index("Omar")) for s in spans), persons(doc)


def test_a_dotless_m_before_a_surname_joins_the_full_name(extractor) -> None:
    text = "Le président Ivan Morozov a reçu le général Tomas Okereke. M Morozov et Okereke ont discuté de sécurité."
    doc = extractor.nlp(text)
    first = entity_of(doc, "Ivan Morozov", text.index("Ivan"))
    later = [s for s in doc.spans["diplomacy"] if s.label_ == "PERSON" and s.start_char >= text.index("M Morozov")]
    assert later and later[0].kb_id_ == first, persons(doc)


def test_a_nuncio_is_a_title_and_monseigneur_no_part_of_the_name(extractor) -> None:
    text = "Le président a reçu son Eminence, le Nonce Apostolique, Monseigneur Luigi Ventrone."
    doc = extractor.nlp(text)
    ent_id = entity_of(doc, "Luigi Ventrone", text.index("Luigi"))
    assert not any(t.startswith("Nonce") for t, _, _ in persons(doc)), persons(doc)
    assert doc._.person_roles[ent_id]["role"] == "Nonce Apostolique"
