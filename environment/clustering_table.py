#!/usr/bin/python3
"""Prints RESULTS.md's clustering table from finished `./aelab run clustering` runs: one row per
method, mean ± standard deviation over the runs given (one run: its own numbers), NMI in both
normalisations, and the wall time of each run (the sum of its histories' epoch times).

    /usr/bin/python3 environment/clustering_table.py runs/clustering-mnist-full-seed1 runs/...
"""
import csv
import glob
import json
import os
import statistics
import sys

METHODS = [("kmeans_pixels", "k-means on pixels"), ("ae_kmeans", "AE + k-means"), ("dec", "DEC"),
           ("idec", "IDEC"), ("adec", "ADEC")]
SCORES = ["acc", "nmi_geometric", "nmi_arithmetic", "ari"]


def load(run):
    path = os.path.join(run, "metrics.json")
    if not os.path.isfile(path):
        sys.exit(f"{run}: no metrics.json, so the run has not finished; resume it with the same command")
    with open(path) as f:
        metrics = json.load(f)
    with open(os.path.join(run, "config.json")) as f:
        config = json.load(f)
    seconds = 0.0
    for history in glob.glob(os.path.join(run, "history", "*.csv")):
        with open(history) as f:
            seconds += sum(float(row["seconds"]) for row in csv.DictReader(f))
    return config, metrics, seconds


def cell(values):
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"


def main():
    runs = [load(r) for r in sys.argv[1:]]
    if not runs:
        sys.exit(__doc__)
    datasets = {c["dataset"] for c, _, _ in runs}
    if len(datasets) != 1:
        sys.exit(f"runs on different data sets ({', '.join(sorted(datasets))}): give one data set's runs at a time")
    seeds = ", ".join(str(c["seed"]) for c, _, _ in runs)
    print(f"{datasets.pop()}, {runs[0][1]['images']} images, seed(s) {seeds}; wall time per run: "
          + ", ".join(f"{s / 60:.0f} min" for _, _, s in runs))
    print()
    print("| method | ACC | NMI (geometric) | NMI (arithmetic) | ARI | tuning epochs |")
    print("|---|---|---|---|---|---|")
    for key, name in METHODS:
        rows = [m[key] for _, m, _ in runs]
        epochs = ", ".join(str(r["epochs"]) for r in rows) if "epochs" in rows[0] else "—"
        print(f"| {name} | " + " | ".join(cell([r[s] for r in rows]) for s in SCORES) + f" | {epochs} |")


if __name__ == "__main__":
    main()
