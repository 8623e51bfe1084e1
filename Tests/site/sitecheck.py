"""Shared pieces of the site tests: a free loopback port and named checks that report
'ok'/'FAIL' and close with the plain 'N passed, M failed' line."""
import socket
import traceback


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, name, test):
        try:
            test()
            self.passed += 1
            print(f"ok   {name}", flush=True)
        except Exception:
            self.failed += 1
            print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
