'use strict'
// The README's example runs, and every line of it of the form `expression  // 'value' ...`
// evaluates to that value (`'text ...'`: starts with `text `): the README cannot drift from
// the package.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { packageDir } = require('./helpers.js')

test('the README example holds', () => {
  const readme = fs.readFileSync(path.join(packageDir, 'README.md'), 'utf8')
  const block = readme.match(/```js\n([\s\S]*?)```/)
  assert.ok(block, 'a js block in README.md')
  let claims = 0
  const lines = block[1].split('\n').map((line) => {
    const m = line.match(/^(?!const |let |import )(.+?)\s+\/\/ ('[^']*')/)
    if (!m) return line
    claims++
    const prefix = m[2].match(/^'(.*) \.\.\.'$/)
    return prefix ? `assert.ok(String(${m[1]}).startsWith(${JSON.stringify(prefix[1] + ' ')}))` : `assert.equal(${m[1]}, ${m[2]})`
  })
  assert.ok(claims >= 5, `${claims} checked claims`)
  new Function('require', 'assert', lines.join('\n'))(require, assert)
})
