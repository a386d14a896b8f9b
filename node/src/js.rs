//! JS values in and out, through plain N-API: reading any value as the core's input,
//! options objects by key, throwing errors with `code`, and building values from answers
//! (for the calls that are not hot: the hot ones go through records, record.rs).

use napi::sys;
use paycodes::api::Input;
use paycodes::fields::{Obj, Value};
use paycodes::{Error, ErrorClass, ValueType};
use std::ffi::{CString, c_char, c_void};
use std::ptr;

/// A failed call: the error, for a batch the failing item's position, whether it was a
/// panic caught at the boundary, and whether a JS exception is already pending.
pub struct Failure {
    pub error: Error,
    pub index: Option<usize>,
    pub panicked: bool,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure { error, index: None, panicked: false }
    }
}

pub type Res<T> = Result<T, Failure>;

/// An N-API call that did not return `napi_ok`: only possible if index.js broke its own
/// contract, so it is an internal error, never a crash.
pub fn check(status: sys::napi_status) -> Res<()> {
    if status == sys::Status::napi_ok { Ok(()) } else { Err(Error::Internal.into()) }
}

/// A JS value read into Rust-owned storage, so the core can borrow it.
pub enum Owned {
    Null,
    Bool(bool),
    Number(f64),
    Int(i64),
    BigInt {
        negative: bool,
        digits: usize,
    },
    Str(String),
    /// A string with a lone surrogate (no UTF-8 form).
    BadText,
    Other(ValueType),
}

impl Owned {
    pub fn input(&self) -> Input<'_> {
        match self {
            Owned::Null => Input::Null,
            Owned::Bool(b) => Input::Bool(*b),
            Owned::Number(x) => Input::Float(*x),
            Owned::Int(n) => Input::Int(*n),
            Owned::BigInt { negative, digits } => Input::BigInt { negative: *negative, digits: *digits },
            Owned::Str(s) => Input::Str(s),
            Owned::BadText => Input::BadText,
            Owned::Other(t) => Input::Other(*t),
        }
    }
}

/// # Safety
/// `env` and `value` come from the current callback.
pub unsafe fn type_of(env: sys::napi_env, value: sys::napi_value) -> Res<sys::napi_valuetype> {
    let mut t = 0;
    check(unsafe { sys::napi_typeof(env, value, &mut t) })?;
    Ok(t)
}

/// Reads a JS string as UTF-8 into `out`; `false` if it has a lone surrogate (V8 would
/// replace it with U+FFFD: checked when one appears).
///
/// # Safety
/// `env` and `value` come from the current callback; `value` is a string.
pub unsafe fn read_string(env: sys::napi_env, value: sys::napi_value, out: &mut String) -> Res<bool> {
    // Codes are short: one call into a stack buffer reads most strings whole. N-API writes at
    // most 63 bytes here and never splits a character (at most 4 bytes), so a string it cut
    // fills more than 59; up to 59 bytes written, the string was complete.
    let mut small = [0u8; 64];
    let mut written = 0usize;
    check(unsafe {
        sys::napi_get_value_string_utf8(env, value, small.as_mut_ptr().cast(), small.len(), &mut written)
    })?;
    if written <= small.len() - 5 {
        *out = std::str::from_utf8(&small[..written]).map_err(|_| Failure::from(Error::Internal))?.to_owned();
    } else {
        let mut len = 0usize;
        check(unsafe { sys::napi_get_value_string_utf8(env, value, ptr::null_mut(), 0, &mut len) })?;
        let mut buf = vec![0u8; len + 1];
        check(unsafe {
            sys::napi_get_value_string_utf8(env, value, buf.as_mut_ptr().cast(), buf.len(), &mut written)
        })?;
        buf.truncate(written);
        *out = String::from_utf8(buf).map_err(|_| Failure::from(Error::Internal))?;
    }
    if !out.contains('\u{fffd}') {
        return Ok(true);
    }
    // A replacement character: the original or a lone surrogate? Ask for the UTF-16.
    let mut units = 0usize;
    check(unsafe { sys::napi_get_value_string_utf16(env, value, ptr::null_mut(), 0, &mut units) })?;
    let mut wide = vec![0u16; units + 1];
    check(unsafe { sys::napi_get_value_string_utf16(env, value, wide.as_mut_ptr(), wide.len(), &mut units) })?;
    wide.truncate(units);
    Ok(String::from_utf16(&wide).is_ok())
}

/// The bytes of a Buffer or any TypedArray/DataView (`None` for anything else). The slice is
/// valid while the callback runs.
///
/// # Safety
/// `env` and `value` come from the current callback, and the slice must not outlive it.
pub unsafe fn bytes_of<'a>(env: sys::napi_env, value: sys::napi_value) -> Res<Option<&'a [u8]>> {
    let (mut typed, mut view) = (false, false);
    check(unsafe { sys::napi_is_typedarray(env, value, &mut typed) })?;
    check(unsafe { sys::napi_is_dataview(env, value, &mut view) })?;
    let (mut data, mut len): (*mut c_void, usize) = (ptr::null_mut(), 0);
    if typed {
        let (mut kind, mut count, mut buffer, mut offset) = (0, 0usize, ptr::null_mut(), 0usize);
        check(unsafe {
            sys::napi_get_typedarray_info(env, value, &mut kind, &mut count, &mut data, &mut buffer, &mut offset)
        })?;
        let width = match kind {
            sys::TypedarrayType::int8_array
            | sys::TypedarrayType::uint8_array
            | sys::TypedarrayType::uint8_clamped_array => 1,
            sys::TypedarrayType::int16_array | sys::TypedarrayType::uint16_array => 2,
            sys::TypedarrayType::int32_array
            | sys::TypedarrayType::uint32_array
            | sys::TypedarrayType::float32_array => 4,
            _ => 8,
        };
        len = count * width;
    } else if view {
        let (mut buffer, mut offset) = (ptr::null_mut(), 0usize);
        check(unsafe { sys::napi_get_dataview_info(env, value, &mut len, &mut data, &mut buffer, &mut offset) })?;
    } else {
        return Ok(None);
    }
    if len == 0 || data.is_null() {
        return Ok(Some(&[]));
    }
    // SAFETY: N-API reports `len` bytes at `data`, kept alive by the argument during the call.
    Ok(Some(unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) }))
}

/// Reads any JS value as the core's input.
///
/// # Safety
/// `env` and `value` come from the current callback.
pub unsafe fn read(env: sys::napi_env, value: sys::napi_value) -> Res<Owned> {
    Ok(match unsafe { type_of(env, value)? } {
        sys::ValueType::napi_undefined | sys::ValueType::napi_null => Owned::Null,
        sys::ValueType::napi_boolean => {
            let mut b = false;
            check(unsafe { sys::napi_get_value_bool(env, value, &mut b) })?;
            Owned::Bool(b)
        }
        sys::ValueType::napi_number => {
            let mut x = 0.0;
            check(unsafe { sys::napi_get_value_double(env, value, &mut x) })?;
            Owned::Number(x)
        }
        sys::ValueType::napi_bigint => {
            let (mut n, mut lossless) = (0i64, false);
            check(unsafe { sys::napi_get_value_bigint_int64(env, value, &mut n, &mut lossless) })?;
            if lossless {
                Owned::Int(n)
            } else {
                // The word count first, then the words (and the sign with them).
                let mut count = 0usize;
                check(unsafe {
                    sys::napi_get_value_bigint_words(env, value, ptr::null_mut(), &mut count, ptr::null_mut())
                })?;
                let mut words = vec![0u64; count.max(1)];
                let mut sign = 0i32;
                check(unsafe {
                    sys::napi_get_value_bigint_words(env, value, &mut sign, &mut count, words.as_mut_ptr())
                })?;
                // Decimal digits of a number of `count` 64-bit words (at least; for messages).
                Owned::BigInt { negative: sign != 0, digits: count * 19 }
            }
        }
        sys::ValueType::napi_string => {
            let mut s = String::new();
            if unsafe { read_string(env, value, &mut s)? } { Owned::Str(s) } else { Owned::BadText }
        }
        sys::ValueType::napi_object => {
            let mut array = false;
            check(unsafe { sys::napi_is_array(env, value, &mut array) })?;
            Owned::Other(if array { ValueType::List } else { ValueType::Object })
        }
        _ => Owned::Other(ValueType::Other),
    })
}

/// Reads an options object as `(key, value)` pairs (null/undefined: none). Anything but an
/// object is `bad_type`.
///
/// # Safety
/// `env` and `value` come from the current callback.
pub unsafe fn read_options(env: sys::napi_env, value: sys::napi_value) -> Res<Vec<(String, Owned)>> {
    match unsafe { type_of(env, value)? } {
        sys::ValueType::napi_undefined | sys::ValueType::napi_null => return Ok(Vec::new()),
        sys::ValueType::napi_object => {}
        _ => {
            let got = unsafe { read(env, value)? }.input().value_type();
            return Err(Error::BadType { arg: paycodes::Arg::Options, expected: "an object", got }.into());
        }
    }
    let mut keys = ptr::null_mut();
    check(unsafe { sys::napi_get_property_names(env, value, &mut keys) })?;
    let mut n = 0u32;
    check(unsafe { sys::napi_get_array_length(env, keys, &mut n) })?;
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        let mut k = ptr::null_mut();
        check(unsafe { sys::napi_get_element(env, keys, i, &mut k) })?;
        let mut key = String::new();
        unsafe { read_string(env, k, &mut key)? };
        let mut v = ptr::null_mut();
        check(unsafe { sys::napi_get_property(env, value, k, &mut v) })?;
        out.push((key, unsafe { read(env, v)? }));
    }
    Ok(out)
}

/// Throws the JS error for a failure: a `TypeError` for a wrong argument type, an `Error`
/// otherwise; `code` is the stable id, `index` the failing item of a batch. Nothing is
/// thrown if an exception is already pending.
///
/// # Safety
/// `env` comes from the current callback.
pub unsafe fn throw(env: sys::napi_env, f: &Failure) {
    let mut pending = false;
    if unsafe { sys::napi_is_exception_pending(env, &mut pending) } != sys::Status::napi_ok || pending {
        return;
    }
    let kind = f.error.kind();
    let mut text = match f.index {
        Some(i) => format!("item {i}: {}", f.error.to_string_camel()),
        None => f.error.to_string_camel(),
    };
    if f.panicked {
        text.push_str(" (paycodes panicked; the panic was caught at the boundary)");
    }
    let message = CString::new(text.replace('\0', " ")).unwrap_or_default();
    let code = kind.id_text().as_bytes_with_nul().as_ptr().cast::<c_char>();
    // SAFETY: both strings are NUL-terminated and outlive the calls.
    unsafe {
        let (mut code_v, mut msg_v, mut err) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
        if sys::napi_create_string_utf8(env, code, -1, &mut code_v) != sys::Status::napi_ok
            || sys::napi_create_string_utf8(env, message.as_ptr(), -1, &mut msg_v) != sys::Status::napi_ok
        {
            return;
        }
        let status = if kind.class() == ErrorClass::ArgumentType {
            sys::napi_create_type_error(env, code_v, msg_v, &mut err)
        } else {
            sys::napi_create_error(env, code_v, msg_v, &mut err)
        };
        if status != sys::Status::napi_ok {
            return;
        }
        if let Some(i) = f.index {
            let mut index = ptr::null_mut();
            if sys::napi_create_double(env, i as f64, &mut index) == sys::Status::napi_ok {
                sys::napi_set_named_property(env, err, c"index".as_ptr(), index);
            }
        }
        sys::napi_throw(env, err);
    }
}

/// # Safety
/// `env` comes from the current callback.
pub unsafe fn string(env: sys::napi_env, s: &str) -> Res<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_create_string_utf8(env, s.as_ptr().cast(), s.len() as isize, &mut v) })?;
    Ok(v)
}

/// # Safety
/// `env` comes from the current callback.
pub unsafe fn number(env: sys::napi_env, x: f64) -> Res<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_create_double(env, x, &mut v) })?;
    Ok(v)
}

/// # Safety
/// `env` comes from the current callback.
pub unsafe fn null(env: sys::napi_env) -> Res<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_get_null(env, &mut v) })?;
    Ok(v)
}

/// # Safety
/// `env` comes from the current callback.
pub unsafe fn boolean(env: sys::napi_env, b: bool) -> Res<sys::napi_value> {
    let mut v = ptr::null_mut();
    check(unsafe { sys::napi_get_boolean(env, b, &mut v) })?;
    Ok(v)
}

/// # Safety
/// `env` comes from the current callback.
pub unsafe fn array(env: sys::napi_env, items: &[sys::napi_value]) -> Res<sys::napi_value> {
    let mut a = ptr::null_mut();
    check(unsafe { sys::napi_create_array_with_length(env, items.len(), &mut a) })?;
    for (i, v) in items.iter().enumerate() {
        check(unsafe { sys::napi_set_element(env, a, i as u32, *v) })?;
    }
    Ok(a)
}

/// An answer value as a JS value (objects with camelCase keys, enums as their ids).
///
/// # Safety
/// `env` comes from the current callback.
pub unsafe fn value(env: sys::napi_env, v: Value<'_>) -> Res<sys::napi_value> {
    match v {
        Value::Null => unsafe { null(env) },
        Value::Bool(b) => unsafe { boolean(env, b) },
        Value::Int(n) => unsafe { number(env, n as f64) },
        Value::Float(x) => unsafe { number(env, x) },
        Value::Str(s) => unsafe { string(env, s) },
        Value::Text(t) => unsafe { string(env, t.as_str()) },
        Value::Enum(ty, n) => match ty.id_of(n) {
            Some(t) => unsafe { string(env, t.as_str()) },
            None => unsafe { null(env) },
        },
        Value::Object(o) => unsafe { object(env, &o) },
        Value::List(l) => {
            let items = l.iter().map(|item| unsafe { value(env, item) }).collect::<Res<Vec<_>>>()?;
            unsafe { array(env, &items) }
        }
    }
}

/// An answer as a JS object with camelCase keys.
///
/// # Safety
/// `env` comes from the current callback.
pub unsafe fn object(env: sys::napi_env, o: &Obj<'_>) -> Res<sys::napi_value> {
    let mut out = ptr::null_mut();
    check(unsafe { sys::napi_create_object(env, &mut out) })?;
    for (i, f) in o.schema().fields.iter().enumerate() {
        let key = CString::new(camel(f.key)).map_err(|_| Failure::from(Error::Internal))?;
        let v = unsafe { value(env, o.get(i))? };
        check(unsafe { sys::napi_set_named_property(env, out, key.as_ptr(), v) })?;
    }
    Ok(out)
}

/// `snake_case` to `camelCase`.
fn camel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = false;
    for c in s.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}
