//! Family detection: what a code is detected as, it also decodes as when that family is
//! given explicitly, with the same answer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use paycodes::{Context, Family};

#[path = "common.rs"]
mod common;

fuzz_target!(|code: &str| {
    let Ok(auto) = paycodes::decode(code, None, &Context::new()) else { return };
    common::check(&auto);
    let family = auto.family();
    assert_ne!(family, Family::Status, "statuses are decoded only when asked for");
    let explicit =
        paycodes::decode(code, None, &Context::new().with_family(family)).expect("the detected family decodes");
    assert_eq!(explicit.canonical(), auto.canonical());
    assert_eq!(
        (explicit.reason(), explicit.outcome(), explicit.action()),
        (auto.reason(), auto.outcome(), auto.action())
    );
});
