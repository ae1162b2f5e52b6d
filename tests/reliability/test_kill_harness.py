from __future__ import annotations

from tests.reliability.kill_harness import run


def test_short_kill_run_loses_and_corrupts_nothing() -> None:
    result = run(iterations=8, seed=7)
    assert result.kills == 8
    assert result.problems == []
