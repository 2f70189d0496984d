"""Articles written for these tests (never the dev data): varied, deterministic news prose."""

from __future__ import annotations

import json
import random
from pathlib import Path

_PLACES = ["Riverton", "the harbour district", "North Vale", "Eastbrook", "the old mill quarter", "Lakeside"]
_ACTORS = ["The city council", "A group of residents", "The regional water board", "Local teachers", "The port authority", "Hospital staff"]
_ACTIONS = ["approved", "rejected", "postponed", "debated", "announced", "questioned"]
_OBJECTS = ["a new bus route", "the flood defence budget", "a plan for cycle lanes", "the school meals contract", "repairs to the bridge", "a ban on night deliveries"]
_DETAILS = [
    "The vote was {n} to {m}, after a debate that lasted most of the evening.",
    "Officials said the work would cost about {n} million and take {m} months.",
    "More than {n} people signed a petition before the meeting on Tuesday.",
    "Critics argued that {m} earlier proposals had failed for the same reasons.",
    "The mayor said a final decision would follow a consultation in {place}.",
    "Shop owners in {place} said they had not been asked for their views.",
    "A spokesperson promised that {n} new jobs would be created locally.",
    "Opposition members asked for an independent review of the figures.",
]


def make_article(rng: random.Random, sentences: int = 12) -> tuple[str, str]:
    """(title, text) of one generated article, in paragraphs of two or three sentences."""
    actor, action, thing, place = rng.choice(_ACTORS), rng.choice(_ACTIONS), rng.choice(_OBJECTS), rng.choice(_PLACES)
    lines = [f"{actor} in {place} {action} {thing} on Monday, ending weeks of argument."]
    while len(lines) < sentences:
        lines.append(rng.choice(_DETAILS).format(n=rng.randint(2, 900), m=rng.randint(2, 40), place=rng.choice(_PLACES)))
    paragraphs, i = [], 0
    while i < len(lines):
        step = rng.choice((2, 3))
        paragraphs.append(" ".join(lines[i : i + step]))
        i += step
    return f"{actor} {action} {thing}", "\n\n".join(paragraphs)


def write_jsonl(path: Path, count: int, seed: int = 7, sentences: int = 12) -> list[str]:
    """Write `count` articles as JSONL (id, title, text); return their ids in order."""
    rng = random.Random(seed)
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            title, text = make_article(rng, sentences)
            ids.append(f"art-{i:05d}")
            out.write(json.dumps({"id": ids[-1], "title": title, "text": text}) + "\n")
    return ids


def read_results(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def without_timings(results: list[dict]) -> dict[str, dict]:
    """Results by id, minus the per-run timings (the only part that differs between runs)."""
    return {r["id"]: {k: v for k, v in r.items() if k != "timings"} for r in results}
