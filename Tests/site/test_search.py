#!/usr/bin/env python3
"""The search page as a reader meets it: a real browser (headless Chromium driven by
Selenium) on sites built by vinhdanh and served over HTTP.

Usage: test_search.py VINHDANH_BINARY REPO_ROOT
Prints 'N passed, M failed' and exits non-zero on any failure.
"""
import functools
import http.server
import os
import shutil
import socketserver
import sys
import tempfile
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitecheck import Checks, browser, free_port  # noqa: E402

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BINARY, REPO = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def build(site, out):
    code = os.spawnv(os.P_WAIT, BINARY, [BINARY, "build", "--site", site, "--output", out])
    assert code == 0, f"vinhdanh build failed ({code}) for {site}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root):
    handler = functools.partial(QuietHandler, directory=root)
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def fixture_site(root):
    """A small site whose names exercise folding and ranking."""
    os.makedirs(os.path.join(root, "content", "profiles"))
    shutil.copytree(os.path.join(REPO, "content", "vocab"), os.path.join(root, "content", "vocab"))
    with open(os.path.join(root, "content", "site.yaml"), "w") as f:
        f.write("title: Thử tìm kiếm\nbaseURL: https://example.org/\n")
    people = [("Nguyễn Văn An", "luc-ngan"), ("Nguyễn Văn Ân", "luc-ngan"), ("Trần Thị Đường", "yen-the"),
              ("Trần Thị Dương", "yen-the"), ("Lê Văn Nguyên", "viet-yen"), ("Phạm Thị Nguyệt", "tan-yen")]
    for i, (name, district) in enumerate(people):
        with open(os.path.join(root, "content", "profiles", f"p{i}.md"), "w") as f:
            f.write(f"---\ntitle: {name}\nkind: cá nhân\ndistrict: {district}\nmovements: [nong-thon-moi]\n"
                    f"awards:\n  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2021\nsummary: Hồ sơ thử số {i}.\n---\nThân bài.\n")


class Page:
    def __init__(self, driver, url, query=""):
        self.driver = driver
        driver.get(url + "/tim-kiem/" + query)
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.__vinhdanhSearch"))

    def type(self, text):
        box = self.driver.find_element(By.ID, "q")
        box.clear()
        before = self.driver.execute_script("return window.__vinhdanhSearch.lastQuery")
        box.send_keys(text)
        return self.wait(text if text != before else None)

    def wait(self, query=None):
        def done(d):
            state = d.execute_script("return window.__vinhdanhSearch")
            return query is None or state["lastQuery"] == query
        WebDriverWait(self.driver, 10).until(done)
        time.sleep(0.2)
        return self.titles()

    def titles(self):
        return [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "#ket-qua h2 a")]

    def metas(self):
        return [p.text for p in self.driver.find_elements(By.CSS_SELECTOR, "#ket-qua .meta")]


def main():
    work = tempfile.mkdtemp(prefix="vinhdanh-site-test-")
    check = Checks()
    servers, drivers = [], []
    try:
        build(REPO, os.path.join(work, "sample"))
        fixture_site(os.path.join(work, "fixture"))
        build(os.path.join(work, "fixture"), os.path.join(work, "fixture-out"))
        sample_server, sample = serve(os.path.join(work, "sample"))
        fixture_server, fixture = serve(os.path.join(work, "fixture-out"))
        servers += [sample_server, fixture_server]
        driver = browser(1000, 1200)
        drivers.append(driver)

        def without_and_with_diacritics():
            page = Page(driver, sample)
            plain = page.type("nguyen van")
            expected = ["Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "Nguyễn Văn Phong", "Gia đình ông Nguyễn Văn Thành"]
            assert plain[:4] == expected, plain
            marked = page.type("nguyễn văn")
            assert marked[:4] == expected, marked
            upper = page.type("NGUYEN VAN HUNG")
            assert upper[:2] == ["Nguyễn Văn Hùng", "Nguyễn Văn Hùng"], upper
            assert "q=NGUYEN+VAN+HUNG" in driver.current_url, driver.current_url

        def prefix_and_any_order():
            page = Page(driver, sample)
            assert "Nguyễn Văn Phong" in page.type("nguy"), page.titles()
            assert page.type("phong nguyen van")[0] == "Nguyễn Văn Phong", page.titles()

        def typed_diacritics_rank_first():
            page = Page(driver, fixture)
            assert page.type("Đường")[:2] == ["Trần Thị Đường", "Trần Thị Dương"], page.titles()
            assert page.type("Dương")[:2] == ["Trần Thị Dương", "Trần Thị Đường"], page.titles()
            assert page.type("duong") == ["Trần Thị Dương", "Trần Thị Đường"], page.titles()
            assert page.type("nguyễn văn ân")[0] == "Nguyễn Văn Ân", page.titles()
            assert page.type("nguyen van an")[:2] == ["Nguyễn Văn An", "Nguyễn Văn Ân"], page.titles()

        def filters_narrow_and_live_in_the_url():
            page = Page(driver, sample)
            everywhere = page.type("trường")
            Select(driver.find_element(By.ID, "loc-dia-ban")).select_by_value("luc-ngan")
            narrowed = page.wait()
            WebDriverWait(driver, 10).until(lambda d: "dia-ban=luc-ngan" in d.current_url)
            narrowed = page.wait()
            assert 0 < len(narrowed) < len(everywhere), (everywhere, narrowed)
            assert all("Huyện Lục Ngạn" in m for m in page.metas()), page.metas()
            shared = driver.current_url.split("/tim-kiem/")[1]
            again = Page(driver, sample, shared)
            assert again.wait() == narrowed, (shared, again.titles(), narrowed)
            assert Select(driver.find_element(By.ID, "loc-dia-ban")).first_selected_option.get_attribute("value") == "luc-ngan"

        def keyboard_only():
            page = Page(driver, sample)
            page.type("phong")
            box = driver.find_element(By.ID, "q")
            assert driver.switch_to.active_element == box
            first = driver.find_element(By.CSS_SELECTOR, "#ket-qua h2 a")
            first.send_keys("")  # focusable link
            assert driver.switch_to.active_element == first

        check("diacritic-less and diacritic queries find the same people in the same order", without_and_with_diacritics)
        check("prefixes and words in any order", prefix_and_any_order)
        check("typed diacritics rank exact spellings first", typed_diacritics_rank_first)
        check("filters narrow results and live in the URL", filters_narrow_and_live_in_the_url)
        check("results are reachable by keyboard", keyboard_only)

        nojs = browser(1000, 1200, javascript=False)
        drivers.append(nojs)

        def without_javascript():
            nojs.get(sample + "/tim-kiem/")
            text = nojs.find_element(By.TAG_NAME, "main").text
            assert "cần JavaScript" in text, text
            links = [a.get_attribute("href") for a in nojs.find_elements(By.CSS_SELECTOR, "noscript a, .notice a")]
            assert any(h.endswith("/dia-ban/") for h in links), links

        check("without JavaScript the page says so and links the browse indexes", without_javascript)
    finally:
        for d in drivers:
            d.quit()
        for s in servers:
            s.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
