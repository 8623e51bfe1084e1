#!/usr/bin/env python3
"""`make install` (make test): the debug build installed into a temporary PREFIX, the
prefix then moved elsewhere, and `vinhdanh build` run from another folder on a copy of
the sample site under strace: it builds the site, opens no file of the source checkout,
and reads its theme from the moved prefix. Then `make uninstall` removes what it put.

Usage: test_install.py REPO_ROOT     Prints 'N passed, M failed'.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitecheck import Checks  # noqa: E402

REPO = os.path.realpath(sys.argv[1])


def run(*args, check=True, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {result.returncode}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def main():
    work = os.path.realpath(tempfile.mkdtemp(prefix="vinhdanh-install-"))
    check = Checks()
    try:
        prefix = os.path.join(work, "prefix")
        moved = os.path.join(work, "elsewhere", "opt")
        env = {k: v for k, v in os.environ.items() if k != "VINHDANH_THEME"}

        def installs_and_runs_without_the_checkout():
            run("make", "--no-print-directory", "-C", REPO, "install", f"PREFIX={prefix}", "CONFIG=debug")
            assert os.access(os.path.join(prefix, "bin", "vinhdanh"), os.X_OK)
            assert os.path.isfile(os.path.join(prefix, "share", "vinhdanh", "theme", "layouts", "profile.mustache"))
            os.makedirs(os.path.dirname(moved))
            os.rename(prefix, moved)  # the whole prefix moved: the theme is found relative to the binary
            site = os.path.join(work, "site")
            shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
            cwd = os.path.join(work, "cwd")
            os.makedirs(cwd)
            trace = os.path.join(work, "trace")
            result = run("strace", "-f", "-qq", "-e", "trace=open,openat,openat2,execve", "-o", trace,
                         os.path.join(moved, "bin", "vinhdanh"), "build", "--site", site, "--output", os.path.join(work, "out"),
                         cwd=cwd, env=env)
            assert os.path.isfile(os.path.join(work, "out", "index.html")), result.stdout
            assert os.path.isfile(os.path.join(work, "out", "assets", "style.css"))
            with open(trace) as f:
                lines = f.read().splitlines()
            inside = [line for line in lines if REPO + "/" in line or f'"{REPO}"' in line]
            assert not inside, "opened files of the checkout:\n" + "\n".join(inside[:10])
            assert any(os.path.join(moved, "share", "vinhdanh", "theme") in line for line in lines), "theme not read from the prefix"

        check("make install, prefix moved: builds the sample site from another folder, opening nothing of the checkout",
              installs_and_runs_without_the_checkout)

        def version_names_cmark():
            out = run(os.path.join(moved, "bin", "vinhdanh"), "--version", env=env).stdout
            assert "cmark-gfm 0.29" in out, out

        check("vinhdanh --version names the cmark-gfm it links", version_names_cmark)

        def uninstall_removes():
            run("make", "--no-print-directory", "-C", REPO, "uninstall", f"PREFIX={moved}")
            assert not os.path.exists(os.path.join(moved, "bin", "vinhdanh"))
            assert not os.path.exists(os.path.join(moved, "share", "vinhdanh"))

        check("make uninstall removes the binary and the theme", uninstall_removes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
