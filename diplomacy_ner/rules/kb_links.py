"""The knowledge-base questions of the linking rules, answered through one alias index
and one fuzzy threshold (the linker's ``fuzzy_threshold``).

Every lookup of a mention asks :meth:`KBLinks.candidates`: exact, folded, then —
where the caller allows it — fuzzy candidates scored by the alias index at the
configured threshold, as scispacy's candidate generator does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from ..folding import fold
from ..kb.alias_index import Candidate, similarity
from ..kb.knowledge_base import KnowledgeBase
from ..kb.records import BodyRecord
from ..lexicons import word_set


class KBLinks:
    """Lookups in a knowledge base for the linking rules.

    kb (KnowledgeBase): the knowledge base.
    threshold (float): the fuzzy threshold (0-100) of every fuzzy lookup.
    """

    def __init__(self, kb: KnowledgeBase, threshold: float):
        self.kb = kb
        self.threshold = threshold

    def candidates(self, text: str, *, types: Sequence[str], limit: int = 1, fuzzy: bool = True) -> list[Candidate]:
        """Scored candidates of the alias index (exact, folded, then fuzzy at the threshold).

        text (str): the mention.
        types (Sequence[str]): entity types to keep ("person", "body"...).
        limit (int): at most this many.
        fuzzy (bool): whether the fuzzy step may run.
        RETURNS (list[Candidate]): best first.
        """
        return self.kb.alias_index.candidates(text, types=types, limit=limit, fuzzy=fuzzy, threshold=self.threshold)

    def kb_person(self, text: str, *, allow_surname: bool) -> str | None:
        """The knowledge-base person a name links to (alias candidates; with ``allow_surname``, a surname only one person holds), or None."""
        for cand in self.candidates(text, types=("person",), limit=3):
            if cand.method != "fuzzy" or same_surname(text, cand.alias, self.threshold):
                return cand.entity_id
        words = text.split()
        if len(words) == 2:
            # "Kishida Fumio", "WANG Yi": the family name first, as East Asian names are often written
            for cand in self.candidates(f"{words[1]} {words[0]}", types=("person",), limit=1, fuzzy=False):
                return cand.entity_id
        if allow_surname:
            ids = self.kb.alias_index.surname(text)
            if len(ids) == 1:
                return ids[0]
        return None


    def body_code(self, body_id: str) -> str | None:
        """The participant code of a body ("UE", "ONU", a national body's state), or None."""
        rec = self.kb.get(body_id)
        return rec.participant_code() if isinstance(rec, BodyRecord) else None


    def codes_with_parents(self, code: str) -> list[str]:
        """'OIM' and the bodies above it ('ONU'): "la responsable onusienne" is the OIM's chief."""
        out = [code]
        if len(code) == 2 and code.isupper():
            return out
        seen = set()
        for cand in self.candidates(code, types=("body",), limit=3, fuzzy=False):
            rec = self.kb.get(cand.entity_id)
            while rec is not None and getattr(rec, "parent", None) and rec.id not in seen:
                seen.add(rec.id)
                rec = self.kb.get(rec.parent)
                if rec is not None:
                    parent_code = getattr(rec, "code", None) or getattr(rec, "acronym", None)
                    if parent_code and parent_code not in out:
                        out.append(parent_code)
        return out


    def demonym_country(self, role: str) -> str | None:
        """'… des Marocains résidant à l'étranger' names the minister's country."""
        features = word_set("geographic_features")
        for match in re.finditer(r"[A-ZÀ-Ý][\w\-]+", role):
            word = match.group()
            before = role[: match.start()].split()
            if before and before[-1].lower().split("'")[-1].split("’")[-1] in features:
                continue  # "… de l'Océan Indien": the adjective names a place
            for cand in self.candidates(word.lower(), types=("country",), limit=1, fuzzy=False):
                if cand.field == "adjective":
                    rec = self.kb.get(cand.entity_id)
                    return getattr(rec, "code", None)
        return None


    def acronym_after(self, doc: Doc, span: Span, kind: str) -> str | None:
        """The entity of a known acronym in brackets right after ``span`` ("Police nationale espagnole (CNP)"), or None."""
        end = span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            for cand in self.candidates(doc[end + 1].text, types=(kind,), limit=1, fuzzy=False):
                return cand.entity_id
        return None


    def disambiguate_national(self, ent_id: str, text: str, countries: Sequence[str]) -> str:
        """Among national bodies of the same name, the one of the article's country.

        ent_id (str): the body the rules found.
        text (str): its mention.
        countries (Sequence[str]): the article's countries, the home country first, then by
            mentions (``doc._.country_ranking``); empty when the article has no home country.
        RETURNS (str): the body of the best-ranked country with that name, else ``ent_id``.
        """
        rec = self.kb.get(ent_id)
        if rec is None or getattr(rec, "scope", None) != "national" or not countries:
            return ent_id
        rank: dict[str, int] = {}
        for code in countries:
            rank.setdefault(code, len(rank))
        best, best_rank = ent_id, rank.get(getattr(rec, "country", None) or "", len(rank))
        for cand in self.candidates(text, types=("body",), limit=10, fuzzy=False):
            other = self.kb.get(cand.entity_id)
            other_rank = rank.get(getattr(other, "country", None) or "", len(rank))
            if other_rank < best_rank:
                best, best_rank = cand.entity_id, other_rank
        return best


_ROMAN = re.compile(r"^[ivxlcdm]+$")


def same_surname(mention: str, alias: str, threshold: float) -> bool:
    """Whether a fuzzy match of a person's name keeps its distinctive last word: "Abdallah Triki"
    is not "Abdallah II" (a regnal number must be the same), "Aminata Fall" is not "Aminata Sall"."""
    a, b = fold(mention).split(), fold(alias).split()
    if not a or not b:
        return False
    last_a, last_b = a[-1], b[-1]
    if _ROMAN.match(last_a) or _ROMAN.match(last_b):
        return last_a == last_b
    if len(a) == 1 or len(b) == 1:
        return similarity(" ".join(a), " ".join(b)) >= threshold
    return similarity(last_a, last_b) >= threshold
