"""Rules over tokens and spans, without component state, used by the pipeline's components.

Recognition (entity rules): knowledge-base names (:mod:`.names`), rule files
(:mod:`.patterns`), acronym definitions (:mod:`.acronyms`), countries
(:mod:`.countries`), people (:mod:`.people`), places (:mod:`.places`), dates
(:mod:`.dates`), extents of titles and bodies (:mod:`.extents`, :mod:`.titles`) and of
agreements (:mod:`.agreements`). Linking: the knowledge-base lookups
(:mod:`.kb_links`), person clusters (:mod:`.person_clusters`), roles
(:mod:`.roles`) and the other entities (:mod:`.entities`). The French words they
test are data (``resources/lexicons/words/rules.jsonl``).
"""

from .acronyms import AcronymDefinition, find_acronym_definitions
from .agreements import agreement_extent
from .extents import Extent, SpanIndex, body_extent, title_extent
from .kb_links import KBLinks
from .names import KBNames
from .patterns import KeyTable, RuleMatcher, RulePattern, load_pattern_file, parse_patterns
from .person_clusters import PersonCluster, cluster_people, person_names
from .roles import find_roles

__all__ = [
    "AcronymDefinition",
    "Extent",
    "KBLinks",
    "KBNames",
    "KeyTable",
    "PersonCluster",
    "RuleMatcher",
    "RulePattern",
    "SpanIndex",
    "agreement_extent",
    "body_extent",
    "cluster_people",
    "find_acronym_definitions",
    "find_roles",
    "load_pattern_file",
    "parse_patterns",
    "person_names",
    "title_extent",
]
