//! With the `test-panic` feature, decoding [`PANIC_CODE`] panics on purpose, so each binding
//! can prove that a bug in the core cannot take its host process down.

/// The code that makes [`crate::decode`] panic when the `test-panic` feature is on.
pub const PANIC_CODE: &str = "__paycodes_test_panic__";

pub(crate) fn maybe_panic(code: &str) {
    if code == PANIC_CODE {
        panic!("paycodes test-panic feature: panicking on purpose");
    }
}
