#!/usr/bin/env python3
"""Benchmark: `vinhdanh build` against Hugo building the same profiles, as people run them.

For each size N, generates (once, cached in the work dir) a native Vinh Danh site and its
Hugo twin with ../shared/bench/gen_profiles.py. Then, --pairs times, interleaved
(vinhdanh, hugo, vinhdanh, hugo, ...), with no pauses, each tool building again and again
into its own same output folder:
  full       - vinhdanh's cache (SITE/.vinhdanh) deleted first; Hugo with its default caches
  after full - a rebuild with nothing changed, right after that (vinhdanh checks its
               spare folder by reading it, once after the cache was deleted)
  unchanged  - a rebuild with nothing changed (what users meet day to day)
  one edit   - a rebuild after one profile's award year and body changed (both sites)
and, as a second row that users do not meet, a full build into a fresh, empty folder.
Reports the medians of wall time, CPU time (user + sys) and peak RSS of each build.

Usage:
    python3 bench/run.py [--sizes 10000,35000] [--pairs 5] [--vinhdanh PATH] [--hugo PATH]
                         [--work DIR] [--quick] [--memory-scaling] [--strict]

Standard library only.  Writes nothing outside the work dir (default /tmp/vinhdanh-bench).
"""
import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import resource
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = ".vinhdanh-bench"          # marks a work dir as ours
SEED = 42                           # gen_profiles.py's default, recorded in the stamps
GOAL_SIZE = 35000
GOAL_WALL_RATIO = 0.25              # vinhdanh wall / hugo wall
GOAL_RSS_MIB = 256                  # vinhdanh peak RSS
SCALING_SIZES = (5000, 10000, 20000, 35000)
TOOLS = ("vinhdanh", "hugo")
PERF_ENV = ("GOGC", "GOMEMLIMIT", "GOMAXPROCS", "GODEBUG")


class BenchError(Exception):
    """A failure the user must see; printed without a traceback."""


def log(msg=""):
    print(msg, flush=True)


# ----------------------------------------------------------------------------- work dir

class WorkDir:
    """The only place the benchmark writes to.  Everything it deletes is inside it."""

    def __init__(self, root):
        self.root = os.path.realpath(os.path.abspath(root))

    def prepare(self):
        if os.path.isdir(self.root) and os.listdir(self.root) and \
                not os.path.exists(os.path.join(self.root, MARKER)):
            raise BenchError(f"work dir {self.root} exists, is not empty and was not created by "
                             f"this benchmark (no {MARKER} file); choose another --work")
        os.makedirs(self.root, exist_ok=True)
        with open(os.path.join(self.root, MARKER), "w") as f:
            f.write("created by vinhdanh bench/run.py; safe to delete\n")

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def remove(self, path):
        """Deletes a file or tree, refusing anything outside the work dir."""
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.root]) != self.root or real == self.root:
            raise BenchError(f"refusing to delete {path}: not inside the work dir {self.root}")
        if os.path.islink(path) or os.path.isfile(path):
            os.unlink(path)
        elif os.path.isdir(path):
            shutil.rmtree(path)

    def fresh_dir(self, path):
        self.remove(path)
        os.makedirs(path)
        return path


# ----------------------------------------------------------------------------- inputs

def find_generator():
    shared = os.environ.get("VINHDANH_SHARED")
    where = "VINHDANH_SHARED=" + shared if shared else "../shared (next to the repo)"
    base = shared or os.path.join(REPO, "..", "shared")
    for cand in (base, os.path.join(base, "gen_profiles.py"),
                 os.path.join(base, "bench", "gen_profiles.py")):
        if os.path.isfile(cand):
            return os.path.realpath(cand)
    raise BenchError(f"gen_profiles.py not found via {where}: looked for {base}/bench/"
                     f"gen_profiles.py. Set VINHDANH_SHARED to the shared folder "
                     f"(the one holding bench/gen_profiles.py).")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ensure_site(work, gen, gen_sha, flavor, n):
    """Returns (site dir, its top-level entries as generated).  Cached by flavor and N; a
    stamp beside the site records the generator's hash, so a changed generator regenerates."""
    site = work.path("sites", f"{flavor}-{n}")
    stamp_path = site + ".stamp.json"
    want = {"generator_sha256": gen_sha, "flavor": flavor, "count": n, "seed": SEED}
    try:
        with open(stamp_path) as f:
            stamp = json.load(f)
        if os.path.isdir(site) and all(stamp.get(k) == v for k, v in want.items()):
            return site, stamp["entries"]
    except (OSError, ValueError, KeyError):
        pass
    work.remove(stamp_path)
    work.remove(site)
    tmp = site + ".partial"
    work.remove(tmp)
    os.makedirs(os.path.dirname(site), exist_ok=True)
    log(f"  generating {flavor} site, {n:,} profiles -> {site}")
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, gen, "--count", str(n), "--out", tmp,
                        "--flavor", flavor, "--seed", str(SEED)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise BenchError(f"gen_profiles.py failed ({r.returncode}) for {flavor} {n}:\n"
                         + tail(r.stderr or r.stdout))
    os.rename(tmp, site)
    entries = sorted(os.listdir(site))
    with open(stamp_path, "w") as f:
        json.dump(dict(want, entries=entries), f, indent=1)
    log(f"  generated in {time.perf_counter() - t0:.1f} s")
    return site, entries


def scrub_site(work, site, entries):
    """Removes whatever a previous build left at the top of a generated site (Hugo's
    .hugo_build.lock and resources/, a .vinhdanh/ cache, ...) so that every run is a
    full build from the generated sources.  Returns the names removed."""
    extra = sorted(set(os.listdir(site)) - set(entries))
    for name in extra:
        work.remove(os.path.join(site, name))
    return extra


# ----------------------------------------------------------------------------- measuring

def tail(text, lines=30):
    text = (text or "").rstrip("\n")
    return "\n".join("    " + ln for ln in text.splitlines()[-lines:]) or "    (no output)"


def read_text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def timed_run(argv, log_prefix, cwd):
    """Runs argv to completion; returns wall s, CPU s (user+sys) and peak RSS MiB of the
    child, from os.wait4's rusage for that child alone.  Raises on a non-zero exit."""
    out_path, err_path = log_prefix + ".out", log_prefix + ".err"
    # Linux carries the spawning process's RSS into the child's ru_maxrss at exec, so a
    # figure at or below this harness's own peak RSS only means "no more than this".
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err)
        except OSError as e:
            raise BenchError(f"cannot run {argv[0]}: {e}")
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # already reaped: keep Popen from waiting again
    if code != 0:
        how = f"exit status {code}" if code > 0 else f"signal {-code}"
        raise BenchError(f"build failed ({how}): {' '.join(argv)}\n"
                         f"  stderr tail ({err_path}):\n{tail(read_text(err_path))}\n"
                         f"  stdout tail ({out_path}):\n{tail(read_text(out_path), 10)}")
    return {"wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime,
            "user_s": ru.ru_utime, "sys_s": ru.ru_stime,
            "peak_rss_mib": ru.ru_maxrss / 1024.0,  # Linux: KiB
            "rss_floor_mib": floor,
            "last_line": last_line(read_text(out_path)) or last_line(read_text(err_path))}


def last_line(text):
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def count_output(root):
    html = files = size = 0
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                elif e.is_file(follow_symlinks=True):
                    files += 1
                    size += e.stat(follow_symlinks=True).st_size
                    if e.name.endswith(".html"):
                        html += 1
    return {"html_pages": html, "files": files, "bytes": size}


class Runner:
    def __init__(self, work, vinhdanh, hugo):
        self.work, self.vinhdanh, self.hugo = work, vinhdanh, hugo
        self.scrubbed = set()

    def argv(self, tool, site, dest):
        if tool == "vinhdanh":
            return [self.vinhdanh, "build", "--site", site, "--output", dest]
        # --noBuildLock: no lock file in the source; its resource cache is fresh and ignored.
        return [self.hugo, "--quiet", "--source", site, "--destination", dest,
                "--noBuildLock", "--ignoreCache",
                "--cacheDir", self.work.fresh_dir(self.work.path("hugo-cache"))]

    def run(self, tool, site, entries, label, count=False):
        """One build into an empty destination.  The deletion of the previous output and
        the sync that follows are outside the timed region."""
        for name in scrub_site(self.work, site, entries):
            if (tool, name) not in self.scrubbed:
                self.scrubbed.add((tool, name))
                log(f"    (removing {name} left in the {tool} site by a previous build)")
        # Every run writes into a folder no earlier run used, and outputs are deleted only
        # when the whole benchmark ends: on ext4, creating tens of thousands of inodes just
        # after deleting as many is 3-7x slower (the allocator skips "recently deleted"
        # inodes), which would swamp both tools' figures with the previous run's rm -rf.
        parent = self.work.fresh_dir(self.work.path("out", label))
        dest = os.path.join(parent, "public")
        os.makedirs(self.work.path("logs"), exist_ok=True)
        os.sync()  # let the previous run's deleted/written pages settle before timing
        m = self.run_argv(self.argv(tool, site, dest), self.work.path("logs", label))
        if not os.path.isdir(dest):
            raise BenchError(f"{tool} exited 0 but wrote no {dest}")
        if count:
            m["output"] = count_output(dest)
            if m["output"]["html_pages"] == 0:
                raise BenchError(f"{tool} exited 0 but {dest} holds no HTML pages")
        return m

    def argv_same(self, tool, site, dest):
        if tool == "vinhdanh":
            return [self.vinhdanh, "build", "--site", site, "--output", dest]
        return [self.hugo, "--quiet", "-s", site, "-d", dest]

    def run_same(self, tool, site, label, scenario, count=False):
        """One build into the tool's own output folder for this size, which every
        same-folder run reuses, as a user rebuilds their site. For the full scenario,
        vinhdanh's cache is deleted first (outside the timed region); Hugo keeps its own
        default caches. Nothing waits between runs."""
        if tool == "vinhdanh" and scenario == "full":
            self.work.remove(os.path.join(site, ".vinhdanh"))
        dest = self.work.path("same", os.path.basename(site), "public")
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        os.makedirs(self.work.path("logs"), exist_ok=True)
        m = self.run_argv(self.argv_same(tool, site, dest), self.work.path("logs", label))
        if count:
            m["output"] = count_output(dest)
        return m

    def run_argv(self, argv, log_prefix):
        return timed_run(argv, log_prefix, cwd=self.work.root)


# "after full" is a rebuild with nothing changed right after the full build that followed
# the cache's deletion: it checks the spare folder, whose manifest went with the cache,
# by reading it (once per deletion). "unchanged" is the next one: what users meet daily.
SCENARIOS = ("full", "after full", "unchanged", "one edit")


class ProfileEdit:
    """Changes one profile's first award year and body in both sites (the same file,
    content/profiles/<district>/<slug>.md, in each) and puts the originals back at the end."""

    def __init__(self, sites):
        native = sites["vinhdanh"][0]
        base = os.path.join(native, "content", "profiles")
        district = sorted(os.listdir(base))[0]
        relative = os.path.join("content", "profiles", district, sorted(os.listdir(os.path.join(base, district)))[0])
        self.files = [os.path.join(sites[t][0], relative) for t in TOOLS]
        self.originals = {}
        for path in self.files:
            with open(path, encoding="utf-8") as f:
                self.originals[path] = f.read()
        self.count = 0

    def apply(self):
        import re
        self.count += 1
        for path in self.files:
            text = self.originals[path]
            text = re.sub(r"(\n    year: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + self.count % 2), text, count=1)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + f"\nCập nhật lần {self.count}.\n")

    def restore(self):
        for path, text in self.originals.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)


# ----------------------------------------------------------------------------- reporting

def summarize(runs):
    med = lambda k: statistics.median(r[k] for r in runs)
    return {"wall_s": med("wall_s"), "cpu_s": med("cpu_s"), "peak_rss_mib": med("peak_rss_mib"),
            "wall_s_min": min(r["wall_s"] for r in runs),
            "wall_s_max": max(r["wall_s"] for r in runs),
            "peak_rss_mib_max": max(r["peak_rss_mib"] for r in runs)}


def fmt_run(tool, m):
    return (f"{tool:<9} {m['wall_s']:7.2f} s wall {m['cpu_s']:7.2f} s CPU "
            f"{m['peak_rss_mib']:8.1f} MiB")


def print_table(n, pairs, res):
    log()
    log(f"== {n:,} profiles, {pairs} pair(s), medians; same output folder each run unless said ==")
    log(f"{'scenario':<14}{'tool':<10}{'wall s':>9}{'(min-max)':>16}{'CPU s':>9}{'peak RSS MiB':>14}{'wall ratio':>12}")
    for scenario, row in res["scenarios"].items():
        for tool in TOOLS:
            s = row[tool]["median"]
            rng = f"({s['wall_s_min']:.2f}-{s['wall_s_max']:.2f})"
            ratio = f"{row['ratios']['wall']:.3f}" if tool == "vinhdanh" else ""
            label = scenario if scenario != "fresh folder" else "fresh folder*"
            log(f"{label if tool == 'vinhdanh' else '':<14}{tool:<10}{s['wall_s']:>9.2f}{rng:>16}{s['cpu_s']:>9.2f}"
                f"{s['peak_rss_mib_max']:>14.1f}{ratio:>12}")
        if row["vinhdanh"]["summary_line"]:
            log(f"{'':<14}vinhdanh said: {row['vinhdanh']['summary_line']}")
    log("* a fresh, empty folder for every run: not what users meet; shown for comparison")
    for tool in TOOLS:
        o = res[tool]["output"]
        log(f"{tool} output: {o['html_pages']:,} HTML pages, {o['files']:,} files, {o['bytes'] / 1e6:.1f} MB")


def award_share_check(public_dir, gen_path):
    """Compares the award shares by type x recipient class on the built /thong-ke/ page's
    JSON with the report's (the generator's REPORT_COUNTS: 34,053 records of 13 types).
    Individuals and households count together, as the report counts them."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen_profiles", gen_path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    report = gen.REPORT_COUNTS
    with open(os.path.join(public_dir, "thong-ke", "thong-ke.json"), encoding="utf-8") as f:
        stats = json.load(f)
    built = {row["key"]: row for row in stats["byAward"]}
    cells = [(cls, t) for cls in ("individual", "collective") for t in report[cls]]
    report_total = sum(report[cls][t] for cls, t in cells)
    def built_count(cls, t):
        row = built.get(t, {})
        return row.get("individual", 0) + row.get("household", 0) if cls == "individual" else row.get("collective", 0)
    built_total = sum(built_count(cls, t) for cls, t in cells)
    worst = 0.0
    rows = []
    for cls, t in cells:
        a = 100.0 * report[cls][t] / report_total
        b = 100.0 * built_count(cls, t) / built_total if built_total else 0.0
        worst = max(worst, abs(a - b))
        rows.append({"class": cls, "award": t, "report_pct": a, "site_pct": b})
    return {"report_records": report_total, "site_records": built_total, "worst_pp": worst,
            "ok": worst <= 0.5, "rows": rows}


GOALS = (("full", GOAL_WALL_RATIO), ("unchanged", 0.05), ("one edit", 0.05))


def goals(results):
    res = results["sizes"].get(str(GOAL_SIZE))
    if not res:
        return {"measured": False}
    rows = []
    for scenario, limit in GOALS:
        ratio = res["scenarios"][scenario]["ratios"]["wall"]
        rows.append({"scenario": scenario, "wall_ratio": ratio, "goal": limit, "ok": ratio <= limit})
    rss = max(row["vinhdanh"]["median"]["peak_rss_mib_max"] for row in res["scenarios"].values())
    return {"measured": True, "size": GOAL_SIZE, "rows": rows,
            "wall_ok": all(r["ok"] for r in rows),
            "vinhdanh_peak_rss_mib": rss, "rss_goal_mib": GOAL_RSS_MIB, "rss_ok": rss <= GOAL_RSS_MIB}


def print_goals(g, sizes):
    log()
    if not g["measured"]:
        log(f"Goals (at {GOAL_SIZE:,} profiles): not measured (sizes: "
            f"{', '.join(f'{n:,}' for n in sizes)})")
        return
    ok = lambda b: "HOLDS" if b else "FAILS"
    log(f"Goals at {GOAL_SIZE:,} profiles (wall vinhdanh/hugo, same output folder):")
    for r in g["rows"]:
        log(f"  {r['scenario']:<10} {r['wall_ratio']:.3f} <= {r['goal']}: {ok(r['ok'])}")
    log(f"  vinhdanh peak RSS {g['vinhdanh_peak_rss_mib']:.1f} MiB (worst run) <= "
        f"{GOAL_RSS_MIB} MiB: {ok(g['rss_ok'])}")


def write_json(work, results):
    path = work.path("results.json")
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, path)
    return path


def tool_info(path, version_argv=None):
    info = {"path": path}
    try:
        st = os.stat(path)
        info.update(bytes=st.st_size, mtime=time.strftime("%Y-%m-%dT%H:%M:%S",
                                                          time.localtime(st.st_mtime)))
    except OSError:
        pass
    if version_argv:
        try:
            r = subprocess.run(version_argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, timeout=30)
            info["version"] = r.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            pass
    return info


# ----------------------------------------------------------------------------- main

def parse_sizes(text):
    sizes = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        if not part:
            continue
        mult = 1000 if part.endswith("k") else 1
        try:
            n = int(part.rstrip("k")) * mult
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a size: {part!r}")
        if n < 1:
            raise argparse.ArgumentTypeError(f"size must be >= 1: {part!r}")
        sizes.append(n)
    if not sizes:
        raise argparse.ArgumentTypeError("no sizes given")
    return sizes


def resolve_exe(path, what, hint):
    if os.sep not in path:
        found = shutil.which(path)
        if not found:
            raise BenchError(f"{what} not found on PATH: {path}. {hint}")
        path = found
    path = os.path.abspath(path)
    if not os.path.exists(path):
        raise BenchError(f"{what} not found: {path}. {hint}")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise BenchError(f"{what} is not an executable file: {path}. {hint}")
    return path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=parse_sizes, default=None,
                    help="comma-separated profile counts (default 10000,35000)")
    ap.add_argument("--pairs", type=int, default=None,
                    help="interleaved vinhdanh/hugo pairs per size (default 5, at least 3)")
    ap.add_argument("--vinhdanh", default=os.path.join(REPO, ".build", "release", "vinhdanh"),
                    help="vinhdanh binary (default: .build/release/vinhdanh in the repo)")
    ap.add_argument("--hugo", default="hugo", help="hugo binary (default: hugo on PATH)")
    ap.add_argument("--work", default="/tmp/vinhdanh-bench",
                    help="work dir for generated sites, outputs, logs, results.json")
    ap.add_argument("--quick", action="store_true",
                    help="smoke test: sizes 1000, pairs 1 (unless given)")
    ap.add_argument("--memory-scaling", action="store_true",
                    help="also build vinhdanh once at 5k/10k/20k/35k and print peak RSS")
    ap.add_argument("--strict", action="store_true",
                    help="exit 3 when a goal at 35,000 fails")
    a = ap.parse_args(argv)
    sizes = a.sizes or ([1000] if a.quick else [10000, 35000])
    pairs = a.pairs if a.pairs is not None else (1 if a.quick else 5)
    if pairs < 1 or (pairs < 3 and not a.quick):
        ap.error("--pairs must be at least 3 (or use --quick for a smoke test)")

    try:
        return run(a, sizes, pairs)
    except BenchError as e:
        print(f"bench: error: {e}", file=sys.stderr, flush=True)
        return 2
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130


def run(a, sizes, pairs):
    gen = find_generator()
    vinhdanh = resolve_exe(a.vinhdanh, "vinhdanh",
                           "Build it with `swift build -c release` (or run `make bench`).")
    hugo = resolve_exe(a.hugo, "hugo", "Install it (`apt-get install hugo`) or pass --hugo.")
    work = WorkDir(a.work)
    work.prepare()
    gen_sha = sha256_file(gen)
    runner = Runner(work, vinhdanh, hugo)
    env_notes = {k: v for k, v in os.environ.items() if k in PERF_ENV or k.startswith("HUGO_")}
    if env_notes:
        log(f"note: environment affects the tools: {env_notes}")
    results = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "tools": {"vinhdanh": tool_info(vinhdanh), "hugo": tool_info(hugo, [hugo, "version"])},
        "generator": {"path": gen, "sha256": gen_sha, "seed": SEED},
        "environment": env_notes, "pairs": pairs, "order": "interleaved vinhdanh, hugo",
        "units": {"wall_s": "s", "cpu_s": "s, user+sys of the child (os.wait4)",
                  "peak_rss_mib": "MiB, ru_maxrss of the child; never below rss_floor_mib, "
                                  "the harness's own peak RSS when it spawned the child"},
        "sizes": {},
    }
    log(f"vinhdanh: {vinhdanh}")
    log(f"hugo:     {hugo} ({results['tools']['hugo'].get('version', '?')})")
    log(f"work dir: {work.root}; sizes {', '.join(f'{n:,}' for n in sizes)}; {pairs} pair(s)")

    for n in sizes:
        log()
        log(f"-- {n:,} profiles")
        sites = {"vinhdanh": ensure_site(work, gen, gen_sha, "native", n),
                 "hugo": ensure_site(work, gen, gen_sha, "hugo", n)}
        runs = {(sc, t): [] for sc in SCENARIOS for t in TOOLS}
        edit = ProfileEdit(sites)
        output = {}
        try:
            for i in range(pairs):
                for scenario in SCENARIOS:
                    if scenario == "one edit":
                        edit.apply()
                    for tool in TOOLS:
                        site, _ = sites[tool]
                        m = runner.run_same(tool, site, f"{n}-{tool}-{scenario.replace(' ', '-')}-{i + 1}", scenario,
                                            count=scenario == "full" and tool not in output)
                        if "output" in m:
                            output[tool] = m.pop("output")
                        runs[(scenario, tool)].append(m)
                        log(f"  pair {i + 1}/{pairs}  {scenario:<10} {fmt_run(tool, m)}  {m['last_line'] if tool == 'vinhdanh' else ''}")
        finally:
            edit.restore()
        # The second row: a full build into a fresh, empty folder (what users do not meet).
        fresh = {t: [] for t in TOOLS}
        for i in range(pairs):
            for tool in TOOLS:
                site, entries = sites[tool]
                m = runner.run(tool, site, entries, f"{n}-{tool}-fresh-{i + 1}")
                fresh[tool].append(m)
                log(f"  pair {i + 1}/{pairs}  {'fresh':<10} {fmt_run(tool, m)}")
        res = {"scenarios": {}}
        for scenario in SCENARIOS + ("fresh folder",):
            row = {}
            for tool in TOOLS:
                rs = fresh[tool] if scenario == "fresh folder" else runs[(scenario, tool)]
                row[tool] = {"runs": rs, "median": summarize(rs), "summary_line": rs[-1]["last_line"] if tool == "vinhdanh" else ""}
            v, h = row["vinhdanh"]["median"], row["hugo"]["median"]
            row["ratios"] = {"wall": v["wall_s"] / h["wall_s"], "cpu": v["cpu_s"] / h["cpu_s"] if h["cpu_s"] else None,
                             "rss": v["peak_rss_mib"] / h["peak_rss_mib"]}
            res["scenarios"][scenario] = row
        for tool in TOOLS:
            res[tool] = {"site": sites[tool][0], "output": output[tool]}
        res["ratios"] = res["scenarios"]["full"]["ratios"]
        results["sizes"][str(n)] = res
        print_table(n, pairs, res)
        shares = award_share_check(work.path("out", f"{n}-vinhdanh-fresh-1", "public"), gen)
        res["award_shares"] = shares
        log(f"award shares on /thong-ke/ vs the report ({shares['report_records']:,} records, 13 types; "
            f"individuals + households together): worst difference {shares['worst_pp']:.3f} pp over "
            f"{len(shares['rows'])} cells ({shares['site_records']:,} records on the site) -> "
            f"{'HOLDS' if shares['ok'] else 'FAILS'} (<= 0.5 pp)")
        if n >= 10000 and os.path.exists("/usr/bin/chromedriver"):
            log(f"search on the {n:,}-profile site (20 queries, headless Chromium, cache disabled):")
            search_json = work.path(f"search-{n}.json")
            code = subprocess.call([os.path.join(REPO, ".build", "site-venv", "bin", "python"), os.path.join(REPO, "bench", "search.py"),
                                    work.path("out", f"{n}-vinhdanh-fresh-1", "public"), "--json", search_json])
            if code == 0:
                with open(search_json, encoding="utf-8") as f:
                    res["search"] = {k: v for k, v in json.load(f).items() if k != "rows"}
        results["goals"] = goals(results)
        write_json(work, results)

    if shutil.which("wrk") and str(GOAL_SIZE) in results["sizes"]:
        log()
        log(f"-- preview server on the {GOAL_SIZE:,}-profile site (bench/serve.py)")
        site, _ = ensure_site(work, gen, gen_sha, "native", GOAL_SIZE)
        subprocess.call([sys.executable, os.path.join(REPO, "bench", "serve.py"), vinhdanh, site])
        shutil.rmtree(os.path.join(site, ".vinhdanh"), ignore_errors=True)

    if a.memory_scaling:
        results["memory_scaling"] = memory_scaling(work, gen, gen_sha, runner)
    results["goals"] = g = goals(results)
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    path = write_json(work, results)
    print_goals(g, sizes)
    log(f"\nresults: {path}")
    # Fresh-folder outputs go only now (see Runner.run); the same-folder ones stay, as a
    # user's output folder does, and the next benchmark rebuilds into them.
    work.remove(work.path("out"))
    if a.strict and g["measured"] and not (g["wall_ok"] and g["rss_ok"]):
        return 3
    return 0


def memory_scaling(work, gen, gen_sha, runner):
    log()
    log("-- memory scaling: vinhdanh, one build per size")
    rows = []
    for n in SCALING_SIZES:
        site, entries = ensure_site(work, gen, gen_sha, "native", n)
        m = runner.run("vinhdanh", site, entries, f"scaling-{n}")
        rows.append({"size": n, "peak_rss_mib": m["peak_rss_mib"], "wall_s": m["wall_s"],
                     "cpu_s": m["cpu_s"]})
        log(f"  {n:>7,}  {fmt_run('vinhdanh', m)}")
    log()
    log(f"{'profiles':>9}{'peak RSS MiB':>14}{'MiB/1k':>9}{'ΔMiB/1k':>10}{'wall s':>9}")
    prev = None
    for r in rows:
        per_k = r["peak_rss_mib"] / (r["size"] / 1000)
        delta = "" if prev is None else \
            f"{(r['peak_rss_mib'] - prev['peak_rss_mib']) / ((r['size'] - prev['size']) / 1000):.2f}"
        r["mib_per_1000"] = per_k
        log(f"{r['size']:>9,}{r['peak_rss_mib']:>14.1f}{per_k:>9.2f}{delta:>10}{r['wall_s']:>9.2f}")
        prev = r
    log("(ΔMiB/1k: growth per 1,000 extra profiles between consecutive sizes; "
        "roughly constant = linear)")
    return rows


if __name__ == "__main__":
    sys.exit(main())
