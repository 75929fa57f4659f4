"""Generate ``resources/kb/countries.jsonl`` from pycountry and a hand-maintained supplement.

pycountry gives every ISO 3166-1 code with French names (through its gettext
catalogue), but some of those names are index forms ("Corée, République de",
"Iran, République islamique d'") and it has no nationality adjectives,
compound prefixes, capitals or UN membership. Those come from
``resources/kb_sources/country_supplements.jsonl`` (data, one line per code,
validated by :class:`CountrySupplement`; it lies outside ``resources/kb`` so the
KB loader never reads it as records).

Run ``python -m diplomacy_ner.kb.build_countries`` after editing the supplement;
``--check`` only compares (exit status 1 when the shipped file is stale).
"""

from __future__ import annotations

import argparse
import gettext
import json
import logging
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated

import pycountry
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from ..errors import Errors, KnowledgeBaseError
from ..folding import fold
from .records import CountryRecord

logger = logging.getLogger("diplomacy_ner")

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SUPPLEMENT_PARTS = ("resources", "kb_sources", "country_supplements.jsonl")
OUTPUT_PARTS = ("resources", "kb", "countries.jsonl")
SOURCE_PYCOUNTRY = "pycountry (iso3166-1, fr) + country_supplements.jsonl"
SOURCE_SUPPLEMENT = "country_supplements.jsonl"


class CountrySupplement(BaseModel):
    """What the hand-maintained supplement adds to (or corrects in) pycountry for one code.

    code (str): ISO 3166-1 alpha-2 code ("XK" for Kosovo, which ISO lacks).
    name (str | None): The usual French short name, when pycountry's differs ("Corée du Sud").
    official_names (tuple[str, ...] | None): Official long forms; replaces pycountry's when given.
    aliases (tuple[str, ...]): Other names and short forms ("RDC", "Grande-Bretagne").
    adjectives (tuple[str, ...]): Nationality adjectives, every gender and number.
    prefixes (tuple[str, ...]): Compound prefixes ("maroco" in "maroco-français").
    capitals (tuple[str, ...]): Capital cities, French names.
    un_member (bool): Member state of the United Nations.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    name: Name | None = None
    official_names: tuple[Name, ...] | None = None
    aliases: tuple[Name, ...] = ()
    adjectives: tuple[Name, ...] = ()
    prefixes: tuple[Name, ...] = ()
    capitals: tuple[Name, ...] = ()
    un_member: bool = False


def _supplement_file() -> Traversable:
    return resources.files("diplomacy_ner").joinpath(*SUPPLEMENT_PARTS)


def load_supplements(path: str | Path | Traversable | None = None) -> dict[str, CountrySupplement]:
    """Read the supplement file (``//`` comments and blank lines allowed).

    path (str | Path | Traversable | None): The file; default the shipped one.
    RETURNS (dict[str, CountrySupplement]): Supplement by ISO code.
    """
    source: Path | Traversable = (
        _supplement_file() if path is None else (Path(path) if isinstance(path, str | Path) else path)
    )
    label = str(source)
    if not source.is_file():
        raise KnowledgeBaseError(Errors.D014.format(path=label))
    supplements: dict[str, CountrySupplement] = {}
    for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("//"):
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            raise KnowledgeBaseError(Errors.D010.format(path=label, line=number, msg=err.msg)) from None
        if not isinstance(obj, dict):
            raise KnowledgeBaseError(
                Errors.D012.format(path=label, line=number, type_name=type(obj).__name__)
            )
        try:
            supplement = CountrySupplement.model_validate(obj)
        except ValidationError as err:
            first = err.errors(include_url=False)[0]
            field = ".".join(str(p) for p in first["loc"]) or "(record)"
            raise KnowledgeBaseError(
                Errors.D011.format(path=label, line=number, field=field, msg=first["msg"])
            ) from None
        if supplement.code in supplements:
            raise KnowledgeBaseError(
                Errors.D013.format(path=label, line=number, id=supplement.code, first="an earlier line")
            )
        supplements[supplement.code] = supplement
    return supplements


def _unique(values: Sequence[str], taken: set[str], *, exact: bool = False) -> tuple[str, ...]:
    """Keep the first of each folded value, skipping those already in ``taken`` (updated). With
    ``exact``, only the same spelling is a repeat: names are matched as written, so "Nigéria"
    beside "Nigeria" is a form of its own."""
    kept = []
    for value in values:
        key = value if exact else fold(value)
        if key and key not in taken:
            taken.add(key)
            kept.append(value)
    return tuple(kept)


_INDEX_FORM = re.compile(
    r", (?:r[ée]publique|[îi]les?|[ée]tats?|f[ée]d[ée]ration|province|royaume|principaut[ée])\b",
    re.IGNORECASE,
)


def _is_index_form(name: str) -> bool:
    """pycountry's inverted index forms ("Corée, République de") are not names anyone writes."""
    return _INDEX_FORM.search(name) is not None


def build_country_records(supplements: Mapping[str, CountrySupplement] | None = None) -> list[CountryRecord]:
    """Merge pycountry (French names) with the supplement into country records.

    supplements (Mapping[str, CountrySupplement] | None): By code; default the shipped file.
    RETURNS (list[CountryRecord]): One record per code, sorted by code.
    """
    extra = load_supplements() if supplements is None else dict(supplements)
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    records: list[CountryRecord] = []
    seen: set[str] = set()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        seen.add(code)
        sup = extra.get(code, CountrySupplement(code=code))
        py_name = french.gettext(country.name)
        py_official = getattr(country, "official_name", None)
        py_official_fr = french.gettext(py_official) if py_official else None
        name = sup.name or py_name
        if _is_index_form(name):
            raise KnowledgeBaseError(
                Errors.D011.format(
                    path=SUPPLEMENT_PARTS[-1],
                    line="-",
                    field=f"{code}.name",
                    msg=f"pycountry's name {name!r} is an index form; add a `name` override",
                )
            )
        if sup.official_names is not None:
            official_source: tuple[str, ...] = sup.official_names
        elif py_official_fr and not _is_index_form(py_official_fr):
            official_source = (py_official_fr,)
        else:
            official_source = ()
        # The official name may equal the short name ("Japon", "Canada"): it is still the official name.
        official = _unique(official_source, set())
        taken = {name, *official}
        alias_source = list(sup.aliases)
        if py_name != name and not _is_index_form(py_name):
            alias_source.append(py_name)
        aliases = _unique(alias_source, taken, exact=True)
        records.append(
            CountryRecord(
                id=f"country:{code}",
                code=code,
                name=name,
                official_names=official,
                aliases=aliases,
                adjectives=_unique(sup.adjectives, set(), exact=True),
                prefixes=_unique(sup.prefixes, set()),
                capitals=_unique(sup.capitals, set()),
                un_member=sup.un_member,
                source=SOURCE_PYCOUNTRY,
            )
        )
    for code in sorted(set(extra) - seen):
        sup = extra[code]
        if sup.name is None:
            raise KnowledgeBaseError(
                Errors.D011.format(
                    path=SUPPLEMENT_PARTS[-1],
                    line="-",
                    field=f"{code}.name",
                    msg="a code pycountry does not know needs a `name`",
                )
            )
        official = _unique(sup.official_names or (), set())
        taken = {sup.name, *official}
        records.append(
            CountryRecord(
                id=f"country:{code}",
                code=code,
                name=sup.name,
                official_names=official,
                aliases=_unique(sup.aliases, taken, exact=True),
                adjectives=_unique(sup.adjectives, set(), exact=True),
                prefixes=_unique(sup.prefixes, set()),
                capitals=_unique(sup.capitals, set()),
                un_member=sup.un_member,
                source=SOURCE_SUPPLEMENT,
            )
        )
    records.sort(key=lambda r: r.code)
    return records


def render_jsonl(records: Sequence[CountryRecord]) -> str:
    """Serialise country records as the shipped file's text (``ensure_ascii=False``, defaults left out).

    records (Sequence[CountryRecord]): The records.
    RETURNS (str): One JSON object per line, ``kind`` first.
    """
    lines = []
    for record in records:
        data = {"kind": record.kind, **record.model_dump(mode="json", exclude_defaults=True)}
        lines.append(json.dumps(data, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def shipped_countries_file() -> Traversable:
    """RETURNS (Traversable): The shipped ``resources/kb/countries.jsonl``."""
    return resources.files("diplomacy_ner").joinpath(*OUTPUT_PARTS)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write (or ``--check``) the countries file.

    argv (Sequence[str] | None): Arguments; default ``sys.argv[1:]``.
    RETURNS (int): Exit status (1 when ``--check`` finds the file stale).
    """
    parser = argparse.ArgumentParser(prog="python -m diplomacy_ner.kb.build_countries", description=__doc__)
    parser.add_argument("--output", type=Path, default=None, help="default: the package's countries.jsonl")
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 when the file differs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    target: Path = args.output if args.output is not None else Path(str(shipped_countries_file()))
    records = build_country_records()
    text = render_jsonl(records)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            logger.error("%s is stale: run python -m diplomacy_ner.kb.build_countries", target)
            return 1
        logger.info("%s is up to date (%d countries)", target, len(records))
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    logger.info("wrote %d countries to %s", len(records), target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
