#!/usr/bin/env bash
# The test command: set up (with both engines), check RESULTS.md against its runs, then run the unit
# tests on MXNet and on PyTorch, and execute every notebook in quick mode (on MXNet, the default).
# Further arguments go to mvn.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/environment/setup.sh" --pytorch
echo
echo "== RESULTS.md's tables against the runs in results/"
/usr/bin/python3 "$ROOT/tools/results.py" --check
echo
echo "== mvn verify (unit tests on both engines, then every notebook in quick mode)"
cd "$ROOT" && mvn -B -Ppytorch verify "$@"
