#!/usr/bin/env python3
"""The preview server under load and while editing, on a generated site.

  bench/serve.py VINHDANH SITE_DIR [--seconds 30] [--connections 64]

1. Starts `vinhdanh serve` on a free loopback port (its first build is timed).
2. wrk (Debian) for N seconds on C connections over a mix of pages (home, profiles,
   term pages, CSS, search shards): requests/s, errors, latency; the server's resident
   memory before and after (growth).
3. Edits while serving, each timed from the save to the reload event on the live-reload
   stream (the watcher's 50 ms debounce included): a profile's body, its title, a new
   profile, that profile deleted, an award's year, and a template (a partial only list
   pages use), with the number of pages the server rendered again.
"""
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_event(port, trigger, name="reload", timeout=120):
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(b"GET /__vinhdanh/events HTTP/1.1\r\nHost: x\r\n\r\n")
    sock.recv(4096)
    start = time.monotonic()
    trigger()
    buffer = b""
    while time.monotonic() - start < timeout:
        buffer += sock.recv(4096)
        if f"event: {name}".encode() in buffer:
            took = time.monotonic() - start
            sock.close()
            return took
    raise RuntimeError("no event")


def write_file(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    binary, site = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    seconds = int(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 30
    connections = int(sys.argv[sys.argv.index("--connections") + 1]) if "--connections" in sys.argv else 64
    port = free_port()
    started = time.monotonic()
    # VINHDANH_TRACE: the server prints the stages of each update (wall/CPU ms).
    server = subprocess.Popen([binary, "serve", "--site", site, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "VINHDANH_TRACE": "1"})
    log_lines = []
    source = original = None
    template = os.path.join(site, "site-templates", "partials", "profile-card.mustache")
    try:
        while "http://" not in (line := server.stdout.readline()):
            if not line:
                raise RuntimeError("vinhdanh serve ended before serving")
        threading.Thread(target=lambda: [log_lines.append(line.strip()) for line in server.stdout], daemon=True).start()
        print(f"serve: first build and start {time.monotonic() - started:.1f} s")
        out = os.path.join(site, ".vinhdanh", "serve")
        profiles = sorted(os.listdir(os.path.join(out, "ho-so")))
        rng = random.Random(7)
        paths = ["/", "/assets/style.css", "/dia-ban/", "/khen-thuong/", "/thong-ke/", "/tim-kiem/chi-muc/meta.json"]
        paths += [f"/ho-so/{p}/" for p in rng.sample(profiles, 200)]
        for term in ("dia-ban/luc-ngan", "phong-trao/nong-thon-moi", "khen-thuong/bang-khen-chu-tich-ubnd-tinh", "nam/2020"):
            paths += [f"/{term}/", f"/{term}/trang/2/", f"/{term}/trang/5/"]
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write("local paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
                     "request = function() return wrk.format('GET', paths[math.random(#paths)]) end\n")
        script.close()
        def wrk():
            return subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "-s", script.name,
                                   f"http://127.0.0.1:{port}"], capture_output=True, text=True)
        start_rss = rss_mib(server.pid)
        wrk()  # warm-up: the first run fills caches and buffers
        before = rss_mib(server.pid)
        result = wrk()
        after = rss_mib(server.pid)
        print(f"server RSS: {start_rss:.0f} MiB at start, {before:.0f} MiB after a warm-up run, {after:.0f} MiB after the measured run")
        rps = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
        errors = re.findall(r"(Non-2xx or 3xx responses: \d+|Socket errors: .*)", result.stdout)
        print(result.stdout.strip())
        print(f"wrk: {float(rps.group(1)) if rps else 0:,.0f} requests/s over {seconds} s on {connections} connections; "
              f"errors: {errors or 'none'}; server RSS {before:.0f} MiB before, {after:.0f} MiB after")
        # Edits while serving.
        for root, _, files in os.walk(os.path.join(site, "content", "profiles")):
            if files:
                source = os.path.join(root, sorted(files)[0])
                break
        with open(source, encoding="utf-8") as f:
            original = f.read()

        def write(text):
            with open(source, "w", encoding="utf-8") as f:
                f.write(text)

        def last_log(count):
            # An editor saves, looks at the page, edits again: the next edit comes once the
            # server has finished this one (its search index refresh runs after the reload).
            time.sleep(0.3)
            line = next((l for l in log_lines[count:] if l.startswith("Đã")), log_lines[-1] if log_lines else "")
            stages = next((l for l in log_lines[count:] if l.startswith("trace: update")), None)
            time.sleep(2.0)
            return line + (f"\n{'':36}{stages}" if stages else "")

        def timed(name, change):
            count = len(log_lines)
            took = wait_event(port, change)
            print(f"  {name:<28} {took * 1000:6.0f} ms   server: {last_log(count)}")
            return took

        new_profile = os.path.join(os.path.dirname(source), "ho-so-moi-bench.md")
        default_card = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "theme", "partials", "profile-card.mustache")
        with open(default_card, encoding="utf-8") as f:
            card = f.read()

        def write_template(text):
            os.makedirs(os.path.dirname(template), exist_ok=True)
            with open(template, "w", encoding="utf-8") as f:
                f.write(text)

        print("save to reload event (35,000-profile goals: body <= 100 ms; new, deleted, award <= 300 ms):")
        timed("body edit", lambda: write(original + "\nMột đoạn mới.\n"))
        timed("title edit", lambda: write(original.replace("title: ", "title: A ", 1)))
        timed("new profile", lambda: write_file(new_profile, original.replace("title: ", "title: Mới ", 1)))
        timed("deleted profile", lambda: os.remove(new_profile))
        timed("award year", lambda: write(re.sub(r"(\n    year: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) - 1), original, count=1)))
        timed("template (profile-card)", lambda: write_template(card.replace("</h3>", "</h3><!-- bench -->")))
        wait_event(port, lambda: write(original))
    finally:
        server.terminate()
        server.wait(timeout=10)
        for path in (template, os.path.join(os.path.dirname(source or site), "ho-so-moi-bench.md")):
            if os.path.exists(path):
                os.remove(path)
        if source and original is not None:
            with open(source, "w", encoding="utf-8") as f:
                f.write(original)
    return 0


if __name__ == "__main__":
    sys.exit(main())
