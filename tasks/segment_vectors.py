"""Page-level term space for cohesion: character bigrams of every line as one sparse matrix.

Segmentation compares many texts of one page with many others (a line's run with each candidate
article, a paragraph with each earlier article). The page's bigrams are read once, vectorised
over code points, into a lines x bigrams count matrix; every text compared later is a group of
lines, so its row is a sum of line rows (one sparse product), and all cosines of two sets of
groups are one more product. Cost stays linear in the page's characters.

Bigrams: two adjacent CJK characters on one line, pairs made only of function characters left
out (they say nothing about a topic). No word segmentation is needed and names no dictionary
knows are kept.
"""
from __future__ import annotations

from itertools import accumulate, chain

import numpy as np
from scipy import sparse

try:  # scipy's compiled sparse kernels, called on raw arrays where its wrappers cost more than the work
    from scipy.sparse import _sparsetools
    _FAST = all(hasattr(_sparsetools, name) for name in (
        "csr_matmat_maxnnz", "csr_matmat", "csr_sort_indices", "csr_has_canonical_format", "csr_tocsc",
        "csr_todense", "csr_elmul_csr"))
except ImportError:  # pragma: no cover - a scipy without them takes the public expressions
    _FAST = False

FUNCTION_CHARS = "的了在是和与及等也都将对为以把被从这那其之于并中上下有我他她要年月日个一不"
_FUNCTION = np.array(sorted(ord(c) for c in FUNCTION_CHARS), dtype=np.int64)
_CJK_LO, _CJK_HI = 0x4E00, 0x9FFF
_IS_FUNCTION = np.zeros(0x110000, dtype=bool)  # by code point: a look-up, not np.isin per page
_IS_FUNCTION[_FUNCTION] = True
_BIGRAM_BASE = _CJK_LO << 21  # every bigram's code is at least this, every code point below it
_ROW_BITS = 26  # a line number packed below a term's code: codes stay below (_CJK_HI + 1) << 21 < 2**37


class LineTerms:
    """Bigram counts per line of a page (`matrix`: lines x distinct terms, CSR). With a positive
    `unigram_weight`, single content characters (CJK, function characters left out) are terms
    too, each occurrence counted as that weight: evidence that survives where two texts share
    words but not bigrams (种子/良种), in the same matrix, so its users pay for one term space."""

    def __init__(self, texts: list[str], unigram_weight: float = 0.0):
        joined = "\n".join(t.replace("\n", " ") for t in texts) + "\n"
        cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        line_of = np.cumsum(cp == 10) - (cp == 10)  # line index of every character
        cjk = (cp >= _CJK_LO) & (cp <= _CJK_HI)
        function = _IS_FUNCTION[cp]
        keep = cjk[:-1] & cjk[1:] & ~(function[:-1] & function[1:])
        codes = (cp[:-1] << 21 | cp[1:])[keep]
        rows = line_of[:-1][keep]
        if unigram_weight > 0:
            single = cjk & ~function
            codes, rows = np.concatenate([codes, cp[single]]), np.concatenate([rows, line_of[single]])
        if not codes.size:
            self.n_terms, self.matrix = 0, sparse.csr_matrix((len(texts), 0))
            return
        # one sort by term, then line (packed in one integer where lines fit beside a code): runs
        # of equal pairs are counts, a term's pairs its column; turned row-major by scipy's counting
        # sort, the canonical CSR matrix that COO construction and sum_duplicates would build
        if len(texts) < 1 << _ROW_BITS:
            ordered = np.sort(codes << _ROW_BITS | rows)
            codes, rows = ordered >> _ROW_BITS, ordered & ((1 << _ROW_BITS) - 1)
        else:
            order = np.lexsort((rows, codes))
            codes, rows = codes[order], rows[order]
        new_term = np.concatenate(([True], codes[1:] != codes[:-1]))
        starts = np.flatnonzero(new_term | np.concatenate(([True], rows[1:] != rows[:-1])))
        counts = (np.append(starts[1:], len(codes)) - starts).astype(float)
        if unigram_weight > 0:  # a column holds bigrams or characters, never both
            counts[codes[starts] < _BIGRAM_BASE] *= unigram_weight
        term_starts = np.flatnonzero(new_term[starts])
        self.n_terms = len(term_starts)
        by_term = np.append(term_starts, len(starts)).astype(np.int32)
        if not _FAST:
            self.matrix = sparse.csc_matrix((counts, rows[starts], by_term), shape=(len(texts), self.n_terms)).tocsr()
            return
        indptr, indices, data = np.empty(len(texts) + 1, np.int32), np.empty(len(starts), np.int32), np.empty(len(starts))
        _sparsetools.csr_tocsc(self.n_terms, len(texts), by_term, rows[starts].astype(np.int32), counts,
                               indptr, indices, data)
        self.matrix = _csr(data, indices, indptr, (len(texts), self.n_terms))

    def groups(self, groups: list[list[int]]) -> sparse.csr_matrix:
        """Summed bigram counts of each group of lines (a group may be empty)."""
        indptr = np.fromiter(accumulate(map(len, groups), initial=0), dtype=np.int32, count=len(groups) + 1)
        indices = np.fromiter(chain.from_iterable(groups), dtype=np.int32, count=int(indptr[-1]))
        m = self.matrix
        if indices.size and not 0 <= indices.min() <= indices.max() < m.shape[0]:
            raise IndexError("group names a line outside the page")
        if not _FAST or m.indices.dtype != np.int32:
            select = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(groups), m.shape[0]))
            return (select @ m).tocsr()
        # scipy's own product routine on the raw arrays (`select @ matrix` builds three matrices
        # around the same call): the same sums, columns in the same order
        n = len(groups)
        nnz = _sparsetools.csr_matmat_maxnnz(n, self.n_terms, indptr, indices, m.indptr, m.indices)
        out_indptr = np.empty(n + 1, dtype=np.int32)
        out_indices, out_data = np.empty(nnz, dtype=np.int32), np.empty(nnz)
        _sparsetools.csr_matmat(n, self.n_terms, indptr, indices, np.ones(len(indices)), m.indptr, m.indices, m.data,
                                out_indptr, out_indices, out_data)
        kept = int(out_indptr[-1])
        return _csr(out_data[:kept], out_indices[:kept], out_indptr, (n, self.n_terms))

    def idf(self, basis: sparse.csr_matrix) -> np.ndarray:
        """Smoothed inverse document frequency of every bigram over the rows of `basis`."""
        n = basis.shape[0]
        df = np.bincount(basis.indices, minlength=self.n_terms) if basis.nnz else np.zeros(self.n_terms)
        return np.log((1 + n) / (1 + df)) + 1.0


def normalized(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (a row of zeros stays zeros)."""
    if not counts.nnz:
        return _normalized_scipy(counts, idf)
    if _FAST and _raw(counts):
        indptr, columns, data = counts.indptr, counts.indices.copy(), counts.data.copy()
        _sparsetools.csr_sort_indices(counts.shape[0], indptr, columns, data)
        if not _sparsetools.csr_has_canonical_format(counts.shape[0], indptr, columns):
            return _normalized_scipy(counts, idf)
    else:
        ordered = counts.sorted_indices()
        if not ordered.has_canonical_format:  # repeated columns
            return _normalized_scipy(counts, idf)
        indptr, columns, data = ordered.indptr, ordered.indices, ordered.data
    # The arithmetic of the scipy expression in _normalized_scipy, done on the CSR arrays
    # directly (scipy's per-call overhead was most of the cost): weights summed per row in
    # ascending column order, the result's columns in descending order within each row, as
    # scipy's sparse product leaves them, so every later sum adds in the same order.
    lengths = np.diff(indptr)
    weights = data * idf[columns]
    filled = np.flatnonzero(lengths)
    sums = np.zeros(counts.shape[0])
    sums[filled] = np.add.reduceat(weights * weights, indptr[filled].astype(np.intp))
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0
    scale = 1.0 / norms
    # entry k of a row [start, end) comes from entry start + end - 1 - k
    flipped = np.repeat(indptr[:-1] + indptr[1:] - 1, lengths) - np.arange(int(indptr[-1]))
    return _csr(np.repeat(scale, lengths) * weights[flipped], columns[flipped].astype(np.int32),
                indptr.astype(np.int32), counts.shape)


def _normalized_scipy(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """The reference expression that normalized() reproduces bit for bit (and falls back on)."""
    weighted = counts.multiply(idf[np.newaxis, :]).tocsr() if counts.nnz else counts
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sparse.diags(1.0 / norms) @ weighted).tocsr()


def cosines(x: sparse.csr_matrix, y: sparse.csr_matrix) -> np.ndarray:
    """Dense matrix of cosines between the rows of x and the rows of y (both normalised)."""
    if x.shape[0] == 0 or y.shape[0] == 0:
        return np.zeros((x.shape[0], y.shape[0]))
    if not (_FAST and _raw(x) and _raw(y)) or x.shape[1] != y.shape[1]:
        return (x @ y.T).toarray()
    # `(x @ y.T).toarray()` as scipy runs it: y transposed to CSR by its counting sort, the
    # product's sums in the order of x's stored columns, then spread into a dense array
    (nx, n_terms), ny = x.shape, y.shape[0]
    t_indptr, t_indices, t_data = np.empty(n_terms + 1, dtype=np.int32), np.empty(y.nnz, dtype=np.int32), np.empty(y.nnz)
    _sparsetools.csr_tocsc(ny, n_terms, y.indptr, y.indices, y.data, t_indptr, t_indices, t_data)
    nnz = _sparsetools.csr_matmat_maxnnz(nx, ny, x.indptr, x.indices, t_indptr, t_indices)
    out = np.zeros((nx, ny))
    if nnz:
        p_indptr, p_indices, p_data = np.empty(nx + 1, dtype=np.int32), np.empty(nnz, dtype=np.int32), np.empty(nnz)
        _sparsetools.csr_matmat(nx, ny, x.indptr, x.indices, x.data, t_indptr, t_indices, t_data, p_indptr, p_indices, p_data)
        _sparsetools.csr_todense(nx, ny, p_indptr, p_indices, p_data, out)
    return out


def row_cosines(x: sparse.csr_matrix, y: sparse.csr_matrix) -> np.ndarray:
    """Cosine of row k of x with row k of y, for every k."""
    if x.shape[0] == 0:
        return np.zeros(0)
    if not (_FAST and _raw(x) and _raw(y)) or x.shape != y.shape:
        return np.asarray(x.multiply(y).sum(axis=1)).ravel()
    # `x.multiply(y).sum(axis=1)` as scipy runs it: its element-wise product routine, then each
    # row's products summed by add.reduceat
    n = x.shape[0]
    indptr = np.empty(n + 1, dtype=np.int32)
    indices, data = np.empty(x.nnz + y.nnz, dtype=np.int32), np.empty(x.nnz + y.nnz)
    _sparsetools.csr_elmul_csr(n, x.shape[1], x.indptr, x.indices, x.data, y.indptr, y.indices, y.data, indptr, indices, data)
    out = np.zeros(n)
    filled = np.flatnonzero(np.diff(indptr))
    if filled.size:
        out[filled] = np.add.reduceat(data[:indptr[-1]], indptr[filled].astype(np.intp))
    return out


def _raw(m: sparse.csr_matrix) -> bool:
    """True when m's arrays are what scipy's kernels would be handed as they stand."""
    return (sparse.isspmatrix_csr(m) and m.indices.dtype == np.int32 and m.indptr.dtype == np.int32
            and m.data.dtype == np.float64)


def _csr(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    """`sparse.csr_matrix((data, indices, indptr), shape=shape)` for arrays built valid here (float64, int32,
    nothing past the last row), without the constructor's checks, which cost more than small pages' work."""
    if not _ASSEMBLED:
        return sparse.csr_matrix((data, indices, indptr), shape=shape)
    m = sparse.csr_matrix.__new__(sparse.csr_matrix)
    m.__dict__.update(_shape=(int(shape[0]), int(shape[1])), maxprint=_MAXPRINT, data=data, indices=indices,
                      indptr=indptr)
    return m


def _assembled_layout() -> tuple[bool, int]:
    """Whether scipy's csr_matrix is just the attributes _csr sets, and its maxprint."""
    arrays = (np.ones(1), np.zeros(1, dtype=np.int32), np.array([0, 1], dtype=np.int32))
    made = vars(sparse.csr_matrix(arrays, shape=(1, 1)))
    layout = {"_shape": (1, 1), "maxprint": made.get("maxprint"), "data": arrays[0], "indices": arrays[1],
              "indptr": arrays[2]}
    same = made.keys() == layout.keys() and all(np.array_equal(made[key], value) for key, value in layout.items())
    return _FAST and same, made.get("maxprint")


_ASSEMBLED, _MAXPRINT = _assembled_layout()
