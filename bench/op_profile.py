#!/usr/bin/python3
"""Where a training step's time goes, op by op, on MXNet: runs aelab.bench.ThroughputBenchmark MODEL
under MXNet's own profiler (imperative operators, NaiveEngine, as ./aelab runs) and prints each
operator's share of the time, and the share spent between operators (DJL, JNI and Java: the cost
per call that no faster kernel removes).

    /usr/bin/python3 bench/op_profile.py [model] [epochs] [samples]     # default: vae 3 6400
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "environment"))
from write_kernelspec import openblas_core  # noqa: E402  (the pin ./aelab and the kernelspec use)


def main():
    model, epochs, samples = (sys.argv[1:] + ["vae", "3", "6400"][len(sys.argv) - 1:])[:3]
    core = openblas_core(ROOT)
    env = dict(os.environ, MXNET_ENGINE_TYPE="NaiveEngine", OMP_WAIT_POLICY="PASSIVE", AELAB_PROJECT=ROOT,
               AELAB_ENGINE="mxnet", MXNET_PROFILER_AUTOSTART="1", MXNET_PROFILER_MODE="3",  # symbolic + imperative
               OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", str(len(os.sched_getaffinity(0)))))
    if core:
        env["OPENBLAS_CORETYPE"] = core
    cp = os.path.join(ROOT, "target", "test-classes") + ":" + os.path.join(ROOT, "target", "classes") + ":" + os.path.join(ROOT, "target", "lib", "*")
    with tempfile.TemporaryDirectory() as work:
        out = subprocess.run(["java", "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                              "-cp", cp, "aelab.bench.ThroughputBenchmark", model, epochs, samples],
                             env=env, cwd=work, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(out.stdout[-2000:] + out.stderr[-2000:])
        with open(os.path.join(work, "profile.json")) as f:
            events = [e for e in json.load(f)["traceEvents"] if e.get("ph") in ("B", "E") and e.get("cat") == "operator"]
    # the training window: from the first dense layer's forward pass to the last event (start-up excluded)
    first = min(e["ts"] for e in events if e["name"] == "FullyConnected")
    events = [e for e in events if e["ts"] >= first]
    opened, total, calls = {}, collections.Counter(), collections.Counter()
    for e in events:
        key = (e["tid"], e["name"])
        if e["ph"] == "B":
            opened[key] = e["ts"]
        elif key in opened:
            total[e["name"]] += e["ts"] - opened.pop(key)
            calls[e["name"]] += 1
    span = max(e["ts"] for e in events) - first
    busy = sum(total.values())
    print(next((l for l in out.stdout.splitlines() if l.startswith("engine:")), ""))
    print(next((l for l in out.stdout.splitlines() if l.startswith("RESULT")), ""), "(under the profiler)")
    print(f"{model}: {sum(calls.values())} operator calls over {span / 1e6:.2f} s; inside operators {100 * busy / span:.1f}%,"
          f" between them (DJL, JNI, Java) {100 * (span - busy) / span:.1f}%")
    print(f"{'operator':32} {'calls':>7} {'total ms':>9} {'us/call':>8} {'share':>6}")
    for name, us in total.most_common(25):
        print(f"{name:32} {calls[name]:7d} {us / 1e3:9.1f} {us / calls[name]:8.1f} {100 * us / span:5.1f}%")


if __name__ == "__main__":
    main()
