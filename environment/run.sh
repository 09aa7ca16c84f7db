#!/usr/bin/env bash
# The main job: set up, then execute every notebook in full mode (AELAB_MODE=quick for a fast pass), two
# at a time on one OpenMP thread each (AELAB_JOBS=1 for one at a time on every core), write each executed
# notebook back over its source with its outputs (full mode only), and the figures each one shows into
# notebooks/figures/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/environment/setup.sh"
MODE="${AELAB_MODE:-full}"
JOBS="${AELAB_JOBS:-2}"
WRITE_BACK=()
[ "$MODE" = full ] && WRITE_BACK=(--write-back)
echo
echo "== executing the notebooks ($MODE mode, $JOBS at a time)"
/usr/bin/python3 "$ROOT/environment/run_notebooks.py" --mode "$MODE" --jobs "$JOBS" "${WRITE_BACK[@]}" \
  --out "$ROOT/target/notebooks" --figures "$ROOT/notebooks/figures" "$@"
echo "executed notebooks: $ROOT/target/notebooks (with HTML)${WRITE_BACK:+, and written back into $ROOT/notebooks};"
echo "figures: $ROOT/notebooks/figures"
