"""``diplomacy_document``: facts about the whole article — its dateline, its home
country and its countries by importance.

Reads: ``doc.spans[spans_key]`` from ``diplomacy_entity_rules`` (PLACE, COUNTRY, TITLE)
and, for the agency of a dateline ("(MAP)"), the knowledge base of the pipeline's linker.
Sets: ``doc._.dateline``, ``doc._.home_country`` and ``doc._.country_ranking``, which the
linker (roles, national bodies) and the meeting step read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import SPAN_KEY, register_extensions, span_info
from .linker import LinkerKB
from ..rules.tokens import TokenWords

DATELINE = re.compile(
    r"^[ \t#*>]*(?P<city>[A-ZÀ-Ý][\w'’\-. ]{1,40}?)"
    r"(?:\s*,\s*[A-ZÀ-Ý][\w\- ]{2,30}?)?"
    r"(?:\s*,\s*\d{1,2}(?:er)?\s+[A-Za-zéèûôÀ-ÿ]+\.?(?:\s+\d{4})?)?"
    r"\s*(?:\((?P<agency>[A-Z]{2,6}|[A-Z][a-z]+)\))?\s*[-–—]\s",
    re.M,
)
DATELINE_VOTE = 1.5
"""What the dateline's country weighs against one mention of a country."""


class DocumentFacts(LinkerKB):
    """Find the dateline, the home country and the ranking of countries of a doc.

    nlp (Language): the pipeline (its linker's knowledge base names news agencies).
    name (str): component name.
    spans_key (str): the span group read.
    """

    def __init__(self, nlp: Language, name: str = "diplomacy_document", *, spans_key: str = SPAN_KEY):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key


    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        by_label: dict[str, list[Span]] = {}
        for s in spans:
            by_label.setdefault(s.label_, []).append(s)
        doc._.dateline = dateline(doc, by_label.get("PLACE", []))
        votes = country_votes(by_label.get("COUNTRY", []), by_label.get("TITLE", []), doc._.dateline, by_label.get("PERSON", []))
        doc._.country_ranking = [code for code, _ in votes.most_common()]
        doc._.home_country = self._home_country(votes, doc._.dateline or {})
        return doc

    def _home_country(self, votes: Counter[str], line: dict[str, Any]) -> str | None:
        """The country of unmarked titles: the news agency's, else the most mentioned one."""
        agency = line.get("agency")
        if agency:
            countries = []
            for cand in self.kb.alias_index.candidates(agency, types=("body",), fuzzy=False, limit=10):
                record = self.kb.get(cand.entity_id)
                if record is not None and getattr(record, "country", None):
                    countries.append(record.country)
            if countries:
                if line.get("country") in countries:
                    return line["country"]
                return max(countries, key=lambda c: (votes.get(c, 0), -countries.index(c)))
        return votes.most_common(1)[0][0] if votes else None


def country_votes(
    countries: list[Span], titles: list[Span], line: dict[str, Any] | None, persons: Sequence[Span] = ()
) -> Counter[str]:
    """Mentions of each country, as votes for the article's home country.

    Country words inside titles ("le ministre italien", "Président de la République du
    Sénégal") mark foreign officials and do not vote, nor do those inside a person's name
    ("Dominique" of "Dominique Dupont" is no Dominica); a posting ("l'ambassadeur de Chine
    en Mauritanie") votes for the country of the post; the dateline's country weighs more.
    """
    in_title = {i for t in (*titles, *persons) for i in range(t.start, t.end)}
    votes: Counter[str] = Counter()
    for s in countries:
        if s.kb_id_.startswith("country:") and s.start not in in_title:
            votes[s.kb_id_.split(":", 1)[1]] += 1
    for t in titles:
        for code in (span_info(t) or {}).get("postings") or []:
            votes[code] += 1
    if line and line.get("country"):
        votes[line["country"]] += DATELINE_VOTE  # type: ignore[assignment]
    return votes


def dateline(doc: Doc, places: list[Span]) -> dict[str, Any] | None:
    """The dateline ("Rabat, 12 mars (MAP) - "): city, country, agency and offsets; None without one."""
    # the first 160 tokens' text (Span.text builds a Token per token; the doc's words are read once)
    words = TokenWords.of(doc)
    head = words.text(0, min(len(doc), 160))[:400] if len(doc) else ""
    for m in DATELINE.finditer(head):
        city = m.group("city").strip()
        start = m.start("city")
        for p in places:
            if p.start_char == start:
                info = span_info(p) or {}
                return {
                    "city": info.get("name") or city,
                    "country": info.get("country"),
                    "start": p.start_char,
                    "end": m.end(),
                    "agency": m.group("agency"),
                }
    return None


@Language.factory(
    "diplomacy_document",
    default_config={"spans_key": SPAN_KEY},
    assigns=["doc._.dateline", "doc._.home_country", "doc._.country_ranking"],
    requires=["doc.spans"],
)
def make_document(nlp: Language, name: str, spans_key: str) -> DocumentFacts:
    """Factory of :class:`DocumentFacts`."""
    return DocumentFacts(nlp, name, spans_key=spans_key)
