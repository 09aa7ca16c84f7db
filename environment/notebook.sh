#!/usr/bin/env bash
# Opens the notebooks in Jupyter on 127.0.0.1 with this checkout's Java kernel. Jupyter prints a
# URL with a login token: open that URL. Authentication stays on. Extra arguments go to Jupyter
# (e.g. --port=8890).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$ROOT/environment/jupyter/kernels/aelab-java/kernel.json" ] || bash "$ROOT/environment/setup.sh"
export JUPYTER_PATH="$ROOT/environment/jupyter"
# The set-up runs as root on a fresh machine; Jupyter refuses root unless told. Still loopback only,
# still a token.
AS_ROOT=()
[ "$(id -u)" -eq 0 ] && AS_ROOT=(--allow-root)
# the project's notebooks, unless the arguments name another directory
DIR=(--notebook-dir="$ROOT/notebooks")
for arg in "$@"; do [[ "$arg" == --notebook-dir=* ]] && DIR=(); done
exec /usr/bin/jupyter notebook --ip=127.0.0.1 --no-browser "${AS_ROOT[@]}" "${DIR[@]}" "$@"
