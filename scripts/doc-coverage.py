#!/usr/bin/env python3
"""Public API documentation coverage and top-level names, from the compiler's symbol graphs.

  swift package [--build-path DIR] dump-symbol-graph --minimum-access-level public
  scripts/doc-coverage.py [--list-undocumented] [--top-level] [--require-all] [--build-path DIR]

`--build-path` names the build folder the symbol graphs were written to (default `.build`; make
test uses `.build-test`).

`--require-all` fails (exit 1) when any public declaration lacks a doc comment (make test).

Counts, per public module, the public declarations (types, members, functions; not synthesized
conformances' members or extension blocks) that have a doc comment of their own. `--top-level`
lists the top-level names `import DTEKit` brings (the five re-exported modules).
"""
import glob
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MODULES = ["DTECore", "DTEPrint", "DTESkeleton", "DTEBatch", "IDScan"]  # DTEKit only re-exports them


def build_path():
    if "--build-path" in sys.argv:
        i = sys.argv.index("--build-path")
        if i + 1 < len(sys.argv):
            return os.path.join(ROOT, sys.argv[i + 1])
        sys.exit("--build-path needs a folder")
    return os.path.join(ROOT, ".build")


def symbols(module):
    found = {}
    for path in glob.glob(os.path.join(build_path(), "*", "symbolgraph", f"{module}*.symbols.json")):
        with open(path) as fh:
            graph = json.load(fh)
        for s in graph.get("symbols", []):
            if s.get("accessLevel") != "public":
                continue
            if s["kind"]["identifier"] in ("swift.extension",):
                continue
            # Members a conformance synthesises or inherits (==, hash(into:), description of a
            # default implementation...) come from another module's docs.
            if s.get("location") is None:
                continue
            found[s["identifier"]["precise"]] = s
    return found.values()


def main():
    total = documented = 0
    undocumented = []
    top = set()
    for m in MODULES:
        syms = list(symbols(m))
        d = [s for s in syms if s.get("docComment", {}).get("lines")]
        total += len(syms); documented += len(d)
        print(f"{m}: {len(d)}/{len(syms)} documented")
        for s in syms:
            if not s.get("docComment", {}).get("lines"):
                undocumented.append(f"{m}: {'.'.join(s['pathComponents'])} ({s['kind']['identifier']}) {os.path.relpath(s['location']['uri'].replace('file://', ''), ROOT)}")
            if len(s["pathComponents"]) == 1 and m != "DTEKit":
                top.add(s["pathComponents"][0])
    if total == 0:
        sys.exit(f"doc coverage: no symbol graphs under {build_path()} (run swift package dump-symbol-graph first)")
    print(f"all: {documented}/{total} = {100.0 * documented / max(total, 1):.1f} %")
    if "--top-level" in sys.argv:
        print(f"top-level names import DTEKit brings: {len(top)}")
        print(", ".join(sorted(top)))
    if "--list-undocumented" in sys.argv or "--require-all" in sys.argv:
        print("\n".join(sorted(undocumented)))
    if "--require-all" in sys.argv and undocumented:
        sys.exit(f"doc coverage: {len(undocumented)} public declarations without a doc comment (listed above)")


if __name__ == "__main__":
    main()
