#!/usr/bin/python3
"""Opens the built documentation site (tools/build_site.py) in headless Chromium and saves a screenshot of
some of its pages, to look at: the index, a lesson, the reproductions and the kernel's page. Needs Debian's
chromium, chromium-driver and python3-selenium.

    /usr/bin/python3 tools/site_screenshots.py [--out target/site-screenshots]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium  # noqa: E402  (beside this file)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE = os.path.join(ROOT, "target", "site")
PAGES = ["index.html", "notebooks/03-variational-autoencoder.html",
         "notebooks/04-why-a-convolutional-autoencoder-does-not-learn.html",
         "notebooks/09-deep-clustering-dec-idec-adec.html", "docs/reproducing.html", "RESULTS.html", "docs/kernel.html"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "site-screenshots"))
    args = parser.parse_args()
    if not os.path.exists(os.path.join(SITE, "index.html")):
        sys.exit("no site in target/site: build it first with /usr/bin/python3 tools/build_site.py")
    os.makedirs(args.out, exist_ok=True)
    browser = chromium.start(1280, 1600)
    try:
        for page in PAGES:
            browser.get("file://" + os.path.join(SITE, page))
            time.sleep(1)
            broken = browser.execute_script("return Array.from(document.images).filter(i => !i.complete"
                                            " || i.naturalWidth === 0).map(i => i.src)")
            shot = os.path.join(args.out, page.replace("/", "-").replace(".html", ".png"))
            browser.save_screenshot(shot)
            print(f"{shot}" + (f"  ({len(broken)} image(s) did not load: {broken[:3]})" if broken else ""))
    finally:
        browser.quit()


if __name__ == "__main__":
    main()
