'use strict'
// The addon loads in worker threads (each has its own JS environment and record buffers)
// and answers there exactly what it answers on the main thread.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const { Worker } = require('node:worker_threads')
const { paycodes } = require('./helpers.js')

const CODES = ['4035414', '70', 'TIME_OUT', '2024300', '5001800', '4002501']

test('workers decode what the main thread decodes', async () => {
  const script = `
    const { parentPort, workerData } = require('node:worker_threads')
    const paycodes = require(workerData.resolved)
    parentPort.postMessage(paycodes.decodeMany(workerData.codes, { provider: 'doku' }))`
  const resolved = require.resolve('paycodes')
  const runs = await Promise.all([0, 1, 2].map(() => new Promise((resolve, reject) => {
    const w = new Worker(script, { eval: true, workerData: { resolved, codes: CODES } })
    w.once('message', resolve)
    w.once('error', reject)
  })))
  const want = paycodes.decodeMany(CODES, { provider: 'doku' })
  for (const got of runs) assert.deepStrictEqual(got, want)
})
