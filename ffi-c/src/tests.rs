use super::*;
use paycodes_status::*;
use std::collections::HashSet;

fn decode(code: &[u8], ctx: Option<&paycodes_context>) -> (paycodes_status, Option<paycodes_decoded>) {
    let mut out = std::mem::MaybeUninit::<paycodes_decoded>::uninit();
    let ctx = ctx.map_or(std::ptr::null(), |c| c as *const _);
    // SAFETY: valid pointers for the lengths given.
    let status = unsafe { paycodes_decode(code.as_ptr(), code.len(), std::ptr::null(), 0, ctx, out.as_mut_ptr()) };
    // SAFETY: written on success.
    (status, (status == PAYCODES_OK).then(|| unsafe { out.assume_init() }))
}

fn text(s: paycodes_str) -> &'static str {
    assert!(!s.ptr.is_null());
    // SAFETY: static text from the tables, `len` bytes plus a NUL.
    let bytes = unsafe { std::slice::from_raw_parts(s.ptr.cast::<u8>(), s.len + 1) };
    assert_eq!(bytes[s.len], 0, "static strings are NUL-terminated");
    std::str::from_utf8(&bytes[..s.len]).unwrap()
}

#[test]
fn statuses_are_in_blocks_and_never_collide() {
    let mut seen = HashSet::new();
    for s in paycodes_status::ALL {
        let n = *s as u32;
        assert!(seen.insert(n), "{s:?} collides");
        assert!(matches!(n, 0 | 1000..=1999 | 2000..=2999 | 3000..=3999 | 4000..=4999 | 9000..=9999), "{s:?}");
    }
    // Every core error has a status with the same number and id.
    for k in paycodes::ErrorKind::ALL {
        let s = paycodes_status::from(*k);
        assert_eq!(s as u32, u32::from(k.number()), "{k}");
        assert_eq!(text(paycodes_status_id(s as u32)), k.id());
    }
    assert_eq!(text(paycodes_status_id(1101)), "null_argument");
    for s in paycodes_status::ALL {
        assert!(s.describe().len() + 32 < 256, "{s:?}: the header promises 256 bytes suffice");
    }
    assert!(paycodes_status_id(4242).ptr.is_null());
}

#[test]
fn version_macros_match_cargo() {
    assert_eq!(PAYCODES_VERSION_MAJOR.to_string(), env!("CARGO_PKG_VERSION_MAJOR"));
    assert_eq!(PAYCODES_VERSION_MINOR.to_string(), env!("CARGO_PKG_VERSION_MINOR"));
    assert_eq!(PAYCODES_VERSION_PATCH.to_string(), env!("CARGO_PKG_VERSION_PATCH"));
    assert_eq!(text(paycodes_version()), env!("CARGO_PKG_VERSION"));
    let header = include_str!("../include/paycodes.h");
    for (name, value) in [
        ("PAYCODES_VERSION_MAJOR", env!("CARGO_PKG_VERSION_MAJOR")),
        ("PAYCODES_VERSION_MINOR", env!("CARGO_PKG_VERSION_MINOR")),
        ("PAYCODES_VERSION_PATCH", env!("CARGO_PKG_VERSION_PATCH")),
    ] {
        assert!(header.contains(&format!("#define {name} {value}\n")), "{name} in paycodes.h");
    }
}

/// The committed header's enum values are the core's numbers, for every enum.
#[test]
fn header_enums_match_the_core() {
    let header = include_str!("../include/paycodes.h");
    let check = |prefix: &str, items: Vec<(String, u16)>| {
        for (id, n) in items {
            let line = format!("{prefix}{} = {n},", id.to_ascii_uppercase());
            assert!(header.contains(&line), "paycodes.h lacks `{line}`");
        }
    };
    check("PAYCODES_REASON_", paycodes::Reason::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
    check("PAYCODES_OUTCOME_", paycodes::Outcome::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
    check("PAYCODES_ACTION_", paycodes::Action::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
    check("PAYCODES_CATEGORY_", paycodes::Category::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
    check("PAYCODES_FAMILY_", paycodes::Family::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
    check("PAYCODES_NETWORK_", paycodes::Network::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
    check("PAYCODES_WARNING_", paycodes::Warning::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
    check("PAYCODES_", paycodes::ErrorKind::ALL.iter().map(|r| (r.id().into(), r.number())).collect());
}

/// Every `extern "C"` function's body is a single call to the panic guard, hand-written or
/// generated.
#[test]
fn every_extern_function_is_guarded() {
    let mut count = 0;
    for src in [include_str!("lib.rs"), include_str!("generated.rs")] {
        for (at, _) in src.match_indices("extern \"C\" fn ") {
            let body_start = at + src[at..].find('{').unwrap() + 1;
            let body = src[body_start..].trim_start();
            assert!(
                body.starts_with("guard(") || body.starts_with("guard_value("),
                "unguarded: {}",
                &src[at..body_start]
            );
            count += 1;
        }
    }
    assert!(count > 40, "the accessors are there ({count} functions)");
}

#[test]
fn decodes_and_borrows_static_nul_terminated_text() {
    let (status, d) = decode(b"4035414", None);
    assert_eq!(status, PAYCODES_OK);
    let d = d.unwrap();
    assert_eq!(d.reason, paycodes_reason::PAYCODES_REASON_INSUFFICIENT_FUNDS);
    assert_eq!(d.outcome, paycodes_outcome::PAYCODES_OUTCOME_FAILED);
    // SAFETY: `d` was filled by paycodes; the service pointer is one it handed out.
    unsafe {
        assert_eq!(text(paycodes_decoded_message(&d)), "Insufficient Funds");
        assert_eq!(text(paycodes_service_name(paycodes_decoded_service(&d))), "Direct Debit Payment");
        assert!(paycodes_decoded_detail(&d).ptr.is_null());
    }
    assert_eq!(text(paycodes_reason_id(d.reason as u32)), "insufficient_funds");
}

#[test]
fn detail_points_into_the_callers_message() {
    let message = b"Invalid Field Format virtualAccountNo";
    let mut out = std::mem::MaybeUninit::<paycodes_decoded>::uninit();
    // SAFETY: valid pointers.
    let status = unsafe {
        paycodes_decode(b"4002501".as_ptr(), 7, message.as_ptr(), message.len(), std::ptr::null(), out.as_mut_ptr())
    };
    assert_eq!(status, PAYCODES_OK);
    // SAFETY: written on success.
    let d = unsafe { out.assume_init() };
    // SAFETY: filled by paycodes.
    let detail = unsafe { paycodes_decoded_detail(&d) };
    let start = detail.ptr as usize - message.as_ptr() as usize;
    assert_eq!(&message[start..start + detail.len], b"virtualAccountNo");
}

#[test]
fn bad_arguments_get_distinct_statuses_and_leave_outputs_alone() {
    let sentinel: paycodes_decoded = {
        let (_, d) = decode(b"2002400", None);
        d.unwrap()
    };
    let mut out = sentinel;
    let call = |code: *const u8, len: usize, msg: *const u8, msg_len: usize, out: *mut paycodes_decoded| {
        // SAFETY: pointers are valid or NULL as each case intends.
        unsafe { paycodes_decode(code, len, msg, msg_len, std::ptr::null(), out) }
    };
    assert_eq!(call(std::ptr::null(), 0, std::ptr::null(), 0, &mut out), PAYCODES_NULL_ARGUMENT);
    assert_eq!(call(std::ptr::null(), 7, std::ptr::null(), 0, &mut out), PAYCODES_NULL_ARGUMENT);
    assert_eq!(call(b"4035414".as_ptr(), 7, std::ptr::null(), 3, &mut out), PAYCODES_NULL_ARGUMENT);
    assert_eq!(call(b"4035414".as_ptr(), 7, std::ptr::null(), 0, std::ptr::null_mut()), PAYCODES_NULL_ARGUMENT);
    assert_eq!(call(b"40\xff5414".as_ptr(), 7, std::ptr::null(), 0, &mut out), PAYCODES_INVALID_UTF8);
    assert_eq!(call(b"403541".as_ptr(), 6, std::ptr::null(), 0, &mut out), PAYCODES_BAD_LENGTH);
    assert_eq!(call(b"   ".as_ptr(), 3, std::ptr::null(), 0, &mut out), PAYCODES_EMPTY);
    // SAFETY: filled by paycodes.
    let canonical = unsafe { paycodes_decoded_canonical(&out) };
    // SAFETY: `len` bytes inside `out`.
    let canonical = unsafe { std::slice::from_raw_parts(canonical.ptr.cast::<u8>(), canonical.len) };
    assert_eq!(canonical, b"2002400", "a failed call wrote its output");
    let mut buf = [0 as c_char; 4];
    let mut built = std::mem::MaybeUninit::<paycodes_built>::uninit();
    // SAFETY: valid pointers; the buffer is deliberately too small.
    let status = unsafe {
        paycodes_snap_build(
            400,
            b"25".as_ptr(),
            2,
            1,
            b"x".as_ptr(),
            1,
            std::ptr::null(),
            built.as_mut_ptr(),
            buf.as_mut_ptr(),
            buf.len(),
        )
    };
    assert_eq!(status, PAYCODES_BUFFER_TOO_SMALL);
    assert_eq!(buf, [0; 4], "nothing written on failure");
    let ctx = paycodes_context { family: 77, ..paycodes_context::zeroed() };
    assert_eq!(decode(b"4035414", Some(&ctx)).0, PAYCODES_UNKNOWN_FAMILY);
    let bad_utf8 = [0xffu8, 0];
    let ctx = paycodes_context { provider: bad_utf8.as_ptr().cast(), ..paycodes_context::zeroed() };
    assert_eq!(decode(b"4035414", Some(&ctx)).0, PAYCODES_INVALID_UTF8);
}

#[test]
fn builds_into_the_callers_buffer() {
    let mut buf = [0 as c_char; PAYCODES_MESSAGE_MAX];
    let mut built = std::mem::MaybeUninit::<paycodes_built>::uninit();
    // SAFETY: valid pointers and lengths.
    let status = unsafe {
        paycodes_snap_build_for_reason(
            paycodes_reason::PAYCODES_REASON_INVALID_FIELD_FORMAT as u32,
            b"25".as_ptr(),
            2,
            b"virtualAccountNo".as_ptr(),
            16,
            std::ptr::null(),
            built.as_mut_ptr(),
            buf.as_mut_ptr(),
            buf.len(),
        )
    };
    assert_eq!(status, PAYCODES_OK);
    // SAFETY: written on success.
    let built = unsafe { built.assume_init() };
    // SAFETY: NUL-terminated by the call.
    let message = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap();
    assert_eq!(message, "Invalid Field Format virtualAccountNo");
    assert_eq!(built.message_len, message.len());
    // SAFETY: NUL-terminated by the call.
    assert_eq!(unsafe { CStr::from_ptr(built.code.as_ptr()) }.to_str().unwrap(), "4002501");
}

#[test]
fn panics_in_the_core_become_a_status() {
    // Without the test-panic feature the magic code is just a provider-shaped string.
    #[cfg(feature = "test-panic")]
    {
        let code = paycodes::testing::PANIC_CODE.as_bytes();
        let (status, out) = decode(code, None);
        assert_eq!(status, PAYCODES_PANIC);
        assert!(out.is_none());
        // The library keeps working after a caught panic.
        assert_eq!(decode(b"4035414", None).0, PAYCODES_OK);
    }
}

impl paycodes_context {
    fn zeroed() -> Self {
        paycodes_context {
            provider: std::ptr::null(),
            operation: std::ptr::null(),
            kind: std::ptr::null(),
            family: 0,
            network: 0,
            locale: 0,
        }
    }
}
