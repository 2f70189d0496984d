"""The Dockerfile runs the same commands as the scripts (no Docker engine here to build it),
and its health check works against a running service."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

from summarizer.settings import ENV_PREFIX, Settings

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    """The arguments of every NAME instruction, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.split(None, 1)[:1] == [name]]


def test_install_step_is_the_bootstrap_script():
    assert "bash scripts/bootstrap.sh" in instructions("RUN")
    bootstrap = (REPO / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    assert '"torch==2.13.0"' in bootstrap  # pinned torch first, then the package


def test_runs_as_a_non_root_user_and_serves():
    users = instructions("USER")
    assert users and users[-1] not in ("root", "0")
    assert DOCKERFILE.index("USER ") < DOCKERFILE.index("RUN bash scripts/bootstrap.sh")
    assert json.loads(instructions("CMD")[-1]) == ["summarizer", "serve"]
    assert instructions("EXPOSE") == ["8000"]
    assert "BASE_IMAGE" in instructions("ARG")[0] and instructions("FROM") == ["${BASE_IMAGE}"]


def test_environment_names_real_settings():
    known = {ENV_PREFIX + f.name.upper() for f in fields(Settings)}
    used = set(re.findall(r"\b(SUMMARIZER_[A-Z_]+)=", DOCKERFILE))
    assert {"SUMMARIZER_SERVICE_HOST", "SUMMARIZER_MODELS_DIR"} <= used
    assert used <= known, f"unknown settings in the Dockerfile: {used - known}"


def test_dockerignore_keeps_what_the_install_needs():
    ignored = {line.strip() for line in (REPO / ".dockerignore").read_text().splitlines() if line.strip() and not line.startswith("#")}
    for needed in ("pyproject.toml", "README.md", "summarizer", "scripts", "seeds"):
        assert needed not in ignored
    assert {".git", ".venv", "models/*/"} <= ignored


def test_healthcheck_command_passes_against_a_running_service(live_server):
    healthcheck = re.search(r"HEALTHCHECK.*?CMD (\[.*\])", re.sub(r"\\\n\s*", " ", DOCKERFILE)).group(1)
    command = json.loads(healthcheck)
    assert command[0] == "python3"
    port = live_server.rsplit(":", 1)[1]
    env = {**os.environ, "SUMMARIZER_SERVICE_PORT": port}
    ok = subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True, timeout=20)
    assert ok.returncode == 0, ok.stderr
    down = subprocess.run([sys.executable, *command[1:]], env={**env, "SUMMARIZER_SERVICE_PORT": "1"}, capture_output=True, timeout=20)
    assert down.returncode != 0
