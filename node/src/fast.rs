//! The fast route index.js uses for `decode` and `decodeMany`: plain N-API callbacks.
//!
//! Measured here: napi-rs's generated wrapper costs 100-250 ns per call with arguments
//! (argument borrow tracking and conversions), more than decoding itself, and reading a
//! `Uint32Array` argument through N-API about 45 ns; a plain N-API callback receiving four
//! arguments costs about 25 ns. So these callbacks are registered by hand ([`register`]),
//! read their arguments with N-API calls directly, and write into record buffers that
//! index.js attached once ([`attach`]) instead of receiving them on every call. They write
//! the compact records of `record.rs` and never build JS objects. Everything else in the
//! binding is ordinary napi-rs.
//!
//! Each callback catches panics (a panic must not unwind into the engine) and reports errors
//! by throwing an `Error` (or `TypeError`) whose `code` is the stable id, through
//! `napi_throw_error`, which sets `code` itself.

use crate::record::{self, slot};
use napi::bindgen_prelude::JsObjectValue;
use napi::sys;
use paycodes::{Context, Error, Locale};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::ffi::{CString, c_char, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

/// A failed call: the error, for a batch the failing item's position, and whether it was a
/// panic caught at the boundary.
struct Failure {
    error: Error,
    index: Option<u32>,
    panicked: bool,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure { error, index: None, panicked: false }
    }
}

type Res<T> = Result<T, Failure>;

/// An N-API call that did not return `napi_ok`: only possible if index.js broke its own
/// contract (wrong argument shapes), so it is an internal error, never a crash.
fn check(status: sys::napi_status) -> Res<()> {
    if status == sys::Status::napi_ok { Ok(()) } else { Err(Error::Internal.into()) }
}

/// The record buffers index.js attached in one JS environment (main thread or a worker).
/// Owned by the environment: created by [`register`], freed by its cleanup hook.
struct Buffers {
    /// Per handle: a reference keeping the `Uint32Array` alive, its data and its length.
    slots: Vec<(sys::napi_ref, *mut u32, usize)>,
}

/// A JS string read as UTF-8: short ones into a stack buffer, long ones into the heap.
struct Utf8 {
    stack: [u8; 64],
    heap: Vec<u8>,
}

impl Utf8 {
    fn new() -> Self {
        Utf8 { stack: [0; 64], heap: Vec::new() }
    }

    /// Reads `value` if it is a string (`Ok(None)` when it is not).
    ///
    /// # Safety
    /// `env` and `value` come from the current callback.
    unsafe fn read(&mut self, env: sys::napi_env, value: sys::napi_value) -> Res<Option<&str>> {
        let mut len = 0usize;
        // SAFETY: the buffer is writable for its whole length; N-API writes at most len-1
        // bytes plus a NUL.
        let status = unsafe {
            sys::napi_get_value_string_utf8(env, value, self.stack.as_mut_ptr().cast(), self.stack.len(), &mut len)
        };
        if status == sys::Status::napi_string_expected {
            return Ok(None);
        }
        check(status)?;
        let mut on_heap = false;
        // N-API may stop early rather than split a character: near the end, ask for the size.
        if len + 4 >= self.stack.len() {
            let mut full = 0usize;
            // SAFETY: a null buffer asks for the length only.
            check(unsafe { sys::napi_get_value_string_utf8(env, value, ptr::null_mut(), 0, &mut full) })?;
            if full > len {
                self.heap.clear();
                self.heap.resize(full + 1, 0);
                // SAFETY: the heap buffer holds full + 1 bytes.
                check(unsafe {
                    sys::napi_get_value_string_utf8(env, value, self.heap.as_mut_ptr().cast(), full + 1, &mut len)
                })?;
                on_heap = true;
            }
        }
        let bytes = if on_heap { &self.heap[..len] } else { &self.stack[..len] };
        // V8 replaces lone surrogates, so this is valid UTF-8; checked all the same.
        std::str::from_utf8(bytes).map(Some).map_err(|e| Error::InvalidUtf8 { position: e.valid_up_to() }.into())
    }
}

/// # Safety
/// `env` and `value` come from the current callback.
unsafe fn type_of(env: sys::napi_env, value: sys::napi_value) -> Res<sys::napi_valuetype> {
    let mut t = 0;
    check(unsafe { sys::napi_typeof(env, value, &mut t) })?;
    Ok(t)
}

/// A code argument: its text (a string) or a number.
enum Code<'b> {
    Text(&'b str),
    Number(f64),
}

/// Reads a code: a string or a number, anything else is `bad_type`.
///
/// # Safety
/// `env` and `value` come from the current callback.
unsafe fn read_code<'b>(env: sys::napi_env, value: sys::napi_value, buf: &'b mut Utf8) -> Res<Code<'b>> {
    if let Some(s) = unsafe { buf.read(env, value)? } {
        return Ok(Code::Text(s));
    }
    let mut f = 0.0;
    match unsafe { sys::napi_get_value_double(env, value, &mut f) } {
        sys::Status::napi_ok => Ok(Code::Number(f)),
        _ => Err(Error::BadType.into()),
    }
}

/// Reads an optional message (undefined or null: none).
///
/// # Safety
/// `env` and `value` come from the current callback.
unsafe fn read_message(env: sys::napi_env, value: sys::napi_value, buf: &mut Utf8) -> Res<Option<&str>> {
    match unsafe { type_of(env, value)? } {
        sys::ValueType::napi_undefined | sys::ValueType::napi_null => Ok(None),
        sys::ValueType::napi_string => unsafe { buf.read(env, value) },
        _ => Err(Error::BadType.into()),
    }
}

/// # Safety
/// `env` and `value` come from the current callback.
unsafe fn read_u32(env: sys::napi_env, value: sys::napi_value) -> Res<u32> {
    let mut n = 0u32;
    check(unsafe { sys::napi_get_value_uint32(env, value, &mut n) })?;
    Ok(n)
}

/// The packed context argument.
///
/// # Safety
/// `env` and `value` come from the current callback.
unsafe fn read_context(env: sys::napi_env, value: sys::napi_value) -> Res<(Context, Locale)> {
    let n = unsafe { read_u32(env, value)? };
    crate::context::unpack(n).map_err(|_| Error::Internal.into())
}

/// The callback's arguments and the environment's buffers.
struct Call {
    argv: [sys::napi_value; 5],
    buffers: *mut Buffers,
}

/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn call(env: sys::napi_env, info: sys::napi_callback_info) -> Res<Call> {
    let mut argc = 5usize;
    let mut argv = [ptr::null_mut(); 5];
    let mut data = ptr::null_mut();
    check(unsafe { sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), &mut data) })?;
    // Missing arguments read as undefined, which the readers reject.
    if data.is_null() {
        return Err(Error::Internal.into());
    }
    Ok(Call { argv, buffers: data.cast() })
}

impl Call {
    /// The record buffer whose handle is argument 0.
    ///
    /// # Safety
    /// `env` comes from the current callback; the slice must not outlive it.
    unsafe fn records<'a>(&self, env: sys::napi_env) -> Res<&'a mut [u32]> {
        let handle = unsafe { read_u32(env, self.argv[0])? } as usize;
        // SAFETY: `buffers` is this environment's `Buffers` (the function data set by
        // `register`), alive until the environment's cleanup hook runs, after all JS.
        let buffers = unsafe { &*self.buffers };
        let &(_, data, len) = buffers.slots.get(handle).ok_or(Failure::from(Error::Internal))?;
        // SAFETY: the reference taken in `attach` keeps the Uint32Array alive, and its
        // backing store does not move (it is larger than any on-heap typed array). It is
        // index.js's private, non-shared buffer and the JS thread is blocked in this call, so
        // nothing else touches it while the slice lives (within this callback).
        Ok(unsafe { std::slice::from_raw_parts_mut(data, len) })
    }
}

fn decode_one<'a>(code: &Code<'a>, message: Option<&'a str>, ctx: &Context) -> Result<paycodes::Decoded<'a>, Error> {
    match *code {
        Code::Text(s) => paycodes::decode(s, message, ctx),
        Code::Number(f) => paycodes::decode_float(f, message, ctx),
    }
}

fn text_of<'a>(code: &Code<'a>) -> Option<&'a str> {
    match *code {
        Code::Text(s) => Some(s),
        Code::Number(_) => None,
    }
}

/// Writes one record, turning a writer error into `internal`.
fn write(
    d: &paycodes::Decoded<'_>,
    code: &Code<'_>,
    message: Option<&str>,
    locale: Locale,
    out: &mut [u32],
    extras: &mut Vec<String>,
) -> Res<()> {
    record::write(d, text_of(code), message, locale, out, extras).map_err(|_| Error::Internal.into())
}

/// The `extras` strings as a JS array, or undefined when there are none and no array is
/// required.
///
/// # Safety
/// `env` comes from the current callback.
unsafe fn extras_value(env: sys::napi_env, extras: &[String], always_array: bool) -> Res<sys::napi_value> {
    let mut out = ptr::null_mut();
    if extras.is_empty() && !always_array {
        check(unsafe { sys::napi_get_undefined(env, &mut out) })?;
        return Ok(out);
    }
    check(unsafe { sys::napi_create_array_with_length(env, extras.len(), &mut out) })?;
    for (i, s) in extras.iter().enumerate() {
        let mut v = ptr::null_mut();
        check(unsafe { sys::napi_create_string_utf8(env, s.as_ptr().cast(), s.len() as isize, &mut v) })?;
        check(unsafe { sys::napi_set_element(env, out, i as u32, v) })?;
    }
    Ok(out)
}

/// `_attach(buffer)`: keeps a `Uint32Array` of whole records for this environment and
/// returns its handle (each loaded copy of index.js attaches its own).
///
/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn attach(env: sys::napi_env, info: sys::napi_callback_info) -> Res<sys::napi_value> {
    let mut argc = 1usize;
    let mut argv = [ptr::null_mut(); 1];
    let mut data = ptr::null_mut();
    check(unsafe { sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), &mut data) })?;
    if argc < 1 || data.is_null() {
        return Err(Error::Internal.into());
    }
    let (mut kind, mut len, mut ptr_, mut buffer, mut offset) = (0, 0usize, ptr::null_mut(), ptr::null_mut(), 0usize);
    check(unsafe {
        sys::napi_get_typedarray_info(env, argv[0], &mut kind, &mut len, &mut ptr_, &mut buffer, &mut offset)
    })?;
    if kind != sys::TypedarrayType::uint32_array || len < slot::SIZE || ptr_.is_null() {
        return Err(Error::Internal.into());
    }
    let mut reference = ptr::null_mut();
    check(unsafe { sys::napi_create_reference(env, argv[0], 1, &mut reference) })?;
    // SAFETY: `data` is this environment's `Buffers` (see `register`); no other borrow of it
    // is live (callbacks run one at a time on the JS thread).
    let buffers = unsafe { &mut *data.cast::<Buffers>() };
    buffers.slots.push((reference, ptr_.cast(), len - len % slot::SIZE));
    let mut handle = ptr::null_mut();
    check(unsafe { sys::napi_create_uint32(env, buffers.slots.len() as u32 - 1, &mut handle) })?;
    Ok(handle)
}

/// `_decode(handle, code, message, ctx)`: writes record 0; returns the extras or undefined.
///
/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn decode(env: sys::napi_env, info: sys::napi_callback_info) -> Res<sys::napi_value> {
    let c = unsafe { call(env, info)? };
    let (mut code_buf, mut message_buf) = (Utf8::new(), Utf8::new());
    let code = unsafe { read_code(env, c.argv[1], &mut code_buf)? };
    let message = unsafe { read_message(env, c.argv[2], &mut message_buf)? };
    let (ctx, locale) = unsafe { read_context(env, c.argv[3])? };
    let out = unsafe { c.records(env)? };
    let d = decode_one(&code, message, &ctx)?;
    let mut extras = Vec::new();
    write(&d, &code, message, locale, out, &mut extras)?;
    unsafe { extras_value(env, &extras, false) }
}

/// The failure of batch item `i`: its position goes into slot 0 of the buffer (index.js sets
/// `err.index` from it) and into the message.
fn failed_item(out: &mut [u32], i: u32, mut f: Failure) -> Failure {
    out[0] = i;
    f.index = Some(i);
    f
}

/// `_decodeMany(handle, items, from, ctx)`: decodes `items[from..]` into as many records as
/// the buffer holds (or as remain); returns the extras array. Items are codes or
/// `[code, message]` pairs.
///
/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn decode_many(env: sys::napi_env, info: sys::napi_callback_info) -> Res<sys::napi_value> {
    let c = unsafe { call(env, info)? };
    let items = c.argv[1];
    let mut len = 0u32;
    check(unsafe { sys::napi_get_array_length(env, items, &mut len) })?;
    let from = unsafe { read_u32(env, c.argv[2])? };
    let (ctx, locale) = unsafe { read_context(env, c.argv[3])? };
    let out = unsafe { c.records(env)? };
    let count = (out.len() / slot::SIZE).min(len.saturating_sub(from) as usize);
    let (mut code_buf, mut message_buf) = (Utf8::new(), Utf8::new());
    let mut extras = Vec::new();
    for k in 0..count {
        let i = from + k as u32;
        let item = (|| -> Res<()> {
            let mut v = ptr::null_mut();
            check(unsafe { sys::napi_get_element(env, items, i, &mut v) })?;
            let (code_v, message_v) = match unsafe { type_of(env, v)? } {
                sys::ValueType::napi_object => {
                    let (mut pair, mut n) = (false, 0u32);
                    check(unsafe { sys::napi_is_array(env, v, &mut pair) })?;
                    if pair {
                        check(unsafe { sys::napi_get_array_length(env, v, &mut n) })?;
                    }
                    if !pair || n != 2 {
                        return Err(Error::BadType.into());
                    }
                    let (mut code, mut message) = (ptr::null_mut(), ptr::null_mut());
                    check(unsafe { sys::napi_get_element(env, v, 0, &mut code) })?;
                    check(unsafe { sys::napi_get_element(env, v, 1, &mut message) })?;
                    (code, Some(message))
                }
                _ => (v, None),
            };
            let code = unsafe { read_code(env, code_v, &mut code_buf)? };
            let message = match message_v {
                Some(m) => unsafe { read_message(env, m, &mut message_buf)? },
                None => None,
            };
            let d = decode_one(&code, message, &ctx)?;
            write(&d, &code, message, locale, &mut out[k * slot::SIZE..], &mut extras)
        })();
        item.map_err(|f| failed_item(out, i, f))?;
    }
    unsafe { extras_value(env, &extras, true) }
}

/// `_decodeJoined(handle, joined, from, ctx, count)`: the batch fast path for items that are
/// all strings: index.js joins `count` of them (at most as many as the buffer holds) with NUL,
/// so one string crosses the boundary instead of one per item. Returns the extras array, or
/// null without decoding anything when the pieces do not number `count` (an item contained a
/// NUL: index.js then uses `_decodeMany`). `from` numbers the items in error messages.
///
/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn decode_joined(env: sys::napi_env, info: sys::napi_callback_info) -> Res<sys::napi_value> {
    let c = unsafe { call(env, info)? };
    let mut joined_buf = Utf8::new();
    let joined = unsafe { joined_buf.read(env, c.argv[1])? }.ok_or(Failure::from(Error::Internal))?;
    let from = unsafe { read_u32(env, c.argv[2])? };
    let (ctx, locale) = unsafe { read_context(env, c.argv[3])? };
    let count = unsafe { read_u32(env, c.argv[4])? } as usize;
    let out = unsafe { c.records(env)? };
    if count > out.len() / slot::SIZE || joined.bytes().filter(|&b| b == 0).count() + 1 != count {
        let mut null = ptr::null_mut();
        check(unsafe { sys::napi_get_null(env, &mut null) })?;
        return Ok(null);
    }
    let mut extras = Vec::new();
    // Logs repeat a few codes: an item equal to an earlier one of the chunk gets a copy of
    // that record (an answer is a pure function of the code and the options).
    let mut seen: FxHashMap<&str, usize> = FxHashMap::with_capacity_and_hasher(count, FxBuildHasher);
    for (k, piece) in joined.split('\0').enumerate() {
        if let Some(&first) = seen.get(piece) {
            out.copy_within(first * slot::SIZE..(first + 1) * slot::SIZE, k * slot::SIZE);
            continue;
        }
        seen.insert(piece, k);
        let code = Code::Text(piece);
        let item = decode_one(&code, None, &ctx)
            .map_err(Failure::from)
            .and_then(|d| write(&d, &code, None, locale, &mut out[k * slot::SIZE..], &mut extras));
        item.map_err(|f| failed_item(out, from + k as u32, f))?;
    }
    unsafe { extras_value(env, &extras, true) }
}

/// Throws the JS error for a failure (nothing is thrown if an exception is already pending).
///
/// # Safety
/// `env` comes from the current callback.
unsafe fn throw(env: sys::napi_env, f: &Failure) {
    let mut pending = false;
    // SAFETY: plain status query.
    if unsafe { sys::napi_is_exception_pending(env, &mut pending) } != sys::Status::napi_ok || pending {
        return;
    }
    let kind = f.error.kind();
    let mut text = match f.index {
        Some(i) => format!("item {i}: {}", f.error),
        None => f.error.to_string(),
    };
    if f.panicked {
        text.push_str(" (paycodes panicked; the panic was caught at the boundary)");
    }
    let message = CString::new(text).unwrap_or_default();
    let code = kind.id_text().as_bytes_with_nul().as_ptr().cast::<c_char>();
    // SAFETY: both strings are NUL-terminated and outlive the call.
    unsafe {
        if crate::error::is_type_error(kind) {
            sys::napi_throw_type_error(env, code, message.as_ptr());
        } else {
            sys::napi_throw_error(env, code, message.as_ptr());
        }
    }
}

/// Runs a callback body: its value, or a thrown error (a panic becomes `internal`).
///
/// # Safety
/// `env` comes from the current callback.
unsafe fn run(env: sys::napi_env, body: impl FnOnce() -> Res<sys::napi_value>) -> sys::napi_value {
    let failure = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(v)) => return v,
        Ok(Err(f)) => f,
        Err(_) => Failure { error: Error::Internal, index: None, panicked: true },
    };
    unsafe { throw(env, &failure) };
    ptr::null_mut()
}

/// `_noopRaw(code)`: the benchmark's floor (node/bench): a plain N-API callback that reads
/// its argument list and returns undefined.
///
/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn noop(env: sys::napi_env, info: sys::napi_callback_info) -> Res<sys::napi_value> {
    let _ = unsafe { call(env, info)? };
    let mut out = ptr::null_mut();
    check(unsafe { sys::napi_get_undefined(env, &mut out) })?;
    Ok(out)
}

macro_rules! callback {
    ($name:ident, $body:ident) => {
        unsafe extern "C" fn $name(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
            // SAFETY: N-API passes a valid env and callback info.
            unsafe { run(env, || $body(env, info)) }
        }
    };
}

callback!(attach_cb, attach);
callback!(decode_cb, decode);
callback!(decode_many_cb, decode_many);
callback!(decode_joined_cb, decode_joined);
callback!(noop_cb, noop);

/// Frees an environment's `Buffers` when the environment goes away.
unsafe extern "C" fn free_buffers(arg: *mut c_void) {
    // SAFETY: `arg` is the `Box<Buffers>` leaked in `register`, freed exactly once here. The
    // references die with the environment; the arrays are not touched after this.
    drop(unsafe { Box::from_raw(arg.cast::<Buffers>()) });
}

/// Adds `_attach`, `_decode`, `_decodeMany`, `_decodeJoined` and `_noopRaw` to the module's
/// exports, sharing one `Buffers` for this environment.
pub fn register(env: &napi::Env, exports: &mut napi::bindgen_prelude::Object<'_>) -> napi::Result<()> {
    let buffers = Box::into_raw(Box::new(Buffers { slots: Vec::new() })).cast::<c_void>();
    // SAFETY: the hook frees the box once, at environment teardown.
    let status = unsafe { sys::napi_add_env_cleanup_hook(env.raw(), Some(free_buffers), buffers) };
    if status != sys::Status::napi_ok {
        // SAFETY: not registered anywhere: free it now.
        drop(unsafe { Box::from_raw(buffers.cast::<Buffers>()) });
        return Err(napi::Error::from_reason("cannot register the cleanup hook"));
    }
    let callbacks: [(&str, sys::napi_callback); 5] = [
        ("_attach", Some(attach_cb)),
        ("_decode", Some(decode_cb)),
        ("_decodeMany", Some(decode_many_cb)),
        ("_decodeJoined", Some(decode_joined_cb)),
        ("_noopRaw", Some(noop_cb)),
    ];
    for (name, cb) in callbacks {
        let mut f = ptr::null_mut();
        // SAFETY: the name is valid UTF-8 of the given length; the callback has the N-API
        // signature; `buffers` outlives every call (freed at teardown).
        let status = unsafe {
            sys::napi_create_function(env.raw(), name.as_ptr().cast(), name.len() as isize, cb, buffers, &mut f)
        };
        if status != sys::Status::napi_ok {
            return Err(napi::Error::from_reason(format!("cannot create {name}")));
        }
        // SAFETY: `f` is the function just created in this env.
        exports
            .set_named_property(name, unsafe { napi::bindgen_prelude::Unknown::from_raw_unchecked(env.raw(), f) })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_error_kind_has_a_nul_terminated_id() {
        for k in paycodes::ErrorKind::ALL {
            let b = k.id_text().as_bytes_with_nul();
            assert_eq!(b.last(), Some(&0));
            assert_eq!(&b[..b.len() - 1], k.id().as_bytes());
        }
    }
}
