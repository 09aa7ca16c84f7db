"""Start-stress benchmark of the Java kernel: N consecutive starts through jupyter_client, each
answering kernel_info and executing one cell, for AE Lab's kernel and, side by side in the same
run, rapaio-jupyter-kernel 3.0.1 (the kernel this project used before; its jar is fetched from
Maven Central into target/bench-kernels). A start whose kernel_info is not answered within
--hang seconds counts as hung. Prints, per kernel: hangs, median and worst time to the first
answer, and the CPU model. Run with Debian's /usr/bin/python3:

    /usr/bin/python3 bench/kernel_starts.py --starts 200
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "environment"))
import write_kernelspec  # noqa: E402

from jupyter_client.manager import KernelManager  # noqa: E402

RAPAIO = "3.0.1"
CELL = 'String s = "ok"; s'


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip() + f", {os.cpu_count()} cores"
    return platform.processor()


def kernelspecs(directory):
    """Writes both kernelspecs under directory/kernels; returns their names."""
    ours = write_kernelspec.spec(ROOT)
    os.makedirs(os.path.join(directory, "kernels", "aelab-java"))
    json.dump(ours, open(os.path.join(directory, "kernels", "aelab-java", "kernel.json"), "w"))
    jar_dir = os.path.join(ROOT, "target", "bench-kernels")
    jar = os.path.join(jar_dir, f"rapaio-jupyter-kernel-{RAPAIO}.jar")
    if not os.path.exists(jar):
        subprocess.run(["mvn", "-B", "-q", "dependency:copy",
                        f"-Dartifact=io.github.padreati:rapaio-jupyter-kernel:{RAPAIO}",
                        f"-DoutputDirectory={jar_dir}"], cwd=ROOT, check=True)
    classpath = ours["argv"][ours["argv"].index("-cp") + 1]
    lib = os.path.dirname(classpath.split(os.pathsep)[1])
    jars = [os.path.join(lib, f) for f in sorted(os.listdir(lib)) if f.endswith(".jar")]
    rapaio = {
        "argv": ["java", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-jar", jar, "{connection_file}"],
        "display_name": "rapaio 3.0.1", "language": "java", "interrupt_mode": "message",
        "env": {"RJK_CLASSPATH": ";".join([classpath.split(os.pathsep)[0]] + jars), "RJK_COMPILER_OPTIONS": "",
                "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"},
    }
    os.makedirs(os.path.join(directory, "kernels", "rapaio-java"))
    json.dump(rapaio, open(os.path.join(directory, "kernels", "rapaio-java", "kernel.json"), "w"))
    return ["aelab-java", "rapaio-java"]


def one_start(name, hang):
    """Seconds to the first kernel_info answer and to the cell's result; None where it hung."""
    manager = KernelManager(kernel_name=name)
    start = time.time()
    manager.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = manager.client()
    client.start_channels()
    try:
        try:
            client.wait_for_ready(timeout=hang)
        except RuntimeError:
            return None, None
        first = time.time() - start
        reply = client.execute_interactive(CELL, timeout=hang, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise SystemExit(f"{name}: the cell failed: {reply['content']}")
        return first, time.time() - start
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=200, help="starts of each kernel")
    parser.add_argument("--hang", type=float, default=20, help="seconds without an answer that count as a hang")
    parser.add_argument("--kernels", nargs="*", help="only these (aelab-java, rapaio-java)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        names = kernelspecs(directory)
        os.environ["JUPYTER_PATH"] = directory
        names = [n for n in names if not args.kernels or n in args.kernels]
        times = {n: [] for n in names}
        hangs = {n: 0 for n in names}
        print(f"{args.starts} starts of each of {', '.join(names)}, alternating; CPU: {cpu_model()}", flush=True)
        for i in range(1, args.starts + 1):
            for name in names:  # alternating, so both kernels meet the same machine load
                first, done = one_start(name, args.hang)
                if first is None:
                    hangs[name] += 1
                    print(f"  start {i} of {name}: no answer in {args.hang:.0f} s (hung)", flush=True)
                else:
                    times[name].append(first)
            if i % 20 == 0:
                print(f"  {i} starts: " + ", ".join(f"{n} {hangs[n]} hung" for n in names), flush=True)
        print()
        print("| kernel | starts | hung | median s to first answer | worst s (answered) |")
        print("|---|---|---|---|---|")
        for name in names:
            t = times[name]
            median = f"{statistics.median(t):.2f}" if t else "-"
            worst = f"{max(t):.2f}" if t else "-"
            print(f"| {name} | {args.starts} | {hangs[name]} | {median} | {worst} |")


if __name__ == "__main__":
    main()
