// The same package through its CommonJS entry, typed.
import paycodes = require('paycodes')

const d: paycodes.Decoded = paycodes.decode(2002400)
const outcome: paycodes.Outcome = d.outcome
const many = paycodes.decodeMany(['51', '05'], { network: 'visa' })
const reasons: paycodes.Reason[] = many.map((m) => m.reason)

export = { outcome, reasons }
