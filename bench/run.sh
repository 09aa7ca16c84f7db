#!/usr/bin/env bash
# The performance benchmark: AE Lab's training, on MXNet and on PyTorch through DJL, against PyTorch's
# own on this machine's CPU, in one run.
# Installs Debian's python3-torch and OpenBLAS when missing, builds the library if needed, then runs
# bench/compare.py (arguments are passed on, e.g. `bash bench/run.sh --epochs 10 stacked`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Debian's torch does its matrix products through whichever libblas.so.3 is installed: with only the
# reference BLAS it reached 4 GFLOP/s here, with OpenBLAS (pthread build) 53, so PyTorch gets OpenBLAS.
missing=()
/usr/bin/python3 -c "import torch" 2>/dev/null || missing+=(python3-torch)
dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q "install ok installed" \
  || missing+=(libopenblas0-pthread)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# both engines: AE Lab on MXNet and on DJL's PyTorch engine (its CPU natives come from Maven Central)
if [ ! -f "$ROOT/target/test-classes/aelab/bench/ThroughputBenchmark.class" ] \
   || ! ls "$ROOT"/target/lib/pytorch-native-cpu-*.jar >/dev/null 2>&1; then
  (cd "$ROOT" && mvn -q -B -DskipTests -Daelab.skipNotebooks=true -Ppytorch package)
fi
exec /usr/bin/python3 "$ROOT/bench/compare.py" "$@"
