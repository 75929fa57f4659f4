"""Names of the knowledge base as phrase patterns: countries (names and adjectives),
bodies, people and agreements, matched as written or case-insensitively.

Built from the knowledge base the pipeline's linker owns; rebuilt by the
entity-rules component when that knowledge base changes. As in spaCy's
``SpanRuler``, a match's label and its knowledge-base id are kept apart: each
(label, id) pair has its own matcher key, and :meth:`KBNames.__call__` returns
them as two fields.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..folding import fold
from ..kb.knowledge_base import KnowledgeBase
from ..lexicons import word_set
from .extents import is_acronym_text
from .patterns import KeyTable


class KBNames:
    """Phrase matchers over every name of a knowledge base, and its adjective tables.

    nlp (Language): the pipeline (vocab and tokenizer).
    kb (KnowledgeBase): the knowledge base.
    """

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.keys = KeyTable(nlp, "diplomacy_kb_name_")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.prefixes: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        self.body_adjectives: dict[str, str] = {}
        lower: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}

        def add(store: dict[str, list[str]], label: str, ident: str, forms: list[str]) -> None:
            store.setdefault(self.keys.key(label, ident), []).extend(forms)

        for rec in kb.countries:
            for form in (rec.name, *rec.official_names, *rec.aliases):
                # names are capitalised in French: match them as written (and in capitals, for headlines)
                add(exact, "COUNTRY", rec.id, case_variants(form))
                if "-" in form:
                    add(exact, "COUNTRY", rec.id, case_variants(form.replace("-", " ")))  # "Royaume Uni"
                if " " in form:
                    add(exact, "COUNTRY", rec.id, [title_case(form)])  # "Polynésie Française"
                if len(form.split()) >= 3 and not starts_with_article(form):
                    # a long name in any case: "République Démocratique du Congo", "république démocratique du Congo"
                    add(lower, "COUNTRY", rec.id, [form])
            for adj in rec.adjectives:
                # also unaccented and unhyphenated, as hurried copy writes it ("indonesienne", "capverdien")
                add(lower, "COUNTRY_ADJ", rec.id, list(dict.fromkeys([adj, fold(adj), adj.replace("-", "")])))
                self.adjectives.setdefault(fold(adj), rec.id)
            for prefix in rec.prefixes:
                self.prefixes.setdefault(fold(prefix), rec.id)
        for body in kb.bodies:
            for form in (body.name, *body.aliases):
                if is_acronym_text(form):
                    add(exact, "BODY", body.id, [form])
                elif form[:1].isupper():
                    add(exact, "BODY", body.id, case_variants(form))
                else:
                    add(lower, "BODY", body.id, [form])
            if body.acronym:
                add(exact, "BODY", body.id, [body.acronym])
            for adj in body.adjectives:
                self.body_adjectives.setdefault(fold(adj), body.id)
        self.first_names: set[str] = set()  # folded first words of the people's longer names ("karin")
        self._first_name_words: dict[str, bool] = {}  # token text -> is_first_name, answered once per word
        for person in kb.people:
            add(exact, "PERSON", person.id, [person.name, *person.aliases])
            add(exact, "PERSON", person.id, [v for f in (person.name, *person.aliases) for v in given_name_variants(f)])
            for form in (person.name, *person.aliases):
                first, *rest = form.split() or [""]
                if rest and first[:1].isupper() and len(first) > 2:
                    self.first_names.add(fold(first))
        for agreement in kb.agreements:
            add(lower, "AGREEMENT", agreement.id, [agreement.name, *agreement.aliases])
            if agreement.acronym:
                add(exact, "AGREEMENT", agreement.id, [agreement.acronym])
        tokenizer = nlp.tokenizer
        for store, matcher in ((lower, self.lower), (exact, self.exact)):
            for key, forms in store.items():
                matcher.add(key, list(tokenizer.pipe(sorted(set(forms)))))

    def is_first_name(self, word: str) -> bool:
        """Is ``word`` (a token's text) capitalised and the first word of a known person's longer name?"""
        known = self._first_name_words.get(word)
        if known is None:
            if len(self._first_name_words) > 200_000:
                self._first_name_words.clear()
            known = self._first_name_words[word] = word[:1].isupper() and fold(word) in self.first_names
        return known

    def __call__(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """Every name of the knowledge base in ``doc``.

        RETURNS (list[tuple[str, str, int, int]]): label ("COUNTRY", "COUNTRY_ADJ", "BODY",
            "PERSON", "AGREEMENT"), knowledge-base id, start and end token.
        """
        out = []
        for matcher in (self.lower, self.exact):
            for match_id, start, end in matcher(doc):
                label, ident = self.keys.pair(match_id)
                out.append((label, ident, start, end))
        return out


def case_variants(form: str) -> list[str]:
    """A name as written, in capitals, with a capital first letter, and with its capitals
    unaccented as French print often writes them ("Etats", "Emirats")."""
    variants = [form, form.upper()]
    if form[:1].islower():
        variants.append(form[:1].upper() + form[1:])
    bare = unaccented_capitals(form)
    if bare != form:
        variants.append(bare)
    return variants


def given_name_variants(form: str) -> list[str]:
    """A person's compound first name written the other way ("Abdel Fattah X" / "Abdel-Fattah X",
    "Jean-Marc Y" / "Jean Marc Y"): two capitalised given names before at least one more word."""
    words = form.split()
    if len(words) < 2:
        return []
    first = words[0].split("-")
    if len(first) == 2 and all(w[:1].isupper() and w[1:].isalpha() for w in first):
        return [" ".join([*first, *words[1:]])]
    if len(words) >= 3 and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words[:2]):
        return ["-".join(words[:2]) + " " + " ".join(words[2:])]
    return []


def unaccented_capitals(form: str) -> str:
    """``form`` with the accents of its capital letters dropped ("États" → "Etats")."""
    return "".join(fold(c).upper() if c.isupper() and fold(c).isascii() and len(fold(c)) == 1 else c for c in form)


def title_case(form: str) -> str:
    """A name with every word capitalised but its small words ("République Démocratique du Congo")."""
    small = word_set("de_forms") | word_set("definite_articles") | word_set("name_coordinators")
    return " ".join(w if w.lower() in small or not w[:1].islower() else w[:1].upper() + w[1:] for w in form.split())


def starts_with_article(form: str) -> bool:
    """Whether a name starts with an article ("la Réunion" is no country in "la réunion")."""
    first = fold(form).split()[0]
    articles = word_set("definite_articles")
    return first in articles or any(first.startswith(a) for a in articles if a.endswith("'"))
