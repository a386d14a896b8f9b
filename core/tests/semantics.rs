//! The money rules of design.md, tested as logic over every service and code.

use paycodes::{Action, Context, Outcome, Reason, decode, snap_cases, snap_services};

fn ctx() -> Context {
    Context::new()
}

/// Standard services, an unknown numeric one, BCA's alphanumeric one and the template.
fn all_services() -> Vec<String> {
    let mut v: Vec<String> = snap_services().iter().map(|s| s.code().as_str().to_owned()).collect();
    v.extend(["99".into(), "00".into(), "US".into(), "XX".into()]);
    v
}

fn moves_money(service: &str) -> Option<bool> {
    snap_services().iter().find(|s| s.code().as_str() == service).map(|s| s.moves_money())
}

#[test]
fn request_in_progress_is_pending_never_success() {
    for s in all_services() {
        let code = format!("202{s}00");
        let d = decode(&code, None, &ctx()).unwrap();
        assert_eq!(d.outcome(), Outcome::Pending, "202{s}00");
        assert_eq!(d.action(), Action::InquireStatus, "202{s}00");
        assert_eq!(d.reason(), Reason::InProgress);
    }
}

#[test]
fn server_errors_are_unknown_on_money_apis_and_failed_on_the_rest() {
    let server_errors: Vec<(u16, u8)> = snap_cases()
        .iter()
        .filter(|c| c.http() >= 500)
        .map(|c| (c.http(), c.case()))
        .chain([(503, 0), (502, 7), (504, 9)])
        .collect();
    assert!(server_errors.len() >= 4 + 3);
    for s in all_services() {
        for &(h, c) in &server_errors {
            let code = format!("{h}{s}{c:02}");
            let d = decode(&code, None, &ctx()).unwrap();
            match moves_money(&s) {
                Some(false) => assert_eq!((d.outcome(), d.action()), (Outcome::Failed, Action::RetryLater), "{code}"),
                // Money-moving, unknown or template: the money may have moved.
                _ => assert_eq!((d.outcome(), d.action()), (Outcome::Unknown, Action::InquireStatus), "{code}"),
            }
        }
    }
}

#[test]
fn money_moving_services_are_what_the_standard_says() {
    for code in
        ["17", "18", "22", "23", "25", "33", "38", "43", "44", "50", "54", "60", "63", "65", "67", "69", "78", "80"]
    {
        assert_eq!(moves_money(code), Some(true), "{code}");
    }
    for code in ["11", "15", "16", "24", "26", "36", "39", "45", "51", "53", "55", "61", "64", "73", "74"] {
        assert_eq!(moves_money(code), Some(false), "{code}");
    }
}

#[test]
fn duplicate_partner_reference_means_inquire_not_failure() {
    for s in all_services() {
        let code = format!("409{s}01");
        let d = decode(&code, None, &ctx()).unwrap();
        assert_eq!((d.outcome(), d.action()), (Outcome::Unknown, Action::InquireStatus), "409{s}01");
        assert_eq!(d.reason(), Reason::DuplicateReference);
    }
}

#[test]
fn inconsistent_request_follows_the_operation() {
    let success = ["17", "18", "22", "23", "25", "33", "58", "67", "69", "78", "80"];
    let failed = ["44", "54", "60", "63", "65"];
    for s in success {
        let code = format!("404{s}18");
        let d = decode(&code, None, &ctx()).unwrap();
        assert_eq!((d.outcome(), d.action()), (Outcome::Success, Action::None), "404{s}18");
    }
    for s in failed {
        let code = format!("404{s}18");
        let d = decode(&code, None, &ctx()).unwrap();
        assert_eq!(d.outcome(), Outcome::Failed, "404{s}18");
        assert_ne!(d.action(), Action::RetryLater);
    }
    // Neither the service nor the caller says which operation: unknown, inquire.
    for code in ["404XX18", "4049918", "4043618", "4047318"] {
        let d = decode(code, None, &ctx()).unwrap();
        assert_eq!((d.outcome(), d.action()), (Outcome::Unknown, Action::InquireStatus), "{code}");
    }
    // The caller's operation wins over the service code (providers answer under other codes).
    let named = |op: &str| Context::from_options(None, None, None, Some(op), None).unwrap();
    assert_eq!(decode("4043618", None, &named("interbank_transfer")).unwrap().outcome(), Outcome::Success);
    assert_eq!(decode("4041818", None, &named("direct_debit")).unwrap().outcome(), Outcome::Failed);
    assert_eq!(decode("404XX18", None, &named("VA-Payment")).unwrap().outcome(), Outcome::Success);
    assert_eq!(decode("4041818", None, &named("topup")).unwrap().outcome(), Outcome::Unknown);
    assert_eq!(Context::from_options(None, None, None, Some("teleport"), None).unwrap_err().id(), "unknown_operation");
}

#[test]
fn token_problems_refresh_and_signature_problems_fix() {
    for s in all_services() {
        assert_eq!(decode(&format!("401{s}01"), None, &ctx()).unwrap().action(), Action::RefreshToken);
        assert_eq!(decode(&format!("401{s}00"), None, &ctx()).unwrap().action(), Action::FixRequest);
    }
}

/// Invariants over every listed and unlisted case of many statuses and every service:
/// unknown always means inquire; a retry is only advised when nothing happened; pending is
/// never success and never retried.
#[test]
fn no_code_ever_advises_a_blind_retry() {
    let statuses = [100, 200, 201, 202, 301, 400, 401, 403, 404, 405, 408, 409, 418, 429, 500, 502, 503, 504, 599];
    let mut seen = 0;
    for h in statuses {
        for c in 0..100u8 {
            for s in all_services() {
                let code = format!("{h}{s}{c:02}");
                let d = decode(&code, None, &ctx()).unwrap();
                seen += 1;
                if d.outcome() == Outcome::Unknown {
                    assert_eq!(d.action(), Action::InquireStatus, "{code}");
                }
                if matches!(d.action(), Action::RetryLater) {
                    assert_eq!(d.outcome(), Outcome::Failed, "{code}");
                }
                if d.outcome() == Outcome::Pending {
                    assert!(matches!(d.action(), Action::InquireStatus | Action::AskCustomer), "{code}");
                }
                if d.outcome() == Outcome::Success {
                    assert!(h / 100 == 2 || (h, c) == (404, 18), "{code} success");
                }
            }
        }
    }
    assert_eq!(seen, statuses.len() * 100 * all_services().len());
}

#[test]
fn otp_sent_is_not_a_failure() {
    let d = decode("4035413", None, &ctx()).unwrap();
    assert_eq!((d.outcome(), d.action(), d.reason()), (Outcome::Pending, Action::AskCustomer, Reason::OtpSent));
}

#[test]
fn kirim_doku_semantics() {
    let doku = Context::from_options(Some("doku"), None, None, None, None).unwrap();
    let d = decode("2024300", None, &doku).unwrap();
    assert_eq!(d.outcome(), Outcome::Pending);
    assert_eq!(d.message().as_str(), "Transaction still on process");
    assert!(d.merchant_message().as_str().contains("reconciliation"));
    let d = decode("4294200", None, &doku).unwrap();
    assert_eq!((d.reason(), d.action()), (Reason::TooManyRequests, Action::AskCustomer));
    assert!(d.merchant_message().as_str().contains("4 times in the last 2 hours"));
    let d = decode("4094302", None, &doku).unwrap();
    assert!(d.known());
    assert_eq!((d.outcome(), d.action()), (Outcome::Unknown, Action::InquireStatus));
    // The same codes under the standard profile: 202 is still pending, 409xx02 is unlisted.
    let d = decode("4094302", None, &ctx()).unwrap();
    assert!(!d.known());
    assert_eq!((d.outcome(), d.action()), (Outcome::Unknown, Action::InquireStatus));
    // A Kirim DOKU timeout on the transfer is not a failure, whatever the seed's label says.
    let d = decode("5044300", None, &doku).unwrap();
    assert_eq!((d.outcome(), d.action()), (Outcome::Unknown, Action::InquireStatus));
}
