"""Runs notebook 01 top to bottom in a real browser and saves a screenshot.

Starts Jupyter Notebook through environment/notebook.sh (127.0.0.1, with a token), opens notebook
01 in headless Chromium (Debian's chromium and chromium-driver, driven by python3-selenium), runs
every cell with the notebook's own "run all", waits until the kernel is idle and every code cell
has run, checks that no cell shows an error and that the digit grid and the loss curve are
images in the page, and writes the screenshot. Needs: apt-get install chromium chromium-driver
python3-selenium. Run with Debian's /usr/bin/python3:

    /usr/bin/python3 tests/browser_check.py --out notebooks/figures/browser-01.png
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time


sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
import chromium  # noqa: E402  (in tools/)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOK = "01-autoencoder-basics.ipynb"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(directory):
    """Jupyter on a copy of the notebooks (the browser saves what it runs); returns it and its URL."""
    port = free_port()
    log = open(os.path.join(directory, "jupyter.log"), "w+")
    server = subprocess.Popen(["bash", os.path.join(ROOT, "environment", "notebook.sh"), f"--port={port}",
                               f"--notebook-dir={directory}"], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        log.seek(0)
        found = re.search(rf"http://127\.0\.0\.1:{port}/\S*token=\w+", log.read())
        if found:
            return server, found.group(0)
        time.sleep(0.5)
    server.terminate()
    sys.exit("Jupyter printed no URL within 60 s; see " + log.name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "browser-01.png"))
    parser.add_argument("--timeout", type=int, default=900, help="seconds for the whole notebook")
    parser.add_argument("--mode", default="quick", choices=["quick", "full"])
    args = parser.parse_args()
    os.environ["AELAB_MODE"] = args.mode
    with tempfile.TemporaryDirectory() as directory:
        shutil.copy(os.path.join(ROOT, "notebooks", NOTEBOOK), directory)
        server, url = start_server(directory)
        browser = chromium.start(1300, 4200)
        try:
            browser.get(url.replace("/?token=", f"/notebooks/{NOTEBOOK}?token=").replace("/tree?token=", f"/notebooks/{NOTEBOOK}?token="))
            wait(browser, "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                 " && Jupyter.notebook.kernel.is_connected())", 120, "the kernel to connect")
            started = time.time()
            browser.execute_script("Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells();")
            wait(browser, "return Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')"
                 ".every(c => c.input_prompt_number !== '*' && c.input_prompt_number !== undefined"
                 " && c.input_prompt_number !== null)", args.timeout, "every cell to run")
            seconds = time.time() - started
            errors = browser.execute_script("return document.querySelectorAll('.output_error').length")
            images = browser.execute_script("return Array.from(document.querySelectorAll('.output_png img'))"
                                            ".filter(i => i.naturalWidth > 100).length")
            # the loss curve is the notebook's training-history figure: scroll so that the digit grid
            # (first figure) and the loss curve both sit in the window
            browser.execute_script("document.querySelectorAll('.output_png img')[0].scrollIntoView()")
            time.sleep(1)
            os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
            browser.save_screenshot(args.out)
            print(f"notebook 01 ran in the browser in {seconds:.0f} s: {images} image(s), {errors} error(s);"
                  f" screenshot {args.out}")
            if errors or images < 2:
                sys.exit("the notebook did not run cleanly in the browser")
        finally:
            browser.quit()
            server.terminate()
            server.wait(timeout=30)


def wait(browser, script, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if browser.execute_script(script):
                return
        except Exception:  # the page is still loading
            pass
        time.sleep(1)
    sys.exit(f"timed out after {seconds} s waiting for {what}")


if __name__ == "__main__":
    main()
