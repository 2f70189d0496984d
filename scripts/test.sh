#!/usr/bin/env bash
# Set up (scripts/bootstrap.sh) and run the default test suite. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m pytest -q "$@"
