//! Shared by the fuzz targets: options chosen by input bytes, and the rules every answer keeps
//! (a broken rule aborts the run like a crash does).

use paycodes::{Action, Context, Family, Locale, Network, Outcome, Vocabulary};

/// A context from one byte of input: provider, and family/network/kind/operation or none.
pub fn context(b: [u8; 2]) -> Context {
    let providers = paycodes::providers();
    let mut ctx = Context::new().with_provider(&providers[usize::from(b[0]) % providers.len()]);
    match b[0] >> 4 & 3 {
        1 => ctx = ctx.with_family(Family::ALL[usize::from(b[1]) % Family::ALL.len()]),
        2 => ctx = ctx.with_network(Network::ALL[usize::from(b[1]) % Network::ALL.len()]),
        3 => {
            let kinds = Vocabulary::all();
            ctx = ctx.with_family(Family::Status).with_kind(&kinds[usize::from(b[1]) % kinds.len()])
        }
        _ => {}
    }
    if b[0] & 0x40 != 0 {
        let ops = paycodes::operations();
        ctx = ctx.with_operation(&ops[usize::from(b[1]) % ops.len()]);
    }
    ctx
}

/// The rules every answer keeps, whatever the input.
pub fn check(d: &paycodes::Decoded<'_>) {
    assert!(!d.canonical().is_empty());
    if d.outcome() == Outcome::Unknown {
        assert_eq!(d.action(), Action::InquireStatus, "unknown must mean inquire, never retry blindly");
    }
    if d.action() == Action::RetryLater {
        assert_eq!(d.outcome(), Outcome::Failed, "a retry only when nothing happened");
    }
    let mut json = Vec::new();
    paycodes::json::write_decoded(&mut json, d);
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&json) {
        panic!("not JSON ({e}): {}", String::from_utf8_lossy(&json));
    }
    assert!(!paycodes::explain(d, Locale::En).is_empty());
}

/// The rules every whole-response answer keeps, whatever the body.
pub fn check_response(r: &paycodes::Response) {
    use paycodes::Evidence;
    if r.outcome() == Outcome::Unknown {
        assert_eq!(r.action(), Action::InquireStatus, "unknown must mean inquire, never retry blindly");
    }
    if r.action() == Action::RetryLater {
        assert_eq!(r.outcome(), Outcome::Failed, "a retry only when nothing happened");
    }
    if r.outcome() == Outcome::Success {
        assert!(
            !matches!(r.decided_by(), Evidence::NoBody | Evidence::NoResponse | Evidence::Ambiguous | Evidence::NoEvidence),
            "success needs evidence: {:?}",
            r.decided_by()
        );
    }
    if r.decided_by() == Evidence::Ambiguous {
        assert_eq!(r.outcome(), Outcome::Unknown, "contradicting evidence is unknown");
    }
    let json = paycodes::json::response_to_string(r);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("not JSON ({e}): {json}");
    }
    assert!(!paycodes::explain_response(r, Locale::Id).is_empty());
}
