"""The files `docker build` would send for this repository, by the rules of its `.dockerignore`.

The test of the image's build steps and the benchmark both run from such a copy, so
they see what the image sees, and write static and compiled files into the copy
rather than into a developer's working tree.
"""

import os
import re
import shutil
from pathlib import Path


def _pattern_regex(pattern: str) -> re.Pattern:
    """A .dockerignore pattern as a regular expression over slash-separated relative paths."""
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.index("]", i)
            out.append(pattern[i : end + 1])
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z")


def read_rules(dockerignore: Path) -> list[tuple[bool, re.Pattern]]:
    """The rules of a .dockerignore file: (excludes, pattern) in order, the last match winning."""
    rules = []
    for line in dockerignore.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        excludes = not line.startswith("!")
        pattern = line.lstrip("!").strip().strip("/")
        rules.append((excludes, _pattern_regex(pattern)))
    return rules


def is_excluded(relative: str, rules) -> bool:
    """Whether Docker leaves ``relative`` out: a path is out when it or a folder above it matches."""
    parts = relative.split("/")
    excluded = False
    for excludes, regex in rules:
        if any(regex.match("/".join(parts[:depth])) for depth in range(1, len(parts) + 1)):
            excluded = excludes
    return excluded


def copy_context(source: Path, target: Path) -> list[str]:
    """Copy the build context of ``source`` into ``target``; return the relative paths copied."""
    rules = read_rules(source / ".dockerignore")
    # An excluded folder is skipped whole unless a "!" rule might bring something in it back.
    prune = all(excludes for excludes, _regex in rules)
    copied = []
    for folder, subfolders, files in os.walk(source):
        base = Path(folder).relative_to(source).as_posix()
        base = "" if base == "." else base + "/"
        if prune:
            subfolders[:] = [name for name in subfolders if not is_excluded(base + name, rules)]
        for name in sorted(files):
            relative = base + name
            if is_excluded(relative, rules):
                continue
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(folder) / name, destination)
            copied.append(relative)
    return sorted(copied)
