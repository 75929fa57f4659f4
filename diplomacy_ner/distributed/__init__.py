"""Corpus-scale extraction on a Dask cluster, written to one Parquet table.

``extract_corpus`` reads articles with the package's one article reader
(:mod:`diplomacy_ner.readers`: ``.jsonl``, ``.txt``, ``.md``, ``.html`` files and
directories of them, the same documents and ids as ``diplomacy-ner extract``), sends them to a Dask
cluster in partitions, runs each partition through :meth:`Extractor.pipe` on a
pipeline that every worker process builds once, and streams the rows back into
a single Parquet file in input order. ``extract_bag`` and ``extract_dataframe``
do the same for users who already hold a Dask bag or dataframe of articles.

Install with ``pip install diplomacy-ner[dask]`` on the client and on every worker.

The table (``MEETING_ROWS_SCHEMA``) has one row per participant per meeting, plus
one row per article that yielded no meeting (``meeting_index`` null) and one row
per article that failed (``error`` set), so that every input article appears at
least once and ``count(distinct article_id)`` is the number of articles read.

=====================  ==============  ===========================================================
column                 type            meaning
=====================  ==============  ===========================================================
article_id             string          the article's ``id`` (JSONL), ``file:line`` when a JSONL line
                                       has no id, or the file's path as named or found in a directory
published              date32          publication date of the article (null when unknown or failed)
meeting_index          int32           position of the meeting in the article; null on an article
                                       with no meeting and on an error row
status                 string          ``held``, ``planned`` or ``cancelled``
kind                   string          ``in_person``, ``call`` or ``video``
date                   date32          the resolved date of the meeting
location_name          string          city or venue
location_country       string          ISO 3166-1 alpha-2 code of the location's country
host_name              string          the host's name (null on neutral ground or unnamed host)
host_country           string          the host's country code or body acronym
topics                 list<string>    topic keys (see the topic lexicon)
bodies                 list<string>    knowledge-base ids of the bodies mentioned (``body:ONU``)
agreements             list<string>    knowledge-base ids of the agreements mentioned
participant_index      int32           position of the participant in the meeting
participant_name       string          full canonical name (null for an unnamed official)
participant_role       string          office held at the time, as the text writes it
participant_country    string          ISO alpha-2 code of the state represented, or a body acronym
participant_id         string          entity id of the person
is_host                bool            the participant is the meeting's host
confidence             float64         the meeting's confidence, 0 to 1
evidence_start         int64           start offset of the first evidence sentence in the article
evidence_end           int64           end offset (exclusive) of that sentence
error                  string          why the article failed, e.g. ``TypeError: [D001] Expected the article
                                       text as a str, got int`` or ``[D010] a.jsonl:7: invalid JSON: ...``;
                                       null on every other row
=====================  ==============  ===========================================================

Meeting-level columns repeat on each participant row. Offsets are character
offsets into the article text as read.

Design notes:

- The pipeline is built once per worker process by :func:`worker_extractor`, a
  process-level cache keyed by the extractor options; ``extract_corpus`` registers
  :class:`ExtractorPlugin` so that every worker (including one that joins later)
  builds it at start-up, off the event loop, rather than inside its first task.
  Tasks ship only article records and an options key, never the pipeline.
- Calls on one worker's pipeline are serialised by a lock (spaCy pipelines are
  not documented as thread-safe): start workers with one thread each and add
  processes instead (``dask worker --nworkers N --nthreads 1``).
- ``extract_corpus`` streams: it keeps a bounded number of partitions in flight,
  so neither the client nor the scheduler holds the corpus, and it writes the
  Parquet file in input order. The file is written under a temporary name and
  renamed at the end, so an interrupted run leaves no half-written table.
"""

from __future__ import annotations

try:
    import pyarrow  # noqa: F401
    import pyarrow.parquet  # noqa: F401
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        "diplomacy_ner.distributed needs pyarrow, dask and distributed: pip install 'diplomacy-ner[dask]'"
    ) from err

from .corpus import CorpusReport, extract_corpus, local_cluster
from .inputs import ArticleRecord, check_inputs, count_articles, read_articles
from .rows import MEETING_ROWS_SCHEMA, Row, error_row, meeting_rows, rows_to_table
from .settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_PARTITION_SIZE,
    DEFAULT_PARTITIONS_IN_FLIGHT,
    DEFAULT_RETRIES,
    PLUGIN_NAME,
    ROW_GROUP_ROWS,
)
from .workers import (
    ExtractorPlugin,
    extract_bag,
    extract_dataframe,
    extract_partition,
    extractor_options_key,
    worker_extractor,
    worker_extractor_builds,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_PARTITIONS_IN_FLIGHT",
    "DEFAULT_PARTITION_SIZE",
    "DEFAULT_RETRIES",
    "MEETING_ROWS_SCHEMA",
    "PLUGIN_NAME",
    "ROW_GROUP_ROWS",
    "ArticleRecord",
    "CorpusReport",
    "ExtractorPlugin",
    "Row",
    "check_inputs",
    "count_articles",
    "error_row",
    "extract_bag",
    "extract_corpus",
    "extract_dataframe",
    "extract_partition",
    "extractor_options_key",
    "local_cluster",
    "meeting_rows",
    "read_articles",
    "rows_to_table",
    "worker_extractor",
    "worker_extractor_builds",
]
