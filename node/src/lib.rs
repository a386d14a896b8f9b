//! Node bindings of paycodes: plain N-API callbacks that convert and call the core's
//! contract (`paycodes::api`); index.js is the public face.
//!
//! Measured here: napi-rs's generated wrappers cost 100-250 ns per call with arguments, more
//! than a decode, and building an answer object through N-API about 5 µs. So the functions
//! are registered by hand (`register`), read their arguments with N-API directly, and the hot
//! ones (`_decode`, `_decodeMany`) write answers as records of numbers (record.rs, laid out
//! by generated.rs) that index.js turns into plain objects with generated readers. Every
//! callback catches panics and throws errors whose `code` is the stable id (js.rs).

mod generated;
mod js;
mod record;

use js::{Failure, Owned, Res, check};
use napi::bindgen_prelude::JsObjectValue;
use napi::sys;
use paycodes::api::{self, Args, Call, Input};
use paycodes::fields::Obj;
use paycodes::{Context, Error};
use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;
use std::sync::Mutex;

/// Slots before each record in the buffer of `_decode`: how many texts and objects the pool
/// holds (index.js fetches those it lacks).
const HEADER: usize = 2;

/// Every decode context index.js asked for, process-wide (few: one per distinct set of
/// option values).
static CONTEXTS: Mutex<Vec<Context>> = Mutex::new(Vec::new());

/// The record buffers index.js attached in one JS environment (main thread or a worker),
/// owned by the environment: created by `register`, freed by its cleanup hook.
struct Buffers {
    slots: Vec<(sys::napi_ref, *mut f64, usize)>,
}

/// The callback's arguments and its environment's buffers.
struct Cb {
    env: sys::napi_env,
    argv: [sys::napi_value; 4],
    buffers: *mut Buffers,
}

/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn args_of(env: sys::napi_env, info: sys::napi_callback_info) -> Res<Cb> {
    let mut argc = 4usize;
    let mut argv = [ptr::null_mut(); 4];
    let mut data = ptr::null_mut();
    check(unsafe { sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), &mut data) })?;
    // Missing arguments read as undefined.
    for v in argv.iter_mut().skip(argc) {
        check(unsafe { sys::napi_get_undefined(env, v) })?;
    }
    Ok(Cb { env, argv, buffers: data.cast() })
}

impl Cb {
    /// Argument `i` as the core's input.
    fn read(&self, i: usize) -> Res<Owned> {
        // SAFETY: `env` and the argument come from the current callback.
        unsafe { js::read(self.env, self.argv[i]) }
    }

    /// Argument `i` as keyword options of `call`.
    fn options(&self, i: usize) -> Res<Vec<(String, Owned)>> {
        // SAFETY: as above.
        unsafe { js::read_options(self.env, self.argv[i]) }
    }

    fn u32(&self, i: usize) -> Res<u32> {
        let mut n = 0u32;
        // SAFETY: as above.
        check(unsafe { sys::napi_get_value_uint32(self.env, self.argv[i], &mut n) })?;
        Ok(n)
    }

    /// The record buffer whose handle is argument `i`.
    ///
    /// # Safety
    /// The slice must not outlive the callback.
    unsafe fn buffer<'a>(&self, i: usize) -> Res<&'a mut [f64]> {
        let handle = self.u32(i)? as usize;
        if self.buffers.is_null() {
            return Err(Error::Internal.into());
        }
        // SAFETY: `buffers` is this environment's (the function data set by `register`),
        // alive until its cleanup hook runs, after all JS.
        let buffers = unsafe { &*self.buffers };
        let &(_, data, len) = buffers.slots.get(handle).ok_or(Failure::from(Error::Internal))?;
        // SAFETY: the reference taken in `_attach` keeps the Float64Array alive and its
        // backing store does not move; it is index.js's private buffer and the JS thread is
        // blocked in this call, so nothing else touches it while the slice lives.
        Ok(unsafe { std::slice::from_raw_parts_mut(data, len) })
    }
}

/// Keyword options as the core's `Args` (a key the call does not take: `unknown_option`).
fn call_args<'a>(call: Call, options: &'a [(String, Owned)]) -> Res<Args<'a>> {
    let mut args = Args::new(call);
    for (k, v) in options {
        args.set(k, v.input())?;
    }
    Ok(args)
}

fn context(id: u32) -> Res<Context> {
    let contexts = CONTEXTS.lock().unwrap_or_else(|p| p.into_inner());
    contexts.get(id as usize).copied().ok_or_else(|| Error::Internal.into())
}

/// `_attach(Float64Array)`: keeps a record buffer for this environment, returns its handle.
fn attach(c: &Cb) -> Res<sys::napi_value> {
    let (mut kind, mut len, mut data, mut buffer, mut offset) = (0, 0usize, ptr::null_mut(), ptr::null_mut(), 0usize);
    // SAFETY: plain N-API calls on this callback's values.
    unsafe {
        check(sys::napi_get_typedarray_info(
            c.env,
            c.argv[0],
            &mut kind,
            &mut len,
            &mut data,
            &mut buffer,
            &mut offset,
        ))?;
        if kind != sys::TypedarrayType::float64_array || len < HEADER + generated::DECODED_SLOTS || c.buffers.is_null()
        {
            return Err(Error::Internal.into());
        }
        let mut reference = ptr::null_mut();
        check(sys::napi_create_reference(c.env, c.argv[0], 1, &mut reference))?;
        let buffers = &mut *c.buffers;
        buffers.slots.push((reference, data.cast(), len));
        js::number(c.env, (buffers.slots.len() - 1) as f64)
    }
}

/// `_context(options, many)`: the id of the decode context of an options object (`message`
/// is read by `_decode` itself; with `many`, the options of `decodeMany`).
fn make_context(c: &Cb) -> Res<sys::napi_value> {
    let options = c.options(0)?;
    let mut many = false;
    // SAFETY: plain N-API call on this callback's value.
    check(unsafe { sys::napi_get_value_bool(c.env, c.argv[1], &mut many) })?;
    let call = if many { Call::DecodeMany } else { Call::Decode };
    let ctx = call_args(call, &options)?.context()?;
    let mut contexts = CONTEXTS.lock().unwrap_or_else(|p| p.into_inner());
    let id = match contexts.iter().position(|x| *x == ctx) {
        Some(i) => i,
        None => {
            contexts.push(ctx);
            contexts.len() - 1
        }
    };
    // SAFETY: as above.
    unsafe { js::number(c.env, id as f64) }
}

/// Writes the pool sizes and a record; returns the extra strings, if any.
fn write_record(
    out: &mut [f64],
    d: &paycodes::Decoded<'_>,
    code: Option<&str>,
    message: Option<&str>,
    extras: &mut Vec<String>,
) {
    let mut guard = record::pool();
    let pool = guard.get();
    {
        let mut w = record::Writer { r: &mut out[HEADER..], code, message, extras, pool };
        generated::write_decoded(&mut w, &Obj::Decoded(d), 0);
    }
    out[0] = pool.texts.len() as f64;
    out[1] = pool.objects.len() as f64;
}

/// The extras as a JS array, or undefined when there are none.
fn extras_value(env: sys::napi_env, extras: &[String]) -> Res<sys::napi_value> {
    if extras.is_empty() {
        let mut v = ptr::null_mut();
        // SAFETY: plain N-API call.
        check(unsafe { sys::napi_get_undefined(env, &mut v) })?;
        return Ok(v);
    }
    // SAFETY: plain N-API calls.
    let items = extras.iter().map(|s| unsafe { js::string(env, s) }).collect::<Res<Vec<_>>>()?;
    // SAFETY: as above.
    unsafe { js::array(env, &items) }
}

fn text_of(o: &Owned) -> Option<&str> {
    match o {
        Owned::Str(s) => Some(s),
        _ => None,
    }
}

/// `_decode(handle, code, message, ctx)`: writes the answer at the start of the buffer;
/// returns the extra strings or undefined.
fn decode(c: &Cb) -> Res<sys::napi_value> {
    let code = c.read(1)?;
    let message = c.read(2)?;
    let ctx = context(c.u32(3)?)?;
    let d = api::decode_input(&code.input(), &message.input(), &ctx)?;
    // SAFETY: the slice lives only in this callback.
    let out = unsafe { c.buffer(0)? };
    let mut extras = Vec::new();
    write_record(out, &d, text_of(&code), text_of(&message), &mut extras);
    extras_value(c.env, &extras)
}

/// `_decodeMany(handle, items, ctx)`: decodes a plain array of codes or `[code, message]`
/// pairs (each element read once) into the buffer of `handle`, one record (after its header)
/// per item, as many as it holds; returns the extra strings or undefined. The buffer is
/// index.js's, reused by every call: a fresh array buffer per call cost more in page faults
/// (the kernel zeroing megabytes) than the decoding.
fn decode_many(c: &Cb) -> Res<sys::napi_value> {
    let items = c.argv[1];
    let ctx = context(c.u32(2)?)?;
    let mut len = 0u32;
    // SAFETY: plain N-API calls on this callback's values.
    check(unsafe { sys::napi_get_array_length(c.env, items, &mut len) })?;
    let mut owned: Vec<(Owned, Owned)> = Vec::with_capacity(len as usize);
    for i in 0..len {
        let mut v = ptr::null_mut();
        // SAFETY: as above.
        check(unsafe { sys::napi_get_element(c.env, items, i, &mut v) })?;
        let mut pair = false;
        // SAFETY: as above.
        check(unsafe { sys::napi_is_array(c.env, v, &mut pair) })?;
        let mut n = 0u32;
        if pair {
            // SAFETY: as above.
            check(unsafe { sys::napi_get_array_length(c.env, v, &mut n) })?;
        }
        if pair && n == 2 {
            let (mut a, mut b) = (ptr::null_mut(), ptr::null_mut());
            // SAFETY: as above.
            unsafe {
                check(sys::napi_get_element(c.env, v, 0, &mut a))?;
                check(sys::napi_get_element(c.env, v, 1, &mut b))?;
                owned.push((js::read(c.env, a)?, js::read(c.env, b)?));
            }
        } else {
            // SAFETY: as above.
            owned.push((unsafe { js::read(c.env, v)? }, Owned::Null));
        }
    }
    let inputs: Vec<(Input<'_>, Input<'_>)> = owned.iter().map(|(a, b)| (a.input(), b.input())).collect();
    let mut results = Vec::with_capacity(inputs.len());
    for (i, (code, message)) in inputs.iter().enumerate() {
        match api::decode_input(code, message, &ctx) {
            Ok(d) => results.push(d),
            Err(error) => return Err(Failure { error, index: Some(i), panicked: false }),
        }
    }
    let size = HEADER + generated::DECODED_SLOTS;
    // SAFETY: the slice lives only in this callback (every item was read above, so no JS
    // that could reach the buffer runs while it is written).
    let out = unsafe { c.buffer(0)? };
    if results.len() * size > out.len() {
        // index.js sends at most as many items as its buffer holds records.
        return Err(Error::Internal.into());
    }
    let mut extras = Vec::new();
    for (k, d) in results.iter().enumerate() {
        let (code, message) = &owned[k];
        write_record(&mut out[k * size..(k + 1) * size], d, text_of(code), text_of(message), &mut extras);
    }
    extras_value(c.env, &extras)
}

/// `_texts(from)`: the pooled texts from index `from` on.
fn texts(c: &Cb) -> Res<sys::napi_value> {
    let from = c.u32(0)? as usize;
    let texts: Vec<&'static str> = record::pool().get().texts.get(from..).unwrap_or(&[]).to_vec();
    // SAFETY: plain N-API calls.
    let items = texts.iter().map(|t| unsafe { js::string(c.env, t) }).collect::<Res<Vec<_>>>()?;
    // SAFETY: as above.
    unsafe { js::array(c.env, &items) }
}

/// `_object(id)`: a pooled static object (a service), as a plain object.
fn object(c: &Cb) -> Res<sys::napi_value> {
    let id = c.u32(0)? as usize;
    let obj = record::pool().get().objects.get(id).copied().ok_or(Failure::from(Error::Internal))?;
    // SAFETY: plain N-API calls.
    unsafe { js::object(c.env, &obj) }
}

/// `_decodeResponse(body, options)`: a whole body (a string, a Buffer or Uint8Array, or
/// null/undefined for no response) as a plain object.
fn decode_response(c: &Cb) -> Res<sys::napi_value> {
    let options = c.options(1)?;
    let args = call_args(Call::DecodeResponse, &options)?;
    // SAFETY: plain N-API calls on this callback's value; the bytes are read in this call.
    let bytes = unsafe { js::bytes_of(c.env, c.argv[0])? };
    let r = match bytes {
        Some(b) => api::decode_response(&Input::Bytes(b), &args)?,
        None => api::decode_response(&c.read(0)?.input(), &args)?,
    };
    // SAFETY: plain N-API calls.
    unsafe { js::object(c.env, &Obj::Response(&r)) }
}

/// `_retryDecision(code, options)`: whether a declined card transaction may be tried again.
fn retry_decision(c: &Cb) -> Res<sys::napi_value> {
    let (code, options) = (c.read(0)?, c.options(1)?);
    let r = api::retry_decision(&code.input(), &call_args(Call::RetryDecision, &options)?)?;
    // SAFETY: plain N-API calls.
    unsafe { js::object(c.env, &Obj::Retry(&r)) }
}

fn explain(c: &Cb) -> Res<sys::napi_value> {
    let (code, options) = (c.read(0)?, c.options(1)?);
    let text = api::explain(&code.input(), &call_args(Call::Explain, &options)?)?;
    // SAFETY: plain N-API call.
    unsafe { js::string(c.env, &text) }
}

fn build_snap(c: &Cb) -> Res<sys::napi_value> {
    let (service, options) = (c.read(0)?, c.options(1)?);
    let b = api::build_snap(&service.input(), &call_args(Call::BuildSnap, &options)?)?;
    // SAFETY: plain N-API calls.
    unsafe { js::object(c.env, &Obj::Built(&b)) }
}

fn customer_message(c: &Cb) -> Res<sys::napi_value> {
    let (reason, options) = (c.read(0)?, c.options(1)?);
    let m = api::customer_message(&reason.input(), &call_args(Call::CustomerMessage, &options)?)?;
    // SAFETY: plain N-API call.
    unsafe { js::string(c.env, m.text.as_str()) }
}

fn is_masked(c: &Cb) -> Res<sys::napi_value> {
    let reason = api::reason(&c.read(0)?.input())?;
    // SAFETY: plain N-API call.
    unsafe { js::boolean(c.env, reason.row().masked()) }
}

fn tables(c: &Cb) -> Res<sys::napi_value> {
    // SAFETY: plain N-API calls.
    let items =
        paycodes::TableName::ALL.iter().map(|t| unsafe { js::string(c.env, t.id()) }).collect::<Res<Vec<_>>>()?;
    // SAFETY: as above.
    unsafe { js::array(c.env, &items) }
}

fn table(c: &Cb) -> Res<sys::napi_value> {
    let (name, options) = (c.read(0)?, c.options(1)?);
    let t = api::table_of(&name.input(), &call_args(Call::Table, &options)?)?;
    let mut rows = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let mut o = ptr::null_mut();
        // SAFETY: plain N-API calls.
        check(unsafe { sys::napi_create_object(c.env, &mut o) })?;
        for (col, cell) in t.columns.iter().zip(row) {
            // SAFETY: as above.
            let v = unsafe {
                match cell {
                    paycodes::export::Cell::Text(s) => js::string(c.env, s)?,
                    paycodes::export::Cell::Int(n) => js::number(c.env, *n as f64)?,
                    paycodes::export::Cell::Bool(b) => js::boolean(c.env, *b)?,
                    paycodes::export::Cell::Null => js::null(c.env)?,
                }
            };
            let key = std::ffi::CString::new(*col).map_err(|_| Failure::from(Error::Internal))?;
            // SAFETY: as above.
            check(unsafe { sys::napi_set_named_property(c.env, o, key.as_ptr(), v) })?;
        }
        rows.push(o);
    }
    // SAFETY: as above.
    unsafe { js::array(c.env, &rows) }
}

fn export(c: &Cb) -> Res<sys::napi_value> {
    let (name, options) = (c.read(0)?, c.options(1)?);
    let text = api::export(&name.input(), &call_args(Call::Export, &options)?)?;
    // SAFETY: plain N-API call.
    unsafe { js::string(c.env, &text) }
}

/// The version of paycodes. (A napi-rs export, so the napi-rs CLI writes the loader,
/// native.js; every other function is a plain N-API callback registered by `init`.)
#[napi_derive::napi]
pub fn version() -> &'static str {
    paycodes::VERSION
}

/// The benchmark's floor (node/bench): a callback that reads its arguments, nothing else.
fn noop(c: &Cb) -> Res<sys::napi_value> {
    let mut v = ptr::null_mut();
    // SAFETY: plain N-API call.
    check(unsafe { sys::napi_get_undefined(c.env, &mut v) })?;
    Ok(v)
}

/// The test-panic code, when the core is built with the test-panic feature (tests only).
fn panic_code(c: &Cb) -> Res<sys::napi_value> {
    #[cfg(feature = "test-panic")]
    // SAFETY: plain N-API call.
    return unsafe { js::string(c.env, paycodes::testing::PANIC_CODE) };
    #[cfg(not(feature = "test-panic"))]
    // SAFETY: plain N-API call.
    return unsafe { js::null(c.env) };
}

/// Runs a callback body: its value, or a thrown error (a panic becomes `internal`).
///
/// # Safety
/// Called by N-API with a valid `env` and `info`.
unsafe fn run(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    body: fn(&Cb) -> Res<sys::napi_value>,
) -> sys::napi_value {
    let failure = match catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: forwarded from N-API.
        let c = unsafe { args_of(env, info)? };
        body(&c)
    })) {
        Ok(Ok(v)) => return v,
        Ok(Err(f)) => f,
        Err(_) => Failure { error: Error::Internal, index: None, panicked: true },
    };
    // SAFETY: `env` is this callback's.
    unsafe { js::throw(env, &failure) };
    ptr::null_mut()
}

macro_rules! callbacks {
    ($($js:literal => $body:ident),* $(,)?) => {
        const CALLBACKS: &[(&str, sys::napi_callback)] = &[$(($js, {
            unsafe extern "C" fn cb(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
                // SAFETY: N-API passes a valid env and callback info.
                unsafe { run(env, info, $body) }
            }
            Some(cb)
        })),*];
    };
}

callbacks! {
    "_attach" => attach,
    "_context" => make_context,
    "_decode" => decode,
    "_decodeMany" => decode_many,
    "_texts" => texts,
    "_object" => object,
    "_explain" => explain,
    "_decodeResponse" => decode_response,
    "_retryDecision" => retry_decision,
    "_buildSnap" => build_snap,
    "_customerMessage" => customer_message,
    "_isMasked" => is_masked,
    "_tables" => tables,
    "_table" => table,
    "_export" => export,
    "_noopRaw" => noop,
    "_panicCode" => panic_code,
}

/// Frees an environment's `Buffers` when the environment goes away.
unsafe extern "C" fn free_buffers(arg: *mut c_void) {
    // SAFETY: `arg` is the `Box<Buffers>` leaked in `init`, freed exactly once here.
    drop(unsafe { Box::from_raw(arg.cast::<Buffers>()) });
}

/// Registers every callback on the module's exports, sharing one `Buffers` per environment.
#[napi_derive::napi(module_exports)]
pub fn init(mut exports: napi::bindgen_prelude::Object<'_>, env: napi::Env) -> napi::Result<()> {
    let buffers = Box::into_raw(Box::new(Buffers { slots: Vec::new() })).cast::<c_void>();
    // SAFETY: the hook frees the box once, at environment teardown.
    let status = unsafe { sys::napi_add_env_cleanup_hook(env.raw(), Some(free_buffers), buffers) };
    if status != sys::Status::napi_ok {
        // SAFETY: not registered anywhere: free it now.
        drop(unsafe { Box::from_raw(buffers.cast::<Buffers>()) });
        return Err(napi::Error::from_reason("cannot register the cleanup hook"));
    }
    for (name, cb) in CALLBACKS {
        let mut f = ptr::null_mut();
        // SAFETY: the name is valid UTF-8 of the given length; the callback has the N-API
        // signature; `buffers` outlives every call (freed at teardown).
        let status = unsafe {
            sys::napi_create_function(env.raw(), name.as_ptr().cast(), name.len() as isize, *cb, buffers, &mut f)
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
