'use strict'
// The JS surface of the installed package: shapes, ids, errors, the CLI equivalence.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { execFileSync, spawnSync } = require('node:child_process')
const { paycodes, packageDir } = require('./helpers.js')
const { snakeKeys } = require('./vectors-runner.js')

const CLI = process.env.PAYCODES_CLI
const DTS = fs.readFileSync(path.join(packageDir, 'index.d.ts'), 'utf8')

// The keys of an interface of index.d.ts, in order.
function interfaceKeys(name) {
  const body = DTS.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))
  assert.ok(body, `interface ${name} in index.d.ts`)
  return [...body[1].matchAll(/^ {2}(?:readonly )?(\w+)\??:/gm)].map((m) => m[1])
}

// The members of a string-literal union of index.d.ts.
function unionMembers(name) {
  const line = DTS.match(new RegExp(`export type ${name} = (.*)`))
  assert.ok(line, `type ${name} in index.d.ts`)
  return [...line[1].matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1])
}

function throws(fn, code, ctor = Error) {
  let caught
  try {
    fn()
  } catch (e) {
    caught = e
  }
  assert.ok(caught instanceof ctor, `expected a ${ctor.name}, got ${caught}`)
  assert.equal(caught.code, code)
  return caught
}

// [code, CLI arguments, decode options]
const CLI_CASES = [
  ['4035414', [], {}],
  ['4002501', ['--message', 'Invalid Field Format virtualAccountNo'], { message: 'Invalid Field Format virtualAccountNo' }],
  ['2024300', ['--provider', 'doku'], { provider: 'doku' }],
  ['404XX18', ['--operation', 'direct_debit'], { operation: 'direct_debit' }],
  ['70', [], {}],
  ['51', ['--network', 'visa', '--lang', 'id'], { network: 'visa', locale: 'id' }],
  ['TIME_OUT', [], {}],
  ['cancelled', ['--family', 'status', '--kind', 'va'], { family: 'status', kind: 'va' }],
  ['401XX00', ['--provider', 'doku', '--message', 'Unauthorized . Signature "Not" Match\\'],
    { provider: 'doku', message: 'Unauthorized . Signature "Not" Match\\' }],
  [' 400xx01 ', [], {}],
  ['4039999', [], {}],
  ['4002501', ['--message', 'Invalid Field Format nömör 😀 amount'], { message: 'Invalid Field Format nömör 😀 amount' }],
]

test('decode answers the CLI JSON object, key for key and in order', () => {
  assert.ok(CLI, 'PAYCODES_CLI names the paycodes binary (scripts/test.mjs sets it)')
  for (const [code, args, options] of CLI_CASES) {
    const want = JSON.parse(execFileSync(CLI, ['explain', code, '--json', ...args], { encoding: 'utf8' }))
    const got = snakeKeys(paycodes.decode(code, options))
    assert.deepStrictEqual(got, want, code)
    assert.deepStrictEqual(Object.keys(got), Object.keys(want), `${code}: key order`)
  }
})

test('explain prints what the CLI prints', () => {
  for (const [code, args, options] of CLI_CASES) {
    const want = execFileSync(CLI, ['explain', code, ...args], { encoding: 'utf8' })
    assert.equal(paycodes.explain(code, options), want.replace(/\n$/, ''), code)
  }
})

test('malformed codes throw what the CLI reports', () => {
  for (const code of ['403541', '', '   ', '40354145', '999XX01', '40@5414']) {
    const cli = spawnSync(CLI, ['explain', code, '--json'], { encoding: 'utf8' })
    assert.equal(cli.status, 1)
    const want = JSON.parse(cli.stdout)
    const e = throws(() => paycodes.decode(code), want.error)
    assert.equal(e.message, want.message)
  }
})

test('objects have exactly the keys index.d.ts declares', () => {
  const decodedKeys = interfaceKeys('Decoded')
  const serviceKeys = interfaceKeys('Service')
  const variantKeys = interfaceKeys('NetworkVariant')
  for (const d of [paycodes.decode('4035414'), paycodes.decode('70'), paycodes.decode('03', { family: 'status', kind: 'qris' })]) {
    assert.deepStrictEqual(Object.keys(d), decodedKeys)
    assert.equal(Object.getPrototypeOf(d), Object.prototype, 'a plain object')
    if (d.service) assert.deepStrictEqual(Object.keys(d.service), serviceKeys)
    for (const v of d.networkVariants ?? []) assert.deepStrictEqual(Object.keys(v), variantKeys)
  }
  assert.deepStrictEqual(Object.keys(paycodes.buildSnap('24', { reason: 'bill_paid' })), interfaceKeys('Built'))
})

test('ids are members of the unions index.d.ts declares', () => {
  const unions = {
    family: unionMembers('Family'), outcome: unionMembers('Outcome'), action: unionMembers('Action'),
    reason: unionMembers('Reason'), category: unionMembers('Category'), network: unionMembers('Network'),
  }
  assert.deepStrictEqual(unions.outcome, ['unknown', 'success', 'pending', 'failed'])
  assert.ok(unions.reason.length >= 100)
  for (const r of unions.reason) assert.equal(typeof paycodes.customerMessage(r), 'string')
  const samples = [paycodes.decode('4035414'), paycodes.decode('70'), paycodes.decode('51', { network: 'visa' }),
    paycodes.decode('PAID', { family: 'status', kind: 'va' }), paycodes.decode('TIME_OUT')]
  for (const d of samples) {
    for (const [k, members] of Object.entries(unions)) {
      if (d[k] !== null) assert.ok(members.includes(d[k]), `${k} = ${d[k]}`)
    }
  }
  assert.ok(unionMembers('ErrorCode').includes('bad_type'))
})

test('decode answers fresh plain objects; shared parts and batch answers are frozen', () => {
  const a = paycodes.decode('4035414')
  const b = paycodes.decode('4035414')
  assert.notEqual(a, b)
  a.outcome = 'success'
  assert.equal(paycodes.decode('4035414').outcome, 'failed')
  // A service is a static row: one frozen object, shared.
  assert.equal(a.service, b.service)
  assert.ok(Object.isFrozen(a.service))
  assert.throws(() => { a.service.name = 'changed' }, TypeError)
  // Equal items of a batch share one frozen answer.
  const [x, y] = paycodes.decodeMany(['70', '70'])
  assert.equal(x, y)
  assert.ok(Object.isFrozen(x))
  assert.deepStrictEqual(JSON.parse(JSON.stringify(x)), x)
})

test('money semantics come through unchanged', () => {
  const pending = paycodes.decode('2021800')
  assert.equal(pending.outcome, 'pending')
  assert.notEqual(pending.outcome, 'success')
  const timeout = paycodes.decode('5041800')
  assert.deepStrictEqual([timeout.outcome, timeout.action], ['unknown', 'inquire_status'])
  const inquiry = paycodes.decode('5001600')
  assert.deepStrictEqual([inquiry.outcome, inquiry.action], ['failed', 'retry_later'])
  assert.equal(paycodes.decode('TIME_OUT').action, 'inquire_status')
})

test('errors are Error instances with the stable id in code; wrong types are TypeErrors', () => {
  throws(() => paycodes.decode('40354'), 'bad_length')
  throws(() => paycodes.decode(-2002400), 'negative_number')
  throws(() => paycodes.decode(2002400.5), 'not_an_integer')
  throws(() => paycodes.decode('4035414', { provider: 'nope' }), 'unknown_provider')
  throws(() => paycodes.decode('03', { family: 'status' }), 'kind_required')
  for (const bad of [null, undefined, {}, [], true, Symbol('x'), () => 1]) {
    throws(() => paycodes.decode(bad), 'bad_type', TypeError)
  }
  assert.equal(paycodes.decode(2002400n).canonical, '2002400')
  throws(() => paycodes.decode('4035414', 'doku'), 'bad_type', TypeError)
  throws(() => paycodes.decode('4035414', { provider: 5 }), 'bad_type', TypeError)
  throws(() => paycodes.decode('4035414', { message: {} }), 'bad_type', TypeError)
  throws(() => paycodes.customerMessage(5), 'bad_type', TypeError)
  throws(() => paycodes.buildSnap('24', { reason: 5 }), 'bad_type', TypeError)
  throws(() => paycodes.buildSnap('24', {}), 'missing_argument')
  // An unknown locale is not an error: English.
  assert.equal(paycodes.decode('4035414', { locale: 'xx' }).customerMessage, paycodes.decode('4035414').customerMessage)
})

test('decodeMany: codes, numbers and [code, message] pairs, in order, across chunks', () => {
  assert.deepStrictEqual(paycodes.decodeMany([]), [])
  const items = []
  // Over 512 distinct items (index.js's chunk), so the answers cross chunks.
  for (let i = 0; i < 2000; i++) {
    items.push(i % 3 === 0 ? '4035414' : i % 3 === 1 ? 2002400 : ['4002501', `Invalid Field Format f${i}`])
  }
  const out = paycodes.decodeMany(items, { provider: 'doku' })
  assert.equal(out.length, 2000)
  out.forEach((d, i) => {
    const item = items[i]
    const one = Array.isArray(item) ? paycodes.decode(item[0], { provider: 'doku', message: item[1] }) : paycodes.decode(item, { provider: 'doku' })
    assert.deepStrictEqual(d, one)
  })
  assert.equal(out[2].detail, 'f2')
  // A NUL inside an item takes the item-by-item path and still fails at the right item.
  const e = throws(() => paycodes.decodeMany(['4035414', '4035\u00004', '4035414']), 'bad_character')
  assert.equal(e.index, 1)
  const late = throws(() => paycodes.decodeMany([...Array(700).fill('4035414'), 'nope!', '51']), 'bad_character')
  assert.equal(late.index, 700)
  assert.match(late.message, /^item 700: /)
  // An error in a later chunk still names the item's own index.
  const pairs = Array.from({ length: 600 }, (_, i) => ['4002501', `Invalid Field Format f${i}`])
  const second = throws(() => paycodes.decodeMany([...pairs, 'nope!']), 'bad_character')
  assert.equal(second.index, 600)
  const answers = paycodes.decodeMany([...pairs, '51'])
  assert.equal(answers[599].detail, 'f599')
  assert.equal(answers[600].reason, 'insufficient_funds')
  throws(() => paycodes.decodeMany('4035414'), 'bad_type', TypeError)
  throws(() => paycodes.decodeMany([{}]), 'bad_type', TypeError).index === 0 || assert.fail('index')
  throws(() => paycodes.decodeMany(['4035414'], { message: 'x' }), 'unknown_option')
})

test('buildSnap answers SNAP callbacks and refuses what the standard lacks', () => {
  assert.deepStrictEqual(paycodes.buildSnap('24', { reason: 'bill_paid' }),
    { responseCode: '4042414', responseMessage: 'Paid Bill', template: 'Paid Bill', reason: 'bill_paid' })
  const built = paycodes.buildSnap('25', { httpStatus: 400, caseCode: '01', detail: 'virtualAccountNo' })
  assert.equal(built.responseCode, '4002501')
  assert.equal(built.responseMessage, 'Invalid Field Format virtualAccountNo')
  assert.equal(paycodes.buildSnap('25', { httpStatus: 400, caseCode: 1 }).responseCode, '4002501')
  // What is built decodes back to the reason it was built from.
  assert.equal(paycodes.decode(built.responseCode, { message: built.responseMessage }).detail, 'virtualAccountNo')
  throws(() => paycodes.buildSnap('25', { httpStatus: 400, caseCode: 77 }), 'unknown_case')
  throws(() => paycodes.buildSnap('25', { reason: 'lost_card' }), 'no_snap_code')
  throws(() => paycodes.buildSnap('25', { reason: 'invalid_field_format', detail: 'a\nb' }), 'bad_detail')
  throws(() => paycodes.buildSnap('ZZ', { reason: 'bill_paid' }), 'unknown_service')
})

test('customer messages: every reason in en and id, masked reasons hidden', () => {
  for (const r of unionMembers('Reason')) {
    for (const locale of ['en', 'id', 'in', 'id-ID']) {
      const m = paycodes.customerMessage(r, { locale })
      assert.ok(m.length > 0 && !/[{}[\]]/.test(m), `${r} ${locale}`)
    }
    if (paycodes.isMasked(r)) assert.equal(paycodes.customerMessage(r, { locale: 'id' }), paycodes.customerMessage('declined', { locale: 'id' }))
  }
  assert.ok(paycodes.isMasked('stolen_card'))
  assert.ok(!paycodes.isMasked('insufficient_funds'))
  assert.match(paycodes.customerMessage('insufficient_funds', { locale: 'id' }), /^Saldo Anda/)
  assert.equal(paycodes.customerMessage('INSUFFICIENT_FUNDS'), paycodes.customerMessage('insufficient_funds'))
  throws(() => paycodes.customerMessage('nope'), 'unknown_reason')
})

test('tables export the bytes paycodes table prints', () => {
  assert.deepStrictEqual(paycodes.tables(), ['snap_services', 'snap_cases', 'reasons', 'iso8583', 'provider_strings', 'statuses', 'providers',
    'retry_rules', 'mastercard_advice', 'visa_categories'])
  for (const [name, format, provider] of [['reasons', 'csv'], ['snap-cases', 'md', 'doku'], ['statuses', 'json']]) {
    const args = ['table', name, '--format', format, ...(provider ? ['--provider', provider] : [])]
    assert.equal(paycodes.exportTable(name, { format, provider }), execFileSync(CLI, args, { encoding: 'utf8' }), name)
  }
  const services = paycodes.table('snap-services')
  assert.equal(services.length, 81)
  assert.deepStrictEqual(services, JSON.parse(paycodes.exportTable('snap-services')))
  throws(() => paycodes.table('nope'), 'unknown_table')
  throws(() => paycodes.exportTable('reasons', { format: 'xml' }), 'unknown_export_format')
  throws(() => paycodes.table('reasons', { provider: 'nope' }), 'unknown_provider')
})

test('version matches the package', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  assert.equal(paycodes.version(), pkg.version)
})

// Issue 12: what an attack on the binding found, each a regression test.
test('a missing code never reads as an approval', () => {
  // Number(null) and Number('') are 0: a number without a family is a whole SNAP code.
  for (const zero of [0, -0, Number(null), Number('')]) throws(() => paycodes.decode(zero), 'bad_length')
  assert.equal(paycodes.decode(0, { family: 'iso8583' }).canonical, '00')
})

test('buildSnap never builds a code from a garbage number', () => {
  throws(() => paycodes.buildSnap('24', { httpStatus: 200, caseCode: NaN }), 'not_an_integer')
  throws(() => paycodes.buildSnap('24', { httpStatus: 200, caseCode: Infinity }), 'not_an_integer')
  throws(() => paycodes.buildSnap('24', { httpStatus: 200, caseCode: 0.7 }), 'not_an_integer')
  throws(() => paycodes.buildSnap('24', { httpStatus: 200, caseCode: 2 ** 32 }), 'out_of_range')
  throws(() => paycodes.buildSnap('24', { httpStatus: 2 ** 32 + 200, caseCode: 0 }), 'bad_http_status')
  throws(() => paycodes.buildSnap('24', { httpStatus: 404.5, caseCode: 12 }), 'not_an_integer')
  throws(() => paycodes.buildSnap('24', { reason: 'bill_paid', httpStatus: 404 }), 'conflicting_arguments')
})

test('options: unknown keys throw, and the options cache cannot confuse values', () => {
  throws(() => paycodes.decode('4035414', { providr: 'doku' }), 'unknown_option')
  throws(() => paycodes.decode('4035414', { lang: 'id' }), 'unknown_option')
  throws(() => paycodes.explain('4035414', { lang: 'id' }), 'unknown_option')
  assert.match(paycodes.explain('4035414', { locale: 'id' }), /Saldo Anda/)
  // Values that would collide under a naive joined key.
  const a = paycodes.decode('4035414', { provider: 'doku', locale: 'id' })
  throws(() => paycodes.decode('4035414', { provider: 'doku\u0001id' }), 'unknown_provider')
  assert.equal(paycodes.decode('4035414', { provider: 'doku', locale: 'id' }).customerMessage, a.customerMessage)
})

test('decodeMany reads each item once, and shares one answer per distinct item', () => {
  let reads = 0
  const items = ['4035414']
  Object.defineProperty(items, 1, { enumerable: true, get() { reads++; return reads === 1 ? '2002400' : '4035414' } })
  const out = paycodes.decodeMany(items)
  assert.equal(reads, 1)
  assert.equal(out[1].raw, '2002400')
  assert.equal(out[1].canonical, '2002400')
  const many = paycodes.decodeMany(Array(100000).fill('4035414'))
  assert.equal(many[0], many[99999])
  // A string is one code, not a batch of characters.
  throws(() => paycodes.decodeMany('4035414'), 'bad_type', TypeError)
})

test('a message that is not well-formed text is ignored, with a warning', () => {
  const d = paycodes.decode('4002501', { message: 'Invalid Field Format \ud800' })
  assert.deepStrictEqual([d.detail, d.warnings], [null, ['message_ignored']])
  throws(() => paycodes.decode('40\ud8005414'), 'invalid_utf8')
})

test('decodeResponse reads the transaction from the body, as the CLI does', () => {
  const body = {
    responseCode: '2005500', responseMessage: 'Successful', originalPartnerReferenceNo: 'X-1', serviceCode: '54',
    latestTransactionStatus: '06',
  }
  const text = JSON.stringify(body)
  const want = JSON.parse(execFileSync(CLI, ['response', '--json'], { input: text, encoding: 'utf8' }))
  for (const b of [body, text, Buffer.from(text), new Uint8Array(Buffer.from(text))]) {
    const r = paycodes.decodeResponse(b)
    assert.deepStrictEqual(snakeKeys(r), want)
    assert.equal(r.outcome, 'failed')
    assert.equal(r.decidedBy, 'transaction_status')
    assert.equal(r.code.outcome, 'success')
    assert.deepStrictEqual(r.references, [{ field: 'originalPartnerReferenceNo', value: 'X-1' }])
  }
  assert.deepStrictEqual(Object.keys(paycodes.decodeResponse(body)), interfaceKeys('DecodedResponse'))
  assert.deepStrictEqual(Object.keys(paycodes.decodeResponse(body).status), interfaceKeys('FieldReading'))
  for (const id of [paycodes.decodeResponse(body).decidedBy, 'no_body', 'ambiguous']) {
    assert.ok(unionMembers('Evidence').includes(id), id)
  }
})

test('decodeResponse: no response, proxies, hostile bodies and wrong arguments', () => {
  assert.equal(paycodes.decodeResponse(null, { operation: 'direct_debit' }).action, 'inquire_status')
  assert.equal(paycodes.decodeResponse(undefined, { operation: 'balance_inquiry' }).action, 'retry_later')
  const proxy = paycodes.decodeResponse('<html>502</html>', { httpStatus: 502, locale: 'id' })
  assert.deepStrictEqual([proxy.decidedBy, proxy.httpStatus, proxy.warnings], ['no_body', 502, ['body_not_json']])
  throws(() => paycodes.decodeResponse('['.repeat(100000)), 'body_too_deep')
  throws(() => paycodes.decodeResponse(2005400), 'bad_type', TypeError)
  throws(() => paycodes.decodeResponse({ big: 10n }), 'bad_type', TypeError)
  throws(() => paycodes.decodeResponse({}, { message: 'x' }), 'unknown_option')
  throws(() => paycodes.decodeResponse({}, { httpStatus: 70000 }), 'bad_http_status')
})

test('retryDecision takes a history array and answers with the rule that decided', () => {
  const history = [{ at: '2026-11-29T10:00:00+07:00', code: '51', customerPresent: true }]
  const r = paycodes.retryDecision('51', { network: 'visa', history, now: '2026-11-30T10:00:00+07:00' })
  assert.deepStrictEqual([r.decision, r.rule, r.attemptsLeft, r.notBefore], ['retry', 'visa.reattempt_limit_30d', 19, null])
  const want = JSON.parse(execFileSync(CLI, ['retry', '51', '--network', 'mastercard', '--mac', '24', '--now', '1796000000', '--json'], { encoding: 'utf8' }))
  assert.deepStrictEqual(snakeKeys(paycodes.retryDecision('51', { network: 'mastercard', mac: 24, now: 1796000000 })), want)
  assert.deepStrictEqual(Object.keys(paycodes.retryDecision('04', { network: 'visa' })), interfaceKeys('RetryDecision'))
  throws(() => paycodes.retryDecision('51', { network: 'visa', history: [{ code: '51' }] }), 'bad_history')
  throws(() => paycodes.retryDecision('51', { network: 'visa', history: [{ at: 1n, code: '51' }] }), 'bad_type', TypeError)
  throws(() => paycodes.retryDecision('51', {}), 'missing_argument')
})
