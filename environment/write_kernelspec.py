"""Writes the kernelspec of AE Lab's Java kernel: rapaio's JShell kernel with the library on its classpath."""
import argparse
import glob
import json
import os

KERNEL = "aelab-java"


def write(root, jar, out):
    """Writes kernel.json; the classpath lists target/classes and every jar in target/lib now."""
    classes = os.path.join(root, "target", "classes")
    jars = sorted(glob.glob(os.path.join(root, "target", "lib", "*.jar")))
    if not os.path.isdir(classes) or not jars:
        raise SystemExit(f"{classes} or target/lib is missing: build with `mvn package` first")
    spec = {
        "argv": [
            "java",
            # headless Java2D for the figures; DJL must never look for native libraries online
            "-Djava.awt.headless=true",
            "-Dai.djl.offline=true",
            "-Djava.util.logging.config.file=" + os.path.join(root, "environment", "kernel-logging.properties"),
            "-jar", jar,
            "{connection_file}",
        ],
        "display_name": "Java (AE Lab)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # rapaio separates classpath entries with ';'
            "RJK_CLASSPATH": ";".join([classes] + jars),
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            # MXNet's synchronous engine trains these small models faster than its threaded one
            "MXNET_ENGINE_TYPE": "NaiveEngine",
            "AELAB_PROJECT": root,
        },
    }
    tmp = f"{out}.{os.getpid()}.tmp"  # one per process: two runners may start at once
    with open(tmp, "w") as f:
        json.dump(spec, f, indent=2)
    os.replace(tmp, out)
    return len(jars)


def refresh(root):
    """Rewrites this checkout's kernelspec from the jar the setup fetched (after a build changed target/lib)."""
    kernel_dir = os.path.join(root, "environment", "jupyter", "kernels", KERNEL)
    jars = glob.glob(os.path.join(kernel_dir, "rapaio-jupyter-kernel-*.jar"))
    if not jars:
        raise SystemExit(f"no kernel jar in {kernel_dir}: run `bash environment/setup.sh` first")
    write(root, jars[0], os.path.join(kernel_dir, "kernel.json"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="the project's checkout")
    parser.add_argument("--jar", required=True, help="rapaio-jupyter-kernel jar")
    parser.add_argument("--out", required=True, help="kernel.json to write")
    args = parser.parse_args()
    n = write(args.root, args.jar, args.out)
    print(f"kernelspec written: {args.out} ({n} jars on the classpath)")
