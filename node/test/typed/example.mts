// A typed use of the package through its ESM entry. `tsc --noEmit` must accept this file
// (test/types.test.js); the @ts-expect-error lines must stay errors.
import { decode, decodeMany, buildSnap, customerMessage, exportTable } from 'paycodes'
import type { Decoded, Outcome, Reason, DecodeOptions, Built, ErrorCode } from 'paycodes'

const options: DecodeOptions = { provider: 'doku', message: 'Insufficient Funds', locale: 'id' }
const d: Decoded = decode('4035414', options)

function mayRetry(outcome: Outcome): boolean {
  switch (outcome) {
    case 'failed':
      return true
    case 'success':
    case 'pending':
    case 'unknown':
      return false
  }
}

const retry: boolean = mayRetry(d.outcome) && d.action === 'retry_later'
const reason: Reason = d.reason
const text: string = customerMessage(reason, { locale: 'id' })
const http: number | null = d.httpStatus
const movesMoney: boolean | undefined = d.service?.movesMoney
const variants = decode('70').networkVariants ?? []
const networks: string[] = variants.map((v) => v.network)
const many: Decoded[] = decodeMany(['4035414', 2002400, ['4002501', 'Invalid Field Format amount']])
const built: Built = buildSnap('24', { reason: 'bill_paid' })
const csv: string = exportTable('reasons', { format: 'csv' })
const code: ErrorCode = 'bad_length'

// @ts-expect-error: 'refunded' is not an outcome
const wrong: Outcome = 'refunded'
// @ts-expect-error: the code must be a string or a number
decode(true)
// @ts-expect-error: unknown option
decode('4035414', { provder: 'doku' })
// @ts-expect-error: formats are json, csv and md
exportTable('reasons', { format: 'xml' })

export { retry, text, http, movesMoney, networks, many, built, csv, code, wrong }
