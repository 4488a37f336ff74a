"""Take docs/graph.png, the README's picture of the seeds' graph page, in headless Chromium.

    threadgraph build seeds --out out
    python docs/screenshot.py out/graph.html docs/graph.png

It hides entities without links (the page's own checkbox), opens the first finding in the
side panel, and saves a 1600x900 PNG. Uses Debian's chromium and chromedriver; nothing is
downloaded.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path


def screenshot(page: Path, png: Path, width: int = 1600, height: int = 900, finding: bool = True) -> Path:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="tg-shot-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)
    try:
        # the window size includes browser furniture: fix the page's own viewport instead
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        driver.get(page.resolve().as_uri())
        while driver.execute_script("return document.body.dataset.ready") != "1":
            time.sleep(0.05)
        driver.find_element("id", "hide-unlinked").click()
        buttons = driver.find_elements("css selector", "#findings button")
        if finding and buttons:
            buttons[0].click()
            driver.find_element("id", "fit-btn").click()
        driver.execute_script("document.getElementById('sidebar').scrollTop = 0;")
        time.sleep(0.5)  # one frame for the canvas
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return png


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path, nargs="?", default=Path("out/graph.html"))
    ap.add_argument("png", type=Path, nargs="?", default=Path("docs/graph.png"))
    ap.add_argument("--no-finding", action="store_true", help="Do not open a finding in the side panel.")
    args = ap.parse_args()
    print(screenshot(args.page, args.png, finding=not args.no_finding))


if __name__ == "__main__":
    main()
