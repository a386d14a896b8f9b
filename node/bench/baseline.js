'use strict'
// The baseline for bench.js: an idiomatic pure-JS SNAP decoder doing the same job as
// paycodes.decode for listed codes under the standard profile: validate, parse, look up the
// service and the case in object tables, apply the money rules (5xx/409 on money-moving
// APIs, 404xx18 by operation), and return every field of `Decoded`. Its tables are the same
// data, loaded once at require time from paycodes' exports (not timed).

const paycodes = require('paycodes')

const SERVICES = {}
for (const r of paycodes.table('snap-services')) SERVICES[r.code] = r
const CASES = {}
for (const r of paycodes.table('snap-cases')) if (r.use === 'standard') CASES[`${r.http_status}${r.case_code}`] = r
const REASONS = {}
for (const r of paycodes.table('reasons')) REASONS[r.id] = r
// What 404xx18 means per operation (core/data/operations.tsv).
const INCONSISTENT = {}
for (const op of ['intrabank_transfer', 'interbank_transfer', 'rtgs_transfer', 'sknbi_transfer', 'va_payment',
  'va_payment_intrabank', 'refund', 'void']) INCONSISTENT[op] = 'success'
for (const op of ['otc_transfer', 'direct_debit', 'qr_cpm_payment', 'auth_payment', 'capture']) INCONSISTENT[op] = 'failed'
const DECLINED = REASONS.declined

class BaselineError extends Error {
  constructor(code) {
    super(code)
    this.code = code
  }
}

const DIGITS = /^[0-9]+$/
const ALNUM = /^[0-9A-Za-z]+$/

function decode(input, locale = 'en') {
  const code = input.trim()
  if (code.length === 0) throw new BaselineError('empty')
  if (code.length !== 7) throw new BaselineError('bad_length')
  const http = code.slice(0, 3)
  const service = code.slice(3, 5).toUpperCase()
  const kase = code.slice(5)
  if (!DIGITS.test(http) || !DIGITS.test(kase) || !ALNUM.test(service)) throw new BaselineError('bad_character')
  const status = Number(http)
  if (status < 100 || status > 599) throw new BaselineError('bad_http_status')
  const template = service === 'XX'
  const svc = template ? undefined : SERVICES[service]
  const row = CASES[http + kase]
  if (row === undefined) throw new BaselineError('unlisted') // the benchmark only decodes listed codes
  const operation = svc ? svc.operation : null
  const movesMoney = svc ? svc.moves_money : true
  let outcome, action
  if (row.by_operation) {
    outcome = INCONSISTENT[operation ?? ''] ?? 'unknown'
    action = outcome === 'success' ? 'none' : outcome === 'failed' ? 'fix_request' : 'inquire_status'
  } else if (movesMoney) {
    outcome = row.money_outcome
    action = row.money_action
  } else {
    outcome = row.outcome
    action = row.action
  }
  const reason = REASONS[row.reason]
  const shown = reason.masked ? DECLINED : reason
  return {
    family: 'snap',
    raw: input,
    canonical: http + service + kase,
    known: true,
    template,
    httpStatus: status,
    serviceCode: service,
    service: svc === undefined ? null : {
      code: svc.code, name: svc.name, product: svc.product, kind: svc.kind,
      movesMoney: svc.moves_money, statusService: svc.status_service,
    },
    caseCode: kase,
    message: row.message,
    detail: null,
    category: row.category,
    outcome,
    reason: row.reason,
    action,
    customerMessage: locale === 'id' ? shown.customer_id : shown.customer_en,
    masked: reason.masked,
    merchantMessage: row.description,
    provider: 'standard',
    source: row.source,
    operation,
    network: null,
    cardCategory: null,
    networkVariants: null,
    statusKind: null,
    locale,
    warnings: [],
  }
}

module.exports = { decode, BaselineError }
