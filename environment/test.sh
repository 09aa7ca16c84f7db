#!/usr/bin/env bash
# The test command: set up, check RESULTS.md against its runs, then run the unit tests and execute
# every notebook in quick mode.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/environment/setup.sh"
echo
echo "== RESULTS.md's tables against the runs in results/"
/usr/bin/python3 "$ROOT/environment/results.py" --check
echo
echo "== mvn verify (unit tests, then every notebook in quick mode)"
cd "$ROOT" && mvn -B verify "$@"
