"""Writes the kernelspec of AE Lab's Java kernel (aelab.kernel.KernelMain) with the library on its classpath."""
import argparse
import json
import os
import subprocess

KERNEL = "aelab-java"


def spec(root):
    """The kernelspec: the JVM runs the kernel from target/classes and every jar in target/lib."""
    classes = os.path.join(root, "target", "classes")
    lib = os.path.join(root, "target", "lib")
    if not os.path.isfile(os.path.join(classes, "aelab", "kernel", "KernelMain.class")) or not os.path.isdir(lib):
        raise SystemExit(f"{classes} or {lib} is missing: build with `mvn package` first")
    env = {
        # MXNet's synchronous engine trains these small models faster than its threaded one
        "MXNET_ENGINE_TYPE": "NaiveEngine",
        # OpenMP threads that wait by sleeping, not spinning: spinning ones beside another busy
        # process (a background run, a second notebook) made training ten times slower
        "OMP_WAIT_POLICY": "PASSIVE",
        # one thread per core of this machine (MXNet alone would take half of them)
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", str(len(os.sched_getaffinity(0)))),
        "AELAB_PROJECT": root,
        # for DJL's PyTorch engine (AELAB_ENGINE=pytorch): glibc keeps freed tensor memory instead of unmapping
        # it every step (a stacked autoencoder step 1.6x faster); MXNet pools its own and runs the same with them
        "MALLOC_MMAP_THRESHOLD_": "268435456",
        "MALLOC_TRIM_THRESHOLD_": "1073741824",
    }
    core = openblas_core(root)
    if core:
        env["OPENBLAS_CORETYPE"] = core
    return {
        "argv": [
            "java",
            # headless Java2D for the figures; DJL must never look for native libraries online
            "-Djava.awt.headless=true",
            "-Dai.djl.offline=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            # the library's sources, for the Javadoc that Shift-Tab shows
            "-Daelab.sources=" + os.path.join(root, "src", "main", "java"),
            # the kernel keeps a cell from calling System.exit through Java 17's security manager
            "-Djava.security.manager=allow",
            "-cp", classes + os.pathsep + os.path.join(lib, "*"),
            "aelab.kernel.KernelMain",
            "{connection_file}",
        ],
        "display_name": "Java (AE Lab)",
        "language": "java",
        # the Stop button sends interrupt_request on the control channel; the kernel stops the cell
        "interrupt_mode": "message",
        "env": env,
    }


def openblas_core(root):
    """The OpenBLAS kernel to pin for MXNet on this CPU (environment/openblas_core.sh says why), or ''."""
    script = os.path.join(root, "environment", "openblas_core.sh")
    return subprocess.run(["bash", script], capture_output=True, text=True, check=True).stdout.strip()


def write(root, out):
    tmp = f"{out}.{os.getpid()}.tmp"  # one per process: two runners may start at once
    with open(tmp, "w") as f:
        json.dump(spec(root), f, indent=2)
    os.replace(tmp, out)


def refresh(root):
    """Rewrites this checkout's kernelspec (the checkout may have moved since the setup wrote it)."""
    kernel_dir = os.path.join(root, "environment", "jupyter", "kernels", KERNEL)
    os.makedirs(kernel_dir, exist_ok=True)
    write(root, os.path.join(kernel_dir, "kernel.json"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="the project's checkout")
    parser.add_argument("--out", required=True, help="kernel.json to write")
    args = parser.parse_args()
    write(args.root, args.out)
    print(f"kernelspec written: {args.out}")
