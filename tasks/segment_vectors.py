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

import numpy as np
from scipy import sparse

FUNCTION_CHARS = "的了在是和与及等也都将对为以把被从这那其之于并中上下有我他她要年月日个一不"
_FUNCTION = np.array(sorted(ord(c) for c in FUNCTION_CHARS), dtype=np.int64)
_CJK_LO, _CJK_HI = 0x4E00, 0x9FFF
_IS_FUNCTION = np.zeros(0x110000, dtype=bool)  # by code point: a look-up, not np.isin per page
_IS_FUNCTION[_FUNCTION] = True
_BIGRAM_BASE = _CJK_LO << 21  # every bigram's code is at least this, every code point below it


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
        terms, columns = np.unique(codes, return_inverse=True) if codes.size else (codes, codes)
        self.n_terms = len(terms)
        if not codes.size:
            self.matrix = sparse.csr_matrix((len(texts), 0))
            return
        # counts per (line, bigram) in row-major order: the canonical CSR matrix that scipy's
        # COO construction and sum_duplicates would build, without their per-call overhead
        cells, counts = np.unique(rows * self.n_terms + columns.ravel(), return_counts=True)
        line = cells // self.n_terms
        counts = counts.astype(float)
        if unigram_weight > 0:  # a column holds bigrams or characters, never both
            counts[terms[cells - line * self.n_terms] < _BIGRAM_BASE] *= unigram_weight
        indptr = np.zeros(len(texts) + 1, dtype=np.int32)
        np.cumsum(np.bincount(line, minlength=len(texts)), out=indptr[1:])
        self.matrix = sparse.csr_matrix((counts, (cells - line * self.n_terms).astype(np.int32), indptr),
                                        shape=(len(texts), self.n_terms))

    def groups(self, groups: list[list[int]]) -> sparse.csr_matrix:
        """Summed bigram counts of each group of lines (a group may be empty)."""
        indptr = np.cumsum([0] + [len(g) for g in groups])
        indices = np.fromiter((x for g in groups for x in g), dtype=np.int64, count=int(indptr[-1]))
        select = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(groups), self.matrix.shape[0]))
        return (select @ self.matrix).tocsr()

    def idf(self, basis: sparse.csr_matrix) -> np.ndarray:
        """Smoothed inverse document frequency of every bigram over the rows of `basis`."""
        n = basis.shape[0]
        df = np.bincount(basis.indices, minlength=self.n_terms) if basis.nnz else np.zeros(self.n_terms)
        return np.log((1 + n) / (1 + df)) + 1.0


def normalized(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (a row of zeros stays zeros)."""
    ordered = counts.sorted_indices() if counts.nnz else counts
    if not counts.nnz or not ordered.has_canonical_format:  # no terms, or repeated columns
        return _normalized_scipy(counts, idf)
    # The arithmetic of the scipy expression in _normalized_scipy, done on the CSR arrays
    # directly (scipy's per-call overhead was most of the cost): weights summed per row in
    # ascending column order, the result's columns in descending order within each row, as
    # scipy's sparse product leaves them, so every later sum adds in the same order.
    indptr, columns = ordered.indptr, ordered.indices
    lengths = np.diff(indptr)
    row_of = np.repeat(np.arange(counts.shape[0]), lengths)
    weights = ordered.data * idf[columns]
    filled = np.flatnonzero(lengths)
    sums = np.zeros(counts.shape[0])
    sums[filled] = np.add.reduceat(weights * weights, indptr[filled].astype(np.intp))
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0
    scale = 1.0 / norms
    flipped = indptr[row_of] + indptr[row_of + 1] - 1 - np.arange(len(row_of))
    return sparse.csr_matrix((scale[row_of] * weights[flipped], columns[flipped].astype(np.int32), indptr.astype(np.int32)),
                             shape=counts.shape)


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
    return (x @ y.T).toarray()


def row_cosines(x: sparse.csr_matrix, y: sparse.csr_matrix) -> np.ndarray:
    """Cosine of row k of x with row k of y, for every k."""
    if x.shape[0] == 0:
        return np.zeros(0)
    return np.asarray(x.multiply(y).sum(axis=1)).ravel()
