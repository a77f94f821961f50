"""Exact and near duplicate articles, within a run and against the previous published version.

Scores first, decision second: every article's text is normalised (NFKC, case folded, only letters
and digits kept), exact copies are grouped by a hash of that normalised text, and the remaining
distinct texts are compared by MinHash over character shingles with a banded LSH index.
A pair is a near duplicate when its estimated Jaccard similarity reaches `threshold`.

The sketches and bands are datasketch's, computed with numpy for every article at once (tasks/dedup_minhash.py).

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
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tasks.dedup_minhash import (  # noqa: F401 (the sketch functions are public here too)
    DEFAULT_NUM_PERM, MINHASH_SEED, SHINGLE_CHARS, lsh_bands, lsh_candidates, shingle_hashes, signatures,
)

DEFAULT_THRESHOLD = 0.8  # estimated Jaccard on character shingles
MIN_DEDUP_CHARS = 30  # shorter normalised texts (captions, one-line notices) are never marked
# LSH only proposes candidates; it is tuned below the threshold because at the threshold itself
# its banding finds just ~40 % of true pairs (b=9, r=13 for 0.8/128). At 0.8 - 0.15 it finds ~95 %
# of pairs at Jaccard 0.8 and ~99 % at 0.85; each candidate is then checked against `threshold`.
LSH_MARGIN = 0.15
ORIGINAL_SCORE = 0.0  # near_duplicate_score of an article that is not a duplicate

_NON_WORD = re.compile(r"[\W_]+")


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
