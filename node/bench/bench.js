'use strict'
// Benchmark of the Node binding (not a test): `node bench/bench.js` after `npm run build`.
//
// Per call, `decode` against no-op native calls in the same process: the napi-rs export
// `version()` (an ordinary napi-rs call without arguments) and a plain N-API no-op taking the
// same arguments as `decode`'s native call (the floor). Per code,
// `decodeMany` against the idiomatic pure-JS decoder of baseline.js, on repeated codes (63
// distinct codes, as logs repeat them) and on distinct codes (every listed case on 100
// service codes). Also `require('paycodes')` time. Prints best-of-N times and ratios.

const { execFileSync } = require('node:child_process')
const assert = require('node:assert/strict')
const path = require('node:path')
const paycodes = require('paycodes')
const native = require(path.join(path.dirname(require.resolve('paycodes')), 'native.js'))
const baseline = require('./baseline.js')

const SERVICES = ['54', '18', '24', '25', '36', '47', '73', '16']
const CASES = paycodes.table('snap-cases').filter((r) => r.use === 'standard')
const CODES = CASES.map((r, i) => `${r.http_status}${SERVICES[i % SERVICES.length]}${r.case_code}`)
assert.equal(CODES.length, 63)
const DISTINCT = []
for (const r of CASES) for (let s = 0; s < 100; s++) DISTINCT.push(`${r.http_status}${String(s).padStart(2, '0')}${r.case_code}`)

// The baseline answers exactly what paycodes answers (same job), checked before timing.
for (const c of [...CODES, ...DISTINCT]) assert.deepStrictEqual(baseline.decode(c), paycodes.decode(c), c)

// PAYCODES_BENCH_QUICK=1: one short run of everything (the test command's smoke run).
const QUICK = process.env.PAYCODES_BENCH_QUICK === '1'

// Best of `repeat` runs of fn(), in ns per unit.
function best(fn, units, repeat = QUICK ? 1 : 7) {
  fn()
  fn()
  let min = Infinity
  for (let r = 0; r < repeat; r++) {
    const t = process.hrtime.bigint()
    fn()
    min = Math.min(min, Number(process.hrtime.bigint() - t) / units)
  }
  return min
}

const ROUNDS = QUICK ? 10 : 2000
const perCall = (f) => best(() => {
  for (let k = 0; k < ROUNDS; k++) for (let i = 0; i < CODES.length; i++) f(CODES[i])
}, ROUNDS * CODES.length)

const ctx = native._context(undefined, false)
const noop0 = perCall(() => native.version())
const noopRaw = perCall((c) => native._noopRaw(0, c, undefined, ctx))
const decode = perCall((c) => paycodes.decode(c))
const decodeDoku = perCall((c) => paycodes.decode(c, { provider: 'doku' }))
const base = perCall((c) => baseline.decode(c))

const repeated = []
for (let k = 0; k < (QUICK ? 2 : 200); k++) repeated.push(...CODES)
const manyRepeated = best(() => paycodes.decodeMany(repeated), repeated.length)
const baseRepeated = best(() => repeated.map((c) => baseline.decode(c)), repeated.length)
const manyDistinct = best(() => paycodes.decodeMany(DISTINCT), DISTINCT.length)
const baseDistinct = best(() => DISTINCT.map((c) => baseline.decode(c)), DISTINCT.length)

function requireMs() {
  const times = []
  for (let i = 0; i < (QUICK ? 1 : 11); i++) {
    const out = execFileSync(process.execPath, ['-e',
      "const t = process.hrtime.bigint(); require('paycodes'); console.log(Number(process.hrtime.bigint() - t) / 1e6)"],
    { cwd: __dirname, encoding: 'utf8' })
    times.push(Number(out))
  }
  return times.sort((a, b) => a - b)[times.length >> 1]
}

const ns = (x) => `${x.toFixed(0).padStart(6)} ns`
const ratio = (a, b) => `${(a / b).toFixed(2)}x`
console.log(`decode per call                     ${ns(decode)}`)
console.log(`  vs napi-rs version(), no args    ${ns(noop0)}   decode/no-op = ${ratio(decode, noop0)}`)
console.log(`  vs plain N-API no-op, same args   ${ns(noopRaw)}   decode/no-op = ${ratio(decode, noopRaw)}`)
console.log(`  vs pure-JS baseline               ${ns(base)}   baseline/decode = ${ratio(base, decode)}`)
console.log(`decode with { provider: 'doku' }    ${ns(decodeDoku)}`)
console.log(`decodeMany per code, repeated codes ${ns(manyRepeated)}   baseline ${ns(baseRepeated)}   ${ratio(baseRepeated, manyRepeated)}`)
console.log(`decodeMany per code, distinct codes ${ns(manyDistinct)}   baseline ${ns(baseDistinct)}   ${ratio(baseDistinct, manyDistinct)}`)
console.log(`require('paycodes') (median of ${QUICK ? 1 : 11}, fresh process): ${requireMs().toFixed(1)} ms`)
