// ESM and CommonJS entries of the installed package: the same functions either way.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import paycodesDefault, * as esm from 'paycodes'
import { decode, decodeMany, buildSnap, customerMessage, isMasked, explain, tables, table, exportTable, version } from 'paycodes'

const require = createRequire(import.meta.url)

test('named and default ESM imports are the CommonJS exports', () => {
  const cjs = require('paycodes')
  assert.equal(paycodesDefault, cjs)
  for (const [name, fn] of Object.entries({ decode, decodeMany, buildSnap, customerMessage, isMasked, explain, tables, table, exportTable, version })) {
    assert.equal(typeof fn, 'function', name)
    assert.equal(fn, cjs[name], name)
    assert.equal(esm[name], fn, name)
  }
  assert.equal(decode('4035414').reason, 'insufficient_funds')
})

test('the ESM entry resolves to index.mjs, require to index.js', () => {
  assert.match(import.meta.resolve('paycodes'), /\/node_modules\/paycodes\/index\.mjs$/)
  assert.match(require.resolve('paycodes'), /\/node_modules\/paycodes\/index\.js$/)
})
