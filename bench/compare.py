#!/usr/bin/python3
"""Runs AE Lab on MXNet, AE Lab on DJL's PyTorch engine (when installed: setup.sh --pytorch) and the
PyTorch reference alternately, model by model, in one run, and prints the CPU, the OpenBLAS kernel
PyTorch used, and a table: samples/s of each, AE Lab's ratio to PyTorch on each engine, GFLOP/s and
their share of this machine's fp32 ceiling (the rate of one large matrix product in MXNet, measured
first), and resident memory after epoch 2 and after the last epoch.

    /usr/bin/python3 bench/compare.py [--epochs 20] [--samples 6400] [--rounds 2] [model ...]

With --contention it prints instead each side's speed alone and beside a busy loop on one core.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "environment"))
from write_kernelspec import openblas_core  # noqa: E402  (the pin ./aelab and the kernelspec use)
MODELS = ["dense", "vae", "conv", "stacked", "aae"]
LINE = re.compile(r"RESULT (\w+) (\w+) (.*)")
# where this workplace pins OpenBLAS to an older kernel for old builds; PyTorch runs without them
OPENBLAS_PINS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
# glibc's malloc, left to itself, maps every tensor above its (moving) threshold afresh and gives it back after
# use, so PyTorch pays page faults on every step: here its dense model ran at 4,700-14,300 samples/s from run to
# run, and at 14,300-18,300 with these. MXNet pools its own memory and is unaffected (measured), so only the
# PyTorch sides get them: ./aelab sets them for AELAB_ENGINE=pytorch, as PyTorch's tuning guide swaps the allocator.
PYTORCH_MALLOC = {"MALLOC_MMAP_THRESHOLD_": "268435456", "MALLOC_TRIM_THRESHOLD_": "1073741824"}


def cpu_model():
    """The CPU's name with its family, model and widest vector unit: "AMD EPYC" alone names Zen 2 to Zen 5."""
    fields = {}
    with open("/proc/cpuinfo") as f:
        for line in f:
            if not line.strip():
                break
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    if "model name" not in fields:
        return "unknown CPU"
    flags = set(fields.get("flags", "").split())
    vector = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "no AVX2"
    return f"{fields['model name']} (family {fields.get('cpu family', '?')}, model {fields.get('model', '?')}, {vector})"


def pytorch_engine_installed():
    lib = os.path.join(ROOT, "target", "lib")
    return any(f.startswith("pytorch-native-cpu") for f in os.listdir(lib))


def java_command(model, epochs, samples):
    cp = os.path.join(ROOT, "target", "test-classes") + ":" + os.path.join(ROOT, "target", "classes") + ":" + os.path.join(ROOT, "target", "lib", "*")
    # a fixed, pre-touched heap, so the resident size measures native memory rather than heap growth
    return ["java", "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-Dai.djl.offline=true",
            "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp,
            "aelab.bench.ThroughputBenchmark", model, str(epochs), str(samples)]


def torch_command(model, epochs, samples):
    return ["/usr/bin/python3", os.path.join(ROOT, "bench", "torch_reference.py"), model, str(epochs), str(samples)]


def measure(command, env):
    out = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(command[:2])} failed:\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
    for line in out.stdout.splitlines():
        m = LINE.match(line)
        if m:
            return {k: v if k == "core" else float(v) for k, v in (kv.split("=") for kv in m.group(3).split())}
    sys.exit(f"no RESULT line from {' '.join(command)}:\n{out.stdout[-2000:]}")


def contention(args, envs):
    """Each side's speed alone and beside a shell busy loop on one core (the target: at most 2x slower)."""
    print("| model | side | alone (samples/s) | beside a busy loop | share kept |")
    print("|---|---|---|---|---|")
    for model in args.models or MODELS:
        for side, side_env in envs.items():
            command = (torch_command if side == "PyTorch" else java_command)(model, args.epochs, args.samples)
            alone = measure(command, side_env)["samples_per_s"]
            busy = subprocess.Popen(["bash", "-c", "while :; do :; done"])
            try:
                beside = measure(command, side_env)["samples_per_s"]
            finally:
                busy.kill()
                busy.wait()
            print(f"| {model} | {side} | {alone:.0f} | {beside:.0f} | {beside / alone:.2f}x |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="*", metavar="model", help="any of " + ", ".join(MODELS) + " (default: all)")
    parser.add_argument("--epochs", type=int, default=20, help="epochs per pass; epoch 1 is the warm-up")
    parser.add_argument("--samples", type=int, default=6400, help="training digits per epoch")
    parser.add_argument("--rounds", type=int, default=2, help="alternating passes of each side per model")
    parser.add_argument("--layered", action="store_true",
                        help="also AE Lab on MXNet without its cached graphs (-Daelab.cachedGraphs=false)")
    parser.add_argument("--avx2", action="store_true",
                        help="both sides as on a CPU without AVX-512: oneDNN capped at AVX2 (DNNL_MAX_CPU_ISA), ATen's"
                             " kernels at AVX2 (ATEN_CPU_CAPABILITY), OpenBLAS's Haswell kernel")
    parser.add_argument("--contention", action="store_true",
                        help="instead of the comparison: each side alone and then beside a busy loop taking one core")
    parser.add_argument("--default-malloc", action="store_true",
                        help="PyTorch and DJL's PyTorch engine on glibc's default malloc settings (slow, erratic here)")
    args = parser.parse_args()
    unknown = [m for m in args.models if m not in MODELS]
    if unknown:
        parser.error(f"unknown model {', '.join(unknown)}; choose from {', '.join(MODELS)}")
    env = dict(os.environ, MXNET_ENGINE_TYPE="NaiveEngine", OMP_WAIT_POLICY="PASSIVE")
    if args.avx2:
        # on an AVX-512 machine, what an AVX2-only one (Zen 2, Zen 3) would dispatch, same cores and caches
        env.update(DNNL_MAX_CPU_ISA="AVX2", ATEN_CPU_CAPABILITY="avx2", OPENBLAS_CORETYPE="Haswell")
    # AE Lab as ./aelab and the kernelspec run it: one OpenMP thread per core unless the user chose
    java_env = dict(env, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", str(len(os.sched_getaffinity(0)))))
    # and MXNet's bundled OpenBLAS pinned as ./aelab pins it (environment/openblas_core.sh)
    mxnet_core = openblas_core(ROOT)
    engines = {"MXNet": dict(java_env, AELAB_ENGINE="mxnet", **({"OPENBLAS_CORETYPE": mxnet_core} if mxnet_core else {}))}
    if args.layered:
        engines["MXNet layer by layer"] = dict(engines["MXNet"], JAVA_TOOL_OPTIONS="-Daelab.cachedGraphs=false")
    malloc = {} if args.default_malloc else {k: os.environ.get(k, v) for k, v in PYTORCH_MALLOC.items()}
    if pytorch_engine_installed():
        engines["DJL PyTorch"] = dict(java_env, AELAB_ENGINE="pytorch", **malloc)
    torch_env = {k: v for k, v in env.items() if k not in OPENBLAS_PINS or args.avx2}
    torch_env.update(malloc)
    pins = [] if args.avx2 else [f"{k}={env[k]}" for k in OPENBLAS_PINS if k in env]
    blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    core = measure(torch_command("blas", 0, 0), torch_env)["core"]
    ceiling = measure(java_command("gemm", 1, 0), dict(engines["MXNet"], OMP_NUM_THREADS=str(os.cpu_count())))["gflops"]
    print(f"CPU: {cpu_model()}, {os.cpu_count()} cores" + (", capped at AVX2 (--avx2: DNNL_MAX_CPU_ISA=AVX2,"
                                                            " ATEN_CPU_CAPABILITY=avx2, OPENBLAS_CORETYPE=Haswell)" if args.avx2 else ""))
    if args.contention:
        print(f"{args.samples} digits, {args.epochs} epochs per pass (median of epochs 2..), each side alone, then"
              " beside a busy loop")
    else:
        print(f"{args.samples} digits, {args.epochs} epochs per pass (median of epochs 2..), {args.rounds} rounds,"
              f" {', '.join(['AE Lab on ' + e for e in engines])} and PyTorch alternating")
    print(f"AE Lab: OMP_WAIT_POLICY=PASSIVE, OMP_NUM_THREADS={java_env['OMP_NUM_THREADS']},"
          f" MXNet's OpenBLAS kernel {mxnet_core or 'its own choice'}")
    print(f"PyTorch: OMP_WAIT_POLICY=PASSIVE, BLAS {blas}, OpenBLAS kernel {core}"
          + (f" (with {', '.join(pins)} unset for it)" if pins else ""))
    print("PyTorch and DJL's PyTorch engine: glibc malloc "
          + ("defaults (--default-malloc)" if not malloc else " ".join(f"{k}={v}" for k, v in malloc.items())))
    if len(engines) == 1:
        print("AE Lab on DJL's PyTorch engine: not installed (bash environment/setup.sh --pytorch)")
    print(f"fp32 ceiling: {ceiling:.1f} GFLOP/s, a 2048 x 2048 matrix product in MXNet on {os.cpu_count()} threads"
          " (best of 20)")
    print()
    sides = list(engines) + ["PyTorch"]
    if args.contention:
        contention(args, {**engines, "PyTorch": torch_env})
        return
    print("| model | batch | " + " | ".join(f"{s} samples/s" for s in sides) + " | "
          + " | ".join(f"{e} / PyTorch" for e in engines) + " | "
          + " | ".join(f"{s} GFLOP/s (% of ceiling)" for s in sides) + " | "
          + " | ".join(f"{s} RSS epoch 2 → last (MiB)" for s in sides) + " |")
    print("|---|---|" + "---|" * (3 * len(sides) + len(engines)))
    batches = {"dense": 128, "vae": 128, "conv": 128, "stacked": 256, "aae": 100}
    for model in args.models or MODELS:
        results = {s: [] for s in sides}
        for _ in range(args.rounds):
            for e, e_env in engines.items():
                results[e].append(measure(java_command(model, args.epochs, args.samples), e_env))
            results["PyTorch"].append(measure(torch_command(model, args.epochs, args.samples), torch_env))
        rate = {s: statistics.median(r["samples_per_s"] for r in results[s]) for s in sides}

        def rss(r):
            growth = 100 * (r["rss_last_mib"] - r["rss_epoch2_mib"]) / r["rss_epoch2_mib"]
            return f"{r['rss_epoch2_mib']:.0f} → {r['rss_last_mib']:.0f} ({growth:+.1f}%)"

        def flops(rs):
            gflops = statistics.median(r["gflops"] for r in rs)
            return f"{gflops:.1f} ({100 * gflops / ceiling:.0f}%)"
        cells = ([f"{rate[s]:.0f}" for s in sides] + [f"{rate[e] / rate['PyTorch']:.2f}x" for e in engines]
                 + [flops(results[s]) for s in sides] + [rss(results[s][-1]) for s in sides])
        print(f"| {model} | {batches[model]} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
