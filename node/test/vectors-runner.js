'use strict'
// Runs every vector of tests/vectors through the installed package and writes one JSON line
// per vector (the answer with its keys back in snake_case, the error id and batch index, or
// why JS cannot express the input), for the checker every language shares
// (`paycodes-conformance --check node FILE`).

const fs = require('node:fs')
const path = require('node:path')
const { paycodes } = require('./helpers.js')

const POSITIONAL = { decode: 'code', explain: 'code', decode_many: 'codes', build_snap: 'service', customer_message: 'reason', export: 'name', decode_response: 'body', retry_decision: 'code' }
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
const snake = (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

function snakeKeys(v) {
  if (Array.isArray(v)) return v.map(snakeKeys)
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [snake(k), snakeKeys(x)]))
  return v
}

// What JS cannot take: bytes that are not UTF-8 (the API takes strings).
class NotExpressible extends Error {}

// The `$` forms of tests/vectors/README.md as JS values.
function expand(v) {
  if (Array.isArray(v)) return v.map(expand)
  if (v === null || typeof v !== 'object') return v
  if ('$repeat' in v) return (v.prefix ?? '') + v.$repeat.repeat(v.times) + (v.suffix ?? '')
  if ('$bytes' in v) {
    const b = Buffer.from(v.$bytes)
    const s = b.toString('utf8')
    if (!Buffer.from(s, 'utf8').equals(b)) throw new NotExpressible('bytes that are not UTF-8')
    return s
  }
  if ('$float' in v) return { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 }[v.$float]
  if ('$bigint' in v) return BigInt(v.$bigint)
  if ('$lone_surrogate' in v) return 'ab\ud800cd'
  if ('$object' in v) return Object.fromEntries(Object.entries(v.$object).map(([k, x]) => [k, expand(x)]))
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)]))
}

function call(c) {
  const name = c.call ?? 'decode'
  const input = c.input
  const raw = input[POSITIONAL[name]]
  // A body may be any bytes: JS passes those as a Buffer.
  const bytesBody = name === 'decode_response' && raw !== null && typeof raw === 'object' && '$bytes' in raw
  const first = bytesBody ? Buffer.from(raw.$bytes) : POSITIONAL[name] in input ? expand(raw) : undefined
  const options = {}
  for (const [k, v] of Object.entries(input)) if (k !== POSITIONAL[name]) options[camel(k)] = expand(v)
  switch (name) {
    case 'decode': return snakeKeys(paycodes.decode(first, options))
    case 'explain': return paycodes.explain(first, options)
    case 'decode_many': return snakeKeys(paycodes.decodeMany(first, options))
    case 'build_snap': return snakeKeys(paycodes.buildSnap(first, options))
    case 'customer_message': return { text: paycodes.customerMessage(first, options), masked: paycodes.isMasked(first) }
    case 'export': return paycodes.exportTable(first, options)
    case 'decode_response': return snakeKeys(paycodes.decodeResponse(first, options))
    case 'retry_decision': return snakeKeys(paycodes.retryDecision(first, options))
    default: throw new Error(`unknown call ${name}`)
  }
}

function run(vectorsDir, outFile) {
  const lines = []
  for (const file of fs.readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(vectorsDir, file), 'utf8'))
    for (const c of doc.cases) {
      const line = { file: file.replace(/\.json$/, ''), name: c.name }
      try {
        line.answer = call(c)
      } catch (e) {
        if (e instanceof NotExpressible) {
          line.skip = e.message
        } else if (typeof e.code === 'string' && e instanceof Error) {
          // A wrong argument type must be a TypeError, everything else an Error.
          if ((e.code === 'bad_type') !== (e instanceof TypeError)) throw new Error(`${c.name}: ${e.code} thrown as ${e.constructor.name}`)
          line.error = e.code
          if (typeof e.index === 'number') line.index = e.index
        } else {
          throw e
        }
      }
      lines.push(JSON.stringify(line))
    }
  }
  fs.writeFileSync(outFile, lines.join('\n') + '\n')
}

module.exports = { run, expand, snakeKeys }
