"""Exact and near duplicate articles, within a run and against the previous published version.

Scores first, decision second: every article's text is normalised (NFKC, case folded, only letters
and digits kept), exact copies are grouped by a hash of that normalised text, and the remaining
distinct texts are compared by MinHash over character shingles with a banded LSH index.
A pair is a near duplicate when its estimated Jaccard similarity reaches `threshold`.

The sketches are those of datasketch 2.x (scheme "affine32": shingle hash -> MurmurHash3 finalizer
-> a*h + b mod 2**32 with RandomState(seed) permutations) and the bands those its MinHashLSH picks,
computed here with numpy for every article at once (tests/test_dedup.py checks both against datasketch).

Kept-copy rule (deterministic, independent of input order): candidates are ranked by
  1. an article of the previous published version first (also a current article whose id it had),
  2. then the longest normalised text,
  3. then the smallest article_id.
Walking that ranking, an article not yet claimed is kept, and it claims every unclaimed article
similar to it; claimed articles get `duplicate_of` = the kept copy and `near_duplicate_score` = the
estimated Jaccard similarity with it (1.0 for exact copies). Previous-version articles are never
claimed. Nothing is dropped: the caller publishes the marks as columns.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

DEFAULT_THRESHOLD = 0.8  # estimated Jaccard on character shingles
DEFAULT_NUM_PERM = 128
SHINGLE_CHARS = 5  # 5-char shingles: about two Chinese words, robust to a few edited characters
MIN_DEDUP_CHARS = 30  # shorter normalised texts (captions, one-line notices) are never marked
MINHASH_SEED = 20240301  # fixed: the same input gives the same marks in every run
# LSH only proposes candidates; it is tuned below the threshold because at the threshold itself
# its banding finds just ~40 % of true pairs (b=9, r=13 for 0.8/128). At 0.8 - 0.15 it finds ~95 %
# of pairs at Jaccard 0.8 and ~99 % at 0.85; each candidate is then checked against `threshold`.
LSH_MARGIN = 0.15
ORIGINAL_SCORE = 0.0  # near_duplicate_score of an article that is not a duplicate
# (bands, rows) datasketch's MinHashLSH chooses for (LSH threshold, num_perm); others are asked of it.
KNOWN_BANDS = {(0.65, 128): (16, 8)}
CHUNK_SHINGLES = 4096  # shingles permuted at once: a 128 x 4096 uint32 block (2 MB) stays in cache

_NON_WORD = re.compile(r"[\W_]+")
_POLY = np.uint64(1_000_003)  # multiplier of the rolling polynomial shingle hash
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: spreads the polynomial into the top bits


class DuplicateMark(NamedTuple):
    """Marks of one article: the kept copy it duplicates (None for originals) and the similarity."""

    duplicate_of: str | None
    near_duplicate_score: float


def normalize_for_dedup(text: str) -> str:
    """Text as compared: NFKC, case folded, whitespace, punctuation and symbols removed."""
    # Dropping punctuation first leaves little for NFKC to do (full-width Chinese punctuation is
    # what usually makes news text non-NFKC), and the quick check then skips most texts.
    text = _NON_WORD.sub("", text or "")
    if not unicodedata.is_normalized("NFKC", text):
        text = _NON_WORD.sub("", unicodedata.normalize("NFKC", text))
    return text.casefold()


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


def _previous_pairs(previous: Iterable[tuple[str, str]] | pa.Table) -> list[tuple[str, str]]:
    if isinstance(previous, pa.Table):
        return list(zip(previous.column("article_id").to_pylist(), previous.column("text").to_pylist()))
    return [(article_id, text) for article_id, text in previous]


class Sketches(NamedTuple):
    """What duplicate marking needs of each text: its normalised length, the sha256 of its normalised
    form and its MinHash signature (zeros for texts shorter than MIN_DEDUP_CHARS, never compared)."""

    lengths: list[int]
    digests: list[bytes]
    signatures: np.ndarray


def sketch_texts(texts: Sequence[str | None], num_perm: int = DEFAULT_NUM_PERM) -> Sketches:
    """The Sketches of these texts, in order; per text, so batches can be sketched as they arrive."""
    normalized = [normalize_for_dedup(text or "") for text in texts]
    compared = [i for i, text in enumerate(normalized) if len(text) >= MIN_DEDUP_CHARS]
    sketches = np.zeros((len(normalized), num_perm), dtype=np.uint32)
    sketches[compared] = signatures([normalized[i] for i in compared], num_perm)
    digests = [hashlib.sha256(text.encode("utf-8")).digest() if len(text) >= MIN_DEDUP_CHARS else b"" for text in normalized]
    return Sketches([len(text) for text in normalized], digests, sketches)


def concat_sketches(parts: Sequence[Sketches], num_perm: int = DEFAULT_NUM_PERM) -> Sketches:
    """The Sketches of several batches of texts, one after the other."""
    return Sketches(
        [n for part in parts for n in part.lengths],
        [d for part in parts for d in part.digests],
        np.concatenate([part.signatures for part in parts]) if parts else np.zeros((0, num_perm), dtype=np.uint32),
    )


def mark_duplicates(
    articles: list[dict],
    previous: Iterable[tuple[str, str]] | pa.Table = (),
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = DEFAULT_NUM_PERM,
) -> dict[str, DuplicateMark]:
    """Mark exact and near duplicate articles; return {article_id: DuplicateMark} for every article.

    `articles` are article rows (only "article_id" and "text" are read). `previous` holds the
    (article_id, text) pairs, or a table with those columns, of the previous published version: its
    articles win as kept copies and may be named in `duplicate_of`, but get no marks themselves.
    An article whose id is in `previous` is the same article, not a duplicate of itself.
    """
    ids = [row["article_id"] for row in articles]
    sketches = sketch_texts([row.get("text") for row in articles], num_perm)
    return dict(zip(ids, duplicate_marks(ids, sketches, previous, threshold, num_perm)))


def duplicate_marks(
    ids: Sequence[str],
    sketches: Sketches,
    previous: Iterable[tuple[str, str]] | pa.Table = (),
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = DEFAULT_NUM_PERM,
) -> list[DuplicateMark]:
    """mark_duplicates over article ids and the Sketches of their texts (sketch_texts, same num_perm):
    the DuplicateMark of each id, in order. The previous version's texts are sketched here."""
    row = {aid: i for i, aid in enumerate(ids)}  # a repeated id: its last text, as a dict of rows keeps
    earlier = dict(_previous_pairs(previous))
    in_previous = set(earlier)
    only_earlier = [aid for aid in earlier if aid not in row]
    sketches = concat_sketches([sketches, sketch_texts([earlier[aid] for aid in only_earlier], num_perm)], num_perm)
    row.update({aid: len(ids) + i for i, aid in enumerate(only_earlier)})
    # The ranking of the kept-copy rule; a smaller key wins.
    lengths = sketches.lengths
    rank = sorted(row, key=lambda aid: (aid not in in_previous, -lengths[row[aid]], aid))

    # Exact copies: the best-ranked member of each group of equal normalised texts represents it.
    representative: dict[str, str] = {}
    by_digest: dict[bytes, str] = {}
    for aid in rank:
        if lengths[row[aid]] >= MIN_DEDUP_CHARS:
            representative[aid] = by_digest.setdefault(sketches.digests[row[aid]], aid)
    reps = [aid for aid in rank if representative.get(aid) == aid]

    # Near copies among the representatives: candidates share a band of their signatures.
    signature = sketches.signatures[[row[aid] for aid in reps]]
    candidates = lsh_candidates(signature, *lsh_bands(max(0.1, threshold - LSH_MARGIN), num_perm))
    claimed: dict[str, DuplicateMark] = {}
    for i, aid in enumerate(reps):  # in rank order, so a kept copy always outranks what it claims
        if aid in claimed or i not in candidates:
            continue
        for j in sorted(candidates[i], key=reps.__getitem__):
            other = reps[j]
            if other in claimed or other in in_previous:
                continue
            similarity = float(np.count_nonzero(signature[i] == signature[j])) / float(num_perm)
            if similarity >= threshold:
                claimed[other] = DuplicateMark(aid, similarity)

    marks = []
    for aid in ids:
        rep = representative.get(aid)
        if rep is None:
            marks.append(DuplicateMark(None, ORIGINAL_SCORE))
        elif rep in claimed:
            marks.append(claimed[rep])  # an exact copy of a near duplicate points at the same kept copy
        elif rep != aid:
            marks.append(DuplicateMark(rep, 1.0))
        else:
            marks.append(DuplicateMark(None, ORIGINAL_SCORE))
    return marks


def previous_articles(dataset_dir: Path) -> list[tuple[str, str]]:
    """(article_id, text) of the LATEST published version, the reference for cross-version duplicates."""
    from tasks.publish import latest_version  # publish imports the card and charts: load only when needed

    version = latest_version(Path(dataset_dir))
    if version is None:
        return []
    table = pq.read_table(Path(dataset_dir) / version / "articles.parquet", columns=["article_id", "text"])
    return list(zip(table.column("article_id").to_pylist(), table.column("text").to_pylist()))
