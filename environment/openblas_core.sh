#!/usr/bin/env bash
# Prints the OpenBLAS kernel AE Lab pins for MXNet on this CPU (for OPENBLAS_CORETYPE), or nothing.
# MXNet 1.9.1 bundles OpenBLAS 0.3.7 (2019), which does not know later CPUs (AMD family 25, Zen 3
# and 4, among them) and falls back to its SSE2 kernel for 2007's Opteron ("Barcelona"): MXNet's
# matMul then ran at 38 GFLOP/s on two Zen 3 cores, 122 with the AVX2 kernel. The dense and
# convolution layers go through oneDNN instead, which reads the CPU's features itself.
# A user's own OPENBLAS_CORETYPE wins. Usage: openblas_core.sh [cpuinfo file, default /proc/cpuinfo]
if [ -n "${OPENBLAS_CORETYPE:-}" ]; then echo "$OPENBLAS_CORETYPE"; exit 0; fi
flags=" $(grep -m1 '^flags' "${1:-/proc/cpuinfo}" 2>/dev/null | cut -d: -f2) "
has() { for f in "$@"; do [[ "$flags" == *" $f "* ]] || return 1; done; }
if has avx512f avx512bw avx512dq avx512vl; then echo SkylakeX
elif has avx2 fma; then echo Haswell
fi
