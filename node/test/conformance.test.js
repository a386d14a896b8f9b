'use strict'
// Every vector of tests/vectors against the installed package, the same way every other
// language's runner reads them. The summary reporter (summary-reporter.mjs) ends the run
// with the line `N passed, M failed` over these tests.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const { paycodes, native, loadVectors, camelKeys, compare, optionsOf } = require('./helpers.js')

const CASES = loadVectors()

// What decode answers for a vector: the object, or the error's stable id.
function answer(decodeFn, input) {
  try {
    return { value: decodeFn(input.code, optionsOf(input)) }
  } catch (err) {
    return { error: err }
  }
}

for (const c of CASES) {
  test(`vector ${c.name}`, () => {
    const { value, error } = answer(paycodes.decode, c.input)
    if (error !== undefined) {
      assert.ok(error instanceof Error, 'errors are Error instances')
      assert.ok('expect_error' in c, `expected an answer, got error ${error.code} (${error.message})`)
      assert.equal(error.code, c.expect_error)
      if (c.expect_error === 'bad_type') assert.ok(error instanceof TypeError, 'bad_type is a TypeError')
    } else {
      assert.ok('expect' in c, `expected error ${c.expect_error}, got an answer`)
      const diffs = []
      compare('', camelKeys(c.expect), value, diffs)
      assert.deepEqual(diffs, [])
    }
  })
}

// The fast route (index.js over the compact records) must answer exactly what the napi-rs
// route answers, objects and errors alike, on every vector.
test('the fast route and the napi-rs route agree on every vector', () => {
  for (const c of CASES) {
    const fast = answer(paycodes.decode, c.input)
    const reference = answer(native.decode, c.input)
    if (fast.error !== undefined || reference.error !== undefined) {
      assert.equal(fast.error?.code, reference.error?.code, c.name)
    } else {
      assert.deepStrictEqual(fast.value, reference.value, c.name)
    }
  }
  // decodeMany, grouped by the options other than the message (one batch per group).
  const groups = new Map()
  for (const c of CASES) {
    if ('expect_error' in c) continue
    const { message, ...rest } = optionsOf(c.input)
    const key = JSON.stringify(rest)
    if (!groups.has(key)) groups.set(key, { options: rest, items: [] })
    groups.get(key).items.push(message === undefined ? c.input.code : [c.input.code, message])
  }
  let items = 0
  for (const { options, items: batch } of groups.values()) {
    assert.deepStrictEqual(paycodes.decodeMany(batch, options), native.decodeMany(batch, options), JSON.stringify(options))
    // Only strings, repeated: the joined-string path with its de-duplication.
    const strings = batch.filter((x) => typeof x === 'string')
    const repeated = [...strings, ...strings, ...strings.slice(0, 100)]
    assert.deepStrictEqual(paycodes.decodeMany(repeated, options), native.decodeMany(repeated, options))
    items += batch.length
  }
  assert.ok(items > 700, `${items} vectors went through decodeMany`)
})
