"""Shared pieces of the site tests: a free loopback port and named checks that report
'ok'/'FAIL' and close with the plain 'N passed, M failed' line; nginx serving a folder
under a sub-path."""
import os
import socket
import subprocess
import time
import traceback


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(width=1100, height=900, javascript=True):
    """Headless Chromium through Debian's chromedriver, with or without JavaScript.
    Selenium is imported here: the scripts that need no browser run without it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Skip(Exception):
    """Raised by a check that cannot run on this machine (reported, never counted as passed)."""


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def __call__(self, name, test):
        try:
            test()
            self.passed += 1
            print(f"ok   {name}", flush=True)
        except Skip as reason:
            self.skipped += 1
            print(f"SKIP {name}: {reason}", flush=True)
        except Exception:
            self.failed += 1
            print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed" + (f", {self.skipped} skipped" if self.skipped else ""))
        return 1 if self.failed else 0


class Nginx:
    """nginx with its own config, temp prefix and high port, running as the caller
    (as root it would drop to nobody, who cannot read a clone under /root)."""

    def __init__(self, work, location_root, subpath):
        self.port = free_port()
        self.prefix = os.path.join(work, "nginx")
        os.makedirs(os.path.join(self.prefix, "logs"), exist_ok=True)
        user = "user root;" if os.geteuid() == 0 else ""
        conf = f"""
{user}
daemon off;
worker_processes 1;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/logs/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    types {{ application/atom+xml xml; }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css application/javascript application/json text/xml application/atom+xml;
    access_log off;
    client_body_temp_path {self.prefix}/body; proxy_temp_path {self.prefix}/proxy;
    fastcgi_temp_path {self.prefix}/fastcgi; uwsgi_temp_path {self.prefix}/uwsgi; scgi_temp_path {self.prefix}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        location {subpath} {{
            alias {location_root.rstrip('/')}/;
            index index.html;
            error_page 404 {subpath}404.html;
        }}
    }}
}}
"""
        self.conf = os.path.join(self.prefix, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(conf)
        self.process = subprocess.Popen(["nginx", "-c", self.conf, "-p", self.prefix],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}{subpath}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
