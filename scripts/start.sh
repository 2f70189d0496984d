#!/usr/bin/env bash
# Set up (scripts/bootstrap.sh) and run the main job on the seed articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
for article in seeds/*.txt; do
  echo "== $article"
  .venv/bin/summarizer summarize "$article"
done
