'use strict'
// The bad-input matrix (tests/bad_inputs.json) against the installed package: the same error
// id (or the same well-formed answer) as every other language, and no crash. JS cannot
// express bytes that are not UTF-8 (strings are Unicode, and the API takes strings).

const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { paycodes, camelKeys, compare } = require('./helpers.js')

const MATRIX = process.env.PAYCODES_BAD_INPUTS ?? path.join(__dirname, '..', '..', 'tests', 'bad_inputs.json')
const CASES = JSON.parse(fs.readFileSync(MATRIX, 'utf8')).cases

class NotExpressible extends Error {}

function value(v) {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if ('$repeat' in v) return (v.prefix ?? '') + v.$repeat.repeat(v.times) + (v.suffix ?? '')
    if ('$bytes' in v) throw new NotExpressible('bytes that are not UTF-8: JS strings are Unicode')
    if ('$float' in v) return { nan: NaN, inf: Infinity, '-inf': -Infinity }[v.$float]
    if ('$object' in v) return { ...v.$object }
  }
  return v
}

test('the matrix has at least 30 cases', () => {
  assert.ok(CASES.length >= 30)
  assert.equal(new Set(CASES.map((c) => c.name)).size, CASES.length)
})

for (const c of CASES) {
  test(`bad input ${c.name}`, (t) => {
    let code
    const options = { ...(c.options ?? {}) }
    try {
      code = value(c.code)
      if ('message' in options) options.message = value(options.message)
    } catch (e) {
      if (e instanceof NotExpressible) return t.skip(`not expressible in JS: ${e.message}`)
      throw e
    }
    let answer
    try {
      answer = paycodes.decode(code, options)
    } catch (err) {
      assert.ok(err instanceof Error)
      assert.ok('expect_error' in c, `expected an answer, got ${err.code} (${err.message})`)
      assert.equal(err.code, c.expect_error)
      if (err.code === 'bad_type') assert.ok(err instanceof TypeError)
      return
    }
    assert.ok('expect' in c, `expected error ${c.expect_error}, got an answer`)
    const diffs = []
    compare('', camelKeys(c.expect), answer, diffs)
    assert.deepEqual(diffs, [])
  })
}
