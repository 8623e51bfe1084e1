#!/usr/bin/env python3
"""The preview server as editors and attackers meet it: `vinhdanh serve` on a copy of the
sample site, checked with raw HTTP (no client that normalises paths).

Usage: test_serve.py VINHDANH_BINARY REPO_ROOT       Prints 'N passed, M failed'.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitecheck import Checks, free_port  # noqa: E402

BINARY, REPO = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])



def raw(port, request, read_all=True):
    """Sends bytes as they are and returns (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
    return status, headers, body


def get(port, path, extra=""):
    return raw(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{extra}\r\n".encode("latin-1"))


class Server:
    def __init__(self, site, port, *args):
        self.port = port
        self.process = subprocess.Popen([BINARY, "serve", "--site", site, "--port", str(port), *args],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.ready = self.process.stdout.readline()
        self.errors = []
        threading.Thread(target=lambda: self.errors.extend(self.process.stderr), daemon=True).start()

    def stop(self, sig=signal.SIGINT):
        started = time.monotonic()
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return 99.0
        return time.monotonic() - started


class Events:
    """A real EventSource-like client: reads the stream line by line."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(b"GET /__vinhdanh/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.events = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        event = None
        try:
            while True:
                chunk = self.sock.recv(4096)
                if not chunk:
                    return
                buffer += chunk
                while b"\n" in buffer:
                    line, buffer = buffer.split(b"\n", 1)
                    text = line.decode("utf-8", "replace").strip("\r")
                    if text.startswith("event: "):
                        event = text[7:]
                    elif text.startswith("data: ") and event:
                        with self.lock:
                            self.events.append((event, text[6:]))
                        event = None
        except OSError:
            return

    def wait(self, name, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for i, (event, data) in enumerate(self.events):
                    if event == name:
                        del self.events[: i + 1]
                        return data
            time.sleep(0.05)
        raise AssertionError(f"no '{name}' event within {timeout} s; got {self.events}")


def main():
    work = tempfile.mkdtemp(prefix="vinhdanh-serve-test-")
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
    check = Checks()
    servers = []

    try:
        port = free_port()
        server = Server(site, port)
        servers.append(server)
        profile = sorted(os.listdir(os.path.join(site, ".vinhdanh", "serve", "ho-so")))[0]
        source = next(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content", "profiles"))
                      for f in fs if f == profile + ".md")

        def serves_loopback_only():
            assert "http://127.0.0.1:%d/" % port in server.ready, server.ready
            listening = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True).stdout
            addresses = [line.split()[3] for line in listening.splitlines() if line.strip()]
            assert addresses and all(a.startswith("127.0.0.1:") for a in addresses), addresses
            assert not os.path.exists(os.path.join(site, "public")), "serve must not write public/"

        def serving_rules():
            status, headers, body = get(port, f"/ho-so/{profile}/")
            assert status == 200 and headers["content-type"].startswith("text/html") and "utf-8" in headers["content-type"].lower(), headers
            assert b"/__vinhdanh/reload.js" in body, "the live-reload script is missing"
            status, headers, _ = get(port, f"/ho-so/{profile}")
            assert status in (301, 308) and headers["location"].endswith(f"/ho-so/{profile}/"), (status, headers)
            status, _, body = get(port, "/khong-co-trang-nay/")
            assert status == 404 and "Không tìm thấy trang".encode() in body
            for path, kind in [("/assets/style.css", "text/css"), ("/assets/search.js", "javascript"), ("/feed.xml", "xml"),
                               ("/thong-ke/thong-ke.json", "json"), ("/sitemap.xml", "xml")]:
                status, headers, _ = get(port, path)
                assert status == 200 and kind in headers.get("content-type", ""), (path, status, headers)
            status, headers, _ = get(port, "/assets/style.css")
            etag = headers.get("etag")
            assert etag, headers
            status, _, _ = get(port, "/assets/style.css", f"If-None-Match: {etag}\r\n")
            assert status == 304, status
            status, _, body = raw(port, f"HEAD /ho-so/{profile}/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            assert status == 200 and body == b"", (status, body[:50])
            # The site is GET and HEAD only; POST is taken only under /_bien-tap/, the
            # editor's, and there only from its own pages (test_editor.py).
            for path in ("/", f"/ho-so/{profile}/", "/bien-tap/"):
                status, _, _ = raw(port, f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
                assert status == 405, (path, status)
            status, _, _ = raw(port, f"POST /_bien-tap/moi/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
            assert status == 403, status

        def no_traversal():
            secret = os.path.join(work, "secret.txt")
            with open(secret, "w") as f:
                f.write("BÍ-MẬT-KHÔNG-ĐƯỢC-LỘ")
            os.symlink(secret, os.path.join(site, ".vinhdanh", "serve", "lo.txt"))
            os.symlink("/etc", os.path.join(site, ".vinhdanh", "serve", "etc"))
            attempts = ["/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
                        "/..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/%252e%252e/secret.txt",
                        "/assets/%00/../../secret.txt", "/assets%00.css", "/lo.txt", "/etc/passwd", "/./lo.txt",
                        "//../secret.txt", "/assets/..%2f..%2fsecret.txt"]
            for path in attempts:
                status, _, body = get(port, path)
                assert 400 <= status < 500, (path, status)
                assert b"B\xc3\x8d-M" not in body and b"root:x:" not in body, path

        def live_reload_after_a_title_change():
            events = Events(port)
            time.sleep(0.3)
            with open(source, encoding="utf-8") as f:
                text = f.read()
            new = text.replace("title: ", "title: Đã Sửa ", 1)
            with open(source, "w", encoding="utf-8") as f:
                f.write(new)
            target = events.wait("reload")
            assert target == f"/ho-so/{profile}/", target
            _, _, body = get(port, f"/ho-so/{profile}/")
            assert "Đã Sửa".encode() in body
            # A broken save keeps the last good site and reports the error to the tab.
            with open(source, "w", encoding="utf-8") as f:
                f.write(new.replace("district: ", "district: khong-co-huyen-", 1))
            error = events.wait("error")
            assert "không tìm thấy địa bàn" in error and "khong-co-huyen" in error, error
            _, _, body = get(port, f"/ho-so/{profile}/")
            assert "Đã Sửa".encode() in body
            with open(source, "w", encoding="utf-8") as f:
                f.write(text)
            events.wait("reload")
            _, _, body = get(port, f"/ho-so/{profile}/")
            assert "Đã Sửa".encode() not in body

        def css_change_reloads_only_the_stylesheet():
            events = Events(port)
            time.sleep(0.3)
            theme = os.path.join(site, "site-templates", "assets")
            os.makedirs(theme, exist_ok=True)
            shutil.copy(os.path.join(REPO, "theme", "assets", "style.css"), os.path.join(theme, "style.css"))
            events.wait("css")

        def new_folders_are_watched():
            events = Events(port)
            time.sleep(0.3)
            folder = os.path.join(site, "content", "profiles", "moi")
            os.makedirs(folder)
            time.sleep(0.5)
            with events.lock:
                events.events.clear()  # the rebuild for the empty folder itself
            with open(os.path.join(folder, "nguoi-moi.md"), "w", encoding="utf-8") as f:
                f.write("---\ntitle: Người Mới\nkind: cá nhân\ndistrict: luc-ngan\nmovements: [nong-thon-moi]\n"
                        "awards:\n  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2022\nsummary: Mới.\n---\nThân bài.\n")
            events.wait("reload")
            status, _, _ = get(port, "/ho-so/nguoi-moi/")
            assert status == 200, status

        def stops_quickly_with_a_tab_open():
            Events(port)
            time.sleep(0.3)
            took = server.stop()
            assert took < 1.5, f"took {took:.2f} s"

        check("serves on 127.0.0.1 only, from .vinhdanh/serve", serves_loopback_only)
        check("GET/HEAD only, redirects, 404 page, content types, ETag 304, reload script", serving_rules)
        check("no path reaches outside the served folder (raw HTTP)", no_traversal)
        check("a title change reaches an open tab; a broken save shows errors and keeps the site", live_reload_after_a_title_change)
        check("a CSS change only reloads the stylesheet", css_change_reloads_only_the_stylesheet)
        check("folders created later are watched", new_folders_are_watched)
        check("Ctrl-C stops it within a second with a tab connected", stops_quickly_with_a_tab_open)

        def busy_port():
            holder = socket.socket()
            holder.bind(("127.0.0.1", 0))
            holder.listen()
            taken = holder.getsockname()[1]
            result = subprocess.run([BINARY, "serve", "--site", site, "--port", str(taken)], capture_output=True, text=True, timeout=60)
            holder.close()
            assert result.returncode == 1 and "--port" in result.stderr and "Traceback" not in result.stderr, result.stderr[-500:]

        def sub_path():
            sub_port = free_port()
            sub = Server(site, sub_port, "--base-url", "https://bacgiang.gov.vn/dien-hinh-tien-tien/")
            servers.append(sub)
            assert f"http://127.0.0.1:{sub_port}/dien-hinh-tien-tien/" in sub.ready, sub.ready
            status, _, body = get(sub_port, f"/dien-hinh-tien-tien/ho-so/{profile}/")
            assert status == 200 and b'href="/dien-hinh-tien-tien/assets/style.css"' in body
            status, _, _ = get(sub_port, f"/ho-so/{profile}/")
            assert status == 404, status
            assert sub.stop(signal.SIGTERM) < 1.5

        check("a busy port gives a clear message", busy_port)
        check("a base URL with a sub-path is served under it", sub_path)
    finally:
        for s in servers:
            if s.process.poll() is None:
                s.process.kill()
        shutil.rmtree(work, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
