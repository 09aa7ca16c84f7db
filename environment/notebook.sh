#!/usr/bin/env bash
# Opens the notebooks in Jupyter on 127.0.0.1 with this checkout's Java kernel. Jupyter prints a
# URL with a login token: open that URL. Authentication stays on.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$ROOT/environment/jupyter/kernels/aelab-java/kernel.json" ] || bash "$ROOT/environment/setup.sh"
export JUPYTER_PATH="$ROOT/environment/jupyter"
exec /usr/bin/jupyter notebook --ip=127.0.0.1 --no-browser --notebook-dir="$ROOT/notebooks" "$@"
