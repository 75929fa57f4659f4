"""The defaults of corpus-scale extraction."""

from __future__ import annotations

#: Articles per Dask partition (one task each).
DEFAULT_PARTITION_SIZE = 64
#: Documents per spaCy batch inside a partition.
DEFAULT_BATCH_SIZE = 32
#: How often Dask re-runs a partition whose task raised (a lost worker's tasks are
#: rescheduled by the scheduler regardless, up to ``distributed.scheduler.allowed-failures``).
DEFAULT_RETRIES = 2
#: Partitions in flight per worker thread while streaming.
DEFAULT_PARTITIONS_IN_FLIGHT = 3
#: Rows per Parquet row group (partitions are small; row groups should not be).
ROW_GROUP_ROWS = 65_536
#: Name under which :class:`ExtractorPlugin` is registered on the workers.
PLUGIN_NAME = "diplomacy-ner-extractor"
