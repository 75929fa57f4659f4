"""Token-level rules used by the entity-rules component: extents of titles,
bodies and agreements, and acronym definitions. Pure functions over spaCy
tokens; no component state."""
