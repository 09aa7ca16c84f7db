#!/usr/bin/python3
"""Builds AE Lab's documentation site into target/site, with no training: the docs pages, the nine
notebooks with their committed outputs, RESULTS.md, and an index with one figure and one question per
notebook (taken from the README's table of notebooks). Sphinx 5 with MyST, nbsphinx and the furo theme,
all Debian packages. Warnings fail the build (a missing image or a broken reference is a warning), and
afterwards every local link and image of the generated pages is checked to exist.

    /usr/bin/python3 tools/build_site.py            # target/site/index.html
"""
import glob
import html.parser
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGE = os.path.join(ROOT, "target", "site-src")
OUT = os.path.join(ROOT, "target", "site")
ROW = re.compile(r'^\| <img src="(notebooks/figures/[^"]+)"[^>]*> \| \[([^\]]+)\]\((notebooks/[^)]+\.ipynb)\) \| (.+) \|$')


def notebook_rows():
    """(figure, title, notebook, question) from the README's table of notebooks."""
    with open(os.path.join(ROOT, "README.md")) as f:
        rows = [m.groups() for m in map(ROW.match, f.read().splitlines()) if m]
    if len(rows) != len(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb"))):
        sys.exit("the README's table of notebooks does not list every notebook: fix the table")
    return rows


def index(rows):
    lines = ["# AE Lab", "",
             "Java notebooks that teach and reproduce autoencoder experiments on MNIST-style data. Each lesson",
             "below is shown as its last full-mode run left it; [Reproducing the originals](docs/reproducing.md)",
             "sets our numbers beside the originals', and [RESULTS.md](RESULTS.md) has every table.", "",
             "## The lessons", ""]
    for figure, title, notebook, question in rows:
        lines += [f"### [{title}]({notebook})", "", f"![{title}]({figure})", "", question, ""]
    lines += ["```{toctree}", ":hidden:", ":caption: Lessons", ""] + [r[2] for r in rows] + ["```", "",
              "```{toctree}", ":hidden:", ":caption: Reference", "", "docs/reproducing", "RESULTS",
              "docs/command-line", "docs/kernel", "docs/engines", "docs/data", "docs/performance", "docs/library",
              "docs/dependencies", "```", "", "```{toctree}", ":hidden:", ":caption: Solutions", ""]
    lines += [r[2].replace("notebooks/", "notebooks/solutions/").replace(".ipynb", "-solutions.ipynb") for r in rows]
    lines += ["```", ""]
    return "\n".join(lines)


def stage(rows):
    shutil.rmtree(STAGE, ignore_errors=True)
    os.makedirs(STAGE)
    shutil.copy(os.path.join(ROOT, "docs", "site", "conf.py"), STAGE)
    for sub in ("docs", "notebooks", "bench"):
        shutil.copytree(os.path.join(ROOT, sub), os.path.join(STAGE, sub),
                        ignore=shutil.ignore_patterns("site", "*.py", "*.sh", ".ipynb_checkpoints"))
    shutil.copy(os.path.join(ROOT, "RESULTS.md"), STAGE)
    with open(os.path.join(STAGE, "index.md"), "w") as f:
        f.write(index(rows))


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if key in a and tag in ("img", "a", "script", "link"):
                self.found.append(a[key])


def check_links():
    """Every local link and image of the built pages points at a file of the site."""
    broken = []
    for page in glob.glob(os.path.join(OUT, "**", "*.html"), recursive=True):
        parser = Links()
        with open(page, encoding="utf-8") as f:
            parser.feed(f.read())
        for target in parser.found:
            url = urllib.parse.urlparse(target)
            if url.scheme or target.startswith("#") or target.startswith("//") or not url.path:
                continue
            path = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(url.path)))
            if not os.path.exists(path):
                broken.append(f"{os.path.relpath(page, OUT)}: {target}")
    return broken


def main():
    rows = notebook_rows()
    stage(rows)
    shutil.rmtree(OUT, ignore_errors=True)
    build = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", STAGE, OUT])
    if build.returncode != 0:
        sys.exit("the site did not build cleanly (see the warnings above)")
    broken = check_links()
    if broken:
        sys.exit(f"{len(broken)} broken local link(s) or image(s) in the site:\n" + "\n".join(broken[:40]))
    pages = len(glob.glob(os.path.join(OUT, "**", "*.html"), recursive=True))
    print(f"site built: {OUT}/index.html ({pages} pages; every local link and image resolves)")


if __name__ == "__main__":
    main()
