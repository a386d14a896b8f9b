#!/usr/bin/env python3
"""Summarize criterion results as per-code times and ratios against the named baseline.

Reads target/criterion/*/*/*/new/estimates.json written by `cargo bench -p paycodes`.
Ratios only compare results of the same run: run the whole bench, then this script.
"""
import json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'target', 'criterion')

def estimate(group, name):
    base = os.path.join(ROOT, group, name)
    for sub in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        p = os.path.join(base, sub, 'new', 'estimates.json')
        if os.path.exists(p):
            e = json.load(open(p))
            return float(sub) if sub.isdigit() else 1.0, e['median']['point_estimate'], e['mean']['point_estimate']
    p = os.path.join(base, 'new', 'estimates.json')
    if os.path.exists(p):
        e = json.load(open(p))
        return 1.0, e['median']['point_estimate'], e['mean']['point_estimate']
    sys.exit(f'no criterion estimates for {group}/{name}: run `cargo bench -p paycodes --bench decode` first')

n, ours, _ = estimate('snap_known', 'paycodes_decode')
if '--per-code' in sys.argv:
    print(f'{ours / n:.2f}')
    sys.exit(0)
_, theirs, _ = estimate('snap_known', 'kamu_parse_classify')
per_ours, per_theirs = ours / n, theirs / n
print(f'| decode of a known SNAP code | paycodes {per_ours:.1f} ns | kamu-snap-response parse+classify {per_theirs:.1f} ns | {per_theirs / per_ours:.2f}x faster |')
for name in ('doku_profile', 'detail_extraction'):
    _, t, _ = estimate('snap_extras', name)
    print(f'| {name.replace("_", " ")} | {t:.0f} ns | | |')
_, doku, _ = estimate('snap_extras', 'doku_profile')
_, same, _ = estimate('snap_extras', 'standard_same_code')
print(f'doku profile: {doku:.1f} ns against {same:.1f} ns for the same code (4034314) under the standard: {doku / same:.2f}x; against the 63-code mean: {doku / per_ours:.2f}x')
