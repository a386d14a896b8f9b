'use strict'
// paycodes for Node: what a payment response code means and what to do next.
//
// The public functions are declared (with their docs) in index.d.ts. This file is the thin JS
// half of the binding, and holds no payment logic: every answer comes from the Rust core.
//
// - decode/decodeMany: the native side writes each answer as a record of numbers into a
//   Float64Array (src/record.rs); the readers of generated.js turn records into plain
//   objects, with table texts and services fetched from the native side once each. Both
//   sides' layout is generated from the core's answer schemas (cargo xtask codegen).
// - options objects become a native context id, cached here by their values, so the hot
//   path passes a number; the native side reads every option by key (a misspelt key throws
//   `unknown_option`) with the one leniency rule of every language.
// - errors are thrown natively: an `Error` (a `TypeError` for a wrong argument type) whose
//   `code` is the stable id; batches also set `index`.

const native = require('./native.js')
const G = require('./generated.js')

// ---- pooled texts and objects ----

const texts = []

function str(r, at, x) {
  const kind = r[at]
  switch (kind) {
    case 0: return null
    case 1: return x.code.slice(r[at + 1], r[at + 2])
    case 2: return x.message.slice(r[at + 1], r[at + 2])
    case 3: return texts[r[at + 1]]
    default: return x.extras[r[at + 1]]
  }
}

const objects = []

function obj(id) {
  if (id !== id) return null // NaN: null
  let o = objects[id]
  if (o === undefined) {
    o = Object.freeze(native._object(id))
    objects[id] = o
  }
  return o
}

const num = (v) => (v !== v ? null : v)
const id = (ids, v) => (v !== v ? null : ids[v])

function list(r, at, size, read) {
  const n = r[at]
  const out = new Array(n)
  for (let k = 0; k < n; k++) out[k] = read(at + 1 + k * size)
  return out
}

const { readDecoded } = G.readers({ str, obj, num, id, list })
const SLOTS = G.DECODED_SLOTS + 2 // a record's header: the pools' sizes

// A record at `base` as an answer object (fetching the texts it names first).
function read(r, base, code, message, extras) {
  if (r[base] > texts.length) {
    for (const t of native._texts(texts.length)) texts.push(t)
  }
  return readDecoded(r, base + 2, { code, message, extras })
}

// ---- options ----

const DEFAULT_CONTEXT = native._context(undefined, false)
const DEFAULT_MANY_CONTEXT = native._context(undefined, true)
const contexts = new Map()
const MAX_CONTEXTS = 512

// The native context id of an options object, cached by its string values (JSON keeps
// the key unambiguous). Anything else (a value of another type, an object that is not
// plain) goes to the native side every time, which reads and judges it.
function contextOf(options, many) {
  if (options === undefined || options === null) return many ? DEFAULT_MANY_CONTEXT : DEFAULT_CONTEXT
  if (typeof options !== 'object' || Array.isArray(options)) return native._context(options, many)
  let key = many ? 'm' : 'd'
  for (const k in options) {
    const v = options[k]
    if (v === undefined || v === null) continue
    if (typeof v !== 'string') {
      if (k === 'message' && !many) continue // read by _decode itself
      return native._context(options, many)
    }
    key += JSON.stringify(k) + JSON.stringify(k === 'message' && !many ? '' : v)
  }
  let ctx = contexts.get(key)
  if (ctx === undefined) {
    ctx = native._context(options, many)
    if (contexts.size >= MAX_CONTEXTS) contexts.clear()
    contexts.set(key, ctx)
  }
  return ctx
}

// ---- decode ----

const buffer = new Float64Array(SLOTS)
const handle = native._attach(buffer)

function decode(code, options) {
  const ctx = contextOf(options, false)
  const message = options === undefined || options === null ? undefined : options.message
  const extras = native._decode(handle, code, message, ctx)
  return read(buffer, 0, code, message, extras)
}

// decodeMany sends the distinct items in chunks of CHUNK; their records land in one buffer,
// attached once and reused (about 0.5 MB).
const CHUNK = 512
const manyBuffer = new Float64Array(CHUNK * SLOTS)
const manyHandle = native._attach(manyBuffer)

function typeError(message) {
  const e = new TypeError(message)
  e.code = 'bad_type'
  return e
}

// Equal items (same code, same message) share one frozen answer; each distinct item goes to
// the native side once, in chunks. Each item of `codes` is read exactly once.
function decodeMany(codes, options) {
  if (typeof codes === 'string' || codes === null || typeof codes !== 'object' ||
      (!Array.isArray(codes) && typeof codes[Symbol.iterator] !== 'function')) {
    throw typeError(`codes must be an array of codes, got ${codes === null ? 'null' : typeof codes}`)
  }
  if (!Array.isArray(codes)) codes = Array.from(codes)
  const ctx = contextOf(options, true)
  const n = codes.length
  const out = new Array(n)
  const slot = new Int32Array(n)
  const single = new Map()
  const pairs = new Map()
  const todo = []
  const todoAt = []
  for (let i = 0; i < n; i++) {
    const item = codes[i]
    let k
    if (Array.isArray(item) && item.length === 2) {
      const code = item[0]
      const message = item[1]
      let byMessage = pairs.get(code)
      if (byMessage === undefined) pairs.set(code, (byMessage = new Map()))
      k = byMessage.get(message)
      if (k === undefined) {
        k = todo.length
        byMessage.set(message, k)
        todo.push([code, message])
        todoAt.push(i)
      }
    } else {
      k = single.get(item)
      if (k === undefined) {
        k = todo.length
        single.set(item, k)
        todo.push(item)
        todoAt.push(i)
      }
    }
    slot[i] = k
  }
  const answers = new Array(todo.length)
  for (let from = 0; from < todo.length; from += CHUNK) {
    const chunk = todo.slice(from, from + CHUNK)
    let extras
    try {
      extras = native._decodeMany(manyHandle, chunk, ctx)
    } catch (e) {
      if (typeof e.index === 'number') {
        const at = todoAt[from + e.index]
        e.message = e.message.replace(/^item \d+/, `item ${at}`)
        e.index = at
      }
      throw e
    }
    for (let k = 0; k < chunk.length; k++) {
      const item = chunk[k]
      const pair = Array.isArray(item)
      answers[from + k] = Object.freeze(read(manyBuffer, k * SLOTS, pair ? item[0] : item, pair ? item[1] : undefined, extras))
    }
  }
  for (let i = 0; i < n; i++) out[i] = answers[slot[i]]
  return out
}

// ---- whole responses ----

// A plain object or array is sent as its JSON text (what the provider sent); a string as its
// text; a Buffer or Uint8Array as its bytes; null or undefined means no response arrived.
function decodeResponse(body, options) {
  if (body !== null && typeof body === 'object' && !ArrayBuffer.isView(body)) {
    try {
      body = JSON.stringify(body)
    } catch (e) {
      throw typeError(`body must be an object JSON can hold, a string or bytes: ${e.message}`)
    }
  }
  return native._decodeResponse(body, options)
}

// ---- card retries ----

// A history array of attempts is sent as its JSON text; a string as is.
function retryDecision(code, options) {
  if (options !== null && typeof options === 'object' && Array.isArray(options.history)) {
    let history
    try {
      history = JSON.stringify(options.history)
    } catch (e) {
      throw typeError(`history must be attempts JSON can hold: ${e.message}`)
    }
    options = { ...options, history }
  }
  return native._retryDecision(code, options)
}

module.exports = {
  decode,
  decodeMany,
  decodeResponse,
  retryDecision,
  explain: (code, options) => native._explain(code, options),
  buildSnap: (service, options) => native._buildSnap(service, options),
  customerMessage: (reason, options) => native._customerMessage(reason, options),
  isMasked: (reason) => native._isMasked(reason),
  tables: () => native._tables(),
  table: (name, options) => native._table(name, options),
  exportTable: (name, options) => native._export(name, options),
  version: () => native.version(),
}
