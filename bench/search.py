#!/usr/bin/python3
"""Search payload and speed on a built site: 20 realistic queries, each opened as a
shared URL (/tim-kiem/?q=…) in a fresh headless Chromium page with the cache disabled.
Prints the bytes each query downloads in total (page, CSS, JS, index files) and the time
from navigation to the first result shown; then the median and the worst.

Usage: bench/search.py PUBLIC_DIR [--json OUT.json]
"""
import functools
import http.server
import json
import os
import socketserver
import statistics
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

QUERIES = [
    "nguyễn văn", "nguyen van hung", "trần thị hương", "tran thi", "lê văn nam", "pham thi lan",
    "hoàng", "đặng văn", "dang thi", "bùi văn", "ngô thị", "nguy",
    "phượng sơn", "tan dinh", "bích động", "trường thcs", "trạm y tế", "hợp tác xã", "công an xã", "hiệu trưởng",
]
BUDGET = 300 * 1024


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    public = os.path.abspath(sys.argv[1])
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=public))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    rows = []
    try:
        for q in QUERIES:
            driver.get("about:blank")
            driver.get(base + "/tim-kiem/?q=" + q)
            WebDriverWait(driver, 30).until(lambda d: d.execute_script(
                "return window.__vinhdanhSearch && window.__vinhdanhSearch.lastQuery === arguments[0]", q))
            time.sleep(0.3)
            data = driver.execute_script("""
                var nav = performance.getEntriesByType('navigation')[0];
                var total = nav ? nav.encodedBodySize : 0;
                performance.getEntriesByType('resource').forEach(function (e) { total += e.encodedBodySize; });
                var s = window.__vinhdanhSearch;
                return {bytes: total, ms: s.firstResultAt || null, requests: s.requests,
                        results: document.querySelectorAll('#ket-qua li').length,
                        status: document.getElementById('so-ket-qua').textContent};
            """)
            data["query"] = q
            rows.append(data)
            ms = f"{data['ms']:.0f} ms" if data["ms"] else "no result"
            print(f"  {q:<20} {data['bytes'] / 1024:8.1f} kB  {data['requests']:3d} index files  {ms:>10}  {data['status']}")
    finally:
        driver.quit()
        server.shutdown()
    sizes = [r["bytes"] for r in rows]
    times = [r["ms"] for r in rows if r["ms"]]
    summary = {"queries": len(rows), "median_kb": statistics.median(sizes) / 1024, "worst_kb": max(sizes) / 1024,
               "median_ms": statistics.median(times) if times else None, "worst_ms": max(times) if times else None,
               "over_budget": [r["query"] for r in rows if r["bytes"] > BUDGET], "rows": rows}
    print(f"search: median {summary['median_kb']:.1f} kB, worst {summary['worst_kb']:.1f} kB "
          f"(budget {BUDGET // 1024} kB; over: {summary['over_budget'] or 'none'}); time to first result "
          f"median {summary['median_ms']:.0f} ms, worst {summary['worst_ms']:.0f} ms")
    if out:
        with open(out, "w") as f:
            json.dump(summary, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
