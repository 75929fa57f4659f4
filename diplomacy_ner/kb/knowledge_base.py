"""The knowledge base: records by id and by kind, dated roles, and the alias index.

:meth:`KnowledgeBase.default` holds the records shipped in
``diplomacy_ner/resources/kb/*.jsonl``. :meth:`KnowledgeBase.from_files` adds a
user's own JSONL files on top: **a user record whose id is already shipped
replaces the shipped record** (aliases included), so a user can correct a
role or a name without editing the package. Within one set of user files an id
defined twice must carry identical data (``[D013]``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import cast

from ..errors import Errors
from .alias_index import AliasEntry, AliasIndex
from ..folding import fold
from .loader import KBPath, RecordCollector, load_many, load_resource_records
from .records import AgreementRecord, BodyRecord, CountryRecord, KBRecord, PersonRecord, RoleRecord

logger = logging.getLogger("diplomacy_ner")


def record_aliases(record: KBRecord) -> Iterator[AliasEntry]:
    """Every alias of a record, with the field it comes from. The canonical name is an alias too.

    record (KBRecord): A country, body, person or agreement record.
    YIELDS (AliasEntry): One entry per name, official name, alias, acronym,
        adjective, capital and prefix.
    """
    kind = record.kind

    def entry(alias: str, field: str) -> AliasEntry:
        return AliasEntry(alias=alias, entity_id=record.id, entity_type=kind, field=field)

    yield entry(record.name, "name")
    if isinstance(record, CountryRecord):
        yield from (entry(a, "official_name") for a in record.official_names)
        yield from (entry(a, "alias") for a in record.aliases)
        yield from (entry(a, "adjective") for a in record.adjectives)
        yield from (entry(a, "capital") for a in record.capitals)
        yield from (entry(a, "prefix") for a in record.prefixes)
    elif isinstance(record, BodyRecord):
        if record.acronym:
            yield entry(record.acronym, "acronym")
        yield from (entry(a, "alias") for a in record.aliases)
        yield from (entry(a, "adjective") for a in record.adjectives)
    elif isinstance(record, AgreementRecord):
        if record.acronym:
            yield entry(record.acronym, "acronym")
        yield from (entry(a, "alias") for a in record.aliases)
    else:
        yield from (entry(a, "alias") for a in record.aliases)


@lru_cache(maxsize=1)
def _default_records() -> tuple[KBRecord, ...]:
    return tuple(load_resource_records())


@lru_cache(maxsize=1)
def _default_alias_index() -> AliasIndex:
    index = AliasIndex()
    for record in _default_records():
        index.add_entries(record_aliases(record))
    return index


class KnowledgeBase:
    """Countries, bodies, people and agreements, by id and by kind, with an alias index.

    Records are immutable pydantic models; :meth:`add` replaces a record with
    the same id. The alias index is built on first use and kept in step with
    :meth:`add` and :meth:`add_alias`.

    records (Iterable[KBRecord]): The initial records; a later record replaces
        an earlier one with the same id.
    """

    def __init__(self, records: Iterable[KBRecord] = ()) -> None:
        self._records: dict[str, KBRecord] = {}
        self._by_kind: dict[str, dict[str, KBRecord]] = {
            "country": {},
            "body": {},
            "person": {},
            "agreement": {},
        }
        self._country_codes: dict[str, CountryRecord] = {}
        self.version = 0
        """Grows with every change of the records: a reader that built tables from them rebuilds."""
        self._alias_index: AliasIndex | None = None
        self._owns_index = True
        # True while the records are exactly the shipped ones: the index is then the shared cached one.
        self._shares_default_index = False
        for record in records:
            self._store(record)

    # -- construction ---------------------------------------------------------------------------

    @classmethod
    def default(cls) -> KnowledgeBase:
        """The knowledge base shipped with the package.

        The files are read once per process and the alias index is built once;
        each call returns a new object sharing them, so changing one (``add``)
        never changes another (the shared index is copied on first change).

        RETURNS (KnowledgeBase): The shipped records.
        """
        kb = cls(_default_records())
        kb._shares_default_index = True
        return kb

    @classmethod
    def from_files(cls, paths: Iterable[KBPath], *, include_default: bool = True) -> KnowledgeBase:
        """A knowledge base from JSONL files, on top of the shipped one by default.

        A record whose id is already shipped replaces the shipped record.

        paths (Iterable[KBPath]): The user's KB files (one record per line).
        include_default (bool): Start from the shipped records.
        RETURNS (KnowledgeBase): The combined knowledge base.
        """
        user_records = load_many(list(paths))
        kb = cls.default() if include_default else cls()
        overridden = [r.id for r in user_records if r.id in kb._records]
        if overridden:
            logger.info("user knowledge-base records override %d shipped ids", len(overridden))
        for record in user_records:
            kb.add(record)
        return kb

    # -- records --------------------------------------------------------------------------------

    def _store(self, record: KBRecord) -> KBRecord | None:
        previous = self._records.get(record.id)
        if previous is not None:
            del self._by_kind[previous.kind][previous.id]
            if isinstance(previous, CountryRecord) and self._country_codes.get(previous.code) is previous:
                del self._country_codes[previous.code]
        self._records[record.id] = record
        self.version += 1
        self._by_kind[record.kind][record.id] = record
        if isinstance(record, CountryRecord):
            self._country_codes[record.code] = record
        return previous

    def _writable_index(self) -> AliasIndex | None:
        """The index, copied first if it is shared; None (built later) when not built yet."""
        self._shares_default_index = False
        if self._alias_index is not None and not self._owns_index:
            self._alias_index = self._alias_index.copy()
            self._owns_index = True
        return self._alias_index

    def add(self, record: KBRecord) -> None:
        """Add a record; a record with the same id is replaced, aliases included.

        record (KBRecord): The record to add.
        """
        previous = self._store(record)
        index = self._writable_index()
        if index is not None:
            if previous is not None:
                index.remove_entity(previous.id)
            index.add_entries(record_aliases(record))

    def add_alias(self, entity_id: str, alias: str) -> None:
        """Add an alias to a record (the record is replaced by a copy with the alias).

        entity_id (str): The record id, e.g. "person:ivica-dacic".
        alias (str): The new alias.
        """
        if not isinstance(alias, str) or not alias.strip():
            raise ValueError(Errors.D007.format(name="alias", value=alias))
        record = self._records.get(entity_id)
        if record is None:
            raise KeyError(Errors.D008.format(entity_id=entity_id))
        if alias in record.aliases:
            return
        data = record.model_dump()
        data["aliases"] = (*record.aliases, alias)
        updated = cast(KBRecord, type(record).model_validate(data))
        self._store(updated)
        index = self._writable_index()
        if index is not None:
            index.add(alias, entity_id, record.kind, "alias")

    def get(self, entity_id: str) -> KBRecord | None:
        """The record with this id.

        entity_id (str): e.g. "country:MA", "body:ONU", "person:abdelouafi-laftit".
        RETURNS (KBRecord | None): The record, or None when the id is unknown.
        """
        return self._records.get(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._records

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[KBRecord]:
        return iter(self._records.values())

    @property
    def countries(self) -> list[CountryRecord]:
        """RETURNS (list[CountryRecord]): Every country and territory."""
        return cast(list[CountryRecord], list(self._by_kind["country"].values()))

    @property
    def bodies(self) -> list[BodyRecord]:
        """RETURNS (list[BodyRecord]): Every institution and mechanism."""
        return cast(list[BodyRecord], list(self._by_kind["body"].values()))

    @property
    def people(self) -> list[PersonRecord]:
        """RETURNS (list[PersonRecord]): Every known official."""
        return cast(list[PersonRecord], list(self._by_kind["person"].values()))

    @property
    def agreements(self) -> list[AgreementRecord]:
        """RETURNS (list[AgreementRecord]): Every named agreement."""
        return cast(list[AgreementRecord], list(self._by_kind["agreement"].values()))

    def country_by_code(self, code: str) -> CountryRecord | None:
        """The country with this ISO 3166-1 alpha-2 code.

        code (str): e.g. "MA" (case-insensitive).
        RETURNS (CountryRecord | None): The country, or None.
        """
        return self._country_codes.get(code.strip().upper())

    # -- people and roles -----------------------------------------------------------------------

    def person_role(self, person_id: str, day: dt.date | None = None) -> RoleRecord | None:
        """The role a person held on a day.

        person_id (str): The person's record id.
        day (date | None): The day; None means "now" (a role with no end date).
        RETURNS (RoleRecord | None): The role valid that day (the latest-starting
            one if several), or None (unknown person, or no role that day).
        """
        person = self._by_kind["person"].get(person_id)
        if not isinstance(person, PersonRecord):
            return None
        return person.role_on(day)

    def holders(self, title: str, country: str, day: dt.date | None = None) -> list[PersonRecord]:
        """The people holding an office on a day: "who was France's interior minister on 2024-04-22?".

        A role matches when its folded title starts with the folded ``title`` at
        a word boundary ("ministre de l'Intérieur" matches "ministre de
        l'Intérieur et des Outre-mer") and its country is ``country``.

        title (str): The office, e.g. "ministre de l'Intérieur".
        country (str): ISO code or body acronym, e.g. "FR", "ONU".
        day (date | None): The day; None means "now".
        RETURNS (list[PersonRecord]): The holders, sorted by id.
        """
        wanted = fold(title)
        code = country.strip()
        found = []
        for person in self.people:
            for role in person.roles:
                if role.country != code or not role.valid_on(day):
                    continue
                held = fold(role.title)
                if held == wanted or held.startswith(wanted + " ") or held.startswith(wanted + ","):
                    found.append(person)
                    break
        return sorted(found, key=lambda p: p.id)

    # -- aliases --------------------------------------------------------------------------------

    @property
    def alias_index(self) -> AliasIndex:
        """RETURNS (AliasIndex): The alias index over every record, built on first use."""
        if self._alias_index is None and self._shares_default_index:
            self._alias_index = _default_alias_index()
            self._owns_index = False
        if self._alias_index is None:
            index = AliasIndex()
            for record in self._records.values():
                index.add_entries(record_aliases(record))
            self._alias_index = index
            self._owns_index = True
        return self._alias_index

    # -- output ---------------------------------------------------------------------------------

    def user_records(self) -> list[KBRecord]:
        """The records that are not shipped as they are: added, or overriding a shipped record.

        RETURNS (list[KBRecord]): Those records, in insertion order.
        """
        shipped = {record.id: record for record in _default_records()}
        return [record for record in self._records.values() if shipped.get(record.id) != record]

    def user_records_to_jsonl(self, path: str | os.PathLike[str]) -> int:
        """Write only :meth:`user_records` (what a pipeline must save besides the shipped KB).

        Reading the file back with ``from_files([path], include_default=True)``
        gives the same knowledge base.

        path (str | PathLike): The output file.
        RETURNS (int): The number of records written.
        """
        return self._write_jsonl(path, self.user_records())

    def to_jsonl(self, path: str | os.PathLike[str], *, kinds: Iterable[str] | None = None) -> int:
        """Write the records as JSONL (UTF-8, ``ensure_ascii=False``), readable by :meth:`from_files`.

        path (str | PathLike): The output file.
        kinds (Iterable[str] | None): Only these kinds ("person"...); default all.
        RETURNS (int): The number of records written.
        """
        wanted = set(kinds) if kinds is not None else None
        records = [r for r in self._records.values() if wanted is None or r.kind in wanted]
        return self._write_jsonl(path, records)

    @staticmethod
    def _write_jsonl(path: str | os.PathLike[str], records: Iterable[KBRecord]) -> int:
        count = 0
        with Path(path).open("w", encoding="utf-8") as out:
            for record in records:
                out.write(_record_line(record))
                count += 1
        return count


def _record_line(record: KBRecord) -> str:
    data = {"kind": record.kind, **record.model_dump(mode="json", exclude_defaults=True)}
    return json.dumps(data, ensure_ascii=False) + "\n"


def user_records_bytes(kb: KnowledgeBase) -> bytes:
    """The records of ``kb`` that are not shipped (:meth:`KnowledgeBase.user_records`) as UTF-8 JSONL.

    kb (KnowledgeBase): the knowledge base.
    RETURNS (bytes): the records, one JSON object a line; read back by :func:`with_user_records`.
    """
    return "".join(_record_line(record) for record in kb.user_records()).encode("utf-8")


def with_user_records(data: bytes, *, label: str = "<saved kb>") -> KnowledgeBase:
    """The shipped knowledge base with the records of :func:`user_records_bytes` on top.

    data (bytes): JSONL, as written by :func:`user_records_bytes` or ``user_records_to_jsonl``.
    label (str): the name errors give for the data.
    RETURNS (KnowledgeBase): the knowledge base.
    """
    collector = RecordCollector()
    collector.read_lines(data.decode("utf-8-sig").splitlines(), label)
    collector.check_codes()
    kb = KnowledgeBase.default()
    for record in collector.records:
        kb.add(record)
    return kb
