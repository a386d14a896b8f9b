#!/usr/bin/env bash
# Measures what the README reports: the core criterion benchmark (against kamu-snap-response
# in the same run) and `paycodes decode` throughput on generated files.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --locked -p paycodes --bench decode
python3 scripts/bench-summary.py
cargo build --release --locked -p paycodes-cli
mkdir -p target/bench
python3 - <<'PY'
import random
random.seed(1)
known = ['4035414','2002400','5001800','4002501','202XX00','4041818','4017300','200US00','4099901','5045400','2005400','4042414']
with open('target/bench/repeated.txt', 'w') as f:
    for _ in range(2_000_000): f.write(random.choice(known) + '\n')
random.seed(2)
with open('target/bench/distinct.txt', 'w') as f:
    for _ in range(2_000_000):
        f.write('%d%02d%02d\n' % (random.choice([200,202,400,401,403,404,409,429,500,504]), random.randrange(100), random.randrange(100)))
PY
for file in repeated distinct; do
  for flags in "" "--no-cache"; do
    best=
    for _ in 1 2 3; do
      s=$( { /usr/bin/time -f %e ./target/release/paycodes decode $flags < target/bench/$file.txt > /dev/null; } 2>&1 )
      best=$(python3 -c "print(min(float('$s'), float('${best:-1e9}')))")
    done
    python3 -c "print(f'paycodes decode {\"$file\":9} ${flags:-(cache)}: 2,000,000 lines in {float($best):.2f} s = {2e6/float($best)/1e6:.1f} M lines/s (best of 3)')"
  done
done

# Instruction counts are repeatable where wall time is not: count both sides of the core
# benchmark under callgrind (same codes, same loop) and report the ratio.
cargo build --release --locked -p paycodes --example decode_loop
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null ./target/release/examples/decode_loop "$1" "$2" 2>&1 | awk '/Collected/ {print $4}'; }
codes=63
for who in paycodes kamu; do
  base=$(count $who 0); total=$(count $who 2000)
  echo "$who $(( (total - base) / (2000 * codes) ))" 
done | awk '{n[$1]=$2} END {printf "instructions per decode (callgrind): paycodes %d, kamu-snap-response %d, ratio %.2f\n", n["paycodes"], n["kamu"], n["kamu"]/n["paycodes"]}'

# C: a loop over paycodes_decode on the same codes, against the core's criterion number.
core_ns=$(python3 scripts/bench-summary.py --per-code)
c_ns=$(make -s -C ffi-c bench | tail -n 1)
python3 -c "print(f'C paycodes_decode: {float(\"$c_ns\"):.1f} ns per decode, core decode (criterion): {float(\"$core_ns\"):.1f} ns, ratio {float(\"$c_ns\")/float(\"$core_ns\"):.2f}')"
cbase=$(./target/release/examples/decode_loop codes | valgrind --tool=callgrind --callgrind-out-file=/dev/null ./ffi-c/build/bench 0 1 2>&1 | awk '/Collected/ {print $4}')
ctotal=$(./target/release/examples/decode_loop codes | valgrind --tool=callgrind --callgrind-out-file=/dev/null ./ffi-c/build/bench 2000 1 2>&1 | awk '/Collected/ {print $4}')
rbase=$(count paycodes 0); rtotal=$(count paycodes 2000)
echo "instructions per decode (callgrind): C $(( (ctotal - cbase) / (2000 * codes) )), core $(( (rtotal - rbase) / (2000 * codes) ))"

# Python: wall clock (py/bench/bench.py) and instruction counts (py/bench/instructions.py).
if [ -x target/py-test/bin/python ]; then
  (cd py/bench && ../../target/py-test/bin/python bench.py)
  # decode_arrow against decode_many + from_pylist and a pandas Series.map baseline (issue 17).
  (cd py/bench && ../../target/py-test/bin/python bench_arrow.py)
  base=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null target/py-test/bin/python py/bench/instructions.py none 2>&1 | awk '/Collected/ {print $4}')
  for m in decode-distinct baseline-distinct many-distinct many-repeated baseline-repeated; do
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null target/py-test/bin/python py/bench/instructions.py $m 2>&1 | awk '/Collected/ {print $4}')
    echo "python $m: $(( (n - base) / 6300 )) instructions per code (callgrind)"
  done
else
  echo "python: run scripts/test-all.sh first (it builds and installs the wheel into target/py-test)"
fi

# Node: decode per call against no-op napi calls, decodeMany against the pure-JS baseline
# (node/bench/bench.js, on the addon `npm run build` made).
(cd node && npm run --silent build >/dev/null 2>&1 && node bench/bench.js)
