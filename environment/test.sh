#!/usr/bin/env bash
# The test command: set up, then run the unit tests and execute every notebook in quick mode.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/environment/setup.sh"
echo
echo "== mvn verify (unit tests, then every notebook in quick mode)"
cd "$ROOT" && mvn -B verify "$@"
