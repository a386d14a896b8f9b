//! Building SNAP codes for servers that answer callbacks.

use paycodes::{Context, Provider, Reason, build_snap, build_snap_for_reason, decode, snap_cases, snap_services};

fn std() -> &'static Provider {
    Provider::standard()
}

#[test]
fn builds_with_the_placeholder_filled() {
    let b = build_snap(400, "25", 1, Some("virtualAccountNo"), std()).unwrap();
    assert_eq!((b.code(), b.to_string().as_str()), ("4002501", "Invalid Field Format virtualAccountNo"));
    let b = build_snap_for_reason("24", Reason::BillPaid, None, std()).unwrap();
    assert_eq!((b.code(), b.to_string().as_str()), ("4042414", "Paid Bill"));
    let b = build_snap(401, "73", 0, Some("Signature"), std()).unwrap();
    assert_eq!(b.to_string(), "Unauthorized. Signature");
}

#[test]
fn an_unfilled_placeholder_is_dropped_not_sent() {
    let b = build_snap(401, "73", 0, None, std()).unwrap();
    assert_eq!(b.to_string(), "Unauthorized.");
    let b = build_snap(404, "24", 11, None, std()).unwrap();
    assert_eq!(b.to_string(), "Invalid Card/Account/Customer/Virtual Account");
    let b = build_snap(404, "24", 12, Some("  "), std()).unwrap();
    assert_eq!(b.to_string(), "Invalid Bill/Virtual Account");
}

#[test]
fn refuses_what_the_standard_does_not_have() {
    assert_eq!(build_snap(403, "24", 99, None, std()).unwrap_err().id(), "unknown_case");
    assert_eq!(build_snap(418, "24", 0, None, std()).unwrap_err().id(), "unknown_case");
    assert_eq!(build_snap(409, "43", 2, None, std()).unwrap_err().id(), "unknown_case");
    assert_eq!(build_snap(400, "99", 1, None, std()).unwrap_err().id(), "unknown_service");
    assert_eq!(build_snap(400, "XX", 1, None, std()).unwrap_err().id(), "unknown_service");
    assert_eq!(build_snap(400, "2", 1, None, std()).unwrap_err().id(), "unknown_service");
    assert_eq!(build_snap_for_reason("54", Reason::LostCard, None, std()).unwrap_err().id(), "no_snap_code");
    assert_eq!(build_snap(400, "25", 1, Some("a\nb"), std()).unwrap_err().id(), "bad_detail");
    let long = "x".repeat(140);
    assert_eq!(build_snap(400, "25", 1, Some(&long), std()).unwrap_err().id(), "message_too_long");
}

#[test]
fn provider_additions_build_only_for_that_provider_and_service() {
    let doku = Provider::find("doku").unwrap();
    let b = build_snap(409, "43", 2, None, doku).unwrap();
    assert_eq!((b.code(), b.to_string().as_str()), ("4094302", "Transaction Has Been Processed"));
    assert_eq!(build_snap(409, "42", 2, None, doku).unwrap_err().id(), "unknown_case");
    // Provider service names count as known services.
    let bnc = Provider::find("bnc").unwrap();
    assert_eq!(build_snap(200, "12", 0, None, bnc).unwrap().code(), "2001200");
}

/// Every standard row on every standard service decodes back to itself: same code, same
/// case, same reason, and the detail comes back out of the message.
#[test]
fn decode_of_build_is_the_identity() {
    let mut n = 0;
    for s in snap_services() {
        for c in snap_cases() {
            for detail in [None, Some("amount.value")] {
                let b = build_snap(c.http(), s.code().as_str(), c.case(), detail, std()).unwrap();
                let message = b.to_string();
                let d = decode(b.code(), Some(&message), &Context::new()).unwrap();
                assert_eq!(d.canonical(), b.code());
                assert_eq!(d.reason(), c.semantics().reason(), "{} {message}", b.code());
                assert_eq!(d.message(), c.message().text());
                // With a placeholder the detail fills it; without one it is appended; either way
                // it comes back out.
                assert_eq!(d.detail(), detail, "{} {message}", b.code());
                n += 1;
            }
        }
    }
    assert_eq!(n, 81 * 63 * 2);
}

#[test]
fn every_reason_with_a_snap_code_builds_and_decodes_to_itself() {
    for row in paycodes::reasons() {
        match row.snap() {
            None => assert!(build_snap_for_reason("54", row.reason(), None, std()).is_err()),
            Some(_) => {
                let b = build_snap_for_reason("54", row.reason(), None, std()).unwrap();
                let message = b.to_string();
                let d = decode(b.code(), Some(&message), &Context::new()).unwrap();
                assert_eq!(d.reason(), row.reason());
            }
        }
    }
}

/// Found by the build_snap fuzz target and the round-trip property: a reader trims
/// separators around a detail and takes a detail equal to the placeholder's name for the
/// unfilled template, so the builder does the same, and decoding gives back what was built.
#[test]
fn details_a_reader_would_change_are_normalized_when_building() {
    let b = build_snap(400, "25", 1, Some("amount."), std()).unwrap();
    assert_eq!((b.to_string().as_str(), b.detail()), ("Invalid Field Format amount", Some("amount")));
    let b = build_snap(400, "25", 1, Some(" (amount.value) "), std()).unwrap();
    assert_eq!(b.detail(), Some("amount.value"));
    let ayo = Provider::find("ayoconnect").unwrap();
    let b = build_snap_for_reason("42", Reason::FeatureNotAllowed, Some(" [reason"), ayo).unwrap();
    assert_eq!((b.to_string().as_str(), b.detail()), ("Feature Not Allowed", None));
    for b in [build_snap(400, "25", 1, Some("amount."), std()).unwrap(), b] {
        let message = b.to_string();
        let d = decode(b.code(), Some(&message), &Context::new().with_provider(ayo)).unwrap();
        assert_eq!(d.detail(), b.detail(), "{message}");
    }
}

/// Found by fuzzing: DOKU spells 401xx00 with a `{{param}}` placeholder, so a detail `param`
/// on the standard template would read back as DOKU's unfilled template.
#[test]
fn a_detail_naming_any_placeholder_is_not_sent() {
    let doku = Provider::find("doku").unwrap();
    for detail in ["param", "{{param}}", "Reason", "field name"] {
        let b = build_snap(401, "43", 0, Some(detail), doku).unwrap();
        assert_eq!(b.detail(), None, "{detail}");
        assert_eq!(b.to_string(), "Unauthorized.");
    }
    assert_eq!(build_snap(401, "43", 0, Some("params"), doku).unwrap().detail(), Some("params"));
}
