//! The compact answer of the fast route, which index.js expands into a `Decoded` object.
//!
//! Building a 27-property object through N-API costs about 5 µs here (each property is an
//! engine call, each string a fresh copy), while an object literal in JS costs about 35 ns.
//! So the fast route writes numbers into a `Uint32Array` record: enum values as their stable
//! numbers, table text as ids into a list index.js fetches once per text ([`texts_from`]),
//! services likewise ([`services_from`]), two-character codes as their two bytes. The few
//! strings that are none of these (a canonical code that differs from the input, a detail
//! that is not a slice of the message) travel in an `extras` array. Slot names and flag bits
//! reach index.js through `_layout()`, so the two sides cannot disagree.

use crate::error::{Result, to_js};
use paycodes::{Decoded, Locale, Service};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::{Mutex, MutexGuard};

/// Slot indices of a record.
pub mod slot {
    /// Family number (bits 0-3) and the `flag` bits.
    pub const FLAGS: usize = 0;
    /// HTTP status (SNAP), 0 otherwise.
    pub const HTTP: usize = 1;
    /// With `flag::CANON_EXTRA`: index into extras; otherwise the canonical code is the input.
    pub const CANON: usize = 2;
    /// Detail: start (UTF-16 units into the message), or with `flag::DETAIL_EXTRA` the index
    /// into extras; `NONE` when there is no detail.
    pub const DETAIL_START: usize = 3;
    /// Detail: end (UTF-16 units into the message).
    pub const DETAIL_END: usize = 4;
    /// Service code (two ASCII characters) as `first << 8 | second`; `NONE` when not SNAP.
    pub const SERVICE_CODE: usize = 5;
    /// Case code, like the service code.
    pub const CASE_CODE: usize = 6;
    /// Text id of the message.
    pub const MESSAGE: usize = 7;
    /// Category number.
    pub const CATEGORY: usize = 8;
    /// Outcome number.
    pub const OUTCOME: usize = 9;
    /// Reason number.
    pub const REASON: usize = 10;
    /// Action number.
    pub const ACTION: usize = 11;
    /// Text id of the customer message.
    pub const CUSTOMER_MESSAGE: usize = 12;
    /// Text id of the merchant message.
    pub const MERCHANT_MESSAGE: usize = 13;
    /// Text id of the provider id.
    pub const PROVIDER: usize = 14;
    /// Text id of the source.
    pub const SOURCE: usize = 15;
    /// Text id of the operation id, or `NONE`.
    pub const OPERATION: usize = 16;
    /// Network number, 0 for none.
    pub const NETWORK: usize = 17;
    /// Card category number, 0 for none.
    pub const CARD_CATEGORY: usize = 18;
    /// Status kind number, 0 for none.
    pub const STATUS_KIND: usize = 19;
    /// Service id + 1, 0 for none.
    pub const SERVICE: usize = 20;
    /// How many text ids this thread has handed out: index.js fetches texts it lacks.
    pub const TEXTS_SEEN: usize = 21;
    /// How many service ids this thread has handed out.
    pub const SERVICES_SEEN: usize = 22;
    /// Number of network variants; `NONE` when the field is null (not a card code).
    pub const VARIANTS: usize = 23;
    /// First variant: network, message text id, category, reason, outcome, action.
    pub const VARIANT0: usize = 24;
    /// Slots per variant.
    pub const VARIANT_SIZE: usize = 6;
    /// Most variants a record holds (a card code has one reading per network).
    pub const MAX_VARIANTS: usize = 4;
    /// Slots per record.
    pub const SIZE: usize = VARIANT0 + VARIANT_SIZE * MAX_VARIANTS;
    /// "Absent" in a slot that otherwise holds an index.
    pub const NONE: u32 = u32::MAX;
}

/// Bits of `slot::FLAGS` above the family number.
pub mod flag {
    /// Mask of the family number.
    pub const FAMILY: u32 = 0xF;
    /// `known`.
    pub const KNOWN: u32 = 1 << 4;
    /// `template`.
    pub const TEMPLATE: u32 = 1 << 5;
    /// `masked`.
    pub const MASKED: u32 = 1 << 6;
    /// The canonical code is in extras.
    pub const CANON_EXTRA: u32 = 1 << 7;
    /// The detail is in extras.
    pub const DETAIL_EXTRA: u32 = 1 << 8;
}

/// Ids handed out for values of one kind (texts, services), keyed by address.
struct Pool<K, T> {
    ids: FxHashMap<K, u32>,
    items: Vec<T>,
}

impl<K: Eq + core::hash::Hash, T> Pool<K, T> {
    const fn new() -> Self {
        Pool { ids: FxHashMap::with_hasher(rustc_hash::FxBuildHasher), items: Vec::new() }
    }

    fn id(&mut self, key: K, item: T) -> u32 {
        *self.ids.entry(key).or_insert_with(|| {
            self.items.push(item);
            self.items.len() as u32 - 1
        })
    }
}

/// Process-wide ids: every JS environment (main thread, workers) sees the same id for the
/// same text, so any environment's index.js can fetch what it lacks at any time.
struct Global {
    texts: Pool<(usize, usize), &'static str>,
    services: Pool<usize, &'static Service>,
}

static GLOBAL: Mutex<Global> = Mutex::new(Global { texts: Pool::new(), services: Pool::new() });

fn global() -> MutexGuard<'static, Global> {
    // The data stays consistent even if a holder panicked (every update is a push + insert).
    GLOBAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn text_key(s: &'static str) -> (usize, usize) {
    (s.as_ptr() as usize, s.len())
}

/// The three texts that come with a table row, and their ids.
type RowTexts = [&'static str; 3];

/// A per-thread cache in front of [`GLOBAL`], so the hot path takes no lock once a text has
/// been seen on this thread: one hash lookup per record for the row's three texts, direct
/// indexing for texts that depend on an enum (customer message by reason and locale,
/// provider, operation).
#[derive(Default)]
struct Local {
    rows: FxHashMap<[(usize, usize); 3], [u32; 3]>,
    customer: Vec<u32>,
    providers: Vec<u32>,
    operations: Vec<u32>,
    texts: FxHashMap<(usize, usize), u32>,
    service_ids: FxHashMap<usize, u32>,
    texts_seen: u32,
    services_seen: u32,
}

thread_local! {
    static LOCAL: RefCell<Local> = RefCell::new(Local::default());
}

/// `slot[index]`, filled with `make()` on first use (`NONE` marks an empty slot).
fn cached(slots: &mut Vec<u32>, index: usize, make: impl FnOnce() -> u32) -> u32 {
    if index >= slots.len() {
        slots.resize(index + 1, slot::NONE);
    }
    if slots[index] == slot::NONE {
        slots[index] = make();
    }
    slots[index]
}

/// The id of `key` from a per-thread cache, asking the process-wide pool on a miss (and
/// raising `seen`, which tells index.js how far its copy of the pool must reach).
fn cached_id<K: Eq + core::hash::Hash + Copy>(
    local: &mut FxHashMap<K, u32>,
    seen: &mut u32,
    key: K,
    from_global: impl FnOnce(&mut Global) -> u32,
) -> u32 {
    if let Some(&id) = local.get(&key) {
        return id;
    }
    let id = from_global(&mut global());
    local.insert(key, id);
    *seen = (*seen).max(id + 1);
    id
}

impl Local {
    fn text(&mut self, s: &'static str) -> u32 {
        let key = text_key(s);
        cached_id(&mut self.texts, &mut self.texts_seen, key, |g| g.texts.id(key, s))
    }

    fn row(&mut self, texts: RowTexts) -> [u32; 3] {
        let key = texts.map(text_key);
        if let Some(&ids) = self.rows.get(&key) {
            return ids;
        }
        let ids = texts.map(|t| self.text(t));
        self.rows.insert(key, ids);
        ids
    }

    fn service(&mut self, s: &'static Service) -> u32 {
        let key = s as *const Service as usize;
        cached_id(&mut self.service_ids, &mut self.services_seen, key, |g| g.services.id(key, s))
    }
}

/// Texts with ids `from..`, for index.js to append to its list.
pub fn texts_from(from: u32) -> Vec<&'static str> {
    global().texts.items.get(from as usize..).map(<[_]>::to_vec).unwrap_or_default()
}

/// Services with ids `from..`.
pub fn services_from(from: u32) -> Vec<&'static Service> {
    global().services.items.get(from as usize..).map(<[_]>::to_vec).unwrap_or_default()
}

/// Length in UTF-16 units of a string (what a JS index counts).
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().map(char::len_utf16).sum() }
}

/// Where `part` sits in `whole`, as UTF-16 offsets, if it is a slice of it.
fn utf16_range(whole: &str, part: &str) -> Option<(u32, u32)> {
    let (start, base) = (part.as_ptr() as usize, whole.as_ptr() as usize);
    if start < base || start + part.len() > base + whole.len() {
        return None;
    }
    let a = utf16_len(&whole[..start - base]);
    let b = a + utf16_len(part);
    Some((u32::try_from(a).ok()?, u32::try_from(b).ok()?))
}

/// A two-character code (ASCII) as `first << 8 | second`.
fn pair(code: Option<[u8; 2]>) -> u32 {
    code.map_or(slot::NONE, |[a, b]| (u32::from(a) << 8) | u32::from(b))
}

/// Writes the record of `d` into `out` (at least `slot::SIZE` long). `input` is the code as
/// JS gave it when it was a string, `message` the message; strings index.js cannot rebuild
/// from them go to `extras`.
pub fn write(
    d: &Decoded<'_>,
    input: Option<&str>,
    message: Option<&str>,
    locale: Locale,
    out: &mut [u32],
    extras: &mut Vec<String>,
) -> Result<()> {
    use slot::*;
    let out = out.get_mut(..SIZE).ok_or_else(|| to_js(paycodes::Error::Internal))?;
    let mut flags = u32::from(d.family().number());
    if d.known() {
        flags |= flag::KNOWN;
    }
    if d.is_template() {
        flags |= flag::TEMPLATE;
    }
    if input.map(str::as_bytes) == Some(d.canonical_bytes()) {
        out[CANON] = NONE;
    } else {
        flags |= flag::CANON_EXTRA;
        out[CANON] = extras.len() as u32;
        extras.push(d.canonical().to_owned());
    }
    let (mut detail_start, mut detail_end) = (NONE, NONE);
    if let Some(detail) = d.detail() {
        match message.and_then(|m| utf16_range(m, detail)) {
            Some((a, b)) => (detail_start, detail_end) = (a, b),
            None => {
                flags |= flag::DETAIL_EXTRA;
                detail_start = extras.len() as u32;
                extras.push(detail.to_owned());
            }
        }
    }
    out[DETAIL_START] = detail_start;
    out[DETAIL_END] = detail_end;
    out[SERVICE_CODE] = pair(d.service_code_bytes());
    out[CASE_CODE] = pair(d.case_code_bytes());
    out[HTTP] = d.http_status().map_or(0, u32::from);
    out[CATEGORY] = d.category().number().into();
    out[OUTCOME] = d.outcome().number().into();
    let reason = d.reason();
    out[REASON] = reason.number().into();
    out[ACTION] = d.action().number().into();
    out[NETWORK] = d.network().map_or(0, |n| n.number().into());
    out[CARD_CATEGORY] = d.card_category().map_or(0, |c| c.number().into());
    out[STATUS_KIND] = d.status_kind().map_or(0, |k| k.number().into());
    let customer = d.customer_message(locale);
    if customer.masked {
        flags |= flag::MASKED;
    }
    out[FLAGS] = flags;
    LOCAL.with_borrow_mut(|local| -> Result<()> {
        let [message_id, merchant_id, source_id] =
            local.row([d.message().as_str(), d.merchant_message().as_str(), d.source().as_str()]);
        out[MESSAGE] = message_id;
        out[MERCHANT_MESSAGE] = merchant_id;
        out[SOURCE] = source_id;
        let customer_index = usize::from(reason.number()) * 4 + usize::from(locale.number());
        let mut customer_ids = std::mem::take(&mut local.customer);
        out[CUSTOMER_MESSAGE] = cached(&mut customer_ids, customer_index, || local.text(customer.text.as_str()));
        local.customer = customer_ids;
        let provider = d.provider();
        let provider_index = paycodes::providers().iter().position(|p| core::ptr::eq(p, provider)).unwrap_or(0);
        let mut provider_ids = std::mem::take(&mut local.providers);
        out[PROVIDER] = cached(&mut provider_ids, provider_index, || local.text(provider.id()));
        local.providers = provider_ids;
        out[OPERATION] = match d.operation() {
            None => NONE,
            Some(op) => {
                let index = paycodes::operations().iter().position(|o| core::ptr::eq(o, op)).unwrap_or(0);
                let mut operation_ids = std::mem::take(&mut local.operations);
                let id = cached(&mut operation_ids, index, || local.text(op.id()));
                local.operations = operation_ids;
                id
            }
        };
        out[SERVICE] = d.service().map_or(0, |s| local.service(s) + 1);
        if d.family() == paycodes::Family::Iso8583 {
            let mut n = 0;
            for v in d.network_variants() {
                let at = VARIANT0 + VARIANT_SIZE * n;
                let cell = out.get_mut(at..at + VARIANT_SIZE).ok_or_else(|| to_js(paycodes::Error::Internal))?;
                cell.copy_from_slice(&[
                    v.network.number().into(),
                    local.text(v.message.as_str()),
                    v.category.number().into(),
                    v.reason.number().into(),
                    v.outcome.number().into(),
                    v.action.number().into(),
                ]);
                n += 1;
            }
            out[VARIANTS] = n as u32;
        } else {
            out[VARIANTS] = NONE;
        }
        out[TEXTS_SEEN] = local.texts_seen;
        out[SERVICES_SEEN] = local.services_seen;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units() {
        let m = "Invalid Field Format é😀 amount";
        let detail = &m[m.find("amount").unwrap()..];
        // "é" is one UTF-16 unit, "😀" two.
        let start = "Invalid Field Format é😀 ".encode_utf16().count() as u32;
        assert_eq!(utf16_range(m, detail), Some((start, start + 6)));
        assert_eq!(utf16_range(m, "amount"), None, "a copy elsewhere is not a slice");
    }

    #[test]
    fn a_text_gets_one_id_on_every_thread() {
        const T: &str = "a text only this test interns";
        let here = LOCAL.with_borrow_mut(|l| l.text(T));
        let there = std::thread::spawn(|| LOCAL.with_borrow_mut(|l| (l.text(T), l.texts_seen))).join().unwrap();
        assert_eq!(there.0, here);
        assert!(there.1 > here, "the other thread knows how far its list must reach");
        assert_eq!(texts_from(here).first(), Some(&T));
        assert_eq!(LOCAL.with_borrow_mut(|l| l.text(T)), here, "cached");
    }

    #[test]
    fn two_character_codes_pack_into_one_slot() {
        assert_eq!(pair(Some(*b"54")), (u32::from(b'5') << 8) | u32::from(b'4'));
        assert_eq!(pair(Some(*b"US")), (u32::from(b'U') << 8) | u32::from(b'S'));
        assert_eq!(pair(None), slot::NONE);
    }

    #[test]
    fn records_fit_every_card_code_variant_list() {
        for code in paycodes::export::table(paycodes::export::TableName::Iso8583, paycodes::Provider::standard()).rows {
            let paycodes::export::Cell::Text(c) = &code[0] else { continue };
            if let Ok(d) = paycodes::decode(c, None, &paycodes::Context::new()) {
                assert!(d.network_variants().count() <= slot::MAX_VARIANTS, "{c}");
            }
        }
    }
}
