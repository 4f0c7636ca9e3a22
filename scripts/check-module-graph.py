#!/usr/bin/env python3
"""The module graph, enforced (run by `make test`, hence by CI).

Two checks, both read from the package itself (`swift package dump-package` and the `import`
lines of every Swift file):

1. Layers: each library/executable target may depend only on the modules its layer allows
   (LAYERS below, the same graph as README "Architecture"). A new dependency that crosses a layer
   (a capability module reaching for a C shim it should get through DTECore, DTECore depending on
   the printout, ...) fails here until the table is changed on purpose.
2. Imports: a Swift file of a library/executable target imports only Foundation-level system
   modules, its target's declared dependencies and the products they name; a test file only
   modules in its target's dependency closure. SwiftPM lets a file import any module that happens
   to be built before it; this check does not.

Usage: scripts/check-module-graph.py            check the package (exit 1 on a violation)
       scripts/check-module-graph.py --self-test  show that a wrong import and a wrong dependency fail
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

# What each non-test target may depend on. Keep in step with README "Architecture".
LAYERS = {
    # C shims: system libraries only.
    "CLibXML2": set(), "CCairo": set(), "CZint": set(), "CPoppler": set(), "CHeif": set(),
    "CZbar": set(), "CTesseract": set(), "COpenSSL": set(), "CImageCodec": set(),
    # The domain core owns libxml2 and libcrypto (the only module that imports them).
    "DTECore": {"CLibXML2", "COpenSSL"},
    # The image codec layer (JPEG/PNG/PDF/HEIC decoding), shared by the printout's logos and IDScan.
    "ImageCodec": {"CImageCodec", "CPoppler", "CHeif", "CCairo"},
    # Capabilities: XML, keys and digests through DTECore, never libxml2/libcrypto directly.
    "DTEPrint": {"DTECore", "ImageCodec", "CCairo", "CZint", "Yams"},
    "DTESkeleton": {"DTECore", "Yams"},
    "DTEBatch": {"DTECore", "DTEPrint"},
    "IDScan": {"DTECore", "ImageCodec", "CImageCodec", "CZbar", "CTesseract"},
    # The umbrella and the command line.
    "DTEKit": {"DTECore", "DTEPrint", "DTESkeleton", "DTEBatch", "IDScan"},
    "DTEKitCLI": {"DTEKit", "DTECore", "ArgumentParser"},
    "dtekit": {"DTEKitCLI"},
    # Test support (a product for tests, benchmarks and fuzzers; never part of DTEKit).
    "DTEKitTestSupport": {"DTECore", "DTEBatch", "IDScan", "CZint", "CCairo"},
    "dtekit-test-harness": {"DTEKitCLI", "DTEBatch", "DTEKitTestSupport"},
}
# Known crossings still to be removed: allowed, but listed so they are visible. Empty since
# issue 14, step 1 (DTESkeleton and DTEBatch reach libxml2/libcrypto only through DTECore).
DEBT: dict = {}
SYSTEM = {"Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch", "Synchronization",
          "Testing", "XCTest", "Musl"}
IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|func|var|let|protocol|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def dump_package():
    out = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def targets_of(package):
    result = {}
    for t in package["targets"]:
        deps = set()
        for d in t["dependencies"]:
            kind = next(iter(d))
            deps.add(d[kind][0])
        path = t.get("path") or os.path.join("Tests" if t["type"] == "test" else "Sources", t["name"])
        result[t["name"]] = {"type": t["type"], "deps": deps, "path": path}
    return result


def imports_in(folder):
    found = []
    for base, _, files in os.walk(os.path.join(ROOT, folder)):
        for f in files:
            if not f.endswith(".swift"):
                continue
            p = os.path.join(base, f)
            with open(p, encoding="utf-8", errors="replace") as fh:
                for n, line in enumerate(fh, 1):
                    m = IMPORT.match(line)
                    if m:
                        found.append((os.path.relpath(p, ROOT), n, m.group(1)))
    return found


def check(targets, file_imports):
    problems = []
    names = set(targets)
    for name, t in sorted(targets.items()):
        if t["type"] == "test":
            continue
        allowed = LAYERS.get(name)
        if allowed is None:
            problems.append(f"Package.swift: target {name} has no layer in scripts/check-module-graph.py (LAYERS)")
            continue
        for d in sorted(t["deps"] - allowed - DEBT.get(name, set())):
            problems.append(f"Package.swift: {name} depends on {d}, which its layer does not allow (allowed: {', '.join(sorted(allowed)) or 'system libraries only'})")

    def closure(name, seen=None):
        seen = set() if seen is None else seen
        for d in targets.get(name, {}).get("deps", ()):
            if d not in seen:
                seen.add(d)
                closure(d, seen)
        return seen

    for name, t in sorted(targets.items()):
        if t["type"] == "system":
            continue
        ok = closure(name) if t["type"] == "test" else set(t["deps"])
        for path, line, module in file_imports.get(name, []):
            if module in SYSTEM or module == name:
                continue
            if module not in ok:
                where = "its dependency closure" if t["type"] == "test" else "its dependencies in Package.swift"
                known = "" if module in names or module in ("ArgumentParser", "Yams", "Logging", "Benchmark") else " (not a module of this package)"
                problems.append(f"{path}:{line}: {name} imports {module}, which is not in {where}{known}")
    return problems


def main():
    targets = targets_of(dump_package())
    file_imports = {name: imports_in(t["path"]) for name, t in targets.items() if t["type"] != "system"}
    if "--self-test" in sys.argv:
        wrong_import = dict(file_imports)
        wrong_import["DTECore"] = file_imports["DTECore"] + [("Sources/DTECore/Injected.swift", 1, "CCairo")]
        wrong_dep = {k: dict(v, deps=set(v["deps"])) for k, v in targets.items()}
        wrong_dep["DTECore"]["deps"].add("DTEPrint")
        a, b, c = check(targets, file_imports), check(targets, wrong_import), check(wrong_dep, file_imports)
        print("clean package:", "ok" if not a else a)
        b = [p for p in b if "Injected.swift" in p]
        print("DTECore importing CCairo:", b[0] if b else "NOT DETECTED")
        print("DTECore depending on DTEPrint:", c[0] if c else "NOT DETECTED")
        sys.exit(0 if (not a and b and c) else 1)
    problems = check(targets, file_imports)
    for p in problems:
        print("module graph: " + p, file=sys.stderr)
    if problems:
        sys.exit(1)
    debt = ", ".join(f"{k} → {', '.join(sorted(v))}" for k, v in sorted(DEBT.items()))
    print(f"module graph: {len(targets)} targets follow their layers" + (f" (known debt: {debt})" if debt else " (no known debt)"))


if __name__ == "__main__":
    main()
