//! Message matching and detail extraction: any actual message against every kind of table
//! message (placeholders of each style, provider spellings, misspellings). The detail is never
//! empty, and is either a slice of the actual message or the fixed detail of the spelling that
//! matched (then the spelling's own text yields it too).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// Codes whose table messages cover the placeholder styles and provider spellings.
const CODES: &[&str] = &[
    "4002501", "4002402", "4014700", "4017300", "4015400", "4042412", "4041811", "4095400", "4035414", "5005400",
    "2002400", "400XX01", "401XX00", "403XX14", "4044718", "2024300", "4094302", "4294300", "TIME_OUT", "51",
];

fuzz_target!(|input: (u8, u8, &str)| {
    let (pick, options, message) = input;
    let ctx = common::context([options, pick]);
    let code = CODES[usize::from(pick) % CODES.len()];
    let Ok(d) = paycodes::decode(code, Some(message), &ctx) else { return };
    common::check(&d);
    if let Some(detail) = d.detail() {
        assert!(!detail.is_empty());
        let inside = detail.as_ptr() as usize >= message.as_ptr() as usize
            && detail.as_ptr() as usize + detail.len() <= message.as_ptr() as usize + message.len();
        if !inside {
            let spelling = paycodes::decode(code, Some(d.message().as_str()), &ctx).expect("the spelling decodes");
            assert_eq!(spelling.detail(), Some(detail), "detail {detail:?} is neither from {message:?} nor fixed");
        }
    }
    // The message never changes whether the code is known, nor the family.
    let plain = paycodes::decode(code, None, &ctx).expect("decodes without a message");
    assert_eq!((plain.known(), plain.family()), (d.known(), d.family()));
});
