"""The fast paths of segmentation give bit-for-bit the results of the scipy expressions they replace."""
import numpy as np
from scipy import sparse

from tasks.segment_vectors import LineTerms, _normalized_scipy, normalized

PAGE = ["园区将推行新的审批模式，周建华表示。", "周建华说，园区还将设立专项资金。", "据园区负责人周", "建华介绍，产业园将引进机器人企业。",
        "", "abc 123", "今年以来，我市加快推进老旧小区改造，改造小区一百个。"]


def _same(a: sparse.csr_matrix, b: sparse.csr_matrix) -> bool:
    return (a.shape == b.shape and a.indices.dtype == b.indices.dtype and np.array_equal(a.indptr, b.indptr)
            and np.array_equal(a.indices, b.indices) and np.array_equal(a.data, b.data))


def test_line_terms_matrix_is_the_canonical_coo_sum():
    terms = LineTerms(PAGE)
    rows, cols = terms.matrix.nonzero()
    reference = sparse.csr_matrix((terms.matrix.data, (rows, cols)), shape=terms.matrix.shape)
    reference.sum_duplicates()
    assert _same(terms.matrix, reference) and terms.matrix.has_canonical_format
    assert LineTerms([]).matrix.shape == (0, 0) and LineTerms(["abc"]).matrix.shape == (1, 0)


def test_normalized_matches_scipy_bit_for_bit():
    terms = LineTerms(PAGE)
    groups = [[0, 1], [2, 3], [], [4, 5], [6, 0, 3], [3]]
    counts = terms.groups(groups)
    idf = terms.idf(terms.matrix)
    assert _same(normalized(counts, idf), _normalized_scipy(counts, idf))
    empty = terms.groups([[], [5]])
    assert _same(normalized(empty, idf), _normalized_scipy(empty, idf))
