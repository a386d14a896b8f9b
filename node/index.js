'use strict'
// paycodes for Node: what a payment response code means and what to do next.
//
// The public functions are declared (with their docs) in index.d.ts, which napi-rs generates
// from the Rust crate in src/. This file is the thin JS half of the binding:
//
// - decode/decodeMany: the native fast route (src/fast.rs) writes a compact record of numbers
//   into a Uint32Array (src/record.rs has the layout and the reasons); this file turns it into
//   the plain `Decoded` object, using table texts it fetches from the native side once per
//   text. The napi-rs `native.decode`/`native.decodeMany` build the same objects in Rust,
//   several times slower; the tests check that both routes agree on every vector.
// - options objects become one packed number per distinct set of values (cached here), so
//   the hot path passes numbers, not objects.
// - errors: native errors already carry `code` (the stable id); the ids that mean a wrong
//   argument type are rethrown as TypeError, and batch errors get `index`.
//
// No payment logic lives here: every answer comes from the Rust core.

const native = require('./native.js')

const {
  FLAGS, HTTP, CANON, DETAIL_START, DETAIL_END, SERVICE_CODE, CASE_CODE,
  MESSAGE, CATEGORY, OUTCOME, REASON, ACTION, CUSTOMER_MESSAGE, MERCHANT_MESSAGE, PROVIDER, SOURCE,
  OPERATION, NETWORK, CARD_CATEGORY, STATUS_KIND, SERVICE, TEXTS_SEEN, SERVICES_SEEN, VARIANTS, VARIANT0,
  VARIANT_SIZE, SIZE, NONE, F_FAMILY, F_KNOWN, F_TEMPLATE, F_MASKED, F_CANON_EXTRA, F_DETAIL_EXTRA,
} = native._layout()
const IDS = native._ids()
const FAMILY = IDS.family
const OUTCOMES = IDS.outcome
const ACTIONS = IDS.action
const CATEGORIES = IDS.category
const REASONS = IDS.reason
const NETWORKS = IDS.network
const STATUS_KINDS = IDS.statusKind
// error id -> whether it means a wrong argument type
const ERRORS = native._errors()

// Table texts and services by id, fetched from the native side as records mention new ids.
const texts = []
const services = []

function syncTables(rec, b) {
  if (rec[b + TEXTS_SEEN] > texts.length) {
    for (const t of native._texts(texts.length)) texts.push(t)
  }
  if (rec[b + SERVICES_SEEN] > services.length) {
    for (const s of native._services(services.length)) services.push(s)
  }
}

// ---- errors ----

function typeError(message) {
  const e = new TypeError(message)
  e.code = 'bad_type'
  return e
}

// A native error as callers see it: an Error whose `code` is the stable id; a TypeError for
// a wrong argument type (including napi-rs's own argument conversion errors, whose codes
// are not paycodes ids).
function convert(e) {
  if (!(e instanceof Error) || typeof e.code !== 'string') return e
  const isType = ERRORS[e.code]
  if (isType === false || e instanceof TypeError) return e
  const t = new TypeError(e.message)
  t.code = isType === true ? e.code : 'bad_type'
  return t
}

function describe(v) {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v
}

function checkCode(code) {
  const t = typeof code
  if (t !== 'string' && t !== 'number') throw typeError(`code must be a string or a number, got ${describe(code)}`)
}

// ---- options ----

const DEFAULT_CONTEXT = native._context(undefined)
const contexts = new Map()
const MAX_CONTEXTS = 512

function optionValue(v, key) {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw typeError(`options.${key} must be a string, got ${describe(v)}`)
  return v
}

// The last options seen and their context: callers usually pass the same options each time.
let lastProvider, lastFamily, lastNetwork, lastOperation, lastKind, lastLocale
let lastContext = DEFAULT_CONTEXT

// The packed context for an options object (undefined/null: the defaults).
function contextOf(options) {
  if (options === undefined || options === null) return DEFAULT_CONTEXT
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw typeError(`options must be an object, got ${describe(options)}`)
  }
  const provider = optionValue(options.provider, 'provider')
  const family = optionValue(options.family, 'family')
  const network = optionValue(options.network, 'network')
  const operation = optionValue(options.operation, 'operation')
  const kind = optionValue(options.kind, 'kind')
  const locale = optionValue(options.locale, 'locale')
  if (provider === lastProvider && family === lastFamily && network === lastNetwork &&
      operation === lastOperation && kind === lastKind && locale === lastLocale) {
    return lastContext
  }
  // \u0000 cannot start a valid option value, so it stands for "not given".
  const key = `${provider ?? '\u0000'}\u0001${family ?? '\u0000'}\u0001${network ?? '\u0000'}\u0001` +
    `${operation ?? '\u0000'}\u0001${kind ?? '\u0000'}\u0001${locale ?? '\u0000'}`
  let ctx = contexts.get(key)
  if (ctx === undefined) {
    try {
      ctx = native._context({ provider, family, network, operation, kind, locale })
    } catch (e) {
      throw convert(e)
    }
    if (contexts.size >= MAX_CONTEXTS) contexts.clear()
    contexts.set(key, ctx)
  }
  lastProvider = provider
  lastFamily = family
  lastNetwork = network
  lastOperation = operation
  lastKind = kind
  lastLocale = locale
  lastContext = ctx
  return ctx
}

function messageOf(options) {
  if (options === undefined || options === null || typeof options !== 'object') return undefined
  const m = options.message
  if (m === undefined || m === null) return undefined
  if (typeof m !== 'string') throw typeError(`options.message must be a string, got ${describe(m)}`)
  return m
}

// ---- records to objects ----

// Two-character codes (service, case) arrive as their two ASCII bytes (v < 0x8000); each
// string is made once.
const pairs = new Array(0x8000).fill(undefined)

function codePart(v) {
  if (v === NONE) return null
  let s = pairs[v]
  if (s === undefined) {
    s = String.fromCharCode(v >> 8, v & 0xff)
    pairs[v] = s
  }
  return s
}

function serviceAt(id) {
  const s = services[id]
  return {
    code: s.code,
    name: s.name,
    product: s.product,
    kind: s.kind,
    movesMoney: s.movesMoney,
    statusService: s.statusService,
  }
}

function variantsAt(rec, b) {
  const n = rec[b + VARIANTS]
  if (n === NONE) return null
  const out = new Array(n)
  for (let i = 0; i < n; i++) {
    const v = b + VARIANT0 + i * VARIANT_SIZE
    out[i] = {
      network: NETWORKS[rec[v]],
      message: texts[rec[v + 1]],
      category: CATEGORIES[rec[v + 2]],
      reason: REASONS[rec[v + 3]],
      outcome: OUTCOMES[rec[v + 4]],
      action: ACTIONS[rec[v + 5]],
    }
  }
  return out
}

// The Decoded object of the record at rec[b..]. `raw` and `message` are what the caller
// passed; `extras` the strings the native side could not express as offsets.
function expand(rec, b, raw, message, extras) {
  syncTables(rec, b)
  const f = rec[b + FLAGS]
  const canonical = (f & F_CANON_EXTRA) !== 0 ? extras[rec[b + CANON]] : raw
  const ds = rec[b + DETAIL_START]
  const detail = ds === NONE ? null : (f & F_DETAIL_EXTRA) !== 0 ? extras[ds] : message.slice(ds, rec[b + DETAIL_END])
  const http = rec[b + HTTP]
  const svc = rec[b + SERVICE]
  const op = rec[b + OPERATION]
  return {
    family: FAMILY[f & F_FAMILY],
    raw,
    canonical,
    known: (f & F_KNOWN) !== 0,
    template: (f & F_TEMPLATE) !== 0,
    httpStatus: http === 0 ? null : http,
    serviceCode: codePart(rec[b + SERVICE_CODE]),
    service: svc === 0 ? null : serviceAt(svc - 1),
    caseCode: codePart(rec[b + CASE_CODE]),
    message: texts[rec[b + MESSAGE]],
    detail,
    category: CATEGORIES[rec[b + CATEGORY]],
    outcome: OUTCOMES[rec[b + OUTCOME]],
    reason: REASONS[rec[b + REASON]],
    action: ACTIONS[rec[b + ACTION]],
    customerMessage: texts[rec[b + CUSTOMER_MESSAGE]],
    masked: (f & F_MASKED) !== 0,
    merchantMessage: texts[rec[b + MERCHANT_MESSAGE]],
    provider: texts[rec[b + PROVIDER]],
    source: texts[rec[b + SOURCE]],
    operation: op === NONE ? null : texts[op],
    network: NETWORKS[rec[b + NETWORK]] ?? null,
    cardCategory: CATEGORIES[rec[b + CARD_CATEGORY]] ?? null,
    networkVariants: variantsAt(rec, b),
    statusKind: STATUS_KINDS[rec[b + STATUS_KIND]] ?? null,
  }
}

// ---- the API (documented in index.d.ts) ----

// Record buffers, attached once: the fast route writes into them by handle.
const ONE = new Uint32Array(SIZE)
const ONE_HANDLE = native._attach(ONE)
const CHUNK = 256
const BATCH = new Uint32Array(SIZE * CHUNK)
const BATCH_HANDLE = native._attach(BATCH)

function decode(code, options) {
  checkCode(code)
  const ctx = contextOf(options)
  const message = messageOf(options)
  let extras
  try {
    extras = native._decode(ONE_HANDLE, code, message, ctx)
  } catch (e) {
    throw convert(e)
  }
  return expand(ONE, 0, code, message, extras)
}

// Decodes codes[from..end) into BATCH: one joined string when every item is a string (one
// boundary crossing for the chunk), item by item otherwise. Returns the extras.
function decodeChunk(codes, from, end, ctx) {
  let allStrings = true
  for (let i = from; i < end; i++) {
    if (typeof codes[i] !== 'string') {
      allStrings = false
      break
    }
  }
  if (allStrings) {
    const joined = end - from === codes.length ? codes.join('\u0000') : codes.slice(from, end).join('\u0000')
    const extras = native._decodeJoined(BATCH_HANDLE, joined, from, ctx, end - from)
    if (extras !== null) return extras
    // An item contains a NUL: the pieces did not match the items. Decode item by item.
  }
  return native._decodeMany(BATCH_HANDLE, codes, from, ctx)
}

function decodeMany(codes, options) {
  if (!Array.isArray(codes)) throw typeError(`codes must be an array, got ${describe(codes)}`)
  if (messageOf(options) !== undefined) {
    throw typeError('decodeMany takes messages per item: pass [code, message] pairs, not options.message')
  }
  const ctx = contextOf(options)
  const n = codes.length
  const out = new Array(n)
  for (let from = 0; from < n; from += CHUNK) {
    const end = Math.min(n, from + CHUNK)
    let extras
    try {
      extras = decodeChunk(codes, from, end, ctx)
    } catch (e) {
      const err = convert(e)
      if (err instanceof Error && err.message.startsWith('item ')) err.index = BATCH[0]
      throw err
    }
    for (let i = from; i < end; i++) {
      const item = codes[i]
      const b = (i - from) * SIZE
      out[i] = Array.isArray(item)
        ? expand(BATCH, b, item[0], item[1] ?? undefined, extras)
        : expand(BATCH, b, item, undefined, extras)
    }
  }
  return out
}

function wrap(fn) {
  const wrapped = function (...args) {
    try {
      return fn(...args)
    } catch (e) {
      throw convert(e)
    }
  }
  Object.defineProperty(wrapped, 'name', { value: fn.name })
  return wrapped
}

module.exports = {
  decode,
  decodeMany,
  buildSnap: wrap(native.buildSnap),
  customerMessage: wrap(native.customerMessage),
  isMasked: wrap(native.isMasked),
  explain: wrap(native.explain),
  tables: wrap(native.tables),
  table: wrap(native.table),
  exportTable: wrap(native.exportTable),
  version: wrap(native.version),
  __napiBindingTarget: native.__napiBindingTarget,
}
