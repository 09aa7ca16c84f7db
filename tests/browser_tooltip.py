"""Shift-Tab in a real notebook: opens a notebook in Jupyter through headless Chromium, types a call to a
library method into a cell, presses Shift-Tab, and saves a screenshot of the tooltip (the method's signature
and Javadoc, from the kernel's inspect_reply). Needs Debian's chromium, chromium-driver and
python3-selenium. Run with Debian's /usr/bin/python3:

    /usr/bin/python3 tests/browser_tooltip.py --out docs/images/inspect-tooltip.png
"""
import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
import chromium  # noqa: E402  (in tools/)
from browser_check import start_server, wait  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE = "var split = aelab.data.Mnist.load("


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "inspect-tooltip.png"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        notebook = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {},
                               "outputs": [], "source": []}],
                    "metadata": {"kernelspec": {"name": "aelab-java", "display_name": "Java (AE Lab)",
                                                "language": "java"}},
                    "nbformat": 4, "nbformat_minor": 5}
        with open(os.path.join(directory, "tooltip.ipynb"), "w") as f:
            json.dump(notebook, f)
        server, url = start_server(directory)
        browser = chromium.start(1100, 760)
        try:
            browser.get(url.replace("/?token=", "/notebooks/tooltip.ipynb?token=")
                        .replace("/tree?token=", "/notebooks/tooltip.ipynb?token="))
            wait(browser, "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                 " && Jupyter.notebook.kernel.is_connected())", 120, "the kernel to connect")
            editor = browser.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")
            browser.find_element(By.CSS_SELECTOR, ".CodeMirror").click()
            editor.send_keys(CODE)
            ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
            wait(browser, "var t = document.getElementById('tooltip');"
                 " return !!t && t.offsetParent !== null && t.innerText.indexOf('Loads the IDX files') >= 0",
                 60, "the tooltip with the method's Javadoc")
            # the tooltip's "+" shows every overload with its Javadoc
            browser.execute_script("Jupyter.tooltip.expand()")
            time.sleep(0.8)
            text = browser.execute_script("return document.getElementById('tooltip').innerText")
            os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
            browser.save_screenshot(args.out)
            print("tooltip:\n" + text + "\nscreenshot " + args.out)
        finally:
            browser.quit()
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
