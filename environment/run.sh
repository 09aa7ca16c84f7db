#!/usr/bin/env bash
# The main job: set up, then execute every notebook in full mode (AELAB_MODE=quick for a fast
# pass) and write the figures each one shows into notebooks/figures/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/environment/setup.sh"
MODE="${AELAB_MODE:-full}"
echo
echo "== executing the notebooks ($MODE mode)"
/usr/bin/python3 "$ROOT/environment/run_notebooks.py" --mode "$MODE" \
  --out "$ROOT/target/notebooks" --figures "$ROOT/notebooks/figures" "$@"
echo "executed notebooks and HTML: $ROOT/target/notebooks; figures: $ROOT/notebooks/figures"
