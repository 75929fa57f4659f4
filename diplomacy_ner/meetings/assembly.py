"""Assemble meetings from a linked doc, sentence by sentence.

The unit of work is the sentence. A sentence with an encounter trigger whose
participants differ from the meeting being described opens a new meeting; a
sentence that refers back to it ("les deux ministres", "M. Laftit",
"l'entretien", "Ils") continues it and contributes evidence, topics, bodies
and agreements. People "en présence de", the authority whose orientations or
message are cited, the source of a communiqué, and people named in a noun's
complement ("les aspirations de SM le Roi") are not participants.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..kb.knowledge_base import KnowledgeBase
from ..kb.records import BodyRecord
from ..offsets import mention, offset_map
from .dates import DateExpression, resolve_date
from .topics import TopicLexicon

# -- lexicons ---------------------------------------------------------------------------------
RECEIVE_VERBS = {"recevoir", "accueillir"}
MEET_VERBS = {"rencontrer", "entretenir", "réunir", "coprésider", "co-présider", "retrouver", "échanger", "discuter", "converser", "téléphoner", "appeler", "s'entretenir"}
JOIN_VERBS = {"participer", "rassembler", "réunir"}
TRIGGER_NOUNS = {
    "entretien", "entretiens", "rencontre", "rencontres", "réunion", "audience", "audiences", "échange", "tête-à-tête",
    "séance", "visioconférence", "vidéoconférence", "entrevue", "conversation", "appel", "pourparlers", "consultations",
}
MULTILATERAL_NOUNS = {"réunion", "conférence", "session", "sommet", "forum", "conseil", "travaux"}
CONTINUATION_NOUNS = {
    "entretien", "entretiens", "rencontre", "réunion", "audience", "discussions", "échanges", "échange", "travaux",
    "tête-à-tête", "séance", "conversation", "entrevue",
}
PLURAL_ANAPHORS = re.compile(
    r"\b(?:les (?:deux|trois|quatre|cinq) (?:ministres|responsables|parties|chefs|dirigeants|présidents|délégations|hommes|diplomates|homologues|chefs d'État)"
    r"|les participants|les ministres|leur entretien|leurs entretiens|leur rencontre|leurs échanges|leur réunion"
    r"|à l'issue (?:de l'entretien|de la rencontre|de la réunion|des entretiens|de l'audience|des travaux|de leurs? )"
    r"|au cours de (?:cet|cette|l'|la|leur)|lors de (?:cet|cette|leur)|cet entretien|cette rencontre|cette audience|cette réunion)",
    re.I,
)
SENTENCE_START_ANAPHORS = re.compile(r"^\s*(?:Ils|Elles|Les deux|Les trois|Les discussions|Les échanges|Les entretiens|L'entretien|La rencontre|La réunion|L'audience|Les travaux|Les participants|Celui-ci|Celle-ci)\b")
EXCLUSION_CUES = re.compile(
    r"\b(?:en (?:la )?présence d[eu']|en présence des|aux côtés d[eu]|accompagnée? d[eu']|conformément aux?|au nom d[eu']"
    r"|message d[eu']|instructions d[eu']|orientations d[eu']|directives d[eu']|sous l'égide d[eu']|sous la présidence d[eu']"
    r"|aspirations d[eu']|attentes d[eu']|vision d[eu']|selon|indique un communiqué|a indiqué|rapporte|déclaré|a déclaré|cité par)",
    re.I,
)
PLANNED_CUES = re.compile(
    r"\b(?:se rendra|rencontrera|recevra|s'entretiendra|accueillera|coprésidera|participera|devrait|devraient|doit|doivent|est attendue?|sont attendus"
    r"|prévue?s?|prochaine?s?|prochainement|se tiendra|se réunira|aura lieu|à venir|va (?:rencontrer|recevoir|se rendre)|convenus? de se retrouver|convenu de se retrouver"
    r"|souhaite rencontrer|compte rencontrer|envisage|en vue d'une|en vue de|l'idée d'une|éventuelle?|possible|ouverte? à)\b",
    re.I,
)
CANCELLED_CUES = re.compile(r"\b(?:report(?:é|ée|és|ées)|annul(?:é|ée|és|ées)|ajourn(?:é|ée|és|ées)|n'aura pas lieu|devait|devaient|a été repoussée?)\b", re.I)
BACKGROUND_CUES = re.compile(r"^\s*(?:pour rappel|rappelons|il y a\b)|\bavai(?:t|ent) (?:été )?(?:signé|rencontré|reçu|conclu|adopté|accueilli)|\bde l'époque\b", re.I)
CALL_CUES = re.compile(r"t[ée]l[ée]phon", re.I)
VIDEO_CUES = re.compile(r"visioconf|vidéoconf|visio\b|en virtuel|par vidéo", re.I)
VENUE_CUES = re.compile(r"\b(?:au siège|en son cabinet|dans son bureau|dans ses bureaux|au palais|au Palais|au ministère|à la présidence|à la Maison)\b")
CONTEXT_CONNECTORS = re.compile(r"^\s*(?:Il|Elle|Le ministre|La ministre|Ensuite|Enfin|Puis|Par ailleurs|Toujours|D'abord|Le même jour|Dans la foulée|Auparavant)\b|\b(?:en marge|toujours|d'abord|ensuite|enfin|le même jour|successives)\b", re.I)
SPLIT_CUES = re.compile(r"\b(?:en marge|bilatéra(?:l|le|ux|les)|en aparté|séparément)\b", re.I)
BOILERPLATE = re.compile(
    r"^\s*(?:\(?\[?photo|à lire aussi|a lire aussi|lire aussi|lire également|voir aussi|©|publicité|source\s*:|crédit|accueil\s*>|publié le|mis à jour|par [A-ZÀ-Ý][\w\-]+ [A-ZÀ-Ý][\w\-]+(?: [A-ZÀ-Ý][\w\-]+)?\s*(?:-|–|—|,|$))",
    re.I,
)
PRONOUN_SUBJECTS = {"il", "elle"}
GENERIC_SUBJECT_TITLES = {"ministre", "président", "présidente", "chef", "cheffe", "souverain", "responsable", "diplomate", "secrétaire"}


@dataclass
class Official:
    """A participant as seen in one sentence."""

    key: str
    person_id: str | None
    name: str | None
    role: str | None
    country: str | None
    cls: str | None
    start: int
    end: int
    spans: list[Span] = field(default_factory=list)
    unnamed: bool = False
    weak: bool = False  # a named person the text gives no office: a partner, never alone


@dataclass
class Draft:
    participants: dict[str, Official] = field(default_factory=dict)
    host: str | None = None
    kind: str | None = None
    status: str = "held"
    date: dt.date | None = None
    date_span: Span | None = None
    location: dict[str, Any] | None = None
    sentences: list[Span] = field(default_factory=list)
    multilateral: bool = False
    strength: float = 0.6
    opening: Span | None = None
    explicit_host: bool = False
    series: bool = False  # "a reçu en audiences successives plusieurs diplomates": context, not a meeting

    def keys(self) -> set[str]:
        return set(self.participants)


class MeetingAssembler:
    """Find the meetings of one linked doc.

    doc (Doc): a doc processed by the entity rules and the linker.
    kb (KnowledgeBase): the knowledge base (body codes, country names).
    topics (TopicLexicon): the topic lexicon.
    spans_key (str): the span group of the entity rules.
    """

    def __init__(self, doc: Doc, *, kb: KnowledgeBase, topics: TopicLexicon, spans_key: str):
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.kb = kb
        self.topics = topics
        self.spans = list(doc.spans[spans_key]) if spans_key in doc.spans else []
        self.published = dt.date.fromisoformat(doc._.published) if doc._.published else None
        self.omap = offset_map(doc)
        self.roles: dict[str, dict[str, Any]] = doc._.person_roles or {}
        self.entities = {e["id"]: e for e in (doc._.entities or [])}
        self.by_label: dict[str, list[Span]] = {}
        for s in self.spans:
            self.by_label.setdefault(s.label_, []).append(s)
        self.title_person = {(t.start, t.end): (t._.info or {}).get("person") for t in self.by_label.get("TITLE", [])}
        # spans per sentence, so each sentence looks only at its own
        self.sentence_of: dict[int, int] = {}
        self.by_sentence: dict[tuple[int, str], list[Span]] = {}
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = k
        for s in self.spans:
            self.by_sentence.setdefault((self.sentence_of.get(s.start, -1), s.label_), []).append(s)
        self.home: str | None = doc._.home_country  # decided once, by the linker
        self.dateline = doc._.dateline or None
        self.protagonist = self._protagonist()

    # -- document-level facts ----------------------------------------------------------------
    def _protagonist(self) -> str | None:
        scores: Counter[str] = Counter()
        for s in self.by_label.get("PERSON", []):
            pid = s.kb_id_
            info = self.roles.get(pid, {})
            if not (info.get("role") or info.get("country")):
                continue
            if self._excluded(s.start, s.sent):
                continue
            scores[pid] += 1.0
            if s.root.dep_ in ("nsubj", "nsubj:pass") or any(t.dep_ in ("nsubj", "nsubj:pass") for t in s):
                scores[pid] += 1.0
            if info.get("country") == self.home:
                scores[pid] += 1.0
        if not scores:
            return None
        first_pos = {s.kb_id_: s.start for s in reversed(self.by_label.get("PERSON", []))}
        return max(scores, key=lambda p: (scores[p], -first_pos.get(p, 0)))

    # -- per-sentence analysis ------------------------------------------------------------------
    def _is_boilerplate(self, sent: Span) -> bool:
        text = sent.text.strip()
        if not text:
            return True
        if BOILERPLATE.match(text):
            return True
        # headings: a short line of its own without sentence punctuation
        doc_text = self.text
        line_start = doc_text.rfind("\n", 0, sent.start_char) + 1
        line_end = doc_text.find("\n", sent.start_char)
        line = doc_text[line_start : line_end if line_end != -1 else len(doc_text)].strip()
        if line and len(line) < 200 and line.rstrip("*# ")[-1:] not in ".!?»\"…" and sent.end_char <= (line_end if line_end != -1 else len(doc_text)) + 1:
            return True
        return text.startswith("#")

    def _excluded(self, i: int, sent: Span, *, genitive: bool = True) -> bool:
        """Is token ``i`` in a zone whose people are not participants?"""
        doc = self.doc
        start = max(sent.start, i - 25)
        window = doc[start:i]
        text = window.text
        for m in EXCLUSION_CUES.finditer(text):
            cue_end_char = window.start_char + m.end()
            between = doc.char_span(cue_end_char, doc[i].idx, alignment_mode="expand")
            if between is None:
                return True
            # the zone ends at a finite verb or at a sentence-level break
            if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in between):
                continue
            if any(t.text in (";", ":") for t in between):
                continue
            return True
        if not genitive:
            return False
        # a genitive complement of a non-meeting noun: "les attentes de SM le Roi", "le message du président"
        k = i - 1
        while k >= sent.start and (doc[k].lower_ in ("le", "la", "les", "l'", "son", "sa", "m.", "mme", "sm", "s.e.", "sa", "majesté", "excellence", "monsieur", "madame", "roi") or doc[k].text in ("M.",)):
            k -= 1
        if k >= sent.start and doc[k].lower_ in ("de", "du", "des", "d'") and k - 1 >= sent.start:
            head = doc[k - 1]
            if head.pos_ == "NOUN" and head.lower_ not in TRIGGER_NOUNS and head.lower_ not in ("part", "côté", "visite", "homologue", "délégation"):
                return True
        return False

    def _in(self, sent: Span, label: str) -> list[Span]:
        """The spans of ``label`` that start in ``sent``."""
        return self.by_sentence.get((self.sentence_of.get(sent.start, -1), label), [])

    def _officials(self, sent: Span) -> list[Official]:
        out: list[Official] = []
        seen_person_spans = set()
        for s in self._in(sent, "PERSON"):
            if s.start < sent.start or s.end > sent.end:
                continue
            pid = s.kb_id_
            info = self.roles.get(pid, {})
            weak = not (info.get("role") or info.get("country") or info.get("class"))
            if self._excluded(s.start, sent):
                continue
            ent = self.entities.get(pid, {})
            out.append(
                Official(pid, pid, ent.get("name") or s.text, info.get("role"), info.get("country"), info.get("class"), s.start, s.end, [s], weak=weak)
            )
            seen_person_spans.add((s.start, s.end))
        for t in self._in(sent, "TITLE"):
            if t.start < sent.start or t.end > sent.end:
                continue
            info = t._.info or {}
            person = info.get("person")
            if person:
                # a title that refers back to a named person ("le chef de la diplomatie algérienne")
                adjacent = any(abs(s.start - t.end) <= 3 or abs(t.start - s.end) <= 2 for s in self._in(sent, "PERSON") if s.kb_id_ == person)
                if adjacent or self._excluded(t.start, sent):
                    continue
                pinfo = self.roles.get(person, {})
                ent = self.entities.get(person, {})
                out.append(Official(person, person, ent.get("name"), pinfo.get("role"), pinfo.get("country"), pinfo.get("class"), t.start, t.end, [t]))
                continue
            if self._excluded(t.start, sent):
                continue
            codes = list(info.get("countries") or [])
            for b in info.get("bodies") or []:
                code = self._body_code(b)
                if code:
                    codes.append(code)
            cls = info.get("class")
            if cls == "generic" and not codes:
                continue
            if not codes and cls in ("minister", "head_of_state", "prime_minister", "secretary", "director", "adviser", "parliament"):
                # an unmarked title without a name: the subject resolution decides who it is
                continue
            if not codes:
                continue
            role = info.get("role") if cls != "generic" else None
            for code in dict.fromkeys(codes):
                key = f"unnamed:{code}:{(role or cls or '').lower()}"
                out.append(Official(key, None, None, role, code, cls, t.start, t.end, [t], unnamed=True))
        out.sort(key=lambda o: o.start)
        return out

    def _body_code(self, body_id: str) -> str | None:
        rec = self.kb.get(body_id)
        return rec.participant_code() if isinstance(rec, BodyRecord) else None

    def _triggers(self, sent: Span) -> list[tuple[Token, str]]:
        out = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.morph.get("VerbForm") == ["Part"]):
                if lemma in RECEIVE_VERBS or low.startswith(("reçu", "reçoi", "accueill")):
                    out.append((tok, "receive"))
                    continue
                if lemma in ("entretenir", "s'entretenir") or low.startswith("entretenu"):
                    if any(t.lower_ in ("s'", "se", "s’") for t in sent.doc[max(sent.start, tok.i - 5) : tok.i]):
                        out.append((tok, "meet"))
                    continue
                if lemma in ("réunir", "retrouver") and any(t.lower_ in ("se", "s'") for t in sent.doc[max(sent.start, tok.i - 3) : tok.i]):
                    out.append((tok, "multilateral"))
                    continue
                if lemma in ("réunir", "rassembler"):
                    out.append((tok, "join"))
                    continue
                if lemma in ("coprésider", "co-présider") or low.startswith(("coprésid", "co-présid")):
                    out.append((tok, "multilateral"))
                    continue
                if lemma == "rencontrer" and not any(t.lower_ in ("se", "s'") for t in sent.doc[max(sent.start, tok.i - 2) : tok.i]):
                    out.append((tok, "meet"))
                    continue
                if lemma in ("échanger", "discuter", "converser") and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "avec":
                    out.append((tok, "meet"))
                    continue
                if lemma in ("téléphoner", "appeler") and tok.i + 1 < sent.end:
                    nxt = sent.doc[tok.i + 1]
                    # "a appelé son homologue", "s'est entretenu au téléphone"; not "appelé à remplacer"
                    if nxt.lower_ not in ("à", "au", "aux", "par", "les", "des") and (
                        CALL_CUES.search(sent.text) or nxt.lower_ in ("son", "sa", "ses", "le", "la", "l'", "m.", "mme")
                    ):
                        out.append((tok, "call"))
                    continue
                if lemma == "rendre" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "visite":
                    out.append((tok, "visit"))
                    continue
                if lemma == "participer" or (lemma == "prendre" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "part"):
                    out.append((tok, "join"))
                    continue
            if low in TRIGGER_NOUNS and tok.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
                if low in ("échange", "appel", "conversation") and not self._followed_by(tok, sent, ("avec", "téléphonique", "de")):
                    continue
                if low == "séance" and not self._followed_by(tok, sent, ("de",)):
                    continue
                if not self._noun_has_partner(tok, sent):
                    continue
                out.append((tok, "noun"))
        return out

    def _noun_has_partner(self, noun: Token, sent: Span) -> bool:
        """A meeting noun opens a meeting only with its partners: "l'entretien avec X", "la
        rencontre entre X et Y", "la rencontre de X avec Y", or as what officials "ont eu"/"ont tenu"."""
        doc = self.doc
        for t in doc[noun.i + 1 : sent.end]:
            if t.lower_ in ("avec", "entre") and not any(x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm") for x in doc[noun.i + 1 : t.i]):
                return True
            if t.text in (".", ";"):
                break
        head = noun.head
        if noun.dep_ in ("obj", "nsubj:pass") and head.lemma_ in ("avoir", "tenir", "mener", "accorder", "organiser", "présider", "coprésider", "entamer", "poursuivre"):
            return True
        if noun.i + 1 < sent.end and doc[noun.i + 1].lower_ in ("téléphonique", "bilatéral", "bilatérale", "tripartite", "quadripartite") and head.lemma_ in ("avoir", "tenir"):
            return True
        return False

    def _plural_object(self, sent: Span, trigger: Token) -> bool:
        doc = self.doc
        for t in doc[trigger.i + 1 : min(sent.end, trigger.i + 25)]:
            if t.lower_ in ("plusieurs", "ses", "leurs", "les", "des") and t.i + 1 < sent.end:
                nxt = doc[t.i + 1]
                if nxt.lower_ in ("homologues", "diplomates", "ministres", "ambassadeurs", "responsables", "délégations", "représentants", "chefs", "dirigeants") or (
                    t.lower_ == "plusieurs"
                ):
                    return True
        return False

    @staticmethod
    def _followed_by(tok: Token, sent: Span, words: tuple[str, ...]) -> bool:
        doc = tok.doc
        for k in range(tok.i + 1, min(sent.end, tok.i + 4)):
            if doc[k].lower_ in words:
                return True
        return False

    def _status(self, sent: Span, trigger: Token) -> str | None:
        """held / planned / cancelled for a trigger, None when negated."""
        doc = self.doc
        window = doc[max(sent.start, trigger.i - 8) : min(sent.end, trigger.i + 4)].text
        if any(t.lower_ in ("pas", "jamais") for t in doc[max(sent.start, trigger.i - 3) : trigger.i + 2]) and any(
            t.lower_ in ("n'", "ne") for t in doc[max(sent.start, trigger.i - 4) : trigger.i]
        ):
            return None
        if CANCELLED_CUES.search(sent.text):
            return "cancelled"
        morph_tokens = [trigger] + [c for c in trigger.children if c.dep_.startswith("aux")]
        head = trigger.head
        if head is not trigger and head.pos_ in ("VERB", "AUX"):
            morph_tokens.append(head)
            morph_tokens.extend(c for c in head.children if c.dep_.startswith("aux"))
        for t in morph_tokens:
            if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") or _future_form(t):
                return "planned"
        for t in doc[sent.start : trigger.i]:
            if t.pos_ in ("VERB", "AUX") and ("Cnd" in t.morph.get("Mood") or "Fut" in t.morph.get("Tense")) and not any(
                x.text in (".", ";", "»") for x in doc[t.i : trigger.i]
            ):
                return "planned"
        if trigger.morph.get("VerbForm") == ["Inf"] and head.lemma_ in ("devoir", "aller", "prévoir", "compter", "convenir", "décider", "envisager", "souhaiter", "proposer", "espérer", "vouloir"):
            return "planned"
        if PLANNED_CUES.search(window):
            return "planned"
        return "held"

    def _background(self, sent: Span, trigger: Token) -> bool:
        if BACKGROUND_CUES.search(sent.text):
            return True
        aux = [c for c in trigger.children if c.dep_.startswith("aux")]
        if any("Imp" in a.morph.get("Tense") for a in aux):
            return True
        for d in self._in(sent, "DATE"):
            if (d._.info or {}).get("kind") == "month" and abs(d.start - trigger.i) < 15:
                return True
        years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", sent.text)]
        if self.published and years and all(y < self.published.year for y in years) and not any(
            (d._.info or {}).get("kind") in ("absolute", "weekday") for d in self._in(sent, "DATE")
        ):
            return True
        return False

    def _subject(self, sent: Span, trigger: Token, officials: list[Official], current: Draft | None) -> Official | None:
        """The official before the trigger (the subject side), resolving pronouns and bare titles."""
        before = [o for o in officials if o.end <= trigger.i]
        if before:
            return before[-1]
        doc = self.doc
        subj_tokens = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subj_tokens:
            aux_head = trigger.head if trigger.dep_ in ("xcomp",) else None
            if aux_head is not None:
                subj_tokens = [c for c in aux_head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        anaphoric = False
        for s in subj_tokens:
            if s.lower_ in PRONOUN_SUBJECTS or s.lemma_.lower() in GENERIC_SUBJECT_TITLES:
                anaphoric = True
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is not None and first.lower_ in PRONOUN_SUBJECTS:
            anaphoric = True
        if not anaphoric:
            for t in doc[sent.start : trigger.i]:
                if t.lower_ in PRONOUN_SUBJECTS or (t.lemma_.lower() in GENERIC_SUBJECT_TITLES and t.dep_ in ("nsubj", "nsubj:pass")):
                    anaphoric = True
                    break
        if not anaphoric:
            return None
        pid = None
        if current is not None and current.host:
            pid = current.host if not current.host.startswith("unnamed:") else None
        pid = pid or self.protagonist
        if pid is None:
            return None
        return self._official_for(pid, trigger.i, trigger.i + 1)

    def _official_for(self, pid: str, start: int, end: int) -> Official:
        info = self.roles.get(pid, {})
        ent = self.entities.get(pid, {})
        return Official(pid, pid, ent.get("name"), info.get("role"), info.get("country"), info.get("class"), start, end, [])

    # -- assembly -------------------------------------------------------------------------
    def run(self) -> list[dict[str, Any]]:
        drafts: list[Draft] = []
        current: Draft | None = None
        context_place: dict[str, Any] | None = None
        context_date: tuple[Span | None, dt.date | None] = (None, None)
        previous_date: dt.date | None = None
        for sent in self.doc.sents:
            if self._is_boilerplate(sent):
                continue
            officials = self._officials(sent)
            triggers = self._triggers(sent)
            used = False
            for trigger, ttype in triggers:
                status = self._status(sent, trigger)
                if status is None or self._background(sent, trigger):
                    continue
                draft = self._draft_from_trigger(sent, trigger, ttype, officials, current, status)
                if draft is None:
                    continue
                if len(draft.participants) < 2 and (status != "held" or draft.series):
                    # a plan without its own participants, or a series of audiences: context only
                    span, value = self._date_for(sent, trigger, previous_date)
                    if value is not None:
                        context_date = (span, value)
                    place = self._explicit_place(sent, trigger)
                    if place is not None:
                        context_place = place
                    continue
                target = self._merge_target(draft, current, drafts, sent)
                if target is not None:
                    self._merge(target, draft, sent)
                else:
                    drafts.append(draft)
                if status == "held":
                    current = target or draft
                    used = True
                    self._finish_slots(current, sent, trigger, previous_date, context_place, context_date)
                    if current.date is not None:
                        previous_date = current.date
                    if current.location is not None:
                        context_place = current.location
                else:
                    self._finish_slots(target or draft, sent, trigger, previous_date, None, (None, None))
                break
            if not used and current is not None and self._continues(sent, current, officials):
                self._add_participants_from_join(current, sent, officials, triggers)
                if sent not in current.sentences:
                    current.sentences.append(sent)
        return [self._finalise(d) for d in drafts if self._valid(d)]

    def _draft_from_trigger(
        self, sent: Span, trigger: Token, ttype: str, officials: list[Official], current: Draft | None, status: str
    ) -> Draft | None:
        doc = self.doc
        draft = Draft(status=status, opening=sent)
        draft.sentences.append(sent)
        participants: list[Official] = []
        subject = self._subject(sent, trigger, officials, current)
        after = [o for o in officials if o.start >= trigger.i]
        if ttype == "receive":
            passive = any(c.dep_ in ("aux:pass",) for c in trigger.children) or any(
                t.lower_ == "été" for t in doc[max(sent.start, trigger.i - 2) : trigger.i]
            )
            if passive:
                agents = [o for o in after if any(doc[k].lower_ == "par" for k in range(max(sent.start, o.start - 8), o.start))]
                host = agents[0] if agents else (after[0] if after else None)
                guest = subject
                if host is None or guest is None:
                    return None
                participants = [guest, host]
                draft.host = host.key
                draft.explicit_host = True
            else:
                if subject is None:
                    return None
                if not after:
                    if not self._plural_object(sent, trigger):
                        return None
                    # "a accueilli ses homologues …", "a reçu plusieurs diplomates": who comes next
                    draft.host = subject.key
                    draft.explicit_host = True
                    draft.participants[subject.key] = subject
                    draft.multilateral = bool(re.search(r"session|conférence|réunion|sommet|travaux|forum|tripartite", sent.text, re.I))
                    draft.series = not draft.multilateral
                    return draft
                participants = [subject] + self._object_group(after, sent)
                draft.host = subject.key
                draft.explicit_host = True
            draft.strength = 0.9
        elif ttype == "visit":
            if subject is None or not after:
                return None
            participants = [subject, after[0]]
            draft.host = after[0].key
            draft.explicit_host = True
            draft.strength = 0.8
        elif ttype in ("meet", "call"):
            if subject is None:
                before = [o for o in officials if o.end <= trigger.i]
                if len(before) >= 2:
                    participants = before
                else:
                    return None
            else:
                objects = self._object_group(after, sent)
                if not objects:
                    coordinated = [o for o in officials if o.end <= trigger.i and o.key != subject.key]
                    if not coordinated:
                        return None
                    objects = coordinated
                participants = [subject] + objects
            draft.strength = 0.85
        elif ttype == "multilateral":
            participants = [o for o in officials]
            if subject is not None and subject.key not in {p.key for p in participants}:
                participants.insert(0, subject)
            draft.multilateral = True
            draft.strength = 0.8
            if len(participants) < 2:
                draft.participants = {p.key: p for p in participants}
                return draft if current is None or not current.multilateral or current.status != status else None
        elif ttype == "join":
            # "Ont pris part aux travaux X, Y et Z": a multilateral session described by its attendance
            if current is not None and current.multilateral:
                return None
            if len([o for o in officials if not o.weak]) < 2:
                return None
            participants = list(officials)
            draft.multilateral = True
            draft.strength = 0.7
        else:  # a trigger noun: "l'entretien avec X", "la rencontre entre X et Y", "a eu un entretien avec X"
            if trigger.lower_ in MULTILATERAL_NOUNS and re.search(r"tripartite|quadripartite|multilatéra|ministres", sent.text, re.I):
                draft.multilateral = True
            nearby = list(officials)
            if subject is not None and subject.key not in {o.key for o in nearby}:
                nearby.insert(0, subject)
            has_partner_prep = self._followed_by(trigger, sent, ("avec", "entre", "de", "téléphonique"))
            if len(nearby) >= 2:
                participants = nearby
            elif len(nearby) == 1 and has_partner_prep:
                partner = nearby[0]
                other = subject if subject is not None and subject.key != partner.key else None
                if other is None and self.protagonist and self.protagonist != partner.key:
                    other = self._official_for(self.protagonist, trigger.i, trigger.i + 1)
                if other is None:
                    return None
                participants = [other, partner]
            elif draft.multilateral:
                draft.participants = {p.key: p for p in nearby}
                return draft if (current is None or not current.multilateral) else None
            else:
                return None
            draft.strength = 0.75
        partner_noun = ttype == "noun" and self._followed_by(trigger, sent, ("avec",))
        for p in participants:
            after_avec = p.start > 0 and doc[p.start - 1].lower_ == "avec"
            possessor = partner_noun and subject is not None and p.key == subject.key
            if p.weak and not (after_avec or possessor):
                # a person the text gives no office joins only as the partner named after "avec"
                continue
            if p.key not in draft.participants:
                draft.participants[p.key] = p
        if len(draft.participants) < 2 and not draft.multilateral:
            return None
        return draft

    def _object_group(self, after: list[Official], sent: Span) -> list[Official]:
        """The officials right after a verb: the first, and those coordinated with it."""
        if not after:
            return []
        group = [after[0]]
        doc = self.doc
        for o in after[1:]:
            between = doc[group[-1].end : o.start]
            words = [t.lower_ for t in between if not t.is_punct]
            # "ses homologues espagnol et portugais", "X et Y", "X, puis Y"
            if len(between) <= 14 and ("et" in words[:3] or not words) and not any(t.pos_ in ("VERB", "AUX") for t in between):
                group.append(o)
            else:
                break
        return group

    def _merge_target(self, draft: Draft, current: Draft | None, drafts: list[Draft], sent: Span) -> Draft | None:
        keys = draft.keys()
        split = bool(SPLIT_CUES.search(sent.text))
        if (
            current is not None
            and current.multilateral
            and current.status == draft.status
            and not split
            and (len(current.participants) < 2 or any(p.unnamed for p in current.participants.values()))
            and current.keys() & keys | (set() if current.participants else keys)
        ):
            return current
        for d in reversed(drafts):
            if d.status != draft.status:
                continue
            dkeys = d.keys()
            same = keys == dkeys or (keys <= dkeys and not split and not (d.multilateral and len(keys) < len(dkeys)))
            if draft.multilateral and d is current and d.multilateral and not split:
                same = True
            if not same and d is current:
                # an unnamed participant that the new draft names ("son homologue serbe" → "Ivica Dačić")
                same = self._compatible(draft, d)
            if same:
                if draft.date is not None and d.date is not None and draft.date != d.date:
                    continue
                return d
        return None

    def _compatible(self, a: Draft, b: Draft) -> bool:
        named_a = {k for k in a.participants if not k.startswith("unnamed:")}
        named_b = {k for k in b.participants if not k.startswith("unnamed:")}
        if not named_a & named_b:
            return False
        rest_a = [a.participants[k] for k in a.participants if k not in named_b]
        rest_b = [b.participants[k] for k in b.participants if k not in named_a]
        if not rest_a or not rest_b:
            return False
        for x in rest_a:
            if not any(x.unnamed or y.unnamed for y in rest_b):
                return False
            if not any((x.country and y.country and x.country == y.country) or (x.unnamed and not y.country) or (y.unnamed and not x.country) for y in rest_b):
                return False
        return True

    def _merge(self, target: Draft, draft: Draft, sent: Span) -> None:
        for key, p in draft.participants.items():
            self._add_participant(target, p)
        if draft.host and not target.explicit_host:
            target.host = draft.host
            target.explicit_host = draft.explicit_host
        target.strength = max(target.strength, draft.strength)
        if sent not in target.sentences:
            target.sentences.append(sent)

    def _add_participant(self, target: Draft, p: Official) -> None:
        if p.key in target.participants:
            target.participants[p.key].spans.extend(p.spans)
            return
        if not p.unnamed:
            # a named official replaces an unnamed one of the same country ("ses homologues espagnol et portugais")
            for key, q in list(target.participants.items()):
                if q.unnamed and q.country and (q.country == p.country or p.country is None):
                    del target.participants[key]
                    if target.host == key:
                        target.host = p.key
                    if p.country is None:
                        p.country = q.country
                    if p.role is None and q.role:
                        p.role = q.role
                    break
        else:
            for q in target.participants.values():
                if not q.unnamed and q.country == p.country:
                    return
                if not q.unnamed and q.country is None and p.country and q.key != self.protagonist:
                    q.country = p.country
                    return
        target.participants[p.key] = p

    def _continues(self, sent: Span, current: Draft, officials: list[Official]) -> bool:
        if SENTENCE_START_ANAPHORS.search(sent.text) or PLURAL_ANAPHORS.search(sent.text):
            return True
        if re.search(r"pris part|participé|a rassemblé|ont coprésidé|a réuni", sent.text, re.I) and officials:
            return True
        keys = current.keys()
        if any(o.key in keys for o in officials):
            return True
        # "Il a aussi rappelé…", "Elle a plaidé…": a pronoun subject goes on with the current meeting
        return any(t.lower_ in ("il", "elle", "ils", "elles") and t.dep_.startswith("nsubj") for t in sent)

    def _add_participants_from_join(self, current: Draft, sent: Span, officials: list[Official], triggers: list[tuple[Token, str]]) -> None:
        explicit = re.search(r"coprésid|co-présid|pris part|pris part|participé|outre|a rassemblé|a réuni|ont réuni", sent.text, re.I)
        if not explicit and not (current.multilateral and any(t in ("join", "multilateral") for _, t in triggers)):
            return
        for o in officials:
            if not o.weak:
                self._add_participant(current, o)

    # -- slots ----------------------------------------------------------------------------------
    def _finish_slots(
        self,
        draft: Draft,
        sent: Span,
        trigger: Token,
        previous_date: dt.date | None,
        context_place: dict[str, Any] | None,
        context_date: tuple[Span | None, dt.date | None] = (None, None),
    ) -> None:
        if draft.kind is None:
            window = self.doc[max(sent.start, trigger.i - 12) : min(sent.end, trigger.i + 12)].text
            if CALL_CUES.search(window):
                draft.kind = "call"
            elif VIDEO_CUES.search(window):
                draft.kind = "video"
        if draft.date is None and draft.date_span is None:
            span, value = self._date_for(sent, trigger, previous_date)
            if span is not None:
                draft.date_span, draft.date = span, value
            elif context_date[1] is not None and CONTEXT_CONNECTORS.search(sent.text):
                draft.date_span, draft.date = context_date
        if draft.location is None and draft.kind not in ("call", "video"):
            place = self._explicit_place(sent, trigger)
            if place is None and context_place is not None and (CONTEXT_CONNECTORS.search(sent.text) or VENUE_CUES.search(sent.text)):
                place = context_place
            if place is None and self.dateline and VENUE_CUES.search(sent.text):
                place = {"name": self.dateline.get("city"), "country": self.dateline.get("country"), "mention": None}
            draft.location = place

    def _date_for(self, sent: Span, trigger: Token, previous: dt.date | None) -> tuple[Span | None, dt.date | None]:
        best = None
        for d in self._in(sent, "DATE"):
            info = d._.info or {}
            if info.get("kind") == "month" or self._header_date(d):
                continue
            dist = abs(d.start - trigger.i)
            if best is None or dist < best[0]:
                best = (dist, d, info)
        if best is None:
            return None, None
        _, span, info = best
        expr = DateExpression(info["start_char"], info["end_char"], self.text[info["start_char"] : info["end_char"]], info["kind"])
        value = resolve_date(expr, self.published, previous=previous)
        return span, value

    def _header_date(self, d: Span) -> bool:
        """A date alone on its line or in the dateline is the release's date, not the meeting's."""
        text = self.text
        line_start = text.rfind("\n", 0, d.start_char) + 1
        line_end = text.find("\n", d.end_char)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        if len(line.strip()) <= len(d.text) + 25 and not re.search(r"[a-zé]{4,}\s+(?:a|ont|s'est)\b", line):
            return True
        dl = self.dateline
        if dl and d.start_char < dl.get("end", 0) + 40 and d.start_char - line_start < 60 and re.search(r"\([A-Z]{2,6}\)\s*[-–—]", line[: d.end_char - line_start + 20]):
            return True
        return False

    def _explicit_place(self, sent: Span, trigger: Token) -> dict[str, Any] | None:
        best = None
        for p in self._in(sent, "PLACE"):
            if self.dateline and p.start_char == self.dateline.get("start"):
                continue
            prev = self.doc[p.start - 1].lower_ if p.start > 0 else ""
            prev2 = self.doc[p.start - 2].lower_ if p.start > 1 else ""
            if prev not in ("à", "au", "aux", "de", "d'") and not (prev == "," and prev2 in ("unies", "onu", ")")):
                if prev not in (",",):
                    continue
            if prev in ("de", "d'") and not (p.start > 1 and self.doc[p.start - 2].lower_ in ("palais", "siège", "capitale", "ville")):
                continue
            if self._excluded_place(p):
                continue
            dist = abs(p.start - trigger.i)
            if best is None or dist < best[0]:
                best = (dist, p)
        if best is None:
            return None
        p = best[1]
        info = p._.info or {}
        return {"name": info.get("name") or p.text, "country": info.get("country"), "mention": mention(self.doc, p.start_char, p.end_char, self.omap)}

    def _excluded_place(self, p: Span) -> bool:
        # "l'ambassadeur d'Italie à Rabat": a place inside a title is not where the meeting was
        for t in self.by_label.get("TITLE", []):
            if t.start <= p.start < t.end:
                return True
        return False

    # -- output -----------------------------------------------------------------------------------
    def _valid(self, d: Draft) -> bool:
        people = list(d.participants.values())
        return len(people) >= 2 and any(not p.weak for p in people)

    def _finalise(self, d: Draft) -> dict[str, Any]:
        participants = list(d.participants.values())
        self._fill_roles(participants)
        self._fill_countries(d, participants)
        if d.kind is None:
            for s in d.sentences[1:]:
                if CALL_CUES.search(s.text) and re.search(r"entretien|appel|conversation", s.text, re.I):
                    d.kind = "call"
                elif VIDEO_CUES.search(s.text):
                    d.kind = "video"
        kind = d.kind or "in_person"
        location = d.location if kind == "in_person" else None
        host = d.host if kind == "in_person" else None
        if kind == "in_person" and host is None and location and location.get("country"):
            at_home = [p for p in participants if p.country == location.get("country")]
            if len(at_home) == 1 and len(participants) >= 2:
                host = at_home[0].key
        if host is None and kind == "in_person":
            host = self._visit_host(d, participants)
        evidence = [mention(self.doc, s.start_char, s.end_char, self.omap) for s in sorted(d.sentences, key=lambda s: s.start)]
        topics, bodies, agreements = self._content(d)
        host_p = next((p for p in participants if p.key == host), None)
        confidence = d.strength
        if any(p.unnamed for p in participants):
            confidence -= 0.1
        if d.status != "held":
            confidence -= 0.1
        date_expr = None
        if d.date_span is not None:
            info = d.date_span._.info or {}
            date_expr = mention(self.doc, info.get("start_char", d.date_span.start_char), info.get("end_char", d.date_span.end_char), self.omap)
        return {
            "participants": [self._participant(p) for p in participants],
            "host": self._participant(host_p) if host_p else None,
            "kind": kind,
            "status": d.status,
            "date": d.date.isoformat() if d.date else None,
            "date_expression": date_expr,
            "location": {"name": location["name"], "country": location.get("country"), "mention": location.get("mention")} if location and location.get("name") else None,
            "topics": topics,
            "bodies": bodies,
            "agreements": agreements,
            "evidence": evidence,
            "confidence": round(max(0.05, min(1.0, confidence)), 2),
        }

    def _visited_country(self, d: Draft) -> str | None:
        for s in d.sentences[:2]:
            m = re.search(r"\bvisite\b[^.;]{0,40}?\b(?:au|en|aux)\s+([A-ZÀ-Ý][\w\-']+)", s.text)
            if not m:
                continue
            if m.group(1) == "Royaume":
                return self.home
            for c in self.by_label.get("COUNTRY", []):
                if s.start_char + m.start(1) <= c.start_char < s.start_char + m.end(1) + 20 and c.kb_id_.startswith("country:"):
                    return c.kb_id_.split(":", 1)[1]
        return None

    def _visit_host(self, d: Draft, participants: list[Official]) -> str | None:
        for s in d.sentences[:2]:
            m = re.search(r"en visite[^.;]{0,40}?\b(?:au|en|aux|à)\s+([A-ZÀ-Ý][\w\-']+(?:\s[A-ZÀ-Ý][\w\-']+)?)", s.text)
            if not m:
                continue
            visited = None
            for c in self.by_label.get("COUNTRY", []):
                if s.start_char + m.start(1) <= c.start_char < s.start_char + m.end(1) and c.kb_id_.startswith("country:"):
                    visited = c.kb_id_.split(":", 1)[1]
            if m.group(1).lower() in ("royaume",) and self.home:
                visited = self.home
            if visited:
                at_home = [p for p in participants if p.country == visited]
                if len(at_home) == 1:
                    return at_home[0].key
        return None

    def _fill_roles(self, participants: list[Official]) -> None:
        """"son homologue serbe": a counterpart holds the same office, in the other country."""
        for p in participants:
            if p.role:
                continue
            others = [q for q in participants if q is not p and q.role and q.cls != "generic"]
            if others and (p.cls == "generic" or any((t._.info or {}).get("class") == "generic" for t in p.spans)):
                p.role = others[0].role

    def _fill_countries(self, d: Draft, participants: list[Official]) -> None:
        missing = [p for p in participants if not p.country]
        if not missing:
            return
        present = {p.country for p in participants if p.country}
        visited = self._visited_country(d)
        if visited and d.host and visited not in present:
            host = d.participants.get(d.host)
            if host is not None and not host.country:
                host.country = visited
                present.add(visited)
                missing = [p for p in participants if not p.country]
        # an unmarked title belongs to the article's country; otherwise to the next country the
        # article talks about that no other participant holds (a guest is not from the place visited)
        ranking = [self.home] if self.home else []
        ranking += [c for c in (self.doc._.country_ranking or []) if c not in ranking]
        place_country = (d.location or {}).get("country")
        for p in missing:
            is_guest = d.host is not None and d.host != p.key
            for code in ranking:
                if code in present or (is_guest and code == place_country and code != self.home):
                    continue
                p.country = code
                present.add(code)
                break
            else:
                if place_country and place_country not in present and not is_guest:
                    p.country = place_country
                    present.add(place_country)

    def _participant(self, p: Official) -> dict[str, Any]:
        mentions = []
        seen = set()
        for s in p.spans:
            key = (s.start_char, s.end_char)
            if key not in seen:
                seen.add(key)
                mentions.append(mention(self.doc, s.start_char, s.end_char, self.omap))
        return {"name": p.name, "role": p.role, "country": p.country, "id": p.person_id, "mentions": mentions}

    def _content(self, d: Draft) -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
        title_ranges = [(t.start_char, t.end_char) for t in self.by_label.get("TITLE", [])]
        keys = d.keys()
        own_spans = {(sp.start, sp.end) for p in d.participants.values() for sp in p.spans}
        participant_titles = [
            t for t in self.by_label.get("TITLE", []) if self.title_person.get((t.start, t.end)) in keys or (t.start, t.end) in own_spans
        ]
        dateline_end = (self.dateline or {}).get("end", -1)
        topics: list[str] = []
        bodies: dict[str, dict[str, Any]] = {}
        agreements: dict[str, dict[str, Any]] = {}
        for s in sorted(d.sentences, key=lambda s: s.start):
            text = s.text
            masked = list(text)
            for a, b in title_ranges:
                if a >= s.start_char and b <= s.end_char:
                    for k in range(a - s.start_char, b - s.start_char):
                        masked[k] = " "
            for key in self.topics.topics("".join(masked)):
                if key not in topics:
                    topics.append(key)
            for b in self._in(s, "BODY"):
                if any(t.start <= b.start and b.end <= t.end for t in participant_titles):
                    continue
                if b.start_char < dateline_end or self._attribution(b, s) or self._excluded(b.start, s, genitive=False):
                    continue
                ent = self.entities.get(b.kb_id_)
                if ent:
                    bodies.setdefault(ent["id"], _ref(ent))
            for a in self._in(s, "AGREEMENT"):
                ent = self.entities.get(a.kb_id_)
                if ent:
                    agreements.setdefault(ent["id"], _ref(ent))
        return topics, list(bodies.values()), list(agreements.values())

    def _attribution(self, b: Span, sent: Span) -> bool:
        before = self.doc[max(sent.start, b.start - 4) : b.start].text.lower()
        return bool(re.search(r"communiqué (?:du|de la|de l'|des)|selon (?:le|la|l')|source", before))


_FUTURE_STEMS = {
    "recevoir": "recevr", "tenir": "tiendr", "entretenir": "entretiendr", "avoir": "aur", "être": "ser",
    "devoir": "devr", "aller": "ir", "venir": "viendr", "faire": "fer", "revenir": "reviendr",
}
_FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")


def _future_form(token: Token) -> bool:
    """Future or conditional by its form ("rencontrerait", "recevra"), when the tagger misses it."""
    lemma = token.lemma_.lower()
    stem = _FUTURE_STEMS.get(lemma)
    if stem is None:
        if lemma.endswith(("er", "ir")):
            stem = lemma
        elif lemma.endswith("re"):
            stem = lemma[:-1]
        else:
            return False
    text = token.lower_
    return text.startswith(stem) and text[len(stem) :] in _FUTURE_ENDINGS


def _ref(entity: dict[str, Any]) -> dict[str, Any]:
    return {"id": entity["id"], "name": entity["name"], "acronym": entity.get("acronym"), "aliases": list(entity.get("aliases") or [])}
