'use strict'
// Shared by the node:test files: the package under test, the conformance vectors, and the
// comparison every runner uses (objects compare as subsets, arrays element by element with
// the same length, scalars by equality).

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
// The napi-rs reference route (decode/decodeMany building objects in Rust), for the
// differential test. Not part of the public API: loaded by path.
const native = require(path.join(packageDir, 'native.js'))

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

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())

// The vectors use the JSON keys of `paycodes explain --json` (snake_case); JS objects use
// camelCase. Keys only: values (ids such as `insufficient_funds`) stay as they are.
function camelKeys(v) {
  if (Array.isArray(v)) return v.map(camelKeys)
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelKeys(x)]))
  }
  return v
}

function snakeKeys(v) {
  if (Array.isArray(v)) return v.map(snakeKeys)
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(x)]))
  }
  return v
}

function compare(where, expect, actual, diffs) {
  if (expect !== null && typeof expect === 'object' && !Array.isArray(expect) &&
      actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    for (const [k, v] of Object.entries(expect)) {
      if (!(k in actual)) diffs.push(`${where}${k}: missing`)
      else compare(`${where}${k}.`, v, actual[k], diffs)
    }
  } else if (Array.isArray(expect) && Array.isArray(actual) && expect.length === actual.length) {
    expect.forEach((e, i) => compare(`${where}${i}.`, e, actual[i], diffs))
  } else if (expect !== actual) {
    diffs.push(`${where.replace(/\.$/, '')}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(actual)}`)
  }
}

// The decode options of a vector's input.
function optionsOf(input) {
  const o = {}
  for (const k of ['message', 'provider', 'family', 'network', 'operation', 'kind', 'locale']) {
    if (input[k] !== undefined) o[k] = input[k]
  }
  return o
}

module.exports = { paycodes, native, packageDir, loadVectors, camelKeys, snakeKeys, compare, optionsOf }
