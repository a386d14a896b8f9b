'use strict'
// Shared by the node:test files: the package under test and the conformance vectors.

const fs = require('node:fs')
const path = require('node:path')

// The tests run against the package as installed from its npm tarball (scripts/test.mjs
// installs it into a scratch project next to a copy of these files). Running them against
// the source tree would not prove the tarball works; PAYCODES_TEST_SOURCE=1 allows it for a
// quick local loop.
const packageJson = require.resolve('paycodes/package.json')
const packageDir = path.dirname(packageJson)
if (!packageDir.split(path.sep).includes('node_modules') && process.env.PAYCODES_TEST_SOURCE !== '1') {
  throw new Error(`paycodes resolved to ${packageDir}, not an installed package: run the tests through scripts/test.mjs`)
}

const paycodes = require('paycodes')
const VECTORS = process.env.PAYCODES_VECTORS ?? path.join(__dirname, '..', '..', 'tests', 'vectors')

function loadVectors() {
  const cases = []
  for (const file of fs.readdirSync(VECTORS).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8'))
    for (const c of doc.cases) cases.push({ name: `${file.replace(/\.json$/, '')}/${c.name}`, ...c })
  }
  if (cases.length === 0) throw new Error(`no vectors in ${VECTORS}`)
  return cases
}

// The stress workload every language uses: the (code, message) pairs of every decode
// vector whose input has only a string code and optionally a string message, and which
// expects an answer; sorted, without duplicates.
function stressItems() {
  const seen = new Set()
  const items = []
  for (const c of loadVectors()) {
    const keys = Object.keys(c.input)
    const decode = (c.call ?? 'decode') === 'decode'
    const ok = keys.every((k) => k === 'code' || k === 'message') && typeof c.input.code === 'string' &&
      (c.input.message === undefined || typeof c.input.message === 'string')
    if (!decode || !ok || !('expect' in c)) continue
    const key = JSON.stringify([c.input.code, c.input.message ?? null])
    if (seen.has(key)) continue
    seen.add(key)
    items.push([c.input.code, c.input.message])
  }
  return items
}

module.exports = { paycodes, packageDir, loadVectors, stressItems, VECTORS }
