#!/usr/bin/env python3
"""Checks the `vinhdanh import` fixtures in this folder and computes the expected totals.

    python3 verify.py          # check the files, README.md and expected.json (exit 1 on a problem)
    python3 generate.py        # rewrites everything, then calls verify.main(write=True)

Everything here is computed from the CSV files as written on disk, read back through each
encoding, against the sample site's vocabularies and profiles (../../../../content).
Matching rules emulated (from the import issue): a row belongs to an existing profile when its
`slug` names it, or when folded name + district (+ unit when both have one) match exactly one
existing profile; folding = NFD, drop combining marks, đ→d, lower case, collapse spaces.
"""
import sys
sys.dont_write_bytecode = True  # no __pycache__ inside the test target
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter, OrderedDict

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "content"))
FILES = ["decision-200.csv", "decision-200-semicolon.csv", "decision-200-cp1258.csv"]
HEADER = ["Họ và tên", "Loại", "Chức vụ", "Đơn vị", "Xã/Phường", "Huyện",
          "Hình thức khen thưởng", "Năm", "Số quyết định", "Phong trào", "slug"]
KINDS = {"ca nhan": "individual", "tap the": "collective", "ho gia dinh": "household"}
KIND_ORDER = ["individual", "collective", "household"]
TONE_MARKS = {0x300, 0x301, 0x303, 0x309, 0x323}


# ------------------------------------------------------------------ text helpers

def strip_marks(s):
    """'Nguyễn Văn Đức' -> 'Nguyen Van Duc' (keeps case)."""
    d = unicodedata.normalize("NFD", s)
    d = "".join(c for c in d if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", d.replace("đ", "d").replace("Đ", "D"))


def fold(s):
    """Case, diacritics (đ→d) and spacing folded; punctuation kept."""
    return " ".join(strip_marks(s).lower().split())


def loose(s):
    """fold() and every non-alphanumeric character dropped."""
    return re.sub(r"[^0-9a-z]", "", fold(s))


def slugify(s):
    return re.sub(r"[^0-9a-z]+", "-", fold(s)).strip("-")


def encode_cp1258(text):
    """NFC text -> Windows-1258 bytes: a letter cp1258 lacks is written as the letter without its
    tone (composed: ê, ơ, ư, ă, â, ô, đ) followed by the combining tone mark, as Windows does."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if ord(c) not in TONE_MARKS))
        tones = "".join(c for c in d if ord(c) in TONE_MARKS)
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


# ------------------------------------------------------------------ site data

class Vocab:
    def __init__(self, content):
        self.entries = {}
        for kind in ("districts", "movements", "awards"):
            with open(os.path.join(content, "vocab", kind + ".yaml"), encoding="utf-8") as f:
                self.entries[kind] = yaml.safe_load(f)

    def resolve(self, kind, text, how=fold):
        t = how(text)
        hits = {e["key"] for e in self.entries[kind]
                for n in [e["key"], e["name"]] + list(e.get("aliases") or []) if how(n) == t}
        return hits.pop() if len(hits) == 1 else None

    def recipients(self, award_key):
        e = next(e for e in self.entries["awards"] if e["key"] == award_key)
        return e.get("recipients") or ["individual", "collective", "household"]


def load_vocab(content=CONTENT):
    return Vocab(content)


def load_profiles(content=CONTENT, vocab=None):
    vocab = vocab or Vocab(content)
    out = []
    root = os.path.join(content, "profiles")
    for dirpath, _, names in os.walk(root):
        for n in sorted(names):
            if not n.endswith(".md"):
                continue
            path = os.path.join(dirpath, n)
            text = open(path, encoding="utf-8-sig").read()
            fm = yaml.safe_load(text.split("---", 2)[1])
            kind = fm["kind"] if fm["kind"] in KIND_ORDER else KINDS[fold(fm["kind"])]
            awards = [(vocab.resolve("awards", str(a["type"])), int(a["year"])) for a in fm["awards"]]
            out.append(dict(file=os.path.relpath(path, root), title=fm["title"], kind=kind, awards=awards,
                            dkey=vocab.resolve("districts", str(fm["district"])),
                            unit=str(fm.get("unit") or ""), commune=str(fm.get("commune") or ""),
                            slug=slugify(str(fm.get("slug") or n[:-3]))))
    out.sort(key=lambda p: p["file"])
    assert all(p["dkey"] for p in out)
    return out


# ------------------------------------------------------------------ reading the files

def read_rows(path):
    raw = open(path, "rb").read()
    name = os.path.basename(path)
    info = {"bom": raw.startswith(b"\xef\xbb\xbf")}
    if name.endswith("cp1258.csv"):
        text = raw.decode("cp1258")
        # glibc iconv (what a Linux build may use) must agree with Python's codec
        if shutil.which("iconv"):
            via_iconv = subprocess.run(["iconv", "-f", "WINDOWS-1258", "-t", "UTF-8"], input=raw,
                                       capture_output=True, check=True).stdout.decode("utf-8")
            info["iconv_agrees"] = unicodedata.normalize("NFC", via_iconv) == unicodedata.normalize("NFC", text)
        info["ascii_nfc_on_disk"] = None
    else:
        text = raw.decode("utf-8-sig")
        info["nfc_on_disk"] = unicodedata.is_normalized("NFC", text)
    text = unicodedata.normalize("NFC", text)
    info["crlf"] = text.count("\r\n")
    info["lf_only"] = text.count("\n") - text.count("\r\n")
    info["cr_only"] = text.count("\r") - text.count("\r\n")
    delimiter = ";" if "semicolon" in name else ","
    info["delimiter"] = delimiter
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return rows[0], rows[1:], info, text


# ------------------------------------------------------------------ analysis

def analyse(problems):
    vocab = Vocab(CONTENT)
    profiles = load_profiles(CONTENT, vocab)
    sys.path.insert(0, HERE)
    from generate import DISTRICTS  # the real communes of each district

    def bad(msg):
        problems.append(msg)

    # --- the three encodings
    read = {f: read_rows(os.path.join(HERE, f)) for f in FILES}
    header, rows, info, text = read["decision-200.csv"]
    for f, (h, r, inf, t) in read.items():
        if h != HEADER:
            bad(f"{f}: header {h}")
        if r != rows:
            bad(f"{f}: rows differ from decision-200.csv")
        if len(r) != 200:
            bad(f"{f}: {len(r)} data rows")
        if any(len(x) != len(HEADER) for x in r):
            bad(f"{f}: a row has the wrong number of fields")
    i = read["decision-200.csv"][2]
    if not (i["bom"] and i["crlf"] == 201 and i["lf_only"] == 0 and i["nfc_on_disk"]):
        bad(f"decision-200.csv: encoding/line endings {i}")
    i = read["decision-200-semicolon.csv"][2]
    if i["bom"] or i["crlf"] or i["lf_only"] != 201 or not i["nfc_on_disk"]:
        bad(f"decision-200-semicolon.csv: encoding/line endings {i}")
    i = read["decision-200-cp1258.csv"][2]
    if i["bom"] or i["crlf"] != 201 or i["lf_only"] or i.get("iconv_agrees") is False:
        bad(f"decision-200-cp1258.csv: encoding/line endings {i}")
    cp_raw = open(os.path.join(HERE, "decision-200-cp1258.csv"), "rb").read()
    utf_text = open(os.path.join(HERE, "decision-200.csv"), "rb").read().decode("utf-8-sig")
    if unicodedata.normalize("NFC", cp_raw.decode("cp1258")) != utf_text:
        bad("cp1258: decode + NFC is not the UTF-8 file's text")
    if encode_cp1258(utf_text) != cp_raw:
        bad("cp1258: file is not encode_cp1258(UTF-8 text)")
    try:
        cp_raw.decode("utf-8")
        bad("cp1258 file is also valid UTF-8 (should not be)")
    except UnicodeDecodeError:
        pass
    combining = sum(1 for b in cp_raw if b in (0xCC, 0xEC, 0xDE, 0xD2, 0xF2))

    # --- row by row
    col = {h: n for n, h in enumerate(HEADER)}
    parsed = []
    for n, r in enumerate(rows):
        line = n + 2
        g = lambda h: r[col[h]]  # noqa: E731
        kind = KINDS.get(fold(g("Loại")))
        dkey = vocab.resolve("districts", g("Huyện"))
        akey = vocab.resolve("awards", g("Hình thức khen thưởng"))
        mkey = vocab.resolve("movements", g("Phong trào")) if g("Phong trào") else ""
        for what, key, kindv, value in (("district", dkey, "districts", g("Huyện")),
                                         ("award", akey, "awards", g("Hình thức khen thưởng")),
                                         ("movement", mkey, "movements", g("Phong trào"))):
            if value and not key:
                bad(f"row {line}: {what} {value!r} does not resolve (case/diacritics/spacing)")
            if value and vocab.resolve(kindv, value, loose) != key:
                bad(f"row {line}: {what} {value!r} resolves differently when punctuation is ignored")
        if not kind:
            bad(f"row {line}: kind {g('Loại')!r}")
        if akey and kind and kind not in vocab.recipients(akey):
            bad(f"row {line}: {akey} is not given to {kind}")
        if not re.fullmatch(r"(19|20)\d\d", g("Năm")):
            bad(f"row {line}: year {g('Năm')!r}")
        if any(";" in c for c in r):
            bad(f"row {line}: a field contains ';'")
        if any(c != c.strip() or "\n" in c for c in r):
            bad(f"row {line}: stray whitespace or newline in a field")
        if not g("Họ và tên"):
            bad(f"row {line}: no name")
        commune = g("Xã/Phường")
        if commune and dkey in DISTRICTS and fold(commune) not in {fold(c) for c in DISTRICTS[dkey][2]}:
            bad(f"row {line}: commune {commune!r} is not in {dkey}")
        if dkey == "cap-tinh" and commune:
            bad(f"row {line}: provincial agency with a commune")
        parsed.append(dict(line=line, name=g("Họ và tên"), kind=kind, dkey=dkey, akey=akey, mkey=mkey,
                           unit=g("Đơn vị"), commune=commune, slug=g("slug"), dform=g("Huyện"),
                           aform=g("Hình thức khen thưởng"), mform=g("Phong trào"), klabel=g("Loại"),
                           year=g("Năm"), decision=g("Số quyết định")))

    # --- matching against the existing profiles
    def candidates(p, pool):
        return [q for q in pool if fold(q["title"]) == fold(p["name"]) and q["dkey"] == p["dkey"]
                and (not q["unit"] or not p["unit"] or fold(q["unit"]) == fold(p["unit"]))]

    def run(sequential):
        created, outcome = [], []
        for p in parsed:
            if p["slug"]:
                hit = [q for q in profiles if q["slug"] == slugify(p["slug"])]
                if len(hit) != 1:
                    bad(f"row {p['line']}: slug {p['slug']!r} names {len(hit)} profiles")
                outcome.append(("slug", hit[0]["file"]))
                continue
            c = candidates(p, profiles + (created if sequential else []))
            if len(c) > 1:
                bad(f"row {p['line']}: ambiguous, matches {[q.get('file') for q in c]}")
            if len(c) == 1:
                outcome.append(("name", c[0].get("file", "(created by an earlier row)")))
            else:
                outcome.append(("new", None))
                created.append(dict(title=p["name"], dkey=p["dkey"], unit=p["unit"]))
        return outcome

    outcome = run(False)
    if run(True) != outcome:
        bad("result differs when rows may also match profiles created by earlier rows")
    for p, (how, f) in zip(parsed, outcome):
        p["how"], p["profile"] = how, f
        if how != "new":
            q = next(q for q in profiles if q["file"] == f)
            if q["kind"] != p["kind"]:
                bad(f"row {p['line']}: kind {p['kind']} but {f} is {q['kind']}")
            if q["commune"] and p["commune"] and fold(q["commune"]) != fold(p["commune"]):
                bad(f"row {p['line']}: commune differs from {f}")
            if (p["akey"], int(p["year"])) in q["awards"]:
                bad(f"row {p['line']}: {f} already has {p['akey']} {p['year']}")
    # rows that would match a profile under a sloppier rule (name + district only)
    near = [p for p in parsed if p["how"] == "new"
            and any(fold(q["title"]) == fold(p["name"]) and q["dkey"] == p["dkey"] for q in profiles)]
    if near:
        bad(f"new rows share name+district with a profile: {[p['line'] for p in near]}")

    new = [p for p in parsed if p["how"] == "new"]
    groups = {}
    for p in new:
        groups.setdefault((fold(p["name"]), p["dkey"]), []).append(p)
    homonyms = [g for g in groups.values() if len(g) > 1]
    for g in homonyms:
        if len({fold(p["unit"]) for p in g}) != len(g) or not all(p["unit"] for p in g):
            bad(f"rows {[p['line'] for p in g]}: same name and district without distinct units")
    slug_groups = Counter(slugify(p["name"]) for p in new)
    existing_slugs = {q["slug"] for q in profiles}
    slug_clash = sorted(s for s, c in slug_groups.items() if c > 1)
    slug_vs_existing = sorted({slugify(p["name"]) for p in new} & existing_slugs)

    # --- bad-rows.csv
    bh, brows, binfo, _ = read_rows(os.path.join(HERE, "bad-rows.csv"))
    bcol = {h: n for n, h in enumerate(bh)}
    bad_lines, bad_why = [], {}
    for n, r in enumerate(brows):
        line, why = n + 2, []
        if not vocab.resolve("districts", r[bcol["Huyện"]]):
            why.append(f"unknown district {r[bcol['Huyện']]!r}")
        if not vocab.resolve("awards", r[bcol["Hình thức khen thưởng"]]):
            why.append(f"unknown award {r[bcol['Hình thức khen thưởng']]!r}")
        if not re.fullmatch(r"(19|20)\d\d", r[bcol["Năm"]]):
            why.append(f"year {r[bcol['Năm']]!r}")
        m = r[bcol["Phong trào"]]
        if m and not vocab.resolve("movements", m):
            why.append(f"unknown movement {m!r}")
        if not KINDS.get(fold(r[bcol["Loại"]])):
            why.append("kind")
        if candidates(dict(name=r[0], dkey=vocab.resolve("districts", r[bcol["Huyện"]]),
                           unit=r[bcol["Đơn vị"]]), profiles):
            why.append("matches an existing profile")
        if why:
            bad_lines.append(line)
            bad_why[line] = why
    if bh != HEADER[:-1] or len(brows) != 6 or bad_lines != [3, 5, 7] or any(len(v) != 1 for v in bad_why.values()):
        bad(f"bad-rows.csv: header {bh}, {len(brows)} rows, bad {bad_why}")
    if binfo["bom"] or binfo["crlf"] or not binfo["nfc_on_disk"]:
        bad(f"bad-rows.csv: {binfo}")
    if {fold(r[0]) for r in brows} & {fold(p["name"]) for p in parsed}:
        bad("bad-rows.csv reuses a name from decision-200.csv")

    # --- totals
    def count(items, key, order):
        c = Counter(key(p) for p in items)
        return OrderedDict((k, c[k]) for k in order if c[k])

    dorder = [e["key"] for e in vocab.entries["districts"]]
    aorder = [e["key"] for e in vocab.entries["awards"]]
    appended = [p for p in parsed if p["how"] != "new"]
    stats = OrderedDict(
        rows=len(parsed),
        profiles_before=len(profiles),
        profiles_after=len(profiles) + len(new),
        new_profiles=len(new),
        awards_appended=len(appended),
        appended_by_name=sum(p["how"] == "name" for p in parsed),
        appended_by_slug=sum(p["how"] == "slug" for p in parsed),
        by_kind=OrderedDict(all=count(parsed, lambda p: p["kind"], KIND_ORDER),
                            new=count(new, lambda p: p["kind"], KIND_ORDER),
                            appended=count(appended, lambda p: p["kind"], KIND_ORDER)),
        by_district=OrderedDict(all=count(parsed, lambda p: p["dkey"], dorder),
                                new=count(new, lambda p: p["dkey"], dorder),
                                appended=count(appended, lambda p: p["dkey"], dorder)),
        by_award=OrderedDict(all=count(parsed, lambda p: p["akey"], aorder),
                             new=count(new, lambda p: p["akey"], aorder),
                             appended=count(appended, lambda p: p["akey"], aorder)),
        movement_filled=sum(1 for p in parsed if p["mform"]),
        by_movement=count([p for p in parsed if p["mkey"]], lambda p: p["mkey"],
                          [e["key"] for e in vocab.entries["movements"]]),
        names_without_diacritics=[p["line"] for p in parsed if p["name"].isascii()],
        rows_without_any_diacritic=[p["line"] for p in parsed
                                    if all(x.isascii() for x in (p["name"], p["unit"], p["commune"],
                                                                 p["klabel"], p["dform"], p["aform"]))],
        ascii_kind_labels_elsewhere=[p["line"] for p in parsed if p["klabel"].isascii()
                                     and not all(x.isascii() for x in (p["name"], p["unit"], p["commune"]))],
        semicolon_quoted_lines=sum(1 for l in open(os.path.join(HERE, FILES[1]), encoding="utf-8")
                                   if '"' in l),
        matches=[OrderedDict(row=p["line"], via=p["how"], profile="content/profiles/" + p["profile"],
                             name=p["name"], district=p["dform"], award=p["akey"]) for p in appended],
        homonyms=[[p["line"] for p in g] for g in homonyms],
        new_slug_collisions=slug_clash,
        new_slugs_equal_to_existing=slug_vs_existing,
        bad_rows=OrderedDict((str(k), v[0]) for k, v in bad_why.items()),
        bad_rows_valid=[n + 2 for n in range(len(brows)) if n + 2 not in bad_why],
        cp1258_combining_marks=combining,
        quoted_fields=sorted({p["line"] for p in parsed if '"' in p["name"]}),
        district_forms=sorted({p["dform"] for p in parsed}, key=lambda x: (fold(x), x)),
        award_forms=sorted({p["aform"] for p in parsed}, key=lambda x: (fold(x), x)),
        kind_labels=dict(Counter(p["klabel"] for p in parsed)),
        years=dict(Counter(p["year"] for p in parsed)),
        decisions=dict(Counter(p["decision"] for p in parsed)),
    )
    return stats, parsed, homonyms


# ------------------------------------------------------------------ README

def md_counts(title, d, names):
    cols = [k for k in d["all"]]
    out = [f"| {title} | all rows | new profiles | appended |", "|---|---:|---:|---:|"]
    for k in cols:
        out.append(f"| `{k}` ({names.get(k, k)}) | {d['all'].get(k, 0)} | {d['new'].get(k, 0)} | "
                   f"{d['appended'].get(k, 0)} |")
    out.append(f"| **total** | **{sum(d['all'].values())}** | **{sum(d['new'].values())}** | "
               f"**{sum(d['appended'].values())}** |")
    return "\n".join(out)


def readme(stats, parsed, homonyms):
    vocab = Vocab(CONTENT)
    names = {e["key"]: e["name"] for k in vocab.entries for e in vocab.entries[k]}
    names.update(individual="cá nhân", collective="tập thể", household="hộ gia đình")
    s = stats
    assert len(s["years"]) == 1 and len(s["decisions"]) == 1
    YEAR, DECISION = next(iter(s["years"])), next(iter(s["decisions"]))
    by_line = {p["line"]: p for p in parsed}
    match_rows = "\n".join(
        f"| {m['row']} | {m['via']} | {m['name']} | {m['district']} | `{m['award']}` | `{m['profile']}` |"
        for m in s["matches"])
    hom = "\n".join(
        f"| {p['line']} | {p['name']} | {p['dform']} (`{p['dkey']}`) | {p['unit']} | {p['commune']} |"
        for g in homonyms for p in g)
    bad = "\n".join(f"| {k} | {v} |" for k, v in s["bad_rows"].items())
    nod = ", ".join(str(n) for n in s["names_without_diacritics"])
    return f"""# Fixtures for `vinhdanh import`

Generated by `generate.py` (deterministic) and checked by `verify.py`; every number below is
computed by `verify.py` from the files as written, against `content/vocab/*.yaml` and
`content/profiles/**.md` of the sample site. Run `python3 verify.py` (needs PyYAML) after any
change to these files or to the sample site's profiles or vocabularies; it exits 1 on a problem
and also checks that this README and `expected.json` are current. `python3 generate.py`
rewrites all of them. All people and households are fictional (agencies and communes are real).

Row numbers are spreadsheet rows: the header is row 1, the first data row is row 2.

## Files

| file | what |
|---|---|
| `decision-200.csv` | The list attached to *{DECISION}* of the Chairman of the provincial People's Committee: header + {s['rows']} rows, year {YEAR} in every row. UTF-8 **with BOM**, comma-separated, **CRLF** line endings (Excel's "CSV UTF-8"). Fields are quoted only when needed (a comma or a `"` inside). |
| `decision-200-semicolon.csv` | The same header and rows, `;`-separated, UTF-8 without BOM, LF endings (LibreOffice / European-locale Excel). No field contains `;`, so only the field with `"` is quoted ({s['semicolon_quoted_lines']} line). |
| `decision-200-cp1258.csv` | The same text as `decision-200.csv` (without the BOM) in **Windows-1258**, comma-separated, CRLF. Letters cp1258 lacks (ệ, ờ, ạ, ả, ũ …) are stored as base letter + combining tone mark byte ({s['cp1258_combining_marks']} tone-mark bytes in the file), as Windows writes them: decode, then NFC-normalise. glibc `iconv -f WINDOWS-1258` and Python's `cp1258` codec give the same text; the file is not valid UTF-8. |
| `bad-rows.csv` | UTF-8 (no BOM), comma, LF: the header without the `slug` column + 6 rows. Rows {', '.join(str(n) for n in s['bad_rows_valid'])} are valid (new profiles, no match); rows {', '.join(s['bad_rows'])} each have exactly one error (below). |
| `expected.json` | The totals below, machine-readable. |
| `generate.py`, `verify.py` | The generator and the checker (Python 3 + PyYAML). |

Header (all files): `{', '.join(HEADER)}`. The name column is headed `Họ và tên` in every file
(`Tên tập thể` is not exercised here); the `slug` column is empty except in one row.
All three decision files decode to identical rows (checked).

## What the rows exercise

- **Kinds**: `Loại` is written {', '.join(f'`{k}` ×{v}' for k, v in sorted(s['kind_labels'].items(), key=lambda kv: -kv[1]))}.
  The ASCII labels (`Ca nhan`, `Tap the`, `Ho gia dinh`) are {'only ' if not s['ascii_kind_labels_elsewhere'] else ''}in the rows typed entirely without diacritics.
- **Names without diacritics** ({len(s['names_without_diacritics'])} rows, e.g. `Nguyen Van Binh` style; every other name has
  at least one diacritic): rows {nod}.
  Of these, {len(s['rows_without_any_diacritic'])} rows have no diacritic in name, position, unit, commune, kind, district or award
  either: rows {', '.join(str(n) for n in s['rows_without_any_diacritic'])}.
- **District column**, every form used (each resolves to a key by name or alias, ignoring case,
  diacritics and spacing; `H. Lục Ngạn`-style forms are aliases, dot included):
  {', '.join(f'`{x}`' for x in s['district_forms'])}.
  Forms with a double space: {', '.join(f'`{x}`' for x in s['district_forms'] if '  ' in x) or 'none'}.
- **Award column**, every form used (names or aliases of `content/vocab/awards.yaml` modulo case,
  diacritics, spacing; `Uỷ`/`Ủy` differ only by accent placement):
  {', '.join(f'`{x}`' for x in s['award_forms'])}.
  Forms with a double space: {', '.join(f'`{x}`' for x in s['award_forms'] if '  ' in x) or 'none'}.
  Recipients are respected: `tap-the-lao-dong-xuat-sac` only for collectives,
  `chien-si-thi-dua-cap-tinh` only for individuals, households only get the Bằng khen.
- **Phong trào**: filled in {s['movement_filled']} of {s['rows']} rows with one movement each, written as key, name or
  alias (e.g. `Dạy tốt – Học tốt` with an en dash, `Dạy tốt - Học tốt`, `day-tot-hoc-tot`, `Nông thôn mới`);
  never several in one field, and no value contains `;`.
- **Quoting**: row {', '.join(str(n) for n in s['quoted_fields'])} is a collective whose name contains straight double quotes
  (`""` in the CSV); many fields contain commas (`Thôn Đông, xã …`, `Giáo viên Toán, Tổ trưởng chuyên môn`).
- **Communes** are real communes of the row's district (lists from `shared/bench/gen_profiles.py`);
  provincial agencies (`Cấp tỉnh`) and district offices have an empty `Xã/Phường`.
- Every row is {YEAR} and carries the same decision string.

## Rows that belong to existing profiles ({s['awards_appended']}: the award is appended)

{s['appended_by_name']} match by folded name + district (+ unit: compared only when both the row and the profile
have one), {s['appended_by_slug']} by the `slug` column alone (its name, `Hộ ông …`, is shortened and would not match
by name).

| row | via | name as written | district as written | award | profile |
|---:|---|---|---|---|---|
{match_rows}

Notes: the `Ngo Thi Thom` row is typed entirely without diacritics (unit `Hoi Lien hiep Phu nu xa
Mai Dinh` must fold-equal the profile's unit). `Nguyễn Văn Hùng` has two profiles (Hiệp Hòa and
Lục Ngạn); the row's district picks the Hiệp Hòa one, and its unit `Công an huyện Hiệp Hòa` equals
that profile's. `Hợp tác xã Nông nghiệp Tân Quang`'s profile has no unit while the row has one (unit
not compared). None of these profiles already has the appended award type for the same year (checked).
No other row shares a folded name + district with any profile (so no stricter or looser unit rule
changes the result), and the result is the same whether or not rows may also match profiles
created by earlier rows of the same file.

## Homonyms (two different new people)

Same name, same district, different units and communes: both must become separate new profiles
(their default slugs collide: `{', '.join(s['new_slug_collisions'])}`; no other new row's slug collides
with another new row or with an existing profile{'' if not s['new_slugs_equal_to_existing'] else ' — EXCEPT ' + str(s['new_slugs_equal_to_existing'])}).

| row | name | district | unit | commune |
|---:|---|---|---|---|
{hom}

## bad-rows.csv

| row | error |
|---:|---|
{bad}

The other fields of those rows are valid. Rows {', '.join(str(n) for n in s['bad_rows_valid'])} would create {len(s['bad_rows_valid'])} new profiles
(none matches an existing profile); whether they are written when other rows fail is the
command's policy (the build's is: report every error, write nothing).

## Expected totals for decision-200*.csv

- rows: **{s['rows']}**
- rows creating new profiles: **{s['new_profiles']}**
- awards appended to existing profiles: **{s['awards_appended']}** ({s['appended_by_name']} by name, {s['appended_by_slug']} by slug)
- profiles in the sample site: {s['profiles_before']} before, **{s['profiles_after']}** after importing (if `content/profiles` changes, re-run `verify.py`)

{md_counts('kind', s['by_kind'], names)}

{md_counts('district', s['by_district'], names)}

{md_counts('award', s['by_award'], names)}

Movements named in the `Phong trào` column (rows): {', '.join(f'`{k}` {v}' for k, v in s['by_movement'].items())}.
"""


def main(write=False):
    problems = []
    stats, parsed, homonyms = analyse(problems)
    text = readme(stats, parsed, homonyms)
    js = json.dumps(stats, ensure_ascii=False, indent=2) + "\n"
    paths = {"README.md": text, "expected.json": js}
    for name, content in paths.items():
        path = os.path.join(HERE, name)
        if write:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(content)
        elif not os.path.exists(path) or open(path, encoding="utf-8").read() != content:
            problems.append(f"{name} is not current (run generate.py)")
    for p in problems:
        print("PROBLEM:", p)
    print(f"rows {stats['rows']}: new {stats['new_profiles']}, appended {stats['awards_appended']} "
          f"(name {stats['appended_by_name']}, slug {stats['appended_by_slug']}); "
          f"kinds {dict(stats['by_kind']['all'])}; homonyms {stats['homonyms']}; "
          f"bad rows {list(stats['bad_rows'])}")
    if problems:
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main(write="--write" in sys.argv)
