"""Paragraph repair: link each line that stops mid-sentence to the line that continues it.

Every candidate pair (a, b) gets a score from the evidence in tasks/segment_joins.py; pairs
are accepted best first (one continuation per line, no cycles) down to JOIN_THRESHOLD.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from tasks.segment_heads import headline_likeness, parse_continuation, parse_dateline
from tasks.segment_joins import bridge_word, cohesion, doubled_overlap, idf_table, mid_start, open_end, term_vector
from tasks.segment_layout import Block
from tasks.segment_ngram import CharModel, spanning_word

JOIN_THRESHOLD = 1.0  # a pair this strong is accepted outright
NEEDED_JOIN_THRESHOLD = 0.0  # a line left open takes its best remaining candidate down to this
CANDIDATE_WINDOW = 80  # content lines either side searched for a continuation (a page's span)
WEIGHTS = {
    "adjacent": 0.8,  # b is the next body line after a in file order
    "far": -0.4,  # b stands elsewhere: the page was read out of column order
    "distance": -0.004,  # per line between a and b
    "mid_start": 1.5,
    "doubled": 2.0,
    "bridge_word": 1.0,
    "ngram": 0.3,  # per nat of the character n-gram ratio across the break (tasks/segment_ngram.py)
    "cohesion": 2.5,  # TF-IDF cosine of b's run with a's article so far
    "home_cohesion": -1.5,  # ... against b's run with the text it stands under
    "quoted_end": -0.6,  # a ends with a closing quote: more often a title than a column break
}


def body_text(text: str) -> str:
    """Line text without continuation markers."""
    marker = parse_continuation(text)
    return marker.text if marker else text.strip()


def pair_score(a: int, b: int, texts: list[str], adjacent: bool, vectors: dict, idf: dict,
               model: CharModel | None = None, norms: dict | None = None) -> float:
    """Evidence that line b continues the sentence line a leaves open (higher is stronger)."""
    w, ta, tb = WEIGHTS, texts[a], texts[b]
    doubled = doubled_overlap(ta, tb)
    if not open_end(ta) and not (doubled and mid_start(tb) >= 0.9):
        return float("-inf")
    score = w["adjacent"] if adjacent else w["far"] + w["distance"] * abs(b - a)
    score += w["mid_start"] * mid_start(tb)
    score += w["doubled"] * (1.0 if doubled >= 2 or (doubled and mid_start(tb)) else 0.5 if doubled else 0.0)
    # a jieba word across the break is a dictionary word made of both sides: the cheap lookup
    # gates the jieba cut, which costs too much to run on every candidate pair of a long page
    score += w["bridge_word"] * (spanning_word(ta, tb, max_side=4) > 0 and bridge_word(ta, tb))
    if model is not None:
        score += w["ngram"] * max(0.0, model.cross_llr(ta, tb))
    score += w["cohesion"] * cohesion(vectors[("ctx", a)], vectors[("run", b)], idf, norms)
    if not adjacent and vectors.get(("home", b)):
        score += w["home_cohesion"] * cohesion(vectors[("home", b)], vectors[("run", b)], idf, norms)
    if ta.endswith(("”", "》", "）", ")")):
        score += w["quoted_end"]
    return score


def choose_links(blocks: list[Block], texts: list[str], is_subhead: list[bool],
                 threshold: float = JOIN_THRESHOLD, needed_threshold: float = NEEDED_JOIN_THRESHOLD,
                 window: int = CANDIDATE_WINDOW) -> dict[int, int]:
    """Map line a -> line b for every accepted continuation (indices into the content lines).

    First strong pairs, best first; then each line still left open takes its best remaining
    candidate among lines where a paragraph could start (the line above closes a sentence).
    """
    block_of = {x: k for k, block in enumerate(blocks) for x in block.body}
    succ: dict[int, int | None] = {}
    pred: dict[int, int | None] = {}
    for block in blocks:
        for pos, x in enumerate(block.body):
            succ[x] = block.body[pos + 1] if pos + 1 < len(block.body) else None
            pred[x] = block.body[pos - 1] if pos else None
    lines = [x for x in block_of if not is_subhead[x]]
    targets = sorted([
        b for b in lines
        if not parse_dateline(texts[b]) and not _opens_with_marker(texts[b]) and "|" not in texts[b]
        and not (pred[b] is None and (blocks[block_of[b]].head or blocks[block_of[b]].bylines or blocks[block_of[b]].from_page))
    ])
    vectors = _vectors(blocks, texts, block_of, lines, pred)
    idf = idf_table([vectors[("run", x)] for x in lines])
    norms: dict = {}  # vector norms by id: the vectors live in `vectors` until choose_links returns
    model = CharModel([texts[x] for x in block_of] + [texts[x] for block in blocks for x in block.head])
    opens = {a for a in lines if open_end(texts[a])}
    sources = sorted(opens | {a for a in lines if any(doubled_overlap(texts[a], texts[b]) for b in _near(a, targets, window))})
    pairs = sorted(
        ((pair_score(a, b, texts, succ[a] == b, vectors, idf, model, norms), a, b) for a in sources for b in _near(a, targets, window) if a != b),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    pairs = [p for p in pairs if p[0] >= needed_threshold]
    links: dict[int, int] = {}
    parent = dict(pred)
    taken: set[int] = set()
    for score, a, b in pairs:
        if score >= threshold and a not in links and b not in taken and not _is_ancestor(b, a, parent):
            links[a], parent[b] = b, a
            taken.add(b)
    changed = True
    while changed:  # lines left open take their best remaining candidate; a pass can free others
        changed = False
        for score, a, b in pairs:
            if a in links or a not in opens or b in taken or _is_ancestor(b, a, parent):
                continue
            if pred[b] not in (None, a) and open_end(texts[pred[b]]) and pred[b] not in links:
                continue  # b still reads on from the line above it
            links[a], parent[b] = b, a
            taken.add(b)
            changed = True
    return links


def _near(a: int, targets: list[int], window: int) -> list[int]:
    """Targets within `window` content lines of a (sorted list): bounds the pairs on long documents."""
    lo, hi = bisect_left(targets, a - window), bisect_right(targets, a + window)
    return targets[lo:hi]


def parent_linked(links: dict[int, int]) -> set[int]:
    return set(links.values())


def _vectors(blocks: list[Block], texts: list[str], block_of: dict[int, int], lines: list[int], pred: dict) -> dict:
    """Term vectors: a's article so far (ctx), b's run of up to 3 lines (run), what b stands under (home)."""
    vectors: dict = {}
    for x in lines:
        block = blocks[block_of[x]]
        pos = block.body.index(x)
        vectors[("ctx", x)] = term_vector(" ".join(texts[i] for i in block.head + block.body[max(0, pos - 2): pos + 1]))
        vectors[("run", x)] = term_vector(" ".join(texts[i] for i in block.body[pos: pos + 3]))
        if pred[x] is not None:
            vectors[("home", x)] = term_vector(" ".join(texts[i] for i in block.head + block.body[max(0, pos - 2): pos]))
    return vectors


def _opens_with_marker(text: str) -> bool:
    marker = parse_continuation(text)
    return bool(marker and marker.from_page and text.lstrip().startswith(("(", "（")))


def _is_ancestor(x: int, y: int, parent: dict[int, int | None]) -> bool:
    """True when x is y or stands above y on y's chain of parents."""
    seen = set()
    while y is not None and y not in seen:
        if y == x:
            return True
        seen.add(y)
        y = parent.get(y)
    return False


def subhead_flags(texts: list[str], markups: list[bool]) -> list[bool]:
    """Body lines that read as section heads or question subheads inside an article."""
    flags = []
    for text, marked in zip(texts, markups):
        short_title = headline_likeness(text) >= 0.5 and len(text) <= 40 and mid_start(text) == 0
        flags.append(short_title and (marked or text.endswith(("？", "?"))))
    return flags
