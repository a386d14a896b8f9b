// ESM entry of paycodes: the same functions as the CommonJS entry (index.js), as named
// exports and as the default export. Types: index.d.ts.
import paycodes from './index.js'

export const {
  decode,
  decodeMany,
  buildSnap,
  customerMessage,
  isMasked,
  explain,
  tables,
  table,
  exportTable,
  version,
} = paycodes

export default paycodes
