#!/usr/bin/env bash
# Set up (scripts/bootstrap.sh) and start the service: it summarises the seed articles
# through its own HTTP API (printing each headline and summary), then keeps serving the
# editor's page and the API until Ctrl-C. Host and port: SUMMARIZER_SERVICE_HOST/PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/summarizer serve --demo "$@"
