#!/usr/bin/env python3
"""Parses every .swift file under a directory with tree-sitter-swift and fails on any syntax
error (ERROR or MISSING nodes), reporting file:line:column. A grammar check, not a compile:
no Swift toolchain exists on the machines this runs on.

tree-sitter-swift misreads uniffi's `#if swift(>=5.8) @_documentation(...) #endif` attribute
blocks, so those three lines are blanked (line numbers kept) before parsing.

Usage: swift_parse_check.py DIR"""
import pathlib
import re
import sys

import tree_sitter_swift
from tree_sitter import Language, Parser

DOC_ATTRIBUTE = re.compile(r'^[ \t]*#if swift\(>=5\.8\)\n[ \t]*@_documentation\(visibility: private\)\n[ \t]*#endif$', re.M)


def blank(m):
    return '\n'.join(' ' * len(line) for line in m.group(0).split('\n'))


def problems(node, out):
    if node.is_error or node.is_missing:
        kind = 'missing ' + node.type if node.is_missing else 'syntax error'
        out.append((node.start_point[0] + 1, node.start_point[1] + 1, kind))
        return
    if node.has_error:
        for child in node.children:
            problems(child, out)


def main(root):
    parser = Parser(Language(tree_sitter_swift.language()))
    files = sorted(pathlib.Path(root).rglob('*.swift'))
    if not files:
        sys.exit(f'no .swift files under {root}')
    bad, lines = 0, 0
    for f in files:
        text = DOC_ATTRIBUTE.sub(blank, f.read_text())
        lines += text.count('\n')
        found = []
        problems(parser.parse(text.encode()).root_node, found)
        for line, col, kind in found[:10]:
            print(f'{f}:{line}:{col}: {kind}')
        bad += bool(found)
    print(f'tree-sitter-swift parsed {len(files)} Swift files ({lines} lines): {bad} with syntax errors')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main(sys.argv[1])
