#!/usr/bin/python3
"""Writes RESULTS.md's tables from the runs committed under results/.

RESULTS.md marks each generated table with a line `<!-- table: KIND ARGS -->` and ends it with
`<!-- end table -->`; this script replaces what lies between from the runs' config.json,
metrics.json and history/*.csv. Kinds:

    clustering DATASET [RECIPE [EPOCHS [P]]]   one row per method, mean ± standard deviation over
                                      every finished clustering run of RECIPE (default papers) on DATASET;
                                      EPOCHS ("default" or a number) and P (batches between updates
                                      of the target P) narrow the runs
    clustering-runs DATASET [RECIPE [EPOCHS [P]]]   one row per run: seed, pre-training, how
                                      often P was updated, code norm, ACC of each method, training time
    basics DATASET                    one row per run of the 784-32 autoencoder: training BCE of the
                                      first and last epoch, test MSE, training time
    conv DATASET                      one row per run of the conv experiment (as written, shuffled, each
                                      defect mended): steps on digits, loss, output and code variance, time
    aae-semi DATASET [RECIPE...]      one row per label count of each semi-supervised AAE run of the
                                      recipes named (default refined): the preset's settings,
                                      epochs, validation and test error, training time
    aae DATASET                       one row per prior (Gaussian, ring) of each adversarial autoencoder
                                      run: training BCE, critic accuracy, code spread, training time
    aae-supervised DATASET            one row per supervised AAE run: BCE, critic accuracy, code spread,
                                      how much class the style codes still carry (NMI), training time
    aegan DATASET                     one row per setting of each autoencoder-as-GAN run: test MSE,
                                      critic accuracy, variance of the output across inputs, training time
    sparse DATASET                    one row per sparse or nonnegative autoencoder of each run: last
                                      training loss, test MSE, mean code, share of negative weights
    vae DATASET                       one row per VAE of each run: test -ELBO, its terms, training time
    vae-curve DATASET                 the 20-D VAE's test loss after every epoch beside pytorch/examples'
    notebooks DIR                     the notebooks' run recorded in results/DIR/summary.json (written by
                                      environment/run_notebooks.py): wall time and figures per notebook

    /usr/bin/python3 tools/results.py           # rewrite RESULTS.md
    /usr/bin/python3 tools/results.py --check   # exit 1 if RESULTS.md differs from the runs
"""
import csv
import glob
import json
import os
import re
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "results")
DOC = os.path.join(ROOT, "RESULTS.md")
METHODS = [("kmeans_pixels", "k-means on pixels"), ("ae_kmeans", "AE + k-means"), ("dec", "DEC"),
           ("idec", "IDEC"), ("adec", "ADEC")]
SCORES = ["acc", "nmi_geometric", "nmi_arithmetic", "ari"]
BLOCK = re.compile(r"(<!-- table: ([^>]*?) -->\n)(.*?)(<!-- end table -->)", re.S)


def interval(metrics):
    """Batches between updates of P; runs that did not record it used 140."""
    return metrics.get("update_interval", 140)


def runs(experiment, dataset, epochs=None, every=None, recipe=None):
    """The finished runs of an experiment (one recipe of it, when given) on a data set; with epochs,
    only those run with that budget ("default", or the number given to --epochs); with every, only
    those that updated P every so many batches."""
    found = []
    for config_path in sorted(glob.glob(os.path.join(RESULTS, "*", "config.json"))):
        run = os.path.dirname(config_path)
        with open(config_path) as f:
            config = json.load(f)
        metrics_path = os.path.join(run, "metrics.json")
        if (config["experiment"] != experiment or (recipe is not None and config.get("recipe") != recipe)
                or config["dataset"] != dataset or (epochs is not None and str(config["epochs"]) != str(epochs))
                or not os.path.exists(metrics_path)):
            continue
        with open(metrics_path) as f:
            metrics = json.load(f)
        if every is not None and str(interval(metrics)) != str(every):
            continue
        seconds = 0.0
        for history in glob.glob(os.path.join(run, "history", "*.csv")):
            with open(history) as f:
                seconds += sum(float(row["seconds"]) for row in csv.DictReader(f))
        found.append((os.path.relpath(run, ROOT), config, metrics, seconds))
    found.sort(key=lambda r: r[1]["seed"])
    if not found:
        sys.exit(f"no finished run of {experiment} {recipe or ''} on {dataset} (epochs {epochs}, P every {every})"
                 " under results/")
    return found


def cell(values):
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"


def clustering(dataset, recipe="papers", epochs=None, every=None):
    rs = runs("clustering", dataset, epochs, every, recipe)
    lines = [f"Runs: {', '.join('`' + r[0] + '`' for r in rs)} (seed{'s' if len(rs) > 1 else ''} "
             f"{', '.join(str(r[1]['seed']) for r in rs)}; {rs[0][2]['images']} images).", "",
             "| method | ACC | NMI (geometric) | NMI (arithmetic) | ARI | tuning epochs |",
             "|---|---|---|---|---|---|"]
    for key, name in METHODS:
        rows = [r[2][key] for r in rs]
        epochs = ", ".join(str(row["epochs"]) for row in rows) if "epochs" in rows[0] else "—"
        lines.append(f"| {name} | " + " | ".join(cell([row[s] for row in rows]) for s in SCORES) + f" | {epochs} |")
    return "\n".join(lines) + "\n"


def clustering_runs(dataset, recipe="papers", epochs=None, every=None):
    """One row per run; each method's ACC with its gain over the AE + k-means start in brackets."""
    lines = ["| run | seed | pre-training | P every | mean code norm | AE + k-means ACC | DEC | IDEC | ADEC | training time |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for path, config, m, seconds in runs("clustering", dataset, epochs, every, recipe):
        start = m["ae_kmeans"]["acc"]
        tuned = " | ".join(f"{m[k]['acc']:.3f} ({m[k]['acc'] - start:+.3f})" for k in ("dec", "idec", "adec"))
        lines.append(f"| `{path}` | {config['seed']} | {PRETRAINING[config['recipe']]} | {interval(m)} batches"
                     f" | {m.get('code_norm', float('nan')):.2f} | {start:.3f} | {tuned} | {seconds / 60:.0f} min |")
    return "\n".join(lines) + "\n"


# how each clustering recipe pre-trains (also in its metrics.json as "pretraining")
PRETRAINING = {"papers": "SGD lr 1, momentum 0.9, fan-in uniform init (DEC-keras)",
               "augmented": "the same, pre-trained and fine-tuned on digits shifted by up to 3 pixels and turned by up to 10 degrees (DEC-DA's augmentation)",
               "dec-da": "as augmented, 500 epochs; IDEC fine-tuned by SGD at DEC-DA's rate 1.0",
               "heldout": "as papers, on the 60,000 training digits, 350 epochs (DEC-keras's MNIST budget); the 10,000 test digits clustered",
               "layerwise": "greedy layer-wise denoising (dropout 0.2, SGD lr 0.01 on the Euclidean loss), then as DEC-keras end to end (DEC paper)"}


def stage_seconds(run_path, stage):
    with open(os.path.join(ROOT, run_path, "history", stage + ".csv")) as f:
        return sum(float(row["seconds"]) for row in csv.DictReader(f))


def vae(dataset):
    lines = ["| run | seed | latent | epochs | test −ELBO (reconstruction + KL) | training time |",
             "|---|---|---|---|---|---|"]
    for path, config, m, _ in runs("vae", dataset):
        for key, stage, size in (("latent_2", "vae-2d", "784-512-2"), ("latent_20", "vae-20d", "784-400-20")):
            v = m[key]
            lines.append(f"| `{path}` | {config['seed']} | {size} | {v['epochs']} | **{v['test_negative_elbo']:.2f}**"
                         f" ({v['test_reconstruction']:.2f} + {v['test_kl']:.2f}) |"
                         f" {stage_seconds(path, stage) / 60:.1f} min |")
    return "\n".join(lines) + "\n"


def vae_curve(dataset):
    rs = runs("vae", dataset)
    lines = ["| epoch | pytorch/examples | " + " | ".join(f"`{os.path.basename(r[0])}`" for r in rs) + " |",
             "|---|---|" + "---|" * len(rs)]
    original = rs[0][2]["latent_20"]["pytorch_examples_per_epoch"]
    for e, reference in enumerate(original):
        ours = " | ".join(f"{r[2]['latent_20']['test_loss_per_epoch'][e]:.1f}" for r in rs)
        lines.append(f"| {e + 1} | {reference:.1f} | {ours} |")
    return "\n".join(lines) + "\n"


def basics(dataset):
    lines = ["| run | seed | epochs | training BCE, epoch 1 → last | test MSE per pixel | training time |",
             "|---|---|---|---|---|---|"]
    for path, config, m, seconds in runs("basics", dataset):
        lines.append(f"| `{path}` | {config['seed']} | {m['epochs']} | {m['train_bce_first_epoch']:.4f} →"
                     f" **{m['train_bce_last_epoch']:.4f}** | {m['test_mse']:.4f} | {seconds / 60:.1f} min |")
    return "\n".join(lines) + "\n"


def conv(dataset):
    lines = ["| run | seed | what runs | steps on digits | loss (MSE per pixel) | output variance across digits |"
             " code variance across digits | training time |",
             "|---|---|---|---|---|---|---|---|"]
    for path, config, m, _ in runs("conv", dataset):
        for name, v in m.items():
            if isinstance(v, dict):
                lines.append(f"| `{path}` | {config['seed']} | {name} | {v['steps_on_digits']:.0f} | **{v['loss']:.4f}** |"
                             f" {v['output_variance']:.3g} | {v['code_variance']:.3g} | {v['seconds'] / 60:.1f} min |")
    return "\n".join(lines) + "\n"


def aae_semi(dataset, *recipes):
    """One row per label count of each run; each recipe's settings once, in a line under the table."""
    lines = ["| run | recipe | seed | labels | epochs | validation error | test error | training time |",
             "|---|---|---|---|---|---|---|---|"]
    notes = {}
    for recipe in recipes or ("refined",):
        for path, config, m, _ in runs("aae-semi", dataset, recipe=recipe):
            c = m["config"]
            drops = ", ".join(str(e) for e in c["rateDrops"]) or "none"
            notes[recipe] = (f"{c['hidden']} hidden, dropout {c['dropout']:g}, {c['style']}-D style N(0, {c['priorStd']:g}²),"
                             f" Adam β1 {c['beta1']:g}, critic noise {c['criticNoise']:g}, rates ÷10 after epochs {drops}"
                             + (", labelled digits also rebuilt" if c.get("labelledReconstruction") else "")
                             + (f", images shifted ≤ {c['shift']} px" if c.get("shift") else "")
                             + (f", turned ≤ {c['turn']:g}°" if c.get("turn") else "")
                             + (f", consistency weight {c['consistency']:g}" if c.get("consistency") else ""))
            for stage in ("labels-100", "labels-1000"):
                if stage not in m:
                    continue  # a run that trained one label count only
                v = m[stage]
                lines.append(f"| `{path}` | {recipe} | {config['seed']} | {stage[7:]} | {v['epochs']} |"
                             f" {v['validation_error_percent']:.2f}% ({m['validation_images']:,} digits) |"
                             f" **{v['test_error_percent']:.2f}%** | {stage_seconds(path, stage) / 60:.0f} min |")
    lines.append("")
    lines += [f"- `{recipe}`: {text}" for recipe, text in notes.items()]
    return "\n".join(lines) + "\n"


def aae(dataset):
    lines = ["| run | seed | prior | epochs | training reconstruction (BCE) | critic accuracy | code std | training time |",
             "|---|---|---|---|---|---|---|---|"]
    for path, config, m, _ in runs("aae", dataset):
        for prior in ("gaussian", "ring"):
            v = m[prior]
            lines.append(f"| `{path}` | {config['seed']} | {prior} | {v['epochs']} | **{v['reconstruction_bce']:.4f}** |"
                         f" {v['d_accuracy']:.3f} | {v['code_std']:.2f} | {stage_seconds(path, prior) / 60:.0f} min |")
    return "\n".join(lines) + "\n"


def aae_supervised(dataset):
    lines = ["| run | seed | epochs | training reconstruction (BCE) | critic accuracy | code std |"
             " NMI of style codes with the labels | training time |", "|---|---|---|---|---|---|---|---|"]
    for path, config, m, _ in runs("aae-supervised", dataset):
        with open(os.path.join(ROOT, path, "history", "supervised.csv")) as f:
            epochs = len(list(csv.DictReader(f)))
        lines.append(f"| `{path}` | {config['seed']} | {epochs} |"
                     f" **{m['reconstruction_bce']:.4f}** | {m['d_accuracy']:.3f} | {m['code_std']:.2f} |"
                     f" {m['style_code_nmi']:.3f} | {stage_seconds(path, 'supervised') / 60:.0f} min |")
    return "\n".join(lines) + "\n"


def aegan(dataset):
    lines = ["| run | seed | setting | epochs | test MSE | critic accuracy | output variance across inputs | training time |",
             "|---|---|---|---|---|---|---|---|"]
    for path, config, m, _ in runs("aegan", dataset):
        for name, v in m.items():
            if not isinstance(v, dict) or "test_mse" not in v:
                continue
            seconds = stage_seconds(path, name)
            if os.path.exists(os.path.join(ROOT, path, "history", name + "-pretrain.csv")):
                seconds += stage_seconds(path, name + "-pretrain")
            lines.append(f"| `{path}` | {config['seed']} | `{name}` | {v['epochs']} | **{v['test_mse']:.4f}** |"
                         f" {v['d_accuracy']:.3f} | {v['output_variance_across_inputs']:.3g} | {seconds / 60:.0f} min |")
    return "\n".join(lines) + "\n"


def sparse(dataset):
    lines = ["| run | seed | model | epochs | training reconstruction, last epoch | test MSE per pixel | mean code |"
             " negative first-layer weights | training time |",
             "|---|---|---|---|---|---|---|---|---|"]
    for path, config, m, _ in runs("sparse", dataset):
        for name, v in m.items():
            if not isinstance(v, dict) or "test_mse" not in v:
                continue
            with open(os.path.join(ROOT, path, "history", name + ".csv")) as f:
                rows = list(csv.DictReader(f))
            term = next(t for t in ("bce", "mse", "sse") if t in rows[-1])
            lines.append(f"| `{path}` | {config['seed']} | `{name}` | {len(rows)} | {term} {float(rows[-1][term]):.4f} |"
                         f" **{v['test_mse']:.4f}** | {v['mean_code']:.3f} | {100 * v['negative_weight_share']:.1f}% |"
                         f" {stage_seconds(path, name) / 60:.1f} min |")
    return "\n".join(lines) + "\n"


def markdown(table_text):
    """A Tablesaw printout (title, header, dashes, rows split by |) as a Markdown table."""
    lines = [l for l in table_text.splitlines() if l.strip()]
    rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in lines[1:] if not set(l.strip()) <= {"-"}]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return f"*{lines[0].strip()}*\n\n" + "\n".join(out) + "\n"


def notebooks(directory):
    """The main job's wall time and figure count per notebook (each notebook's final table is in the notebook)."""
    with open(os.path.join(RESULTS, directory, "summary.json")) as f:
        summary = json.load(f)
    total = sum(v["seconds"] for v in summary.values())
    engines = sorted({v["engine"].removeprefix("engine: ") for v in summary.values()})
    lines = [f"Engine: {'; '.join(engines)}.", "", "| notebook | mode | wall time | figures |", "|---|---|---|---|"]
    for name, v in summary.items():
        lines.append(f"| `{name}` | {v['mode']} | {v['seconds'] / 60:.1f} min | {v['images']} |")
    lines.append(f"| all {len(summary)}, summed (notebooks that ran side by side overlap) | | {total / 60:.0f} min |"
                 f" {sum(v['images'] for v in summary.values())} |")
    return "\n".join(lines) + "\n"


KINDS = {"notebooks": notebooks, "aae": aae, "aae-supervised": aae_supervised, "aegan": aegan, "aae-semi": aae_semi, "sparse": sparse, "basics": basics, "conv": conv,
         "clustering": clustering, "clustering-runs": clustering_runs, "vae": vae, "vae-curve": vae_curve}


def render(text):
    def replace(match):
        kind, *args = match.group(2).split()
        return match.group(1) + KINDS[kind](*args) + match.group(4)
    return BLOCK.sub(replace, text)


def main():
    with open(DOC) as f:
        text = f.read()
    new = render(text)
    if "--check" in sys.argv[1:]:
        if new != text:
            sys.exit("RESULTS.md's tables differ from results/: run /usr/bin/python3 tools/results.py")
        print("RESULTS.md's tables match the runs under results/")
        return
    tmp = DOC + ".part"
    with open(tmp, "w") as f:
        f.write(new)
    os.replace(tmp, DOC)
    print(f"RESULTS.md: {len(BLOCK.findall(new))} tables written from results/")


if __name__ == "__main__":
    main()
