"""Bigram term space (tasks/segment_vectors.py) and fragment-head demotion (tasks/segment_demote.py)."""
from tasks.records import CleanLine
from tasks.schema import ROLE_CONTENT
from tasks.segment_demote import demote_fragment_heads
from tasks.segment_blocks import layout_blocks
from tasks.segment_layout import line_kinds
from tasks.segment_vectors import LineTerms, cosines, normalized


def test_line_terms_count_cjk_bigrams_within_lines_only():
    terms = LineTerms(["智能制造", "制造业", "abc的了"])
    assert terms.matrix.shape[0] == 3
    assert terms.matrix[0].sum() == 3 and terms.matrix[1].sum() == 2 and terms.matrix[2].sum() == 0
    rows = normalized(terms.groups([[0], [1], [0, 1]]), terms.idf(terms.matrix))
    similar = cosines(rows, rows)
    assert 0 < similar[0, 1] < similar[0, 2] and abs(similar[0, 0] - 1) < 1e-9


def test_unigram_weight_adds_content_characters_weighted():
    plain, both = LineTerms(["种子的良种"]), LineTerms(["种子的良种"], unigram_weight=0.5)
    assert plain.matrix.sum() == 4  # 种子 子的 的良 良种: only pairs of two function characters drop
    # characters 种 (twice), 子, 良 counted at half weight; 的 is a function character
    assert both.matrix.sum() == plain.matrix.sum() + 0.5 * 4
    assert both.n_terms == plain.n_terms + 3


def _content(texts):
    return [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]


def test_fragment_head_is_demoted_but_a_title_on_its_own_topic_stays():
    texts = ["老旧小区改造惠及居民", "■ 本报记者 吴静怡", "今年以来,我市加快推进老旧小区改造,加装电梯和增设停车位。",
             "老旧小区改造城建处处长", "马国庆说,老旧小区改造内容包括外墙保温和加装电梯。",
             "候鸟数量创新高", "湿地保护区监测到越冬候鸟三万余只,候鸟栖息空间扩大。"]
    content = _content(texts)
    blocks = demote_fragment_heads(layout_blocks(content, line_kinds(content)), content, texts)
    heads = [texts[b.head[0]] for b in blocks if b.head]
    assert "老旧小区改造城建处处长" not in heads and "候鸟数量创新高" in heads


def test_kernels_on_raw_arrays_match_scipy_expressions_bit_for_bit():
    import random

    import numpy as np
    from scipy import sparse

    from tasks.segment_vectors import _normalized_scipy, row_cosines

    rng = random.Random(7)
    alphabet = "智能制造业老旧小区改造惠及居民湿地保护候鸟监测的了在是"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(40)]
    for weight in (0.0, 0.75):
        terms = LineTerms(texts, unigram_weight=weight)
        for _ in range(5):
            groups = [rng.sample(range(len(texts)), rng.randint(0, 6)) for _ in range(rng.randint(1, 25))]
            counts = terms.groups(groups)
            indptr = np.cumsum([0] + [len(g) for g in groups])
            select = sparse.csr_matrix((np.ones(indptr[-1]), [x for g in groups for x in g], indptr),
                                       shape=(len(groups), len(texts)))
            expected = (select @ terms.matrix).tocsr()
            for got, want in ((counts.indptr, expected.indptr), (counts.indices, expected.indices), (counts.data, expected.data)):
                assert np.array_equal(got, want)  # same columns in the same order: later sums add alike
            idf = terms.idf(counts)
            x, y = normalized(counts, idf), normalized(terms.groups(groups[::-1]), idf)
            assert np.array_equal(x.toarray(), _normalized_scipy(counts, idf).toarray())
            assert np.array_equal(cosines(x, y), (x @ y.T).toarray())
            assert np.array_equal(row_cosines(x, y), np.asarray(x.multiply(y).sum(axis=1)).ravel())


def test_line_terms_paths_build_the_same_canonical_matrix(monkeypatch):
    """The packed sort, the lexsort taken when lines do not fit beside a code, and scipy's public
    conversion (no compiled kernels) give the COO sum bit for bit; _csr gives the constructor's object."""
    import random

    import numpy as np
    from scipy import sparse

    import tasks.segment_vectors as vectors

    rng = random.Random(11)
    alphabet = "智能制造业老旧小区改造惠及居民湿地保护候鸟监测的了在是"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(30)]
    for weight in (0.0, 0.75):
        reference = None
        for fast, row_bits in ((True, 26), (True, 2), (False, 26)):
            monkeypatch.setattr(vectors, "_FAST", fast)
            monkeypatch.setattr(vectors, "_ROW_BITS", row_bits)
            m = LineTerms(texts, unigram_weight=weight).matrix
            rows, cols = m.nonzero()
            coo = sparse.csr_matrix((m.data, (rows, cols)), shape=m.shape)
            coo.sum_duplicates()
            assert m.has_canonical_format and np.array_equal(m.toarray(), coo.toarray())
            arrays = (m.indptr, m.indices, m.data)
            assert reference is None or all(np.array_equal(a, b) for a, b in zip(arrays, reference))
            reference = arrays
    public = sparse.csr_matrix((reference[2], reference[1], reference[0]), shape=m.shape)
    built = vectors._csr(reference[2], reference[1], reference[0], m.shape)
    assert vectors._ASSEMBLED and vars(built).keys() == vars(public).keys() and built.shape == public.shape
    assert np.array_equal(built.toarray(), public.toarray())
