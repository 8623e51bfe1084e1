#!/usr/bin/env python3
"""`make check-dist`: the `make dist` archive unpacked in a temporary folder and run as a
user would on a machine without Swift: `env -i` (no PATH to a toolchain, no
LD_LIBRARY_PATH), from a folder outside the checkout, on a copy of the sample site.

Usage: check_dist.py ARCHIVE.tar.gz REPO_ROOT     Prints 'N passed, M failed'.
"""
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitecheck import Checks  # noqa: E402

ARCHIVE, REPO = os.path.abspath(sys.argv[1]), os.path.realpath(sys.argv[2])
CLEAN = ["env", "-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]


def main():
    work = os.path.realpath(tempfile.mkdtemp(prefix="vinhdanh-dist-"))
    check = Checks()
    try:
        with tarfile.open(ARCHIVE) as tar:
            tar.extractall(work, filter="data")
        (folder,) = [os.path.join(work, n) for n in os.listdir(work)]
        binary = os.path.join(folder, "bin", "vinhdanh")

        def no_swift_runtime_needed():
            ldd = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
            assert "not found" not in ldd, ldd
            assert "libswift" not in ldd and "libFoundation" not in ldd and "/opt/swift" not in ldd, ldd

        check("links no Swift runtime library, and every library it needs is found", no_swift_runtime_needed)

        def builds_the_sample_site():
            site = os.path.join(work, "site")
            shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
            cwd = os.path.join(work, "cwd")
            os.makedirs(cwd)
            out = os.path.join(work, "out")
            result = subprocess.run(CLEAN + [binary, "build", "--site", site, "--output", out],
                                    capture_output=True, text=True, cwd=cwd)
            assert result.returncode == 0, result.stdout + result.stderr
            assert os.path.isfile(os.path.join(out, "index.html")) and os.path.isfile(os.path.join(out, "assets", "style.css"))
            version = subprocess.run(CLEAN + [binary, "--version"], capture_output=True, text=True, cwd=cwd).stdout
            assert "cmark-gfm" in version, version

        check("unpacked elsewhere and run with env -i: builds the sample site", builds_the_sample_site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
