#!/usr/bin/env bash
# The performance benchmark: AE Lab's training against PyTorch's on this machine's CPU, in one run.
# Installs Debian's python3-torch when missing, builds the library if needed, then runs bench/compare.py
# (arguments are passed on, e.g. `bash bench/run.sh --epochs 10 stacked`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends python3-torch
fi
if [ ! -f "$ROOT/target/classes/aelab/bench/ThroughputBenchmark.class" ] || [ ! -d "$ROOT/target/lib" ]; then
  (cd "$ROOT" && mvn -q -B -DskipTests -Daelab.skipNotebooks=true package)
fi
exec /usr/bin/python3 "$ROOT/bench/compare.py" "$@"
