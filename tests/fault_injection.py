#!/usr/bin/env python3
"""Fault injection for the command line (not a unit test; takes a few minutes).

1. Kills: starts `./aelab run vae --epochs 15` (three training stages, figures and measures
   between them), kills it with SIGKILL at random moments, restarts it each time, and at the end
   checks that it finished with the same kind of results, that every stage's history runs 1..N
   without a gap or a repeat, that no restart lost more than the epoch in progress, and that no
   temporary or stray file is left.
2. Disk full: the output directory on a 1 MiB tmpfs.
3. Read-only: the output directory's tmpfs remounted read-only while the run trains.
4. A corrupt checkpoint between a kill and the restart.
Each of 2-4 must end with a one-line error and leave what was saved intact. Needs root (mounts).

Usage: python3 tests/fault_injection.py [--kills 25] [--seed 1]
"""
import argparse
import csv
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AELAB = os.path.join(ROOT, "aelab")
EPOCHS = 15
STAGES = ["vae-2d", "vae-20d"]
OWN = {"config.json", "measures.json", "metrics.json", "history", "checkpoints", "figures"}
CKPT = re.compile(r"^(.+)\.e(\d{4})\.ckpt$")


def command(out, epochs=EPOCHS):
    return [AELAB, "run", "vae", "--out", out, "--epochs", str(epochs), "--quiet"]


def history_lengths(out):
    lengths = {}
    for stage in STAGES:
        path = os.path.join(out, "history", stage + ".csv")
        try:
            with open(path) as f:
                lengths[stage] = max(0, sum(1 for _ in f) - 1)
        except OSError:
            lengths[stage] = 0
    return lengths


def read_epochs(path):
    with open(path) as f:
        return [int(float(row["epoch"])) for row in csv.DictReader(f)]


def stray_files(out):
    """Temporary files, and anything a run does not write."""
    found = []
    for entry in os.listdir(out):
        if entry not in OWN:
            found.append(entry)
    for base, _, files in os.walk(out):
        for name in files:
            if name.endswith(".part") or name.endswith(".tmp"):
                found.append(os.path.join(base, name))
    return found


def kills(n, rng, work):
    out = os.path.join(work, "kills")
    survived = 0
    problems = []
    for k in range(1, n + 1):
        before = history_lengths(out)
        log = open(os.path.join(work, f"kill-{k:02d}.log"), "w")
        proc = subprocess.Popen(command(out), stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        # JVM start-up takes ~2 s; epochs on the quick data take a fraction of a second, so moments
        # from 1.5 to 9 s land in start-up, training, checkpoint and history writes, and between stages
        time.sleep(rng.uniform(1.5, 9.0))
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        log.close()
        text = open(log.name).read()
        if finished and proc.returncode != 0:
            problems.append(f"start {k}: exited {proc.returncode} before the kill:\n{text[-2000:]}")
            continue
        # the restart must resume from no earlier than the epoch before the one in progress
        for stage, saved in re.findall(r"^(\S+): resuming after epoch (\d+)", text, re.M):
            if before.get(stage, 0) - int(saved) > 1:
                problems.append(f"start {k}: {stage} resumed after epoch {saved} though the history had"
                                f" {before[stage]}")
        for stage, saved in re.findall(r"^(\S+): finished in an earlier run \((\d+) epochs\)", text, re.M):
            if int(saved) != EPOCHS:
                problems.append(f"start {k}: {stage} counted finished after {saved} epochs")
        if finished:
            print(f"  start {k}: the run finished before its kill")
            break
        survived += 1
        print(f"  kill {k}: histories {history_lengths(out)}")
    # the last restart runs to the end
    final = subprocess.run(command(out), cwd=ROOT, capture_output=True, text=True)
    if final.returncode != 0:
        problems.append(f"final run exited {final.returncode}: {final.stderr[-2000:]}")
        return survived, problems
    if not os.path.exists(os.path.join(out, "metrics.json")):
        problems.append("no metrics.json at the end")
    for stage in STAGES:
        epochs = read_epochs(os.path.join(out, "history", stage + ".csv"))
        if epochs != list(range(1, EPOCHS + 1)):
            problems.append(f"{stage} history is {epochs}, not 1..{EPOCHS}")
        ckpts = [f for f in os.listdir(os.path.join(out, "checkpoints")) if CKPT.match(f)
                 and CKPT.match(f).group(1) == stage]
        if ckpts != [f"{stage}.e{EPOCHS:04d}.ckpt"]:
            problems.append(f"{stage} checkpoints: {ckpts}")
    stray = stray_files(out)
    if stray:
        problems.append(f"stray files: {stray}")
    return survived, problems


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path], check=True)


def unmount(path):
    subprocess.run(["umount", "-l", path], check=False)


def one_line_error(result, expect_status):
    lines = [l for l in result.stderr.strip().splitlines() if l.strip()]
    # MXNet's native start-up notice ("[hh:mm:ss] ... MXNet start using engine: NaiveEngine") is not ours
    lines = [l for l in lines if not l.startswith("interrupted:") and not re.match(r"^\[\d\d:\d\d:\d\d\] ", l)]
    ok = result.returncode == expect_status and len(lines) == 1 and lines[0].startswith("aelab: ")
    return ok, (lines[-1] if lines else "(no message)")


def digest(tree):
    sums = {}
    for base, _, files in os.walk(tree):
        for name in files:
            p = os.path.join(base, name)
            with open(p, "rb") as f:
                sums[os.path.relpath(p, tree)] = hashlib.md5(f.read()).hexdigest()
    return sums


def disk_full(work):
    mnt = os.path.join(work, "full")
    mount_tmpfs(mnt, "1m")
    try:
        r = subprocess.run(command(os.path.join(mnt, "run")), cwd=ROOT, capture_output=True, text=True)
        ok, line = one_line_error(r, 1)
        return ok, f"disk full: exit {r.returncode}, {line}"
    finally:
        unmount(mnt)


def read_only(work):
    mnt = os.path.join(work, "ro")
    mount_tmpfs(mnt, "64m")
    out = os.path.join(mnt, "run")
    try:
        proc = subprocess.Popen(command(out, 40), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)
        deadline = time.time() + 60
        while history_lengths(out)["vae-2d"] < 2 and time.time() < deadline:
            time.sleep(0.2)
        subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
        saved = digest(out)
        _, err = proc.communicate(timeout=300)
        r = subprocess.CompletedProcess(proc.args, proc.returncode, "", err)
        ok, line = one_line_error(r, 1)
        intact = digest(out) == saved
        return ok and intact, f"read-only mid-run: exit {r.returncode}, {line}; saved files intact: {intact}"
    finally:
        unmount(mnt)


def corrupt_checkpoint(work):
    out = os.path.join(work, "corrupt")
    proc = subprocess.Popen(command(out, 40), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while history_lengths(out)["vae-2d"] < 3 and time.time() < deadline:
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    ck_dir = os.path.join(out, "checkpoints")
    ckpt = sorted(f for f in os.listdir(ck_dir) if CKPT.match(f))[-1]
    path = os.path.join(ck_dir, ckpt)
    data = bytearray(open(path, "rb").read())
    data[len(data) // 2] ^= 0x55
    open(path, "wb").write(data)
    saved = digest(out)
    r = subprocess.run(command(out, 40), cwd=ROOT, capture_output=True, text=True)
    ok, line = one_line_error(r, 2)
    named = ckpt in line
    intact = digest(out) == saved
    return ok and named and intact, (f"corrupt checkpoint: exit {r.returncode}, {line}; names the file: {named};"
                                     f" other files intact: {intact}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("fault_injection.py mounts small tmpfs file systems: run it as root")
    work = tempfile.mkdtemp(prefix="aelab-faults-")
    rng = random.Random(args.seed)
    failures = 0
    print(f"1. {args.kills} kills with SIGKILL, each followed by a restart (work in {work})")
    survived, problems = kills(args.kills, rng, work)
    print(f"   kills survived: {survived - len(problems)} / {survived} tried")
    for p in problems:
        print("   PROBLEM:", p)
    failures += len(problems)
    for n, check in enumerate([disk_full, read_only, corrupt_checkpoint], start=2):
        ok, text = check(work)
        print(f"{n}. {'ok  ' if ok else 'FAIL'} {text}")
        failures += 0 if ok else 1
    shutil.rmtree(work, ignore_errors=True)
    print("fault injection:", "all checks passed" if failures == 0 else f"{failures} problem(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
