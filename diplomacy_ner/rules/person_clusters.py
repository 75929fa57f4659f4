"""People of one document: mentions clustered into persons, linked to the knowledge base.

Cascade for a mention: the knowledge base (exact alias, folded alias "Dacic" =
"Dačić", fuzzy alias at the configured threshold), then the document: "M. Laftit",
"Laftit" join "Abdelouafi Laftit"; a fuzzy surname match joins spelling variants
("Ould Merzoug" / "Ould Merzouk"). People the KB does not know get a stable
document-level id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..folding import fold, strip_honorifics
from ..kb.alias_index import similarity
from ..kb.knowledge_base import KnowledgeBase
from ..lexicons import word_set
from .kb_links import KBLinks
from .title_links import TitleContext, fits_title, regnal_person


@dataclass
class PersonCluster:
    """The mentions of one person in a document; ``name`` is the longest form used."""

    id: str
    spans: list[Span] = field(default_factory=list)
    kb_id: str | None = None
    name: str = ""
    tokens: list[str] = field(default_factory=list)

    def add(self, span: Span) -> None:
        self.spans.append(span)
        text = span.text
        if (len(text.split()), len(text)) > (len(self.name.split()), len(self.name)):
            self.name = text
            self.tokens = fold(text).split()


def extends(longer: list[str], shorter: list[str]) -> bool:
    """Whether the words ``longer`` hold every word of ``shorter``, in order, and more."""
    if len(longer) <= len(shorter):
        return False
    rest = iter(longer)
    return all(word in rest for word in shorter)


def slug(text: str) -> str:
    """A lower-case ASCII slug of a text, for document-level ids."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def cluster_people(spans: list[Span], links: KBLinks, contexts: dict[int, TitleContext] | None = None) -> list[PersonCluster]:
    """The people of a document: PERSON spans clustered, each cluster linked to the knowledge base when it can be.

    contexts (dict[int, TitleContext] | None): the title right before a span, by its start
        (:func:`~diplomacy_ner.rules.title_links.title_contexts`): a link the title contradicts is dropped.
    """
    contexts = contexts or {}
    clusters: list[PersonCluster] = []
    ordered = sorted(spans, key=lambda s: (-len(fold(s.text).split()), -len(s.text), s.start))
    for span in ordered:
        toks = fold(span.text).split()
        if len(toks) == 2 and len(toks[0]) == 1:
            toks = toks[1:]  # "M Poutine" (a dotless "M." or an initial): the surname decides
        if not toks:
            continue
        context = contexts.get(span.start)
        kb_id = span.kb_id_ or links.kb_person(span.text, allow_surname=False)
        if kb_id and not fits_title(links.kb, kb_id, context):
            kb_id = None  # "le roi Philippe" is not Édouard Philippe
        target = None
        for c in clusters:
            if kb_id and c.kb_id == kb_id:
                target = c
                break
            if (same_person(toks, c.tokens, links.threshold) or short_form(toks, c)) and not kin_name(toks, kb_id, c, span, contexts):
                target = c
                break
        if target is None and len(toks) == 1:
            # "M. Chen" (Chen Shui-bian), "Mme Ibáñez" (Begoña Ibáñez Ruiz): one token of exactly one longer name
            holders = [c for c in clusters if len(c.tokens) >= 2 and toks[0] in c.tokens]
            if len(holders) == 1:
                target = holders[0]
        if target is None:
            if kb_id is None and len(toks) == 1:
                if context is not None and context.regnal:
                    kb_id = regnal_person(links.kb, span.text)  # a king's given name, not a surname
                else:
                    kb_id = links.kb_person(span.text, allow_surname=True)
                if kb_id and not fits_title(links.kb, kb_id, context):
                    kb_id = None
                if kb_id:
                    target = next((c for c in clusters if c.kb_id == kb_id), None)
            if target is None:
                target = PersonCluster(id=kb_id or f"doc-person:{slug(span.text)}", kb_id=kb_id)
                clusters.append(target)
        target.add(span)
        if target.kb_id is None and kb_id:
            target.kb_id = kb_id
            target.id = kb_id
    for c in clusters:
        c.spans.sort(key=lambda s: s.start)
    clusters.sort(key=lambda c: c.spans[0].start)
    return clusters


def kin_name(toks: list[str], kb_id: str | None, cluster: PersonCluster, span: Span, contexts: dict[int, TitleContext]) -> bool:
    """"Le chef de l'État A B … le directeur de cabinet C A B": a name of two or more words the knowledge
    base knows, that ends a longer name it does not know (a given name before it), is another person
    (a son's name holds his father's) when the titles right before the two are of different classes."""
    if not kb_id or cluster.kb_id or len(toks) < 2 or len(cluster.tokens) <= len(toks) or cluster.tokens[-len(toks):] != toks:
        return False
    mine = contexts.get(span.start)
    theirs = {contexts[s.start].cls for s in cluster.spans if s.start in contexts and contexts[s.start].cls}
    return mine is not None and mine.cls is not None and bool(theirs) and mine.cls not in theirs


def short_form(short: list[str], cluster: PersonCluster) -> bool:
    """Whether the folded words ``short`` (two or more) are a shorter form of the cluster's name:
    its beginning ("Denis Sassou" of "Denis Sassou N'Guesso") or its first and last words with
    words between ("Bakary Sangaré" of "Bakary Yaou Sangaré"), one or two words shorter, the words
    left out being names (capitalised or particles: not "José Manuel Albares in Rabat")."""
    full = cluster.tokens
    if not (2 <= len(short) < len(full) <= len(short) + 2) or short[0] != full[0]:
        return False
    if not (full[: len(short)] == short or (short[-1] == full[-1] and extends(full, short))):
        return False
    particles = word_set("name_particles")
    return all(w[:1].isupper() or w.lower() in particles for w in cluster.name.split())


def same_person(short: list[str], full: list[str], threshold: float) -> bool:
    """Whether the folded words ``short`` name the person named ``full`` (tail, joined or fuzzy at ``threshold``)."""
    if short == full:
        return True
    if len(short) <= len(full) and full[-len(short):] == short:
        return True
    if 3 <= len(short) < len(full) and full[: len(short)] == short and any(w in word_set("name_joining_particles") for w in short[1:]):
        return True  # "Mansour bin Zayed" of "Mansour bin Zayed Al Nahyan" (a patronymic chain)
    if len(short) < len(full) and "".join(short) == "".join(full[-2:]):
        return True
    if "".join(short) == "".join(full):
        return True
    tail = full[-len(short):] if len(short) <= len(full) else full
    a, b = " ".join(short), " ".join(tail)
    if len(a) > 4 and similarity(a, b) >= threshold:
        return True
    # "Benyoucef" vs "Ben Youcef", "Goncalves Brito" vs "João Manuel Gonçalves Brito"
    return len(short) == 1 and len(full) >= 2 and similarity(short[0], "".join(full[-2:])) >= threshold


def person_names(cluster: PersonCluster, kb: KnowledgeBase) -> tuple[str, list[str]]:
    """A person's canonical name and other names.

    The name is the longest form the text uses, without honorific ("Mme Koné"
    gives "Koné"), except for a person of the knowledge base: the KB's name
    when it ends with the same word ("Laftit" gives "Abdelouafi Laftit"), unless
    the text's form is that name made longer ("José Manuel Albares Bueno" for
    "José Manuel Albares"). A text form that ends otherwise ("Mohammed ben Zayed"
    for "Mohammed ben Zayed Al Nahyane") is kept, so that the name keeps the
    surname the text uses; a form the KB lists as an alias that is its name and a designation
    ("Abdallah II de Jordanie" for "Abdallah II") gives the KB's name. The aliases are the other forms the text uses, as
    written, then the KB's name and aliases.

    RETURNS (tuple[str, list[str]]): the name and the aliases (without the name).
    """
    written = list(dict.fromkeys(" ".join(s.text.split()) for s in cluster.spans))
    bare = [strip_honorifics(form) or form for form in written]
    name = max(bare, key=lambda form: (len(form.split()), len(form)), default=cluster.name)
    record = kb.get(cluster.kb_id) if cluster.kb_id else None
    kb_names = [record.name, *getattr(record, "aliases", ())] if record is not None else []
    if record is not None:
        words, kb_words = fold(name).split(), fold(record.name).split()
        if words and kb_words and words[-1] == kb_words[-1] and not extends(words, kb_words):
            name = record.name
        elif (
            words[: len(kb_words)] == kb_words
            and len(words) > len(kb_words)
            and any(words[len(kb_words)] == w or (w.endswith("'") and words[len(kb_words)].startswith(w)) for w in word_set("de_forms"))
            and fold(name) in {fold(a) for a in getattr(record, "aliases", ())}
        ):
            name = record.name  # "Abdallah II de Jordanie": an alias the KB gives, the name made longer by a designation
    return name, [alias for alias in dict.fromkeys([*written, *kb_names]) if alias != name]
