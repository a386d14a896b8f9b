'use strict'
// Panic safety, against the addon built with the test-panic feature (scripts/test.mjs builds
// it separately into a copy of the package: never a release build). Decoding the test-panic
// code makes the Rust core panic on purpose: JS sees an Error with code 'internal', and the
// process lives on. Run only by scripts/test.mjs (PAYCODES_PANIC_PACKAGE names the copy).

const { test } = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')

const dir = process.env.PAYCODES_PANIC_PACKAGE
if (!dir) throw new Error('PAYCODES_PANIC_PACKAGE is not set: run through scripts/test.mjs')
const paycodes = require(dir)
const native = require(path.join(dir, 'native.js'))

function throwsInternal(fn) {
  assert.throws(fn, (e) => e instanceof Error && e.code === 'internal' && /panic/.test(e.message))
}

test('a panic in the core is an Error and the process lives on', () => {
  const code = native._panicCode()
  throwsInternal(() => paycodes.decode(code))
  throwsInternal(() => paycodes.decodeMany(['4035414', code]))
  throwsInternal(() => paycodes.decodeMany([['4035414', null], code]))
  throwsInternal(() => paycodes.explain(code))
  assert.equal(paycodes.decode('4035414').reason, 'insufficient_funds')
  assert.equal(paycodes.decodeMany(Array(1000).fill('4035414')).length, 1000)
})
