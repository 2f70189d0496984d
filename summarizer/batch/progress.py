"""Progress on standard error: a bar with rate and ETA, and the closing summary.

On a terminal the bar redraws in place every REDRAW_INTERVAL_S; when stderr is a file
or a pipe (logs, CI) it prints a plain line every LOG_INTERVAL_S instead.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Callable, TextIO

REDRAW_INTERVAL_S = 0.2
LOG_INTERVAL_S = 10.0
BAR_WIDTH = 24


@dataclass
class BatchCounts:
    done: int = 0  # summarised in this run
    failed: int = 0  # error records written in this run
    skipped: int = 0  # already in the output (resume)
    duplicates: int = 0  # ids seen earlier in this input; only the first is kept
    elapsed_s: float = 0.0
    torn_bytes: int = 0  # bytes of a torn last line cut off before resuming

    @property
    def processed(self) -> int:
        return self.done + self.failed

    @property
    def articles_per_s(self) -> float:
        return self.processed / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def summary_line(self, outcome: str = "finished") -> str:
        parts = [f"{self.done:,} done", f"{self.failed:,} failed", f"{self.skipped:,} skipped (already in the output)"]
        if self.duplicates:
            parts.append(f"{self.duplicates:,} duplicate ids ignored (first kept)")
        parts.append(f"{_clock(self.elapsed_s)} elapsed")
        parts.append(f"{self.articles_per_s:,.1f} articles/s")
        return f"batch {outcome}: " + ", ".join(parts)


class Progress:
    def __init__(
        self,
        total: int | None,
        stream: TextIO | None = None,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.counts = BatchCounts()
        self._clock = clock
        self._started = clock()
        self._interactive = bool(getattr(self.stream, "isatty", lambda: False)())
        self._interval = REDRAW_INTERVAL_S if self._interactive else LOG_INTERVAL_S
        self._last_draw = self._started

    def add(self, done: int = 0, failed: int = 0, skipped: int = 0, duplicates: int = 0) -> None:
        self.counts.done += done
        self.counts.failed += failed
        self.counts.skipped += skipped
        self.counts.duplicates += duplicates
        now = self._clock()
        if self.enabled and now - self._last_draw >= self._interval:
            self._last_draw = now
            self._draw(now)

    def finish(self, outcome: str = "finished") -> BatchCounts:
        self.counts.elapsed_s = self._clock() - self._started
        if self.enabled:
            self._draw(self._clock())
            if self._interactive:
                self.stream.write("\n")
        self.stream.write(self.counts.summary_line(outcome) + "\n")
        self.stream.flush()
        return self.counts

    def line(self, now: float) -> str:
        """The progress line: position, counts, rate and ETA."""
        counts = self.counts
        elapsed = max(now - self._started, 1e-9)
        rate = counts.processed / elapsed
        seen = counts.processed + counts.skipped + counts.duplicates
        if self.total:
            fraction = min(1.0, seen / self.total)
            filled = int(fraction * BAR_WIDTH)
            position = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {seen:,}/{self.total:,} {fraction:4.0%}"
            remaining = max(0, self.total - seen)
            eta = _clock(remaining / rate) if rate > 0 else "?"
        else:
            position, eta = f"{seen:,} read", "?"
        return (
            f"{position}  done {counts.done:,}  failed {counts.failed:,}  skipped {counts.skipped:,}  "
            f"{rate:,.1f} art/s  ETA {eta}"
        )

    def _draw(self, now: float) -> None:
        text = self.line(now)
        self.stream.write(f"\r{text}\x1b[K" if self._interactive else text + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
