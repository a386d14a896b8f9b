//! Answers as records of numbers, which index.js reads back into plain objects.
//!
//! Building a 28-property object through N-API costs about 5 µs here (each property is an
//! engine call, each string a fresh copy), while an object literal in JS costs tens of
//! nanoseconds. So the fast route writes numbers into a `Float64Array`: enum values as their
//! stable numbers, table text as ids into a list index.js fetches once per text, static
//! objects (services) likewise, strings of the caller's input as ranges of it. The layout is
//! generated (generated.rs here, generated.js there) from the core's answer schemas.

use paycodes::fields::{List, Obj, Value};
use rustc_hash::FxHashMap;
use std::sync::{Mutex, MutexGuard};

/// String kinds of a 3-slot string (see xtask/src/codegen/node.rs).
const NULL: f64 = 0.0;
const IN_CODE: f64 = 1.0;
const IN_MESSAGE: f64 = 2.0;
const TEXT: f64 = 3.0;
const EXTRA: f64 = 4.0;

/// Ids handed out for static texts and static objects, process-wide: every JS environment
/// (main thread, workers) sees the same id for the same text, so any environment can fetch
/// what it lacks at any time.
#[derive(Default)]
pub struct Pool {
    text_ids: FxHashMap<(usize, usize), u32>,
    pub texts: Vec<&'static str>,
    object_ids: FxHashMap<usize, u32>,
    pub objects: Vec<Obj<'static>>,
}

static POOL: Mutex<Option<Pool>> = Mutex::new(None);

/// The process-wide pool (created on first use).
pub fn pool() -> PoolGuard {
    PoolGuard(POOL.lock().unwrap_or_else(|p| p.into_inner()))
}

/// A locked pool.
pub struct PoolGuard(MutexGuard<'static, Option<Pool>>);

impl PoolGuard {
    pub fn get(&mut self) -> &mut Pool {
        self.0.get_or_insert_with(Pool::default)
    }
}

/// Writes values into a record.
pub struct Writer<'a> {
    pub r: &'a mut [f64],
    /// The code as the caller gave it (text), for slices of it.
    pub code: Option<&'a str>,
    /// The message the caller gave, for slices of it (the detail).
    pub message: Option<&'a str>,
    /// Strings that are none of the above.
    pub extras: &'a mut Vec<String>,
    pub pool: &'a mut Pool,
}

/// UTF-16 length of a string (JS string offsets).
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.encode_utf16().count() }
}

/// The UTF-16 range of `part` inside `whole`, when `part` is a slice of it.
fn slice_of(part: &str, whole: &str) -> Option<(usize, usize)> {
    let (p, w) = (part.as_ptr() as usize, whole.as_ptr() as usize);
    if p >= w && p + part.len() <= w + whole.len() {
        let start = utf16_len(&whole[..p - w]);
        return Some((start, start + utf16_len(part)));
    }
    None
}

/// Where `part` first occurs in `whole`. Both are a few bytes (a code and part of it), where
/// a plain scan beats `str::find`'s setup. A match starts on a character boundary: `part`
/// is UTF-8, so its first byte is never a continuation byte.
fn find(whole: &str, part: &str) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    whole.as_bytes().windows(part.len()).position(|w| w == part.as_bytes())
}

impl Writer<'_> {
    fn set(&mut self, at: usize, v: f64) {
        if let Some(slot) = self.r.get_mut(at) {
            *slot = v;
        }
    }

    pub fn bool(&mut self, at: usize, v: Value<'_>) {
        self.set(at, if matches!(v, Value::Bool(true)) { 1.0 } else { 0.0 });
    }

    /// A number or an enum's number; NaN for null.
    pub fn number(&mut self, at: usize, v: Value<'_>) {
        let n = match v {
            Value::Int(n) => n as f64,
            Value::Float(x) => x,
            Value::Enum(_, n) => f64::from(n),
            _ => f64::NAN,
        };
        self.set(at, n);
    }

    /// Whether an optional inline object is there (the generated writers use it for such
    /// fields; no answer has one at the moment).
    #[allow(dead_code)]
    pub fn present(&mut self, at: usize, yes: bool) {
        self.set(at, if yes { 1.0 } else { 0.0 });
    }

    pub fn str(&mut self, at: usize, v: Value<'_>) {
        let (kind, a, b) = match v {
            Value::Null => (NULL, 0, 0),
            Value::Text(t) => (TEXT, self.text(t.as_str()) as usize, 0),
            Value::Enum(ty, n) => match ty.id_of(n) {
                Some(t) => (TEXT, self.text(t.as_str()) as usize, 0),
                None => (NULL, 0, 0),
            },
            Value::Str(s) => {
                if let Some((a, b)) = self.message.and_then(|m| slice_of(s, m)) {
                    (IN_MESSAGE, a, b)
                } else if let Some((a, b)) = self.code.and_then(|c| slice_of(s, c)) {
                    (IN_CODE, a, b)
                } else if self.code == Some(s) {
                    // The canonical code equal to the input (the usual case): no search.
                    (IN_CODE, 0, utf16_len(s))
                } else if let Some(at) = self.code.and_then(|c| find(c, s)) {
                    // The same text as part of the code (a canonical code equal to the input).
                    let code = self.code.unwrap_or("");
                    let start = utf16_len(&code[..at]);
                    (IN_CODE, start, start + utf16_len(s))
                } else {
                    self.extras.push(s.to_owned());
                    (EXTRA, self.extras.len() - 1, 0)
                }
            }
            _ => (NULL, 0, 0),
        };
        self.set(at, kind);
        self.set(at + 1, a as f64);
        self.set(at + 2, b as f64);
    }

    /// A static object (a service row) as its pool id; NaN for null.
    pub fn pooled(&mut self, at: usize, v: Value<'_>) {
        let id = match v {
            Value::Object(Obj::Service(s)) => {
                let pool = &mut *self.pool;
                let key = std::ptr::from_ref(s) as usize;
                let next = pool.objects.len() as u32;
                let id = *pool.object_ids.entry(key).or_insert(next);
                if id == next {
                    pool.objects.push(Obj::Service(s));
                }
                f64::from(id)
            }
            _ => f64::NAN,
        };
        self.set(at, id);
    }

    /// A list's length (NaN for null); the list, to write its items.
    pub fn list<'v>(&mut self, at: usize, v: Value<'v>) -> Option<List<'v>> {
        match v {
            Value::List(l) => {
                self.set(at, l.len().min(paycodes::fields::MAX_LIST_ITEMS) as f64);
                Some(l)
            }
            _ => {
                self.set(at, f64::NAN);
                None
            }
        }
    }

    fn text(&mut self, t: &'static str) -> u32 {
        let pool = &mut *self.pool;
        let next = pool.texts.len() as u32;
        let id = *pool.text_ids.entry((t.as_ptr() as usize, t.len())).or_insert(next);
        if id == next {
            pool.texts.push(t);
        }
        id
    }
}
