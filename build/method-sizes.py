#!/usr/bin/env python3
"""Method sizes of the Java sources under the given folders (default: the current one), main and test code.

A method (or constructor) runs from its declaration to its closing brace; its size is the number of lines in that
range that are neither blank nor only comment, the count Checkstyle's MethodLength uses with countEmpty=false.
Lambdas and anonymous classes count towards the method that contains them. Prints the count, median, p90 and the
longest methods. Usage: python3 build/method-sizes.py [--main-only] [DIR ...]
"""
import re
import statistics
import sys
from pathlib import Path

DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|protected|private|static|final|abstract|"
                  r"synchronized|native|default|strictfp)\s+)*(?:<[^>]+>\s+)?([\w.<>\[\], ?]+\s+)?(\w+)\s*\(")
KEYWORDS = {"if", "for", "while", "switch", "catch", "return", "new", "else", "try", "do", "synchronized", "throw",
            "case", "assert", "yield", "super", "this", "record", "class", "interface", "enum"}


def code_lines(text):
    """Each line with comments and string contents blanked, so braces inside them do not count."""
    out, block = [], False
    for line in text.split("\n"):
        res, i = [], 0
        while i < len(line):
            if block:
                j = line.find("*/", i)
                if j < 0:
                    i = len(line)
                else:
                    block, i = False, j + 2
            elif line.startswith("/*", i):
                block, i = True, i + 2
            elif line.startswith("//", i):
                break
            elif line[i] in "\"'":
                q, j = line[i], i + 1
                while j < len(line) and line[j] != q:
                    j += 2 if line[j] == "\\" else 1
                res.append(q + q)
                i = j + 1
            else:
                res.append(line[i])
                i += 1
        out.append("".join(res))
    return out


def methods(path):
    lines = code_lines(path.read_text(encoding="utf-8"))
    found, i = [], 0
    while i < len(lines):
        m = DECL.match(lines[i])
        typ = (m.group(1) or "").split() if m else []
        name = m and m.group(2)
        ctor = m and not typ and name[:1].isupper()
        if not name or name in KEYWORDS or (not typ and not ctor) or any(t in KEYWORDS for t in typ) \
                or "=" in lines[i][:m.end()] or lines[i].rstrip().endswith(";"):
            i += 1
            continue
        j, depth, opened = i, 0, False
        while j < len(lines):
            if not opened and ";" in lines[j] and "{" not in lines[j]:
                break  # abstract or interface method
            depth += lines[j].count("{") - lines[j].count("}")
            opened = opened or "{" in lines[j]
            if opened and depth <= 0:
                break
            j += 1
        if opened:
            size = sum(1 for k in range(i, j + 1) if lines[k].strip())
            found.append((size, f"{path}:{i + 1} {name}"))
            i = j + 1
        else:
            i += 1
    return found


def main(args):
    main_only = "--main-only" in args
    roots = [Path(a) for a in args if not a.startswith("--")] or [Path(".")]
    all_methods = []
    for root in roots:
        for p in sorted(root.rglob("*.java")):
            if "/target/" in str(p) or (main_only and "/src/test/" in str(p)):
                continue
            all_methods.extend(methods(p))
    sizes = sorted(s for s, _ in all_methods)
    p90 = sizes[int(0.9 * (len(sizes) - 1))]
    print(f"methods {len(sizes)}  median {statistics.median(sizes):g}  p90 {p90}  max {sizes[-1]}  "
          f"over 60: {sum(1 for s in sizes if s > 60)}")
    for size, where in sorted(all_methods, reverse=True)[:10]:
        print(f"  {size:4d} {where}")


if __name__ == "__main__":
    main(sys.argv[1:])
