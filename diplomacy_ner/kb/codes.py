"""The codes a knowledge-base record may give as a country: ISO 3166-1 alpha-2 or a body's code.

A role's ``country`` ("MA", or "ONU" for a UN official), a national body's
``country`` and an agreement's ``parties`` must name a state (pycountry's ISO
3166-1 list, plus the shipped country records such as Kosovo's "XK") or a body
of the knowledge base (its ``code`` or ``acronym``: "UE", "ONU", "CEDEAO").
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import pycountry

from .records import AgreementRecord, BodyRecord, CountryRecord, KBRecord, PersonRecord

SHIPPED_CODE_FILES = ("countries.jsonl", "bodies.jsonl")


@lru_cache(maxsize=1)
def shipped_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes and the codes and acronyms of the shipped country and body records.

    The shipped files are read as plain JSON (they are validated when the KB loads).

    RETURNS (frozenset[str]): the codes.
    """
    codes = {country.alpha_2 for country in pycountry.countries}
    directory = resources.files("diplomacy_ner").joinpath("resources", "kb")
    for name in SHIPPED_CODE_FILES:
        for line in directory.joinpath(name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("//"):
                record = json.loads(line)
                codes.update(record[key] for key in ("code", "acronym") if record.get(key))
    return frozenset(codes)


def defined_codes(record: KBRecord) -> set[str]:
    """The codes a record defines: a country's code, a body's code and acronym.

    record (KBRecord): the record.
    RETURNS (set[str]): the codes (empty for people and agreements).
    """
    if isinstance(record, CountryRecord):
        return {record.code}
    if isinstance(record, BodyRecord):
        return {code for code in (record.code, record.acronym) if code}
    return set()


def referenced_codes(record: KBRecord) -> list[tuple[str, str]]:
    """The country codes a record refers to, with the field that holds each.

    record (KBRecord): the record.
    RETURNS (list[tuple[str, str]]): (field path such as "roles.0.country", code).
    """
    if isinstance(record, PersonRecord):
        return [(f"roles.{i}.country", role.country) for i, role in enumerate(record.roles)]
    if isinstance(record, BodyRecord) and record.country:
        return [("country", record.country)]
    if isinstance(record, AgreementRecord):
        return [(f"parties.{i}", party) for i, party in enumerate(record.parties)]
    return []
