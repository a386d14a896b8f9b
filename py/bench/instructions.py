"""Instruction counts (repeatable on a noisy machine): run one mode under callgrind and
subtract the "none" run; scripts/bench.sh does that for every mode and prints the ratios.

modes: none, decode-distinct, many-distinct, many-repeated, baseline-distinct, baseline-repeated"""

import os
import sys, paycodes
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import baseline
cases = [(r["http_status"], r["case_code"]) for r in paycodes.table("snap-cases") if r["use"] == "standard"]
distinct = [f"{h}{s:02d}{c}" for h, c in cases for s in range(100)]  # 6300 distinct codes
repeated = ['4035414', '2002400', '5001800', '4042512'] * (len(distinct) // 4)
assert len(distinct) == len(repeated) == 6300
mode = sys.argv[1]
if mode == "many-distinct": paycodes.decode_many(distinct)
elif mode == "many-repeated": paycodes.decode_many(repeated)
elif mode == "baseline-distinct": [baseline.decode(c) for c in distinct]
elif mode == "baseline-repeated": [baseline.decode(c) for c in repeated]
elif mode == "decode-distinct": [paycodes.decode(c) for c in distinct]
