"""Theme classification: IPTC Media Topics level 1 plus configurable level-2 domain topics.

Score first: every known term found in the headline or body adds its weight to each
theme it belongs to, times
- its specificity: a term listed under k themes counts k ** -specificity (an inverse
  document frequency over our own lexicon: 合作 says less than 外交部);
- its position: a headline term counts `headline_weight` times, a term of the lede
  (first paragraph, at most `lede_chars` characters) `lede_weight` times; a term of a
  group with `lead` (who acts: 卫生部, 国务院, 部长) counts `lead` times more there, since
  a desk files a story by the actor that leads it;
- sub-linear repetition: the n-th mention of a term adds 1 + ln(n) in all;
- support: terms of a `support` group (the policy register of politics: 推进, 深化, 全国, which
  any Chinese news text uses) add to a theme at most `support_cap` times what its other terms
  found: they strengthen a theme its own terms found, and cannot make one on their own.
Decide second: themes are ranked by their share of the total score and kept above the
thresholds in `ThemeThresholds`. The evidence lists the terms behind each kept label,
so a reader can see why.
"""
from __future__ import annotations

import math
from operator import itemgetter
from collections import Counter
from dataclasses import dataclass

from tasks.records import Label, ThemeResult
from tasks.theme_lexicon import Lexicon, default_lexicons, taxonomy_version

TAXONOMY_VERSION = taxonomy_version()


@dataclass(frozen=True)
class ThemeThresholds:
    """Where scores become labels; one visible place."""

    min_theme_share: float = 0.15  # a secondary theme needs this share of the total score
    max_themes: int = 4
    min_total_score: float = 2.0  # below this the article says too little to be classified
    topic_saturation: float = 12.0  # topic raw score at which its score reaches 1.0
    min_topic_score: float = 0.25
    max_topics: int = 5
    evidence_terms: int = 4  # terms named per label in the evidence
    specificity: float = 0.5  # a term shared by k themes counts k ** -specificity
    lede_weight: float = 2.0  # a term of the lede (what the story is about) counts this many times a later mention
    lede_chars: int = 60  # the lede: the first paragraph, cut near this many characters (about a sentence)
    support_cap: float = 0.5  # support terms add to a theme at most this share of its score from its other terms


DEFAULT_THRESHOLDS = ThemeThresholds()


@dataclass
class _Scored:
    raw: list[float]
    terms: list[dict[str, int]]  # per category: term -> body count, in order of first mention
    head_terms: list[set[str]]


def _lede(text: str, chars: int) -> tuple[str, str]:
    """(lede, rest): the first paragraph, cut at `chars` characters (after a sentence end when one is near)."""
    first, newline, rest = text.partition("\n")
    if len(first) <= chars:
        return first, rest
    cut = max(first.rfind(mark, 0, chars) for mark in "。！？；")
    cut = cut + 1 if cut >= chars // 3 else chars
    return first[:cut], first[cut:] + newline + rest


def _term_info(lexicon: Lexicon, t: ThemeThresholds) -> dict[str, tuple[tuple[int, float, float, float], ...]]:
    """term -> (category index, weight * specificity factor, lead, lede_weight * lead, support) per entry, once per lexicon.

    The products are the first factors of the expressions in `_score`, evaluated in the same order,
    so precomputing them leaves every score bit for bit the same.
    """
    key = ("term_info", t.specificity, t.lede_weight)
    info = lexicon.memo.get(key)
    if info is None:
        info = {}
        for term, (_, entries) in lexicon.automaton.items():
            # A generic term (no entries) adds to no category.
            specific = len(entries) ** -t.specificity if entries else 0.0
            info[term] = tuple(
                (index, weight * specific, lead, t.lede_weight * lead, (term, index) in lexicon.support)
                for index, weight, lead in entries
            )
        lexicon.memo[key] = info
    return info


def _score(lexicon: Lexicon, headline: str, text: str, t: ThemeThresholds = DEFAULT_THRESHOLDS) -> _Scored:
    size = len(lexicon.categories)
    raw = [0.0] * size
    backing = [0.0] * size  # per category: the score of its support terms, added (capped) at the end
    # Plain dicts and sets: ~40 categories per call, Counter() construction alone cost more than the scoring.
    terms: list[dict[str, int]] = [{} for _ in range(size)]
    head_terms: list[set[str]] = [set() for _ in range(size)]
    info = _term_info(lexicon, t)
    log, headline_weight = math.log, lexicon.headline_weight
    lede, rest = _lede(text, t.lede_chars)
    lede_counts = lexicon.count_terms(lede)
    rest_counts = lexicon.count_terms(rest)
    # Body terms in the order of Counter(lede) + Counter(rest): lede terms first, then the others.
    for term, count in lede_counts.items():
        count += rest_counts.get(term, 0)
        # 1 + ln(count): the fifth mention of a term says less than the first.
        repeated = 1.0 + log(count)
        for index, weight_specific, _, lede_lead, support in info[term]:
            # A term of the lede: its first mention stood in the lede.
            (backing if support else raw)[index] += weight_specific * (repeated + lede_lead - 1.0)
            terms[index][term] = count  # each term once per category
    for term, count in rest_counts.items():
        if term in lede_counts:
            continue  # counted with the lede
        repeated = 1.0 + log(count)
        for index, weight_specific, _, _, support in info[term]:
            (backing if support else raw)[index] += weight_specific * repeated
            terms[index][term] = count
    for term, count in lexicon.count_terms(headline).items():
        repeated = 1.0 + log(count)
        for index, weight_specific, lead, _, support in info[term]:
            (backing if support else raw)[index] += weight_specific * (repeated * headline_weight * lead)
            head_terms[index].add(term)
    for index, support_score in enumerate(backing):
        if support_score:
            raw[index] += min(support_score, t.support_cap * raw[index])
    return _Scored(raw, terms, head_terms)


def _evidence(code: str, scored: _Scored, index: int, limit: int) -> str:
    # Counter.most_common(limit) without building a Counter. heapq.nlargest is documented as equal to this
    # stable sort, which runs in C: a category holds a few dozen terms at most.
    most = sorted(scored.terms[index].items(), key=itemgetter(1), reverse=True)[:limit]
    body = ", ".join(f"{t}×{c}" for t, c in most)
    head = ", ".join(sorted(scored.head_terms[index])[:limit])
    text = f"{code} {body}" if body else code
    return f"{text} (headline: {head})" if head else text


def classify_themes(
    headline: str, text: str, tokens: list[str] | None = None, thresholds: ThemeThresholds = DEFAULT_THRESHOLDS
) -> ThemeResult:
    """IPTC level-1 themes (most central first) and level-2 topics of one article, with evidence.

    `tokens` is accepted for the pipeline's uniform call; matching runs on the text
    itself (leftmost-longest), which does not depend on how jieba cut compounds.
    """
    theme_lexicon, topic_lexicon = default_lexicons()
    headline, text = headline or "", text or ""
    scored = _score(theme_lexicon, headline, text, thresholds)
    total = sum(scored.raw)
    themes: list[Label] = []
    evidence: list[str] = []
    if total >= thresholds.min_total_score:
        ranked = sorted(range(len(scored.raw)), key=lambda i: (-scored.raw[i], i))
        for rank, index in enumerate(ranked[: thresholds.max_themes]):
            share = scored.raw[index] / total
            if rank > 0 and share < thresholds.min_theme_share:
                break
            category = theme_lexicon.categories[index]
            themes.append(Label(category.code, category.label_en, round(share, 4)))
            evidence.append(_evidence(category.code, scored, index, thresholds.evidence_terms))
    topics = _topics(topic_lexicon, headline, text, thresholds, evidence)
    return ThemeResult(themes=themes, topics=topics, evidence=evidence)


def _topics(lexicon: Lexicon, headline: str, text: str, thresholds: ThemeThresholds, evidence: list[str]) -> list[Label]:
    scored = _score(lexicon, headline, text, thresholds)
    found = []
    for index, raw in enumerate(scored.raw):
        score = min(1.0, raw / thresholds.topic_saturation)
        if score >= thresholds.min_topic_score:
            found.append((score, index))
    found.sort(key=lambda pair: (-pair[0], pair[1]))
    labels = []
    for score, index in found[: thresholds.max_topics]:
        category = lexicon.categories[index]
        labels.append(Label(category.code, category.label_zh, round(score, 4)))
        evidence.append(_evidence(f"topic:{category.code}", scored, index, thresholds.evidence_terms))
    return labels


def evaluate_labelled(path: str, thresholds: ThemeThresholds = DEFAULT_THRESHOLDS) -> dict:
    """Primary-theme accuracy on a labelled TSV (label, accepted IPTC codes comma-separated, text).

    A row counts as a hit when the primary theme is among its accepted codes. Returns
    {"articles", "accuracy", "per_label": {label: {"articles", "accuracy", "predicted": {code: n}}}}.
    Measuring only: nothing is learnt from the file.
    """
    per_label: dict[str, dict] = {}
    hits = total = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[1].startswith("medtop:"):
                continue  # header or malformed row
            label, accepted, text = parts[0], set(parts[1].split(",")), parts[2]
            primary = classify_themes("", text, None, thresholds).primary_theme
            stats = per_label.setdefault(label, {"articles": 0, "hits": 0, "predicted": Counter()})
            stats["articles"] += 1
            stats["predicted"][primary or "none"] += 1
            hit = primary in accepted
            stats["hits"] += hit
            hits += hit
            total += 1
    for stats in per_label.values():
        stats["accuracy"] = round(stats.pop("hits") / stats["articles"], 4)
        stats["predicted"] = dict(stats["predicted"].most_common())
    return {"articles": total, "accuracy": round(hits / total, 4) if total else None, "per_label": per_label}
