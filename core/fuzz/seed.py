#!/usr/bin/env python3
"""Writes the fuzz seed corpora from the conformance vectors: every code (and message) of
tests/vectors, in each target's input format. Usage: seed.py VECTORS_DIR CORPUS_DIR"""
import glob
import hashlib
import json
import os
import struct
import sys

vectors, out = sys.argv[1], sys.argv[2]
codes, messages, bodies = set(), set(), set()
for f in sorted(glob.glob(os.path.join(vectors, '*.json'))):
    for c in json.load(open(f))['cases']:
        code = c['input'].get('code')
        if isinstance(code, str):
            codes.add(code)
        elif isinstance(code, (int, float)) and not isinstance(code, bool):
            codes.add(str(code))
        if isinstance(c['input'].get('message'), str) and c['input']['message']:
            messages.add(c['input']['message'])
        body = c['input'].get('body')
        if c.get('call') == 'decode_response' and isinstance(body, (dict, list)):
            bodies.add(json.dumps(body, separators=(',', ':')))
        elif c.get('call') == 'decode_response' and isinstance(body, str) and len(body) < 4096:
            bodies.add(body)


def write(target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), 'wb') as fh:
        fh.write(data)


for code in sorted(codes):
    b = code.encode()
    write('decode_code', b'\x00\x00' + b)
    write('detect_family', b)
for i, m in enumerate(sorted(messages)):
    # (u8, u8, &str) as libfuzzer's arbitrary reads it: two bytes, then the rest as the str.
    write('match_message', bytes([i % 256, 0]) + m.encode())
# A few well-formed build inputs: (u16, [u8;2], u8, u8, u16, Option<&str>).
for http, svc, case in [(400, b'25', 1), (404, b'24', 14), (200, b'54', 0), (409, b'43', 2)]:
    write('build_snap', struct.pack('<H', http + 1) + svc + bytes([case, 0]) + struct.pack('<H', 0xffff) + b'\x01amount')
for i, body in enumerate(sorted(bodies)):
    # Three option bytes (provider/operation, family, HTTP status), then the body.
    write('decode_response', bytes([i % 256, 0, 0]) + body.encode())
print(f'seeded {len(bodies)} bodies; ', end='')
print(f'seeded {len(codes)} codes and {len(messages)} messages into {out}')
