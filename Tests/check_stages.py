#!/usr/bin/env python3
"""The library's stages depend only on earlier ones (docs/architecture.md).

Reads Package.swift and every Swift file under Sources/ and checks that
- Package.swift lists the stages in pipeline order, and each stage target depends only on
  earlier stages;
- every `import VinhDanh<Stage>` of a file is a dependency its target declares, and of a
  stage (or target) its own stage may read;
- every stage dependency declared is imported by some file of the target (none stale);
- only Markdown imports CCmarkGFM, and nothing re-exports a module (`@_exported`).

Prints each problem and exits 1 if there is one. Run by `make test`; takes no time.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The pipeline, earliest first. Stages of one rank do not read each other.
RANKS = {"Text": 0, "Support": 1, "Config": 2, "Vocabulary": 3, "Content": 4, "Markdown": 5,
         "Index": 6, "Render": 7, "Output": 8, "Build": 9, "Editing": 10, "Publish": 10}


def main() -> int:
    problems = []
    package = (ROOT / "Package.swift").read_text()
    listed = re.search(r"let stages = \[([^\]]*)\]", package)
    order = re.findall(r'"(\w+)"', listed.group(1)) if listed else []
    if order != list(RANKS):
        problems.append(f"Package.swift: `stages` is {order}, not the pipeline order {list(RANKS)}")
    declared = {}
    for name, deps in re.findall(r'stage\("(\w+)", dependencies: \[(.*?)\]\),?\n', package, re.S):
        declared[name] = set(re.findall(r'"VinhDanh(\w+)"', deps)) & set(RANKS)
    for name in RANKS:
        if name not in declared:
            problems.append(f"Package.swift: no target for the stage {name}")
    for name, deps in declared.items():
        for dep in sorted(deps):
            if RANKS[dep] >= RANKS[name]:
                problems.append(f"Package.swift: VinhDanh{name} depends on VinhDanh{dep}, which is not an earlier stage")

    for stage in RANKS:
        folder = ROOT / "Sources" / "VinhDanh" / stage
        used = set()
        for path in sorted(folder.rglob("*.swift")):
            text = path.read_text()
            shown = path.relative_to(ROOT)
            if "@_exported" in text:
                problems.append(f"{shown}: @_exported import")
            if re.search(r"^import CCmarkGFM$", text, re.M) and stage != "Markdown":
                problems.append(f"{shown}: imports CCmarkGFM (only the Markdown stage may)")
            for other in re.findall(r"^(?:@testable )?import VinhDanh(\w+)$", text, re.M):
                if other not in RANKS:
                    continue
                used.add(other)
                if RANKS[other] >= RANKS[stage]:
                    problems.append(f"{shown}: the {stage} stage imports VinhDanh{other}, a later stage")
                elif other not in declared.get(stage, set()):
                    problems.append(f"{shown}: imports VinhDanh{other}, not a dependency of VinhDanh{stage} in Package.swift")
        for dep in sorted(declared.get(stage, set()) - used):
            problems.append(f"Package.swift: VinhDanh{stage} depends on VinhDanh{dep}, which none of its files imports")

    for problem in problems:
        print(problem)
    if not problems:
        print(f"stages: {len(RANKS)} targets, each depending only on earlier ones")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
