'use strict'
// index.d.ts compiles with a strict tsc against a typed example using the ESM and the
// CommonJS entry (node16 resolution, the installed package's types).

const { test } = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

test('tsc --noEmit accepts the typed examples', () => {
  const tsc = process.env.PAYCODES_TSC
  assert.ok(tsc, 'PAYCODES_TSC names typescript/bin/tsc (scripts/test.mjs sets it)')
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(__dirname, 'typed', 'tsconfig.json')], { encoding: 'utf8' })
  assert.equal(r.status, 0, r.stdout + r.stderr)
})
