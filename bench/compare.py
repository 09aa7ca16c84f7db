#!/usr/bin/python3
"""Runs the Java benchmark and the PyTorch reference alternately, model by model, in one run, and
prints a table: samples/s of each, their ratio, GFLOP/s and their share of this machine's fp32
ceiling (the rate of one large matrix product in MXNet, measured first), and resident memory after
epoch 2 and after the last epoch.

    /usr/bin/python3 bench/compare.py [--epochs 20] [--samples 6400] [--rounds 2] [model ...]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = ["dense", "vae", "conv", "stacked", "aae"]
LINE = re.compile(r"RESULT (\w+) (\w+) (.*)")


def java_command(model, epochs, samples):
    cp = os.path.join(ROOT, "target", "classes") + ":" + os.path.join(ROOT, "target", "lib", "*")
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
            return {k: float(v) for k, v in (kv.split("=") for kv in m.group(3).split())}
    sys.exit(f"no RESULT line from {' '.join(command)}:\n{out.stdout[-2000:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="*", metavar="model", help="any of " + ", ".join(MODELS) + " (default: all)")
    parser.add_argument("--epochs", type=int, default=20, help="epochs per pass; epoch 1 is the warm-up")
    parser.add_argument("--samples", type=int, default=6400, help="training digits per epoch")
    parser.add_argument("--rounds", type=int, default=2, help="alternating passes of each side per model")
    args = parser.parse_args()
    unknown = [m for m in args.models if m not in MODELS]
    if unknown:
        parser.error(f"unknown model {', '.join(unknown)}; choose from {', '.join(MODELS)}")
    env = dict(os.environ, MXNET_ENGINE_TYPE="NaiveEngine", OMP_WAIT_POLICY="PASSIVE")
    blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    # the ceiling uses every core: MXNet's default of one OpenMP thread reached half of it
    ceiling = measure(java_command("gemm", 1, 0), dict(env, OMP_NUM_THREADS=str(os.cpu_count())))["gflops"]
    print(f"{args.samples} digits, {args.epochs} epochs per pass (median of epochs 2..), {args.rounds} rounds,"
          f" Java and PyTorch alternating; PyTorch with OMP_WAIT_POLICY=PASSIVE, BLAS {blas}")
    print(f"fp32 ceiling: {ceiling:.1f} GFLOP/s, a 2048 x 2048 matrix product in MXNet on {os.cpu_count()} threads"
          " (best of 20)")
    print()
    print("| model | batch | AE Lab samples/s | PyTorch samples/s | ratio | AE Lab GFLOP/s (% of ceiling) |"
          " PyTorch GFLOP/s (% of ceiling) | AE Lab RSS epoch 2 → last (MiB) | PyTorch RSS epoch 2 → last (MiB) |")
    print("|---|---|---|---|---|---|---|---|---|")
    batches = {"dense": 128, "vae": 128, "conv": 128, "stacked": 256, "aae": 100}
    for model in args.models or MODELS:
        java, torch = [], []
        for _ in range(args.rounds):
            java.append(measure(java_command(model, args.epochs, args.samples), env))
            torch.append(measure(torch_command(model, args.epochs, args.samples), env))
        j = statistics.median(r["samples_per_s"] for r in java)
        t = statistics.median(r["samples_per_s"] for r in torch)
        jl, tl = java[-1], torch[-1]

        def rss(r):
            growth = 100 * (r["rss_last_mib"] - r["rss_epoch2_mib"]) / r["rss_epoch2_mib"]
            return f"{r['rss_epoch2_mib']:.0f} → {r['rss_last_mib']:.0f} ({growth:+.1f}%)"
        def rate(results):
            gflops = statistics.median(r["gflops"] for r in results)
            return f"{gflops:.1f} ({100 * gflops / ceiling:.0f}%)"
        print(f"| {model} | {batches[model]} | {j:.0f} | {t:.0f} | {j / t:.2f}x | {rate(java)} | {rate(torch)} | "
              f"{rss(jl)} | {rss(tl)} |", flush=True)


if __name__ == "__main__":
    main()
