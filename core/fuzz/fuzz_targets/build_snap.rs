//! Building: any HTTP status, service, case, detail and provider either is refused with an
//! error or builds a code and message that decode back to the same code, reason and detail.
//! One allowance, found by this target: a detail that spells a provider's documented message
//! (`signaturenotmatch` in DOKU's `Unauthorized . Signature Not Match`) reads back as that
//! spelling's fixed detail (`Signature Not Match`): the same words, in the provider's casing
//! and spacing (the matcher compares only ASCII letters and digits, ignoring case).
#![no_main]
use libfuzzer_sys::fuzz_target;
use paycodes::{Context, Reason};

fuzz_target!(|input: (u16, [u8; 2], u8, u8, u16, Option<&str>)| {
    let (http, service, case, provider, reason, detail) = input;
    let providers = paycodes::providers();
    let provider = &providers[usize::from(provider) % providers.len()];
    let Ok(service) = std::str::from_utf8(&service) else { return };
    let built = match Reason::from_number(reason) {
        Some(r) if http % 2 == 0 => paycodes::build_snap_for_reason(service, r, detail, provider),
        _ => paycodes::build_snap(http % 700, service, case, detail, provider),
    };
    let Ok(built) = built else { return };
    let message = built.message().to_owned();
    assert!(message.chars().count() <= paycodes::MAX_MESSAGE_CHARS);
    let d = paycodes::decode(built.code(), Some(&message), &Context::new().with_provider(provider))
        .expect("a built code decodes");
    assert_eq!(d.canonical(), built.code());
    assert!(d.known(), "{} {message:?}", built.code());
    assert_eq!(d.reason(), built.row().semantics().reason(), "{} {message:?}", built.code());
    let words = |s: Option<&str>| {
        s.map(|s| s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect::<String>())
    };
    assert!(
        d.detail() == built.detail() || words(d.detail()) == words(built.detail()),
        "{} {message:?}: built {:?}, read {:?}",
        built.code(),
        built.detail(),
        d.detail()
    );
});
