"""The latent explorer in a real browser: the kernel trains a small 2-D VAE and displays its explorer;
the HTML it sends (with the PNG beside it) is opened in headless Chromium (Debian's chromium,
chromium-driver, python3-selenium), the pointer is moved to two places over the codes, and the digit
shown must change between them. Run with Debian's /usr/bin/python3; --out saves a screenshot.
"""
import argparse
import base64
import os
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "environment"))
import write_kernelspec  # noqa: E402  (in environment/)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
import chromium  # noqa: E402  (in tools/)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ["JUPYTER_PATH"] = os.path.join(ROOT, "environment", "jupyter")
os.environ.setdefault("AELAB_MODE", "quick")

from jupyter_client.manager import start_new_kernel  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CELL = """
aelab.data.Split data = aelab.data.Mnist.load(aelab.Mode.QUICK);
var vae = new aelab.models.vae.VariationalAutoencoder(aelab.models.vae.VariationalAutoencoderConfig.keras2d());
vae.fit(data.train().head(3000), new aelab.train.TrainingLoop.Options(3, 100, 1, false));
aelab.data.ImageSet shown = data.test().head(1000);
display(aelab.figures.LatentExplorer.of(vae.encodeMeans(shown), shown.labels(), vae::decode, 28,
        "VAE codes of 1,000 test digits"));
"""
SCREENSHOT = os.path.join(ROOT, "target", "latent-explorer.png")


def explorer_output():
    """The display_data the kernel sends for the explorer: its text/html and image/png."""
    write_kernelspec.refresh(ROOT)
    manager, client = start_new_kernel(kernel_name="aelab-java")
    try:
        msg_id = client.execute(CELL)
        found = None
        while True:
            msg = client.get_iopub_msg(timeout=300)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "display_data" and "text/html" in msg["content"]["data"]:
                found = msg["content"]["data"]
            if msg["msg_type"] == "error":
                raise AssertionError("\n".join(msg["content"]["traceback"]))
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return found
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


class LatentExplorerInTheBrowser(unittest.TestCase):

    def test_the_digit_follows_the_pointer(self):
        data = explorer_output()
        self.assertIsNotNone(data, "the kernel displayed no explorer")
        self.assertTrue(base64.b64decode(data["image/png"]).startswith(b"\x89PNG"), "a PNG beside the HTML")
        with tempfile.TemporaryDirectory() as directory:
            page = os.path.join(directory, "explorer.html")
            with open(page, "w") as f:
                f.write("<!doctype html><html><body style='margin:12px'>" + data["text/html"] + "</body></html>")
            browser = chromium.start(1100, 760)
            try:
                browser.get("file://" + page)
                root = browser.find_element(By.CSS_SELECTOR, ".aelab-latent-explorer")
                deadline = time.time() + 20
                while root.get_attribute("data-cell") is None and time.time() < deadline:
                    time.sleep(0.2)  # the first digit is drawn once the sprites have loaded
                scatter = root.find_element(By.CSS_SELECTOR, "img.scatter")
                width, height = scatter.size["width"], scatter.size["height"]
                shown = []
                # two places inside the plot area (offsets from the image's centre, in CSS pixels)
                for fx, fy in ((0.25, 0.3), (0.75, 0.65)):
                    dx = round((62 + fx * 440) - width / 2)
                    dy = round((34 + fy * 440) - height / 2)
                    ActionChains(browser).move_to_element_with_offset(scatter, dx, dy).perform()
                    time.sleep(0.3)
                    shown.append((root.get_attribute("data-cell"), browser.execute_script(
                        "return arguments[0].toDataURL()", root.find_element(By.CSS_SELECTOR, "canvas.digit")),
                        root.find_element(By.CSS_SELECTOR, "div.where").text))
                self.assertNotEqual(shown[0][0], shown[1][0], "the pointer moved to another grid cell")
                self.assertNotEqual(shown[0][1], shown[1][1], "the digit drawn changed with the pointer")
                self.assertTrue(all(s[2].startswith("z = (") for s in shown), shown[0][2])
                os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
                browser.save_screenshot(SCREENSHOT)
                print(f"cells {shown[0][0]} and {shown[1][0]} ({shown[0][2]}, {shown[1][2]}); screenshot {SCREENSHOT}")
            finally:
                browser.quit()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=SCREENSHOT, help="where to save the screenshot")
    args, rest = parser.parse_known_args()
    SCREENSHOT = os.path.abspath(args.out)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
