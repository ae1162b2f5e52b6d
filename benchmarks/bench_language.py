"""Language-check speed: warm check() vs tokenizer-only, batch throughput, cold CLI start.

Run: python benchmarks/bench_language.py
Prints each figure and its ratio to a reference measured in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jdbuilder.language import check, check_many, nlp
from jdbuilder.library import load_library, template_job_description


def corpus_text(words: int) -> str:
    """Realistic job-description text from the shipped library, with some problem phrases."""
    lib = load_library()
    pieces: list[str] = []
    extra = [
        "Works with addicts and non-compliant clients on the unit.",
        "The peer will administer medications and write treatment plans.",
        "Supports people who suffer from depression.",
    ]
    statements = [s.text for s in lib.statements.values()]
    for role in lib.roles.values():
        pieces += [t for _, t in template_job_description(role).all_text()]
    i = 0
    out: list[str] = []
    count = 0
    while count < words:
        t = (pieces + statements)[i % (len(pieces) + len(statements))]
        if i % 60 == 0:
            t = extra[(i // 60) % len(extra)]
        out.append(t)
        count += len(t.split())
        i += 1
    return "\n".join(out)


def best_of(fn, repeat: int = 30) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    text = corpus_text(2000)
    n_words = len(text.split())
    check(text)  # warm: pipeline, lexicon, tokenizer cache
    tok = best_of(lambda: nlp.tokenize(text))
    full = best_of(lambda: check(text))
    print(f"document: {n_words} words, {len(check(text))} findings")
    print(f"tokenizer only (spaCy make_doc): {tok * 1000:.2f} ms")
    print(f"warm check():                    {full * 1000:.2f} ms")
    print(f"ratio check / tokenizer:         {full / tok:.2f}x (target <= 2x)")
    lemm = best_of(lambda: nlp.lemmatize(nlp.tokenize(text)), repeat=10)
    print(f"(tokenizer + lemmatizer pass, for reference: {lemm * 1000:.2f} ms, "
          f"{lemm / tok:.1f}x tokenizer)")

    docs = [corpus_text(100 + (k % 7) * 40) for k in range(12)]
    batch = [docs[k % len(docs)] + f" Document {k}." for k in range(1200)]
    total_words = sum(len(d.split()) for d in batch)
    t = time.perf_counter()
    for _ in check_many(batch):
        pass
    elapsed = time.perf_counter() - t
    t = time.perf_counter()
    for _ in nlp.tokenize_many(batch):
        pass
    tok_elapsed = time.perf_counter() - t
    print(f"batch: {len(batch)} documents, {total_words} words in {elapsed:.2f} s = "
          f"{total_words / elapsed:,.0f} words/s (target >= 100,000); "
          f"tokenizer-only {total_words / tok_elapsed:,.0f} words/s; "
          f"ratio {elapsed / tok_elapsed:.2f}x")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "jd.txt"
        path.write_text(text, encoding="utf-8")
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "jdbuilder", "check", str(path)],
                           capture_output=True, check=False)
            runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import spacy; spacy.blank('en')"],
                       capture_output=True, check=False)
        ref = time.perf_counter() - t
    cold = statistics.median(runs)
    print(f"cold `jdbuilder check` on the 2,000-word file: {cold:.2f} s (median of 3); "
          f"python + spacy.blank('en') alone: {ref:.2f} s; ratio {cold / ref:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
