'use strict'
// Thread stress: 8 worker threads each decode 1,000,000 mixed items at once, in batches of
// 10,000 through decodeMany, and every answer equals the single-threaded one (computed on
// the main thread). The workload is the one every language uses: the vectors' (code, message)
// pairs (tests/rust/src/stress_main.rs describes it).

const { test } = require('node:test')
const assert = require('node:assert/strict')
const { Worker } = require('node:worker_threads')
const { paycodes, stressItems } = require('./helpers.js')

const THREADS = 8
const PER_THREAD = 1_000_000
const BATCH = 10_000

function items() {
  return stressItems().map(([code, message]) => [code, message ?? null])
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const paycodes = require(workerData.resolved)
const { pool, reference, t, perThread, batch } = workerData
function equal(a, b) {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || !equal(a[ka[i]], b[ka[i]])) return false
  return true
}
let mismatches = 0
let decoded = 0
for (let start = 0; start < perThread; start += batch) {
  const ks = []
  for (let i = start; i < start + batch; i++) ks.push((i * 7919 + t * 104729) % pool.length)
  const answers = paycodes.decodeMany(ks.map((k) => (pool[k][1] === null ? pool[k][0] : pool[k])))
  for (let j = 0; j < ks.length; j++) if (!equal(answers[j], reference[ks[j]])) mismatches++
  decoded += answers.length
}
parentPort.postMessage({ mismatches, decoded })`

test('8 worker threads decode what one thread decodes', async () => {
  const pool = items()
  assert.ok(pool.length > 90)
  // Through JSON: structured cloning to a worker drops nothing of a plain answer.
  const reference = pool.map(([code, message]) => JSON.parse(JSON.stringify(paycodes.decode(code, message === null ? undefined : { message }))))
  const resolved = require.resolve('paycodes')
  const results = await Promise.all(Array.from({ length: THREADS }, (_, t) => new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { resolved, pool, reference, t, perThread: PER_THREAD, batch: BATCH } })
    w.once('message', resolve)
    w.once('error', reject)
  })))
  assert.deepStrictEqual(results, Array(THREADS).fill({ mismatches: 0, decoded: PER_THREAD }))
})
