"""MinHash signatures and LSH bands, computed with numpy for many texts at once.

The sketches are those of datasketch 2.x (scheme "affine32": shingle hash -> MurmurHash3 finalizer
-> a*h + b mod 2**32 with RandomState(seed) permutations) and the bands those its MinHashLSH picks
(tests/test_dedup.py checks both against datasketch). tasks/dedup.py decides what is a duplicate.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

DEFAULT_NUM_PERM = 128
SHINGLE_CHARS = 5  # 5-char shingles: about two Chinese words, robust to a few edited characters
MINHASH_SEED = 20240301  # fixed: the same input gives the same marks in every run
# (bands, rows) datasketch's MinHashLSH chooses for (LSH threshold, num_perm); others are asked of it.
KNOWN_BANDS = {(0.65, 128): (16, 8)}
CHUNK_SHINGLES = 4096  # shingles permuted at once: a 128 x 4096 uint32 block (2 MB) stays in cache
_POLY = np.uint64(1_000_003)  # multiplier of the rolling polynomial shingle hash
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: spreads the polynomial into the top bits


def _window_hashes(codes: np.ndarray, size: int) -> np.ndarray:
    """32-bit hashes (as uint64) of every `size`-gram of the code points `codes`."""
    codes = codes.astype(np.uint64)
    count = len(codes) - size + 1
    poly = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        poly = poly * _POLY + codes[offset : offset + count]  # wraps modulo 2**64 by design
    return (poly * _MIX) >> np.uint64(32)


def shingle_hashes(normalized: str, size: int = SHINGLE_CHARS) -> list[int]:
    """Distinct 32-bit hashes of the character `size`-grams of a normalised text (sorted)."""
    if not normalized:
        return []
    codes = np.frombuffer(normalized.encode("utf-32-le"), dtype=np.uint32)
    return np.unique(_window_hashes(codes, min(size, len(codes)))).tolist()


def permutations(num_perm: int = DEFAULT_NUM_PERM, seed: int = MINHASH_SEED) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the affine permutations h -> a*h + b mod 2**32, drawn as datasketch 2.x draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd: a bijection
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    # MurmurHash3's finalizer, which datasketch applies to every input hash before permuting it.
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(normalized: Sequence[str], num_perm: int = DEFAULT_NUM_PERM, seed: int = MINHASH_SEED) -> np.ndarray:
    """MinHash signatures (len(normalized) x num_perm, uint32) of the shingles of non-empty normalised texts."""
    lengths = np.array([len(t) for t in normalized], dtype=np.int64)
    if len(lengths) == 0:
        return np.zeros((0, num_perm), dtype=np.uint32)
    if lengths.min() < SHINGLE_CHARS:  # a text shorter than a shingle is one shingle: hash it on its own
        parts = [np.array(shingle_hashes(t), dtype=np.uint64) for t in normalized]
        hashes, counts = np.concatenate(parts), np.array([len(p) for p in parts], dtype=np.int64)
    else:
        # Hash the windows of all texts joined, then keep those inside one text.
        windows = _window_hashes(np.frombuffer("".join(normalized).encode("utf-32-le"), dtype=np.uint32), SHINGLE_CHARS)
        counts = lengths - SHINGLE_CHARS + 1
        starts = np.cumsum(lengths) - lengths
        kept = np.arange(counts.sum()) + np.repeat(starts - (np.cumsum(counts) - counts), counts)
        hashes = windows[kept]  # repeated shingles stay: they cannot change a minimum
    hashes = _fmix32(hashes.astype(np.uint32))
    return _min_permuted(hashes, counts, *permutations(num_perm, seed))


def _min_permuted(hashes: np.ndarray, counts: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per text (runs of `counts` hashes), the minimum of a*h + b over its hashes, for every (a, b)."""
    halves = np.searchsorted(np.cumsum(counts), counts.sum() // 2) + 1 if len(counts) > 1 else len(counts)
    if len(hashes) < 4 * CHUNK_SHINGLES or halves >= len(counts):
        return _min_permuted_serial(hashes, counts, a, b)
    # Two threads, one per half of the texts: numpy releases the GIL in the loops below.
    split = int(counts[:halves].sum())
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(_min_permuted_serial, hashes[:split], counts[:halves], a, b)
        second = _min_permuted_serial(hashes[split:], counts[halves:], a, b)
        return np.concatenate([first.result(), second])


def _min_permuted_serial(hashes: np.ndarray, counts: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    text_starts = np.cumsum(counts) - counts
    # Pieces: runs of hashes within one text and one chunk; the permutations run along rows, so
    # each piece's minimum is a reduction over contiguous memory.
    piece_starts = np.union1d(text_starts, np.arange(0, len(hashes), CHUNK_SHINGLES))
    piece_mins = np.empty((len(a), len(piece_starts)), dtype=np.uint32)
    block = np.empty((len(a), CHUNK_SHINGLES), dtype=np.uint32)
    first_piece = 0
    for start in range(0, len(hashes), CHUNK_SHINGLES):
        chunk = hashes[start : start + CHUNK_SHINGLES]
        out = block[:, : len(chunk)]
        np.multiply(a[:, None], chunk, out=out)  # uint32 arithmetic wraps: the modulo 2**32
        np.add(out, b[:, None], out=out)
        last_piece = np.searchsorted(piece_starts, start + len(chunk))
        piece_mins[:, first_piece:last_piece] = np.minimum.reduceat(out, piece_starts[first_piece:last_piece] - start, axis=1)
        first_piece = last_piece
    return np.minimum.reduceat(piece_mins, np.searchsorted(piece_starts, text_starts), axis=1).T


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for this threshold and num_perm."""
    known = KNOWN_BANDS.get((round(threshold, 9), num_perm))
    if known:
        return known
    from datasketch import MinHashLSH  # scipy integration over every (b, r): only for unusual settings

    index = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return index.b, index.r


def lsh_candidates(sketches: np.ndarray, bands: int, rows: int) -> dict[int, set[int]]:
    """Row -> the other rows sharing all `rows` values of at least one band with it (rows with none left out)."""
    candidates: dict[int, set[int]] = defaultdict(set)
    for band in range(bands):
        keys = np.ascontiguousarray(sketches[:, band * rows : (band + 1) * rows]).view(np.dtype((np.void, 4 * rows))).ravel()
        _, inverse, sizes = np.unique(keys, return_inverse=True, return_counts=True)
        shared = np.flatnonzero(sizes[inverse] > 1)
        groups: dict[int, list[int]] = defaultdict(list)
        for row, bucket in zip(shared.tolist(), inverse[shared].tolist()):
            groups[bucket].append(row)
        for members in groups.values():
            for row in members:
                candidates[row].update(members)
    for row, others in candidates.items():
        others.discard(row)
    return candidates
