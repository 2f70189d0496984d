#!/usr/bin/env bash
# Create .venv (if missing) and install the package with what the tests need.
# Idempotent: a second run only checks that everything is installed.
# BOOTSTRAP_EXTRAS picks the optional dependency groups (the Docker image leaves out "test").
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
# torch first and pinned: 2.13.0 is the CPU build on this machine's disk; an unpinned
# torch would pull a CUDA build of several GB.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
.venv/bin/python -m pip install --quiet -e ".[${BOOTSTRAP_EXTRAS:-test,eval}]"
