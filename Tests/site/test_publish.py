#!/usr/bin/env python3
"""Publishing over SSH (make test): two OpenSSH servers, each its own `sshd -D -f` on a
loopback port with throwaway host and user keys made in a temp folder, and nginx serving
the first server's `current`. Then `vinhdanh publish` to both, through
VINHDANH_SSH='ssh -F <temp config>':
  - a first publish: both servers switched, the bytes nginx serves equal a local build;
  - an edit: only the changed files sent (rsync's own stats), the rest hard links;
  - a server that cannot take the release, one out of space, one whose SSH connection is
    killed mid-upload: no server switches, the message names the server;
  - an unknown host key refused, never accepted; a held lock refused;
  - --keep, --rollback, --rollback-to on both servers;
  - requests to nginx during repeated publishes and rollbacks: every one answered whole
    from one release.

Usage: test_publish.py VINHDANH_BINARY REPO_ROOT     Prints 'N passed, M failed'.
"""
import getpass
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitecheck import Checks, Nginx, Skip, free_port  # noqa: E402

BINARY, REPO = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SUBPATH = "/dien-hinh-tien-tien/"
BASE_URL = "https://bacninh.gov.vn" + SUBPATH
SSHD = "/usr/sbin/sshd"


def run(*args, env=None, check=True, umask=None):
    result = subprocess.run(args, capture_output=True, text=True, env=env,
                            preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {result.returncode}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def wait_for_port(port):
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


class SSHServer:
    """An OpenSSH server of its own on a loopback port, with its own host key."""

    def __init__(self, work, name, authorized_keys):
        self.folder = os.path.join(work, name)
        os.makedirs(self.folder)
        self.port = free_port()
        self.host_key = os.path.join(self.folder, "host_key")
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", self.host_key)
        config = os.path.join(self.folder, "sshd_config")
        with open(config, "w") as f:
            f.write(f"""Port {self.port}
ListenAddress 127.0.0.1
HostKey {self.host_key}
AuthorizedKeysFile {authorized_keys}
PidFile {self.folder}/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
""")
        self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", config],
                                        stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.folder, "log"), "w"))
        wait_for_port(self.port)
        # The publishing folder this server serves (what `current` is in).
        self.root = os.path.join(self.folder, "www", "site")

    def known_host_line(self):
        with open(self.host_key + ".pub") as f:
            kind, key = f.read().split()[:2]
        return f"[127.0.0.1]:{self.port} {kind} {key}\n"

    def current(self):
        link = os.path.join(self.root, "current")
        return os.readlink(link).split("/")[-1] if os.path.islink(link) else None

    def releases(self):
        folder = os.path.join(self.root, "releases")
        return sorted(n for n in os.listdir(folder) if not n.startswith(".")) if os.path.isdir(folder) else []

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def tree(folder):
    """Relative path → bytes of every file below `folder`."""
    files = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, folder)] = f.read()
    return files


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def sent_files(output):
    """Per target, the files rsync sent ('…: gửi N tệp mới hoặc đã đổi')."""
    return [int(n.replace(".", "")) for n in re.findall(r"gửi ([\d.]+) tệp", output)]


def main():
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege separation folder
    work = tempfile.mkdtemp(prefix="vinhdanh-publish-")
    check = Checks()
    cleanup = []
    try:
        user_key = os.path.join(work, "user_key")
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", user_key)
        authorized = os.path.join(work, "authorized_keys")
        shutil.copy(user_key + ".pub", authorized)
        a = SSHServer(work, "server-a", authorized)
        cleanup.append(a.stop)
        b = SSHServer(work, "server-b", authorized)
        cleanup.append(b.stop)
        known_hosts = os.path.join(work, "known_hosts")
        with open(known_hosts, "w") as f:
            f.write(a.known_host_line() + b.known_host_line())
        unknown_hosts = os.path.join(work, "known_hosts_empty")
        open(unknown_hosts, "w").close()
        ssh_config = os.path.join(work, "ssh_config")
        with open(ssh_config, "w") as f:
            f.write(f"""Host vd-a
  HostName 127.0.0.1
  Port {a.port}
Host vd-b
  HostName 127.0.0.1
  Port {b.port}
Host vd-unknown
  HostName 127.0.0.1
  Port {a.port}
  UserKnownHostsFile {unknown_hosts}
Host *
  User {getpass.getuser()}
  IdentityFile {user_key}
  IdentitiesOnly yes
  UserKnownHostsFile {known_hosts}
  GlobalKnownHostsFile /dev/null
""")
        env = dict(os.environ, VINHDANH_SSH=f"ssh -F {ssh_config}")
        site = os.path.join(work, "site")
        shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
        targets = ["--to", f"vd-a:{a.root}", "--to", f"ssh://vd-b{b.root}"]

        def publish(*extra, environment=env, check=True, umask=None):
            return run(BINARY, "publish", "--site", site, *targets, "--base-url", BASE_URL, *extra,
                       env=environment, check=check, umask=umask)

        def edit(path, old, new):
            full = os.path.join(site, path)
            with open(full, encoding="utf-8") as f:
                text = f.read()
            assert old in text, (path, old)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text.replace(old, new, 1))

        def no_locks_left():
            for server in (a, b):
                assert not os.path.exists(os.path.join(server.root, ".vinhdanh-lock")), server.root

        nginx = None
        profile = None

        def first_publish():
            nonlocal nginx, profile
            # The umask of whoever publishes must not make files unreadable for nginx.
            result = publish(umask=0o077)
            assert len(sent_files(result.stdout)) == 2, result.stdout
            assert a.current() and a.current() == b.current(), (a.current(), b.current())
            local = os.path.join(work, "local")
            run(BINARY, "build", "--site", site, "--output", local, "--base-url", BASE_URL)
            built = tree(local)
            for server in (a, b):
                served = tree(os.path.join(server.root, "current"))
                assert served.keys() == built.keys(), set(served) ^ set(built)
                assert all(served[p] == built[p] for p in built), [p for p in built if served[p] != built[p]][:5]
            page = os.path.join(a.root, "current", "index.html")
            assert os.stat(page).st_mode & 0o777 == 0o644 and os.stat(os.path.dirname(page)).st_mode & 0o777 == 0o755
            nginx = Nginx(os.path.join(work, "nginx"), os.path.join(a.root, "current"), SUBPATH)
            cleanup.append(nginx.stop)
            profile = "ho-so/" + sorted(os.listdir(os.path.join(local, "ho-so")))[0] + "/"
            for path in ("", profile):
                status, body = fetch(nginx.url + path)
                assert status == 200 and body == built[os.path.join(path, "index.html")], path
            no_locks_left()

        check("a first publish to two SSH servers; nginx serves the bytes of a local build", first_publish)

        def edit_sends_only_changes():
            before = a.current()
            profiles = os.path.join(site, "content", "profiles")
            district = sorted(os.listdir(profiles))[0]
            name = sorted(os.listdir(os.path.join(profiles, district)))[0]
            with open(os.path.join(profiles, district, name), "a", encoding="utf-8") as f:
                f.write("\nMột đoạn mới thêm vào hồ sơ.\n")
            result = publish()
            sent = sent_files(result.stdout)
            total = len(tree(os.path.join(a.root, "current")))
            assert len(sent) == 2 and all(0 < n <= 5 for n in sent), (sent, total, result.stdout)
            after = a.current()
            assert after != before and b.current() == after
            for server in (a, b):
                old = os.path.join(server.root, "releases", before)
                new = os.path.join(server.root, "releases", after)
                same = os.stat(os.path.join(old, "assets", "style.css")).st_ino == os.stat(os.path.join(new, "assets", "style.css")).st_ino
                assert same, "an unchanged file was not hard-linked"
                linked = sum(1 for p in tree(new) if os.stat(os.path.join(old, p)).st_ino == os.stat(os.path.join(new, p)).st_ino
                             if os.path.exists(os.path.join(old, p)))
                assert linked >= total - 5, (linked, total)

        check("an edit sends only the changed files (rsync's stats); the others are hard links", edit_sends_only_changes)

        def served_release(server):
            return tree(os.path.join(server.root, "current"))

        def failed_server_switches_none():
            edit("content/site.yaml", "title: ", "title: Bản không được chuyển — ")
            before = (a.current(), b.current(), a.releases())
            releases = os.path.join(b.root, "releases")
            os.rename(releases, releases + ".saved")
            with open(releases, "w") as f:
                f.write("a regular file where the releases folder should be\n")
            try:
                result = publish(check=False)
            finally:
                os.remove(releases)
                os.rename(releases + ".saved", releases)
            assert result.returncode != 0
            assert f"ssh://vd-b{b.root}" in result.stderr and "releases" in result.stderr, result.stderr
            assert (a.current(), b.current(), a.releases()) == before, "a server switched or kept a stray release"
            no_locks_left()

        check("a server that cannot take the release: neither switches; the message names it and why", failed_server_switches_none)

        def upload_refused_on_second_server():
            # Server B's publishing user may take the lock but not write into releases/
            # (root owns it): its upload fails, after server A's upload has gone through.
            if os.geteuid() != 0:
                raise Skip("needs root to add a second, non-root user")
            user = "vinhdanh-test"
            if subprocess.run(["id", user], capture_output=True).returncode != 0:
                run("useradd", "--system", "--password", "*", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/bin/sh", user)
                cleanup.append(lambda: subprocess.run(["userdel", user], capture_output=True))
            root = os.path.join(work, "server-b", "other", "site")
            os.makedirs(os.path.join(root, "releases"))
            for folder in (work, os.path.join(work, "server-b"), os.path.join(work, "server-b", "other")):
                os.chmod(folder, 0o755)
            shutil.chown(root, user)
            os.chmod(authorized, 0o644)
            with open(ssh_config) as f:
                text = f.read()
            if "Host vd-b-other" not in text:
                with open(ssh_config, "w") as f:
                    f.write(f"Host vd-b-other\n  HostName 127.0.0.1\n  Port {b.port}\n  User {user}\n" + text)
            before = (a.current(), a.releases())
            result = run(BINARY, "publish", "--site", site, "--to", f"vd-a:{a.root}", "--to", f"vd-b-other:{root}",
                         "--base-url", BASE_URL, env=env, check=False)
            assert result.returncode != 0, result.stdout
            assert f"ssh://vd-b-other{root}" in result.stderr and "Permission denied" in result.stderr, result.stderr
            assert "giữ nguyên ở mọi nơi" in result.stderr, result.stderr
            assert (a.current(), a.releases()) == before, "server A switched or kept the upload"
            assert not any(n.startswith(".") for n in os.listdir(os.path.join(a.root, "releases")))
            assert not os.path.exists(os.path.join(root, ".vinhdanh-lock")) and os.listdir(os.path.join(root, "releases")) == []
            no_locks_left()

        check("an upload refused by the second server (a non-root user): neither switches; it says which and why", upload_refused_on_second_server)

        def connection_killed_mid_upload():
            before = (a.current(), b.current())
            served = served_release(a)
            # Kills the ssh process carrying rsync to server B once 100 kB have gone through.
            killer = os.path.join(work, "ssh-killer.py")
            with open(killer, "w") as f:
                f.write(f"""import os, signal, subprocess, sys
command = ["ssh", "-F", {ssh_config!r}] + sys.argv[1:]
if "vd-b" in sys.argv and "--server" in sys.argv:
    ssh = subprocess.Popen(command, stdin=subprocess.PIPE)
    sent = 0
    while sent < 100_000:
        chunk = os.read(0, 65536)
        if not chunk:
            break
        ssh.stdin.write(chunk)
        ssh.stdin.flush()
        sent += len(chunk)
    os.kill(ssh.pid, signal.SIGKILL)
    ssh.wait()
    with open({os.path.join(work, 'killed')!r}, "a") as log:
        log.write(str(sent) + "\\n")
    sys.exit(255)
os.execvp("ssh", command)
""")
            result = publish(environment=dict(env, VINHDANH_SSH=f"{sys.executable} {killer}"), check=False)
            assert os.path.exists(os.path.join(work, "killed")), "the connection was not cut: " + result.stdout + result.stderr
            with open(os.path.join(work, "killed")) as log:
                assert int(log.read().split()[0]) >= 100_000, "killed after the upload had ended"
            assert result.returncode != 0 and f"ssh://vd-b{b.root}" in result.stderr, result.stderr
            assert "giữ nguyên" in result.stderr, result.stderr
            assert (a.current(), b.current()) == before
            assert served_release(a) == served, "the release served changed"
            status, body = fetch(nginx.url)
            assert status == 200 and body == served["index.html"]
            no_locks_left()
            # The next publish goes through (nothing left half-done).
            publish()
            assert a.current() == b.current() != before[0]

        check("the SSH connection killed mid-upload: current still serves the old release whole", connection_killed_mid_upload)

        def out_of_space():
            small = os.path.join(work, "small-disk")
            os.makedirs(small)
            mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", small], capture_output=True)
            if mounted.returncode != 0:
                raise Skip("cannot mount a small tmpfs here: " + mounted.stderr.decode().strip())
            try:
                before = a.current()
                edit("content/site.yaml", "title: ", "title: Hết chỗ — ")
                result = run(BINARY, "publish", "--site", site, "--to", f"vd-a:{a.root}", "--to", f"vd-b:{small}/site",
                             "--base-url", BASE_URL, env=env, check=False)
                assert result.returncode != 0 and "hết chỗ trống" in result.stderr, result.stderr
                assert a.current() == before
                no_locks_left()
            finally:
                subprocess.run(["umount", small])

        check("a server out of space fails in the upload phase: nothing switches", out_of_space)

        def unknown_host_key_refused():
            result = run(BINARY, "publish", "--site", site, "--to", f"vd-unknown:{work}/never", env=env, check=False)
            assert result.returncode != 0
            lines = [line for line in result.stderr.splitlines() if "known_hosts" in line]
            assert len(lines) == 1 and "chấp nhận" in lines[0] and "ssh" in lines[0], result.stderr
            assert os.path.getsize(unknown_hosts) == 0, "the host key was written to known_hosts"
            assert not os.path.exists(f"{work}/never")

        check("an unknown host key is refused with one clear line, never accepted", unknown_host_key_refused)

        def second_publish_refused_while_locked():
            lock = os.path.join(b.root, ".vinhdanh-lock")
            os.makedirs(lock)
            with open(os.path.join(lock, "owner"), "w") as f:
                f.write("bientap@may-khac pid 42\n")
            before = (a.current(), b.current())
            try:
                result = publish(check=False)
            finally:
                shutil.rmtree(lock)
            assert result.returncode != 0 and "bientap@may-khac" in result.stderr and "đang chạy" in result.stderr, result.stderr
            assert (a.current(), b.current()) == before
            # Two publishes at once: the second finds the servers locked by the first
            # (which holds them from before its build to its switch) and is refused.
            edit("content/site.yaml", "title: ", "title: Cùng lúc — ")
            first = subprocess.Popen([BINARY, "publish", "--site", site, *targets, "--base-url", BASE_URL], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            lock_a = os.path.join(a.root, ".vinhdanh-lock", "owner")
            for _ in range(400):
                if os.path.exists(lock_a) or first.poll() is not None:
                    break
                time.sleep(0.01)
            second = publish(check=False)
            out, err = first.communicate(timeout=120)
            assert first.returncode == 0, err
            assert second.returncode != 0 and "đang chạy" in second.stderr and f"pid {first.pid}" in second.stderr, second.stderr
            assert a.current() == b.current() != before[0]
            no_locks_left()

        check("a second publish to a server being published to is refused, with who holds it", second_publish_refused_while_locked)

        def keep_and_rollback():
            for i in range(3):
                edit("content/site.yaml", "title: ", f"title: Lần {i} — ")
                time.sleep(1.05)  # a new release name (timestamps to the second)
                publish("--keep", "2")
            for server in (a, b):
                assert len(server.releases()) == 2 and server.current() == server.releases()[-1], server.releases()
            older, newer = a.releases()
            run(BINARY, "publish", "--site", site, *targets, "--rollback", env=env)
            assert a.current() == b.current() == older
            result = run(BINARY, "publish", "--site", site, *targets, "--rollback", env=env, check=False)
            assert result.returncode != 0 and a.current() == b.current() == older
            run(BINARY, "publish", "--site", site, *targets, "--rollback-to", newer, env=env)
            assert a.current() == b.current() == newer
            no_locks_left()

        check("--keep counts releases on both servers; --rollback and --rollback-to switch both", keep_and_rollback)

        def partial_switch_says_how_to_finish():
            before = a.current()
            # The connection to server B drops just as it is told to switch.
            dropper = os.path.join(work, "ssh-dropper.sh")
            with open(dropper, "w") as f:
                f.write(f"""case "$*" in
  *vd-b*"'switch'"*) echo "Connection to 127.0.0.1 closed by remote host." >&2; exit 255 ;;
esac
exec ssh -F {ssh_config} "$@"
""")
            edit("content/site.yaml", "title: ", "title: Chuyển một nửa — ")
            time.sleep(1.05)
            result = publish(environment=dict(env, VINHDANH_SSH=f"sh {dropper}"), check=False)
            assert result.returncode != 0
            new = a.current()
            assert new != before and b.current() == before, (before, new, b.current())
            finish = f"vinhdanh publish --to ssh://vd-b{b.root} --rollback-to {new}"
            undo = f"vinhdanh publish --to ssh://vd-a{a.root} --rollback-to {before}"
            assert finish in result.stderr and undo in result.stderr, result.stderr
            no_locks_left()
            # The printed command finishes it.
            run(BINARY, *finish.split()[1:], "--site", site, env=env)
            assert a.current() == b.current() == new

        check("a switch that fails on one server after the other switched: the commands that finish or undo it", partial_switch_says_how_to_finish)

        def whole_responses_under_publishes():
            stop = threading.Event()
            responses = []
            failures = []

            def reader():
                while not stop.is_set():
                    for path in ("", profile):
                        try:
                            responses.append((path, *fetch(nginx.url + path)))
                        except Exception as error:  # noqa: BLE001
                            failures.append(repr(error))

            thread = threading.Thread(target=reader)
            thread.start()
            try:
                for i in range(3):
                    edit("content/site.yaml", "title: ", f"title: Tải {i} — ")
                    time.sleep(1.05)
                    publish("--keep", "10")
                run(BINARY, "publish", "--site", site, *targets, "--rollback", env=env)
                run(BINARY, "publish", "--site", site, *targets, "--rollback", env=env)
                run(BINARY, "publish", "--site", site, *targets, "--rollback-to", a.releases()[-1], env=env)
            finally:
                stop.set()
                thread.join()
            assert not failures, failures[:3]
            versions = {}
            for release in a.releases():
                folder = os.path.join(a.root, "releases", release)
                for path in ("", profile):
                    versions.setdefault(path, set()).add(open(os.path.join(folder, path, "index.html"), "rb").read())
            assert len(responses) > 50, len(responses)
            bad = [path for path, status, body in responses if status != 200 or body not in versions[path]]
            assert not bad, f"{len(bad)} responses matched no release"
            seen = {body for path, _, body in responses if path == ""}
            assert len(seen) >= 3, f"only {len(seen)} versions seen"

        check("requests to nginx during publishes and rollbacks: every one whole, from one release", whole_responses_under_publishes)
    finally:
        for step in reversed(cleanup):
            try:
                step()
            except Exception:  # noqa: BLE001
                pass
        shutil.rmtree(work, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
