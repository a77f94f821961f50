"""Exact and near duplicate articles, within a run and against the previous published version.

Scores first, decision second: every article's text is normalised (NFKC, case folded, only letters
and digits kept), exact copies are grouped by a hash of that normalised text, and the remaining
distinct texts are compared by MinHash over character shingles with an LSH index (datasketch).
A pair is a near duplicate when its estimated Jaccard similarity reaches `threshold`.

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
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from datasketch import MinHash, MinHashLSH

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


def shingle_hashes(normalized: str, size: int = SHINGLE_CHARS) -> list[int]:
    """Distinct 32-bit hashes of the character `size`-grams of a normalised text (sorted)."""
    if not normalized:
        return []
    codes = np.frombuffer(normalized.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < size:
        size = len(codes)
    count = len(codes) - size + 1
    poly = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        poly = poly * _POLY + codes[offset : offset + count]  # wraps modulo 2**64 by design
    return np.unique((poly * _MIX) >> np.uint64(32)).tolist()


def _identity(value: int) -> int:
    # Shingles are already hashed (vectorised above); datasketch only permutes them.
    return value


def _minhash(template: MinHash, hashes: list[int]) -> MinHash:
    # Copying a template reuses its permutations, which cost more to draw than to apply.
    sketch = template.copy()
    sketch.update_batch(hashes)
    return sketch


def _previous_pairs(previous: Iterable[tuple[str, str]] | pa.Table) -> list[tuple[str, str]]:
    if isinstance(previous, pa.Table):
        return list(zip(previous.column("article_id").to_pylist(), previous.column("text").to_pylist()))
    return [(article_id, text) for article_id, text in previous]


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
    current = {row["article_id"]: row.get("text") or "" for row in articles}
    earlier = {aid: text or "" for aid, text in _previous_pairs(previous)}
    in_previous = set(earlier)
    texts = {**{aid: t for aid, t in earlier.items() if aid not in current}, **current}
    normalized = {aid: normalize_for_dedup(text) for aid, text in texts.items()}
    # The ranking of the kept-copy rule; a smaller key wins.
    rank = sorted(texts, key=lambda aid: (aid not in in_previous, -len(normalized[aid]), aid))

    # Exact copies: the best-ranked member of each group of equal normalised texts represents it.
    representative: dict[str, str] = {}
    by_digest: dict[bytes, str] = {}
    for aid in rank:
        if len(normalized[aid]) < MIN_DEDUP_CHARS:
            continue
        digest = hashlib.sha256(normalized[aid].encode("utf-8")).digest()
        representative[aid] = by_digest.setdefault(digest, aid)
    reps = [aid for aid in rank if representative.get(aid) == aid]

    # Near copies among the representatives: build the LSH index once, query each sketch.
    template = MinHash(num_perm=num_perm, seed=MINHASH_SEED, hashfunc=_identity)
    sketches = {aid: _minhash(template, shingle_hashes(normalized[aid])) for aid in reps}
    index = MinHashLSH(threshold=max(0.1, threshold - LSH_MARGIN), num_perm=num_perm)
    with index.insertion_session() as session:
        for aid in reps:
            session.insert(aid, sketches[aid], check_duplication=False)

    claimed: dict[str, DuplicateMark] = {}
    for aid in reps:  # in rank order, so a kept copy always outranks what it claims
        if aid in claimed:
            continue
        for other in sorted(index.query(sketches[aid])):
            if other == aid or other in claimed or other in in_previous:
                continue
            similarity = float(sketches[aid].jaccard(sketches[other]))
            if similarity >= threshold:
                claimed[other] = DuplicateMark(aid, similarity)

    marks: dict[str, DuplicateMark] = {}
    for aid in current:
        rep = representative.get(aid)
        if rep is None:
            marks[aid] = DuplicateMark(None, ORIGINAL_SCORE)
        elif rep in claimed:
            marks[aid] = claimed[rep]  # an exact copy of a near duplicate points at the same kept copy
        elif rep != aid:
            marks[aid] = DuplicateMark(rep, 1.0)
        else:
            marks[aid] = DuplicateMark(None, ORIGINAL_SCORE)
    return marks


def previous_articles(dataset_dir: Path) -> list[tuple[str, str]]:
    """(article_id, text) of the LATEST published version, the reference for cross-version duplicates."""
    from tasks.publish import latest_version  # publish imports the card and charts: load only when needed

    version = latest_version(Path(dataset_dir))
    if version is None:
        return []
    table = pq.read_table(Path(dataset_dir) / version / "articles.parquet", columns=["article_id", "text"])
    return list(zip(table.column("article_id").to_pylist(), table.column("text").to_pylist()))
