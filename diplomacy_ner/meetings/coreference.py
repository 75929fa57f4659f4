"""Coreference over official mentions, by recency and grammatical role.

- "il" / "elle" as a subject: the last subject of an encounter (or of a
  sentence), else the article's protagonist;
- "ce dernier" / "celui-ci": the official mentioned last before it;
- an unmarked title ("le ministre", "le chef de l'État"): the last official of
  the same class, else the protagonist when its class agrees, else (a head of
  state or government) an unnamed official of the article's country;
- "ils", "les deux ministres", "leur entretien": the participants of the last
  meeting (the clustering layer continues that meeting);
- "je" inside a quotation: its speaker ("« J'ai reçu … », a déclaré X"), else the
  article's protagonist.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Span, Token

from .context import DocContext
from .encounters import _mistagged_present
from .officials import Official, bare_titles, excluded, person_official
from ..extensions import span_info


class Coreference:
    """The state of the document read so far, and the resolution of anaphors."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.history: list[Official] = []
        self.last_subject: Official | None = None
        self.protagonist: Official | None = self._protagonist()
        # the last sentence that named exactly two officials: what "les deux dirigeants" can stand for
        self.recent_pair: tuple[int, list[Official]] | None = None
        # the last sentence whose subject was two or more coordinated officials: what "ils" can stand for
        self.co_subjects: tuple[int, list[Official]] | None = None
        # the named subjects of each sentence's encounters: what "les trois envoyés" can stand for
        self.enc_subjects: dict[int, list[Official]] = {}

    def _protagonist(self) -> Official | None:
        ctx = self.ctx
        scores: Counter[str] = Counter()
        first: dict[str, tuple[int, object]] = {}
        for s in ctx.by_label.get("PERSON", []):
            pid = s.kb_id_
            info = ctx.person_info(pid)
            k = ctx.sentence_of.get(s.start, -1)
            if k < 0 or excluded(ctx, s.start, ctx.sents[k]):
                continue
            # a person the text gives no office can be the protagonist, with less weight
            scores[pid] += 1.0 if (info.get("role") or info.get("country")) else 0.5
            if s.root.dep_ in ("nsubj", "nsubj:pass") or any(t.dep_ in ("nsubj", "nsubj:pass") for t in s):
                scores[pid] += 1.0
            if info.get("country") == ctx.home:
                scores[pid] += 1.0
            first.setdefault(pid, (s.start, s))
        if not scores:
            return None
        pid = max(scores, key=lambda p: (scores[p], -first[p][0]))
        return person_official(ctx, pid)

    def anaphors(self, k: int, officials: list[Official]) -> tuple[list[Official], set[int]]:
        """Officials standing for the anaphors of sentence ``k``, and the tokens of plural anaphors."""
        ctx = self.ctx
        lex = ctx.lex
        sent = ctx.sents[k]
        covered = set()
        for o in officials:
            covered.update(o.extent)
        out: list[Official] = []
        plural: set[int] = set()
        bare = bare_titles(ctx, k)
        plural_pronouns, definite_plural = lex.word_set("plural_pronoun"), lex.word_set("definite_plural")
        pronouns, demonstratives = lex.word_set("pronoun_subject"), lex.word_set("demonstrative")
        out.extend(self._first_person(k, covered))
        candidates = ctx.anaphor_candidates(k)  # the tokens none of the tests below takes are skipped
        # a noun or proper noun that is none of the words tested below and no bare title's token passes
        # none of the tests: skip it before building its Token
        lowers, numbers, listed = ctx.lowers, ctx.numbers, ctx.anaphor_words
        for i in candidates:
            if i in covered or (i not in bare and i not in numbers and lowers[i] not in listed):
                continue
            tok = ctx.doc[i]
            low = tok.lower_
            pos = tok.pos_
            if low in plural_pronouns and tok.dep_ in ("nsubj", "nsubj:pass"):
                plural.add(tok.i)
                continue
            if (pos == "NUM" and tok.dep_ in ("nsubj", "nsubj:pass") and tok.i > 0 and ctx.doc[tok.i - 1].lower_ in definite_plural) or (
                pos == "NOUN"
                and tok.lower_ in lex.word_set("plural_person_noun")
                and any(c.lower_ in definite_plural for c in tok.children)
                and any(c.lower_ in lex.word_set("small_number") for c in tok.children)
            ):  # "les deux ministres", not "deux nouveaux ambassadeurs"
                plural.add(tok.i)
                continue
            target: Official | None = None
            if low in pronouns and tok.dep_ in ("nsubj", "nsubj:pass"):
                target = self.last_subject or self.protagonist
            elif low in demonstratives and (not low.startswith("derni") or any(c.lower_ in lex.word_set("demonstrative_det") for c in tok.children) or (tok.i > 0 and ctx.doc[tok.i - 1].lower_ in lex.word_set("demonstrative_det"))):
                target = self._last_mentioned(tok, officials)
            else:
                title = bare.get(tok.i) if pos in ("NOUN", "PROPN") and (
                    tok.dep_ in ("nsubj", "nsubj:pass", "obj", "obl:agent", "obl:arg", "obl:mod", "nmod") or conjoined_partner(tok)
                    or any(_mistagged_present(c, sent, lex.verb_frames) for c in tok.rights)  # "Le Secrétaire général rencontre …"
                ) else None
                if title is not None and tok.i == title.start + next((j for j, t in enumerate(title) if t.pos_ in ("NOUN", "PROPN")), 0):
                    holder = self._appositive_name(title, officials)
                    if holder is not None:
                        holder.weak, holder.role, holder.cls = False, holder.role or (span_info(title) or {}).get("role"), holder.cls or (span_info(title) or {}).get("class")
                        covered.update(range(title.start, title.end))
                        continue  # "avec le Ministre de l'agriculture, … et de la sécurité, M. X": X's office
                    if not excluded(ctx, title.start, sent) and "Plur" not in tok.morph.get("Number"):
                        target = self._same_class((span_info(title) or {}).get("class"), tok, (span_info(title) or {}).get("role"))
                        if target is not None and (
                            any(o.key == target.key for o in officials)
                            or any(o.key == target.key and clause_head(ctx.doc[o.anchor]) == clause_head(tok) for o in out)
                            or (any(o.key == target.key for o in out) and _other_word((span_info(title) or {}).get("role"), target.role))
                        ):
                            target = None  # named here, another argument of its verb, or taken up under another office: someone else
                        if target is None:
                            target = self._unnamed_title(title, tok, officials)
                    if target is not None:
                        out.append(target.copy_at(title.start, title.end, tok.i))
                        out[-1].spans = [title]
                        covered.update(range(title.start, title.end))
                    continue
            if target is not None:
                out.append(target.copy_at(tok.i, tok.i + 1, tok.i))
        return out, plural

    def _appositive_name(self, title: Span, officials: list[Official]) -> Official | None:
        """The untitled person named right after a bare title, past its comma and nothing but the rest of a
        portfolio the title rules cut ("le Ministre de l'agriculture, de la pêche et de la bio sécurité, M. X")."""
        doc = self.ctx.doc
        for o in officials:
            first = min(o.start, o.anchor) if o.anchor >= 0 else o.start
            if o.unnamed or not o.weak or not o.person_id or not 0 <= first - title.end <= 8:
                continue
            between = doc[title.end : first]
            if len(between) and between[-1].text == "," and not any(t.pos_ in ("VERB", "AUX", "PROPN") for t in between):
                return o
        return None

    def _first_person(self, k: int, covered: set[int]) -> list[Official]:
        """"« Cet après-midi, j'ai reçu un appel du ministre … », a indiqué X": a first-person subject
        inside a quotation is its speaker."""
        ctx = self.ctx
        sent = ctx.sents[k]
        first = ctx.lex.word_set("first_person_subject")
        if not any(w in ctx.span_text(sent).lower() for w in first):
            return []
        out = []
        for tok in sent:
            if tok.lower_ in first and tok.dep_ in ("nsubj", "nsubj:pass") and tok.i not in covered and self._quoted(tok.idx):
                speaker = self._speaker(k) or self.protagonist
                if speaker is not None:
                    out.append(speaker.copy_at(tok.i, tok.i + 1, tok.i))
        return out

    def _quoted(self, char: int) -> bool:
        """Is the character at ``char`` inside a quotation opened in its paragraph?"""
        start, _ = self.ctx.line_bounds(char)
        before = self.ctx.text[start:char]
        opened = max(before.rfind("«"), before.rfind("“"))
        return opened > max(before.rfind("»"), before.rfind("”")) or before.count('"') % 2 == 1

    def _speaker(self, k: int) -> Official | None:
        """The person a reporting verb gives the quotation of sentence ``k`` to, in that sentence or the
        next three (the subject, or the name right after a verb that follows the quote: "», a déclaré X"),
        else in the sentence before it ("X a déclaré : « … »")."""
        ctx = self.ctx
        reporting = ctx.lex.word_set("reporting_verb")
        for m in [k, k + 1, k + 2, k + 3, k - 1]:
            if not 0 <= m < len(ctx.sents):
                continue
            persons = [s for s in ctx.in_sentence(m, "PERSON") if ctx.person_info(s.kb_id_)]
            for verb in ctx.sents[m]:
                if verb.lemma_.lower() not in reporting or verb.pos_ not in ("VERB", "AUX"):
                    continue
                subject = next((s for s in persons if s.root.dep_ in ("nsubj", "nsubj:pass") and s.root.head.i == verb.i), None)
                after = next((s for s in persons if 0 < s.start - verb.i <= 10), None)
                quote_before = any(t.text in ("»", "”", '"', ",") for t in ctx.doc[max(0, verb.i - 3) : verb.i])
                found = subject or (after if quote_before else None)
                if found is not None:
                    return person_official(ctx, found.kb_id_)
        return None

    def _unnamed_title(self, title: Span, tok: Token, officials: list[Official]) -> Official | None:
        """"Rabat - Le chef du gouvernement s'est entretenu avec …", "X a été reçu par le président de la
        République" in a text that never names him: an unnamed official of the dateline's country."""
        info = span_info(title) or {}
        # only a dateline says for sure where the text speaks from ("Rabat - Le chef du gouvernement …")
        home = (self.ctx.dateline or {}).get("country")
        cls = info.get("class")
        if cls not in self.ctx.lex.word_set("unnamed_title_class"):
            return None
        doc = self.ctx.doc
        if title.end < len(doc) and doc[title.end].pos_ == "PROPN" and doc[title.end].is_title:
            return None  # "le Premier ministre Kolo Roger": a name the entity layer missed, not an unnamed office
        if tok.dep_ == "appos" or any(
            o.end <= title.start and all(t.is_punct or t.pos_ == "DET" for t in doc[o.end : title.start]) for o in officials
        ):
            return None  # "accueillis par X, le chef du gouvernement du pays": X's office, not another person
        # without a dateline, a communiqué's own head of state ("Le Président de la République s'est
        # entretenu avec …"): the country is left to the meeting's slots (the article's home country)
        role = info.get("role")
        return Official(f"unnamed:{home or '?'}:{(role or cls).lower()}", None, None, role, home, cls, title.start, title.end, [title], unnamed=True)

    def _last_mentioned(self, tok: Token, officials: list[Official]) -> Official | None:
        before = [o for o in officials if o.end <= tok.i and not o.unnamed]
        if before:
            return before[-1]
        for o in reversed(self.history):
            if not o.unnamed:
                return o
        return None

    def _same_class(self, cls: str | None, tok: Token, role: str | None = None) -> Official | None:
        if cls is None or cls == "generic":
            return self.last_subject or self.protagonist
        subject = self.last_subject
        monarchs = self.ctx.lex.word_set("monarch_title")
        if subject is not None and subject.cls == cls and not subject.unnamed and same_office_word(role, subject.role, monarchs):
            return subject  # the last subject is the most salient holder of the office ("Le ministre a aussi rencontré …")
        # a body's official ("OTAN") has no home state to differ from the text's
        holders = [
            o for o in reversed(self.history[-200:])
            if o.cls == cls and not o.unnamed and (o.country is None or o.country == self.ctx.home or self.ctx.home is None or len(o.country) != 2)
        ]
        if holders:
            # "le vice-président" is the last vice-president named, not the last president
            compatible = [o for o in holders if monarch_compatible(role, o.role, monarchs)]
            if compatible:
                return next((o for o in compatible if role and o.role and same_office_word(role, o.role, monarchs)), compatible[0])
        p = self.protagonist
        if p is not None and p.cls == cls and monarch_compatible(role, p.role, monarchs):
            return p
        later = self._named_later(cls, tok)
        if later is None and p is not None and p.cls is None and p.person_id:
            return p  # "Christine Lagarde … la ministre a déjeuné avec X": the office the text never gave her
        return later

    def _named_later(self, cls: str, tok: Token) -> Official | None:
        """"Le nouveau président reçoit … depuis l'entrée en fonction de X": a title the text names only later."""
        ctx = self.ctx
        k = ctx.sentence_of.get(tok.i, -1)
        persons = ctx.by_label.get("PERSON", [])
        for s in persons[bisect.bisect_right(ctx.person_starts, tok.i) :]:
            if ctx.sentence_of.get(s.start, -1) - k > 6:
                break
            info = ctx.person_info(s.kb_id_)
            if info.get("class") == cls:
                return person_official(ctx, s.kb_id_)
        return None

    def update(self, officials: list[Official], subject: Official | None, k: int = -1, enc_subjects: list[Official] = ()) -> None:
        """Record the officials of sentence ``k`` read, its subject and its encounters' named subjects."""
        self.enc_subjects[k] = [o for o in [*enc_subjects, *([subject] if subject else [])] if not o.unnamed and not o.weak]
        for o in officials:
            if not o.weak or o.person_id:
                self.history.append(o)
        if subject is not None:
            self.last_subject = subject
        named = {o.key: o for o in officials if not o.unnamed and not o.weak}
        if len(named) == 2:
            self.recent_pair = (k, list(named.values()))
        doc = self.ctx.doc
        subjects = {o.person_id or o.key: o for o in officials if not o.unnamed and o.anchor >= 0 and subject_like(doc[o.anchor])}
        if len(subjects) >= 2:
            self.co_subjects = (k, list(subjects.values()))

    def recent(self, k: int) -> tuple[int, list[Official]] | None:
        """The pair of officials the sentence ``k`` or one of the two before named alone."""
        return self.recent_pair if self.recent_pair is not None and k - self.recent_pair[0] <= 2 else None

    def plural_subjects(self, enc, tok: Token) -> bool:
        """"A, président de …, et B sont en mission à X. Ils ont rencontré Y": a plural pronoun subject of an
        encounter that names its other side is the coordinated subjects of one of the two sentences before
        (True when it took them)."""
        pair = self.co_subjects if self.co_subjects is not None and enc.sent - self.co_subjects[0] <= 2 else None
        if tok.lower_ not in self.ctx.lex.word_set("plural_pronoun") or pair is None or pair[0] == enc.sent or not (enc.partners or enc.agents):
            return False
        others = {o.person_id or o.key for o in [*enc.partners, *enc.agents]}
        if any((o.person_id or o.key) in others for o in pair[1]):
            return False
        enc.subjects.extend(o.copy_at(tok.i, tok.i + 1, tok.i) for o in pair[1])
        return True


def plural_possessor(ctx, enc) -> bool:
    """"C'était lors de leur entretien", "leurs discussions ont porté sur …": an encounter noun whose only
    argument is a plural possessive stands for the pair of officials just named, as "les deux hommes" does;
    not an object, which another noun may name ("Cet entretien marque leur première rencontre")."""
    if enc.frame.pos != "noun" or enc.predicate.dep_ in ("obj", "ROOT") or enc.tokens - {enc.predicate.i}:
        return False
    words = ctx.lex.word_set("plural_possessive")
    if not any(c.dep_ == "det" and c.lower_ in words and c.i < enc.predicate.i for c in enc.predicate.children):
        return False
    # the possessor is the clause's subject ("Les ministres … se sont engagés après leur réunion"): only an
    # expletive ("C'était lors de leur entretien") or a plural anaphor ("Les deux hommes …") leaves it to the pair
    t = enc.predicate
    while t.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "advmod") and t.head is not t:
        t = t.head
    if t is enc.predicate:
        return t.dep_ in ("nsubj", "nsubj:pass")  # "Leurs discussions ont porté sur …"
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")), None)
    if subj is None:
        return False  # a clause cut from its subject
    if subj.dep_ == "expl:subj" or subj.lower_ in ctx.lex.word_set("plural_pronoun"):
        return True
    return bool(ctx.lex.cue("plural_anaphor").search(ctx.doc[subj.left_edge.i : subj.i + 1].text))


def subject_like(tok: Token) -> bool:
    """A subject, a conjunct of one, or a word the parser hangs loosely before its root ("A, président de …,
    et B sont en mission")."""
    if tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubj:pass") or (tok.dep_ == "dep" and tok.head.dep_ == "ROOT" and tok.i < tok.head.i)


def conjoined_partner(tok: Token) -> bool:
    """"reçu par le souverain et le chef du gouvernement": a title with its own article coordinated with an
    object or agent (not "son homologue et président du comité", one person's two offices, nor a
    co-subject: "le roi et la reine ont reçu")."""
    if tok.dep_ != "conj" or not any(c.dep_ == "det" for c in tok.children):
        return False
    head = tok.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("obj", "obl:agent", "obl:arg")


def clause_head(tok: Token) -> int:
    """The word a token is an argument of, over coordinations ("a rencontré A et le roi": "rencontré")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i


def office_word(role: str) -> str:
    """The first word of a role, case-folded ("Grand-Duc" → "grand-duc")."""
    return role.split()[0].casefold() if role.split() else ""


def monarch_compatible(title: str | None, role: str | None, monarchs: set[str]) -> bool:
    """A monarch's title ("le souverain") stands only for a monarch, another title only for a non-monarch."""
    if not title or not role:
        return True
    return (office_word(title) in monarchs) == (office_word(role) in monarchs)


def same_office_word(title: str | None, role: str | None, monarchs: set[str] = frozenset()) -> bool:
    """Can a bare title stand for a person's role? Not when one's first word only extends the
    other's ("vice-président" is no "président", "sous-secrétaire" no "secrétaire"), nor when only
    one of them is a monarch's ("le souverain", "l'Empereur" is no president)."""
    if not title or not role:
        return True
    a, b = office_word(title), office_word(role)
    if not monarch_compatible(title, role, monarchs):
        return False
    return a == b or not (a.endswith(b) or b.endswith(a))


def _other_word(title: str | None, role: str | None) -> bool:
    """Does a bare title name another office than a person's role ("Empereur" beside "président")?"""
    return bool(title and role) and title.split()[0].casefold() != role.split()[0].casefold()
