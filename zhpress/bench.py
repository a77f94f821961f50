"""`make bench`: pipeline throughput against raw jieba, scaling, memory and rerun cost.

Builds a deterministic corpus from recombined seed material, then runs the real
`zhpress build` in subprocesses (so start-up and memory are measured as a user sees
them) and prints every figure with its unit.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"
RSS_POLL_S = 0.05


SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]+[”’」』]?")
CLAUSE_SPLIT = re.compile(r"[，,；;]")
PARAGRAPH_CHARS = 40  # shorter lines (headlines, bylines, furniture) are kept as they are


def make_corpus(folder: Path, total_bytes: int, seed: int = 20261121) -> int:
    """Write page-like documents until `total_bytes`; returns characters written.

    Each document keeps the line layout of a seed page (headlines, bylines, blank lines, broken
    columns), but every sentence of its paragraphs is rebuilt from clauses drawn across all seeds,
    so paragraphs are unique as in a real archive, while short lines recur like page furniture.
    """
    rng = random.Random(seed)
    layouts = [path.read_text(encoding="utf-8").split("\n") for path in sorted(SEEDS.iterdir())]
    clauses = sorted({c.strip(" 。！？!?") for page in layouts for line in page for sentence in SENTENCE.findall(line)
                      for c in CLAUSE_SPLIT.split(sentence) if len(c.strip()) >= 4})
    folder.mkdir(parents=True, exist_ok=True)
    written_bytes = chars = index = 0
    while written_bytes < total_bytes:
        page = layouts[index % len(layouts)]
        text = "\n".join(_recombined(line, rng, clauses) for line in page)
        (folder / f"doc_{index:05d}.txt").write_text(text, encoding="utf-8")
        written_bytes += len(text.encode("utf-8"))
        chars += len(text)
        index += 1
    return chars


def _recombined(line: str, rng: random.Random, clauses: list[str]) -> str:
    if len(line) < PARAGRAPH_CHARS:
        return line

    def sentence(match: re.Match) -> str:
        count = max(2, len(CLAUSE_SPLIT.findall(match.group(0))) + 1)
        return "，".join(rng.choice(clauses) for _ in range(count)) + "。"

    return SENTENCE.sub(sentence, line)


def run_build(input_dir: Path, output_dir: Path, workers: int, extra: list[str] = ()) -> tuple[float, int]:
    """Wall time (s) and peak RSS (bytes, whole process tree) of one `zhpress build`."""
    command = [sys.executable, "-m", "zhpress.cli", "build", "--input", str(input_dir), "--output", str(output_dir),
               "--workers", str(workers), *extra]
    started = time.monotonic()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(RSS_POLL_S)
    elapsed = time.monotonic() - started
    if process.returncode != 0:
        raise SystemExit(f"build failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
    return elapsed, peak


def raw_jieba_seconds(input_dir: Path) -> float:
    """Seconds of `jieba.cut` (precise mode) over the corpus text, dictionary load excluded."""
    _load_dictionary()
    return _cut_files(sorted(input_dir.iterdir()))[1]


def _load_dictionary() -> None:
    import jieba

    jieba.initialize()
    list(jieba.cut("新华社北京电 国务院总理在人民大会堂作政府工作报告。"))  # first-call costs out of the timing


def _cut_files(paths: list[Path]) -> tuple[int, float]:
    """Characters and seconds of jieba.cut over `paths` (in a worker whose dictionary is loaded)."""
    import jieba

    texts = [p.read_text(encoding="utf-8") for p in paths]
    started = time.monotonic()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return sum(map(len, texts)), time.monotonic() - started


def raw_jieba_scaling(input_dir: Path, processes: int = 2) -> float:
    """This machine's ceiling for `processes` workers: raw jieba in that many processes at once,
    against one alone, over the same files.

    Cores of a shared or hyper-threaded machine do not add up: this is what the pipeline's
    worker scaling can be compared with. Each process loads its dictionary before the clock starts.
    """
    import multiprocessing

    files = sorted(input_dir.iterdir())
    shares = [files[i::processes] for i in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes, initializer=_load_dictionary) as pool:
        alone = [pool.apply(_cut_files, (share,)) for share in shares]
        together = pool.map(_cut_files, shares, chunksize=1)
    return scaling(alone, together)


def scaling(alone: list[tuple[int, float]], together: list[tuple[int, float]]) -> float:
    """Throughput of processes run at once (the slowest sets the wall time) over one process's,
    from the (characters, seconds) of each share cut alone and together."""
    alone_rate = sum(c for c, _ in alone) / sum(s for _, s in alone)
    together_rate = sum(c for c, _ in together) / max(s for _, s in together)
    return together_rate / alone_rate


def dedup_and_quality_seconds(version_dir: Path) -> tuple[int, float, float]:
    """Articles, and seconds of dedup.mark_duplicates and of quality.quality_signals over them.

    Timed in-process on the articles a build published: dedup is a serial step of the flow (issue 9
    asks for its cost on this corpus); quality signals run per document inside the workers.
    """
    import pyarrow.parquet as pq

    from tasks import dedup, quality

    articles = pq.read_table(version_dir / "articles.parquet", columns=["article_id", "text", "paragraphs", "tokens", "joins", "quality_flags"])
    pairs = [{"article_id": a, "text": t} for a, t in zip(articles.column("article_id").to_pylist(), articles.column("text").to_pylist())]
    started = time.monotonic()
    dedup.mark_duplicates(pairs)
    dedup_s = time.monotonic() - started
    quality_s = 0.0
    for batch in articles.to_batches(max_chunksize=4096):
        rows = batch.to_pylist()
        started = time.monotonic()
        for row in rows:
            quality.quality_signals(row)
        quality_s += time.monotonic() - started
    return articles.num_rows, dedup_s, quality_s


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=20.0, help="size of the large corpus")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="zhpress-bench-"))
    try:
        report(work, int(args.megabytes * 1_000_000))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(work: Path, large_bytes: int) -> None:
    small_bytes = large_bytes // 4
    tiny = work / "tiny"
    make_corpus(tiny, 2_000)
    small, large = work / "small", work / "large"
    small_chars = make_corpus(small, small_bytes)
    large_chars = make_corpus(large, large_bytes)
    print(f"corpus: {large_chars:,} characters in {len(list(large.iterdir()))} documents ({large_bytes / 1e6:.1f} MB); "
          f"small corpus {small_chars:,} characters")

    # Warm-up: the first run creates Prefect's database and starts the reused local server.
    run_build(tiny, work / "out-warm", 1, ["--no-cache"])
    startup, _ = run_build(tiny, work / "out-tiny", 1, ["--no-cache"])
    print(f"fixed start-up (warm machine, tiny input, 1 worker): {startup:.1f} s")

    jieba_s = raw_jieba_seconds(large)
    jieba_rate = large_chars / jieba_s
    print(f"raw jieba.cut: {jieba_s:.1f} s, {jieba_rate / 1e6:.3f} M chars/s")
    print(f"raw jieba.cut in 2 processes at once: {raw_jieba_scaling(small):.2f}x one process (this machine's ceiling for 2 workers)")

    # Steady state is the marginal rate between the two corpus sizes: fixed costs (start-up, worker
    # warm-up, imports) cancel out, while every cost that grows with the corpus (serial validation and
    # publishing included) stays in.
    small_one_s, small_rss = run_build(small, work / "out-small-1", 1, ["--no-cache"])
    one_s, one_rss = run_build(large, work / "out-1", 1, ["--no-cache"])
    small_two_s, _ = run_build(small, work / "out-small-2", 2, ["--no-cache"])
    two_s, two_rss = run_build(large, work / "out-2", 2, ["--no-cache"])
    added_chars = large_chars - small_chars
    one_rate = added_chars / max(1e-9, one_s - small_one_s)
    two_rate = added_chars / max(1e-9, two_s - small_two_s)
    for workers, small_s, large_s, rate in ((1, small_one_s, one_s, one_rate), (2, small_two_s, two_s, two_rate)):
        print(f"pipeline, {workers} worker{'s' * (workers > 1)}: {small_s:.1f} s wall at {small_bytes / 1e6:.1f} MB, "
              f"{large_s:.1f} s at {large_bytes / 1e6:.1f} MB; whole run {large_chars / large_s / 1e6:.3f} M chars/s, "
              f"steady {rate / 1e6:.3f} M chars/s")
    print(f"steady throughput, 1 worker: {one_rate / jieba_rate:.2f}x raw jieba; "
          f"2 workers: {two_rate / one_rate:.2f}x one worker")

    count, dedup_s, quality_s = dedup_and_quality_seconds(_latest(work / "out-1"))
    print(f"dedup.mark_duplicates: {dedup_s:.1f} s, quality signals: {quality_s:.1f} s over {count:,} articles "
          f"({large_bytes / 1e6:.1f} MB corpus, in-process)")

    print(f"peak RSS, 1 worker: {small_rss / 2**20:.0f} MiB at {small_bytes / 1e6:.1f} MB, "
          f"{one_rss / 2**20:.0f} MiB at {large_bytes / 1e6:.1f} MB: {one_rss / small_rss:.2f}x for 4x the corpus")
    print(f"peak RSS, 2 workers at {large_bytes / 1e6:.1f} MB: {two_rss / 2**20:.0f} MiB")

    cached_out = work / "out-cached"
    full_s, _ = run_build(large, cached_out, 2)
    rerun_s, _ = run_build(large, cached_out, 2)
    print(f"no-change rerun: {rerun_s:.1f} s against a full run of {full_s:.1f} s: {rerun_s / full_s:.0%}")


def _latest(output_dir: Path) -> Path:
    """The version folder LATEST points at in the default dataset of `output_dir`."""
    from tasks.publish_naming import dataset_path, latest_version
    from tasks.schema import DEFAULT_DATASET

    dataset_dir = dataset_path(output_dir, DEFAULT_DATASET)
    return dataset_dir / latest_version(dataset_dir)


if __name__ == "__main__":
    main()
