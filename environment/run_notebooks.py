"""Executes AE Lab's notebooks headless, each on a fresh kernel, and checks what they produced.

A notebook fails when a cell raises, or when it shows no image (every notebook's story is told in
figures). Executed copies and HTML exports go to --out; with --figures, every image a notebook
showed is also written there as <notebook>-<n>.png; with --write-back, each executed notebook
replaces its source, outputs and all, so that the repository shows them. --out/summary.json records
each notebook's mode, engine, wall time, image count, key effects and final table (tools/results.py
renders it). A lesson fails unless it displays at least one key effect (aelab.KeyEffect) and each of
them holds: the number its lesson turns on, on the right side of its threshold.
--jobs N runs N notebooks at a time, each kernel on one OpenMP thread (unless OMP_NUM_THREADS says
otherwise), the longest first. Run with Debian's /usr/bin/python3.
"""
import json
import argparse
import base64
import glob
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbconvert import HTMLExporter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import write_kernelspec  # noqa: E402  (beside this file)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = "aelab-java"


def images_of(nb):
    """The PNG outputs of a notebook, in order (updated displays hold their final image)."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data:
                found.append(data["image/png"])
    return found


def first_error(nb):
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return i, cell, out
    return None


def final_table(nb):
    """The text of the last table a notebook displayed (each ends with one), or None."""
    for cell in reversed(nb.cells):
        for out in reversed(cell.get("outputs", [])):
            data = out.get("data", {})
            if "<table" in "".join(data.get("text/html", "")):
                return "".join(data.get("text/plain", ""))
    return None


EFFECT_MIME = "application/vnd.aelab.key-effect+json"


def key_effects(nb):
    """The key effects a notebook displayed (aelab.KeyEffect), in order."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if EFFECT_MIME in data:
                value = data[EFFECT_MIME]
                found.append(json.loads(value) if isinstance(value, str) else value)
    return found


def effect_problem(effects):
    """Why a lesson's key effects fail the check, or None: it must show at least one, and each must hold."""
    if not effects:
        return "the lesson displayed no key effect (aelab.KeyEffect): it must name its effect as a number"
    missed = [e for e in effects if not e.get("shown")]
    if missed:
        return "; ".join(f"key effect not shown: {e['name']} = {e['value']} (threshold {e['relation']} "
                         f"{e['threshold']})" for e in missed)
    return None


def engine_line(nb):
    """The header line a notebook's first cell prints: engine, threads, seed, data."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for line in "".join(out.get("text", "")).splitlines():
                if line.startswith("engine: "):
                    return line.split(", data: ")[0]  # the data's path names the checkout, not the run
    return None


SUMMARY_LOCK = threading.Lock()


def record(out_dir, name, mode, seconds, nb, n_images):
    """Adds one notebook's entry to out_dir/summary.json (written whole, then renamed)."""
    with SUMMARY_LOCK:
        write_record(out_dir, name, mode, seconds, nb, n_images)


def write_record(out_dir, name, mode, seconds, nb, n_images):
    path = os.path.join(out_dir, "summary.json")
    summary = {}
    if os.path.exists(path):
        with open(path) as f:
            summary = json.load(f)
    summary[name] = {"mode": mode, "seconds": round(seconds, 1), "images": n_images,
                     "engine": engine_line(nb), "key_effects": key_effects(nb), "final_table": final_table(nb)}
    with open(path + ".tmp", "w") as f:
        json.dump(dict(sorted(summary.items())), f, indent=2)
    os.replace(path + ".tmp", path)


def execute(path, log, args):
    """Executes a notebook on one fresh kernel; returns it and the error that stopped it, if any.
    A kernel that does not answer its first request within --startup-timeout fails the notebook:
    there is no second start."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=args.cell_timeout,
                            startup_timeout=args.startup_timeout,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    try:
        client.execute(stdout=log, stderr=log)
        return nb, None
    except (CellExecutionError, CellTimeoutError) as e:
        return nb, str(e)
    except RuntimeError as e:
        return nb, f"the kernel '{KERNEL}' did not start: {e}; see {log.name}"


def is_lesson(path):
    """A numbered lesson (not a solutions notebook): each names its key effect."""
    return os.path.basename(os.path.dirname(os.path.abspath(path))) == "notebooks"


def run(path, args):
    name = os.path.splitext(os.path.basename(path))[0]
    os.makedirs(args.out, exist_ok=True)
    start = time.time()
    # the kernel's own log goes to a file beside the executed notebook, not into the build output
    with open(os.path.join(args.out, name + ".kernel.log"), "w") as log:
        nb, problem = execute(path, log, args)
    seconds = time.time() - start
    nbformat.write(nb, os.path.join(args.out, name + ".ipynb"))
    body, _ = HTMLExporter().from_notebook_node(nb)
    with open(os.path.join(args.out, name + ".html"), "w") as f:
        f.write(body)

    images = images_of(nb)
    if problem is None:
        err = first_error(nb)
        if err:
            i, cell, out = err
            problem = f"cell {i} raised {out.get('ename')}: {out.get('evalue')}\n{cell.source[:400]}"
    if problem is None and not images:
        problem = "the notebook showed no image (no image/png output in any cell)"
    if problem is None and is_lesson(path):
        problem = effect_problem(key_effects(nb))
    if args.figures and images:
        os.makedirs(args.figures, exist_ok=True)
        for k, png in enumerate(images, 1):
            target = os.path.join(args.figures, f"{name}-{k:02d}.png")
            with open(target + ".tmp", "wb") as f:
                f.write(base64.b64decode(png))
            os.replace(target + ".tmp", target)
    if problem is None:
        record(args.out, name, args.mode, seconds, nb, len(images))
        if args.write_back:
            nbformat.write(nb, path + ".tmp")
            os.replace(path + ".tmp", path)
    return name, seconds, len(images), problem


def expected_seconds(path):
    """How long the notebook took in the last full-mode run recorded under results/ (0 if unknown)."""
    name = os.path.splitext(os.path.basename(path))[0]
    for summary in sorted(glob.glob(os.path.join(ROOT, "results", "notebooks-*", "summary.json"))):
        with open(summary) as f:
            seconds = json.load(f).get(name, {}).get("seconds")
        if seconds:
            return seconds
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks, or directories of them, to run (default: notebooks/)")
    parser.add_argument("--mode", choices=["quick", "full"], default="quick")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "notebooks"))
    parser.add_argument("--figures", help="also write every image shown into this directory")
    parser.add_argument("--startup-timeout", type=int, default=60,
                        help="seconds the kernel may take to answer its first request")
    parser.add_argument("--cell-timeout", type=int, default=3600, help="seconds for one cell")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks run at a time (each on its own kernel)")
    parser.add_argument("--write-back", action="store_true",
                        help="replace each notebook with its executed copy, outputs included")
    args = parser.parse_args()
    if args.jobs < 1:
        sys.exit(f"--jobs must be 1 or more, got {args.jobs}")
    if args.jobs > 1:
        # the kernels share the cores: one OpenMP thread each unless the caller chose otherwise
        os.environ.setdefault("OMP_NUM_THREADS", "1")

    # this checkout's kernelspec, whatever else the user's Jupyter has installed
    os.environ["JUPYTER_PATH"] = os.path.join(ROOT, "environment", "jupyter")
    os.environ["AELAB_MODE"] = args.mode
    # files the notebooks save themselves (animated GIFs) go beside the extracted figures
    os.environ["AELAB_FIGURES"] = os.path.abspath(args.figures or os.path.join(args.out, "figures"))
    # the classpath follows the build: a dependency added since the setup ran is on it too
    write_kernelspec.refresh(ROOT)

    paths = []
    for given in args.notebooks or [os.path.join(ROOT, "notebooks")]:
        paths += sorted(glob.glob(os.path.join(given, "*.ipynb"))) if os.path.isdir(given) else [given]
    if not paths:
        sys.exit("no notebooks found under notebooks/")
    if args.jobs > 1:
        paths = sorted(paths, key=expected_seconds, reverse=True)  # the longest first: the two end together
    print(f"executing {len(paths)} notebook(s) in {args.mode} mode, {args.jobs} at a time; output in {args.out}",
          flush=True)
    failures = 0
    started = time.time()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for done in as_completed([pool.submit(run, os.path.abspath(p), args) for p in paths]):
            name, seconds, n_images, problem = done.result()
            status = "ok" if problem is None else "FAILED"
            print(f"{status:6} {name}: {seconds:.0f} s, {n_images} image(s)", flush=True)
            if problem:
                failures += 1
                print("       " + problem.replace("\n", "\n       "), flush=True)
    print(f"all {len(paths)} in {time.time() - started:.0f} s of wall time", flush=True)
    if failures:
        sys.exit(f"{failures} notebook(s) failed; executed copies are in {args.out}")


if __name__ == "__main__":
    main()
