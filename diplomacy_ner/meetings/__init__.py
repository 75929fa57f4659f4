"""Parts of the meeting extraction step that work on plain strings.

``dates`` finds French date expressions and resolves them against the
publication date, ``places`` is the city gazetteer, ``topics`` the lexicon of
discussion topics. None of them needs a spaCy ``Doc``.
"""
