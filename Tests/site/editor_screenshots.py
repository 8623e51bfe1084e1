#!/usr/bin/env python3
"""Screenshots of the browser editor for the editors' guide (docs/anh/bien-tap-*.png),
taken in headless Chromium from `vinhdanh serve` on a copy of the sample site. Not a test:
`make screenshots` runs it, and the pictures are committed.

Usage: editor_screenshots.py VINHDANH_BINARY REPO_ROOT
"""
import glob
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_serve import Server  # noqa: E402
from sitecheck import browser, free_port  # noqa: E402
from test_editor import editor_link  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402

BINARY, REPO = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
OUT = os.path.join(REPO, "docs", "anh")


def main():
    work = tempfile.mkdtemp(prefix="vinhdanh-shots-")
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
    os.makedirs(OUT, exist_ok=True)
    port = free_port()
    server = Server(site, port)
    base = f"http://127.0.0.1:{port}"
    driver = browser()
    driver.set_window_size(1100, 1000)
    driver.get(editor_link(server)[0])

    def shot(name, element=None):
        path = os.path.join(OUT, f"bien-tap-{name}.png")
        (element or driver.find_element(By.TAG_NAME, "body")).screenshot(path)
        print("wrote", os.path.relpath(path, REPO))

    try:
        driver.get(base + "/_bien-tap/?q=luc+ngan")
        shot("danh-sach")
        slug = os.path.splitext(os.path.basename(sorted(glob.glob(os.path.join(site, "content/profiles/luc-ngan/*.md")))[0]))[0]
        driver.get(base + f"/_bien-tap/ho-so/{slug}/")
        shot("bieu-mau", driver.find_element(By.CSS_SELECTOR, "form.ho-so"))
        field = driver.find_elements(By.NAME, "award-type")[-1]
        field.send_keys("bang khen chu")
        time.sleep(0.3)
        shot("goi-y", driver.find_element(By.ID, "awards"))
        field.clear()
        year = driver.find_element(By.ID, "award-year-0")
        year.clear()
        year.send_keys("1800")
        driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        time.sleep(0.5)
        shot("loi", driver.find_element(By.CSS_SELECTOR, "main"))
        # Two tabs: the second save meets the first one's.
        driver.get(base + f"/_bien-tap/ho-so/{slug}/")
        first = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(base + f"/_bien-tap/ho-so/{slug}/")
        driver.switch_to.window(first)
        unit = driver.find_element(By.ID, "unit")
        unit.clear()
        unit.send_keys("Sửa ở thẻ thứ nhất")
        driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        time.sleep(0.5)
        driver.switch_to.window(driver.window_handles[-1])
        unit = driver.find_element(By.ID, "unit")
        unit.clear()
        unit.send_keys("Sửa ở thẻ thứ hai")
        driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        time.sleep(0.5)
        shot("xung-dot", driver.find_element(By.CSS_SELECTOR, ".xung-dot"))
        driver.get(base + f"/_bien-tap/ho-so/{slug}/xoa/")
        driver.find_element(By.CSS_SELECTOR, "button.nguy-hiem").click()
        time.sleep(0.5)
        driver.get(base + "/_bien-tap/thung-rac/")
        shot("thung-rac", driver.find_element(By.CSS_SELECTOR, "main"))
    finally:
        driver.quit()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
