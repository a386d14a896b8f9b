//! Property tests (proptest, in the normal suite): nothing panics on any input, and decoding
//! what was built gives back what was built.

use paycodes::{
    Action, Context, DetailRef, Family, Locale, Network, Outcome, Provider, Vocabulary, build_snap, decode,
    decode_bytes, decode_float, decode_integer, providers, snap_cases, snap_services,
};
use proptest::prelude::*;

/// Every option combination a caller can give.
fn context() -> impl Strategy<Value = Context> {
    (
        0..providers().len(),
        prop::option::of(prop::sample::select(Family::ALL.to_vec())),
        prop::option::of(prop::sample::select(Network::ALL.to_vec())),
        prop::option::of(0..Vocabulary::all().len()),
        prop::option::of(0..paycodes::operations().len()),
    )
        .prop_map(|(p, family, network, kind, op)| {
            let mut ctx = Context::new().with_provider(&providers()[p]);
            if let Some(f) = family {
                ctx = ctx.with_family(f);
            }
            if let Some(n) = network {
                ctx = ctx.with_network(n);
            }
            if let Some(k) = kind {
                ctx = ctx.with_kind(&Vocabulary::all()[k]);
            }
            if let Some(o) = op {
                ctx = ctx.with_operation(&paycodes::operations()[o]);
            }
            ctx
        })
}

/// Codes that look almost right as well as anything at all.
fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{3}[0-9A-Za-z]{2}[0-9]{2}",
        "[0-9]{3}[xX]{2}[0-9]{2}",
        "[0-9A-Z]{2}",
        "[A-Z][A-Z_]{0,20}",
        "\\PC{0,12}",
        ".{0,80}",
    ]
}

/// The rules every answer keeps, whatever the input.
fn check(d: &paycodes::Decoded<'_>) -> Result<(), TestCaseError> {
    prop_assert!(!d.canonical().is_empty());
    if d.outcome() == Outcome::Unknown {
        prop_assert_eq!(d.action(), Action::InquireStatus, "unknown must mean inquire, never retry blindly");
    }
    if d.action() == Action::RetryLater {
        prop_assert_eq!(d.outcome(), Outcome::Failed, "a retry only when nothing happened");
    }
    let mut json = Vec::new();
    paycodes::json::write_decoded(&mut json, d);
    let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&json);
    prop_assert!(parsed.is_ok(), "not JSON: {}", String::from_utf8_lossy(&json));
    prop_assert!(!paycodes::explain(d, Locale::En).is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_code_or_message_panics(code in code(), message in prop::option::of(".{0,60}"), ctx in context()) {
        if let Ok(d) = decode(&code, message.as_deref(), &ctx) {
            check(&d)?;
            // The detail is a span of the message given, or the fixed text of a provider's
            // spelling; never anything else.
            let m = message.as_deref().unwrap_or("");
            match (d.detail(), d.detail_ref()) {
                (None, None) => {}
                (Some(detail), Some(DetailRef::Span { start, end })) => {
                    prop_assert_eq!(m.get(start..end), Some(detail), "detail {:?} from {:?}", detail, m);
                }
                (Some(detail), Some(DetailRef::Fixed(t))) => prop_assert_eq!(t.as_str(), detail),
                (detail, r) => prop_assert!(false, "detail {:?} with {:?} from {:?}", detail, r, m),
            }
        }
    }

    #[test]
    fn no_bytes_panic(bytes in prop::collection::vec(any::<u8>(), 0..64), ctx in context()) {
        if let Ok(d) = decode_bytes(&bytes, None, &ctx) {
            check(&d)?;
        }
    }

    #[test]
    fn no_number_panics(n in any::<i64>(), f in any::<f64>(), ctx in context()) {
        if let Ok(d) = decode_integer(n, None, &ctx) {
            check(&d)?;
        }
        if let Ok(d) = decode_float(f, None, &ctx) {
            check(&d)?;
        }
    }

    /// parse(build(x)) == x: any standard service, case and provider, and a detail that is a
    /// field name or a short phrase, comes back from the built code and message.
    #[test]
    fn decoding_what_was_built_gives_it_back(
        service in 0..snap_services().len(),
        case in 0..snap_cases().len(),
        provider in 0..providers().len(),
        detail in prop::option::of(prop_oneof!["[A-Za-z][A-Za-z0-9._]{0,24}( [A-Za-z0-9][A-Za-z0-9._]{0,12}){0,2}[.,]?", "\\PC{1,30}"]),
    ) {
        let (s, c, p): (_, _, &'static Provider) = (&snap_services()[service], &snap_cases()[case], &providers()[provider]);
        let built = match build_snap(c.http(), s.code().as_str(), c.case(), detail.as_deref(), p) {
            Ok(b) => b,
            // A provider may rename or drop what the standard has; the standard itself builds all.
            Err(e) => {
                prop_assert!(!std::ptr::eq(p, Provider::standard()), "standard refused {}: {e}", c.http());
                return Ok(());
            }
        };
        let message = built.to_string();
        let ctx = Context::new().with_provider(p);
        let d = decode(built.code(), Some(&message), &ctx).unwrap();
        prop_assert_eq!(d.canonical(), built.code());
        prop_assert!(d.known());
        prop_assert_eq!(d.reason(), built.row().semantics().reason(), "{} {}", built.code(), message);
        // A detail that spells a provider's documented message reads back as that spelling's
        // fixed detail: the same words in the provider's casing and spacing (found by fuzzing).
        let words = |s: Option<&str>| s.map(|s| s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect::<String>());
        prop_assert!(d.detail() == built.detail() || words(d.detail()) == words(built.detail()),
            "{} {:?}: built {:?}, read {:?}", built.code(), message, built.detail(), d.detail());
        // What was given comes back, up to the separators a reader drops around it.
        let given = detail.as_deref().map(|x| x.trim_matches(|c: char| c.is_whitespace() || ".,:;-()[]{}\"'/|".contains(c)));
        // (A detail of ASCII punctuation only names nothing: it is dropped.)
        let names = |x: &&str| x.chars().any(|c| !(c.is_ascii_punctuation() || c.is_whitespace() || c.is_control()));
        prop_assert_eq!(built.detail(), given.filter(names));
        check(&d)?;
    }
}

/// Bodies built from the fields that matter, with values right, wrong and absurd.
fn body() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        "\"[0-9]{2}\"",
        "[0-9]{1,3}",
        "\"(SUCCESS|settlement|PENDING|deny|capture|FAILED|EXPIRED|SUCCEEDDED|PAID|true|x)\"",
        "(true|false|null|\\{\\}|\\[\\])",
        "\"\\PC{0,8}\"",
    ];
    let code = prop_oneof!["\"[0-9]{3}(54|55|25|26|47|51|18|36|XX)[0-9]{2}\"", "[0-9]{7}", "\"[0-9A-Z]{0,9}\""];
    let key = prop::sample::select(vec![
        "latestTransactionStatus",
        "transactionStatus",
        "virtualAccountData\":{\"paymentFlagStatus",
        "transaction_status",
        "fraud_status",
        "status_code",
        "status",
        "data\":{\"status",
        "failure_code",
        "channel_response_code",
        "originalResponseCode",
        "partnerReferenceNo",
        "serviceCode",
        "payment_type",
    ]);
    (code, prop::option::of(".{0,30}"), prop::collection::vec((key, value), 0..5)).prop_map(
        |(code, message, fields)| {
            let mut s = format!("{{\"responseCode\":{code}");
            if let Some(m) = message {
                s.push_str(&format!(",\"responseMessage\":{}", serde_json::Value::from(m)));
            }
            for (k, v) in fields {
                let close = if k.contains('{') { "}" } else { "" };
                s.push_str(&format!(",\"{k}\":{v}{close}"));
            }
            s.push('}');
            s
        },
    )
}

/// The money rules every whole-response answer keeps.
fn check_response(r: &paycodes::Response) -> Result<(), TestCaseError> {
    use paycodes::Evidence;
    if r.outcome() == Outcome::Unknown {
        prop_assert_eq!(r.action(), Action::InquireStatus);
    }
    if r.action() == Action::RetryLater {
        prop_assert_eq!(r.outcome(), Outcome::Failed);
    }
    if r.outcome() == Outcome::Success {
        prop_assert!(!matches!(
            r.decided_by(),
            Evidence::NoBody | Evidence::NoResponse | Evidence::Ambiguous | Evidence::NoEvidence
        ));
    }
    if r.decided_by() == Evidence::Ambiguous {
        prop_assert_eq!(r.outcome(), Outcome::Unknown);
    }
    // A failed status inquiry says nothing about the transaction.
    if let Some(c) = r.code()
        && c.service().is_some_and(|s| s.kind() == paycodes::ServiceKind::StatusInquiry)
        && c.http_status().is_some_and(|h| h >= 300)
    {
        prop_assert_eq!(r.outcome(), Outcome::Unknown, "failed inquiry: {}", paycodes::json::response_to_string(r));
    }
    let json = paycodes::json::response_to_string(r);
    prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "not JSON: {}", json);
    prop_assert!(!paycodes::explain_response(r, Locale::En).is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn no_body_panics_and_money_rules_hold(
        body in body(),
        http in prop::option::of(prop::sample::select(vec![200u16, 202, 400, 401, 404, 409, 500, 504])),
        ctx in context(),
    ) {
        let r = paycodes::decode_response(Some(body.as_bytes()), http, &ctx);
        prop_assert!(r.is_ok(), "{:?} for {}", r.err(), body);
        check_response(&r.unwrap())?;
    }

    #[test]
    fn no_bytes_body_panics(bytes in prop::collection::vec(any::<u8>(), 0..200), ctx in context()) {
        if let Ok(r) = paycodes::decode_response(Some(&bytes), None, &ctx) {
            check_response(&r)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Retry decisions: no input panics; a retry only ever for a failed transaction; a Visa
    /// category 1 decline is never retried; attempts left never exceed the network's limit.
    #[test]
    fn retry_decisions_keep_the_rules(
        code in "[0-9A-Z]{1,2}",
        visa in any::<bool>(),
        mac in prop::option::of("[0-9]{2}"),
        history in prop::collection::vec(("[0-9A-Z]{2}", 0i64..(60 * 86_400), prop::option::of("[0-9]{2}")), 0..40),
    ) {
        use paycodes::{Attempt, Category, Network, Verdict};
        let now = 1_796_000_000i64;
        let network = if visa { Network::Visa } else { Network::Mastercard };
        let attempts: Vec<Attempt> = history
            .iter()
            .map(|(c, ago, m)| Attempt {
                at: now - ago,
                code: paycodes::InlineStr::from_ascii(c.as_bytes()),
                mac: m.as_ref().map(|m| paycodes::InlineStr::from_ascii(m.as_bytes())),
                customer_present: None,
            })
            .collect();
        let mac = if visa { None } else { mac.as_deref() };
        if let Ok(r) = paycodes::retry_decision(&code, network, mac, &attempts, now, None, &Context::new()) {
            if r.verdict() != Verdict::Never {
                prop_assert_eq!(r.outcome(), Outcome::Failed, "{:?}", r);
            }
            if visa && r.category() == Category::WillNeverApprove {
                prop_assert_eq!(r.verdict(), Verdict::Never);
            }
            prop_assert!(r.attempts_left().is_none_or(|n| n <= 35));
            if r.verdict() == Verdict::RetryAfter {
                prop_assert!(r.not_before().is_some_and(|t| t > now));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// decode_many shares an answer between equal items only (the packed key of short codes
    /// included: "40" and "40\0" must not meet) and each answer is the item's own decode.
    #[test]
    fn a_batch_answers_each_item_as_decoding_it_alone(
        items in prop::collection::vec(
            (prop_oneof![code(), "[0-9\u{0}]{0,17}", Just("4035414".to_string())], prop::option::of("Invalid Field Format [a-z]{1,3}")),
            1..40,
        ),
    ) {
        use paycodes::api::{self, Args, Call, Input};
        let inputs: Vec<(Input<'_>, Input<'_>)> = items
            .iter()
            .map(|(c, m)| (Input::Str(c), m.as_deref().map_or(Input::Null, Input::Str)))
            .collect();
        let args = Args::new(Call::DecodeMany);
        let batch = api::decode_many(&inputs, &args).unwrap();
        let ctx = args.context().unwrap();
        let json = |d: &paycodes::Decoded<'_>| {
            let mut out = Vec::new();
            paycodes::json::write_obj(&mut out, &paycodes::fields::Obj::Decoded(d));
            out
        };
        for (i, (code, message)) in inputs.iter().enumerate() {
            let alone = api::decode_input(code, message, &ctx).map(|d| json(&d));
            let shared = batch.answers[batch.slots[i] as usize].as_ref().map(json).map_err(|e| *e);
            prop_assert_eq!(alone, shared, "item {}: {:?}", i, items[i]);
            for (j, other) in items.iter().enumerate().take(i) {
                prop_assert_eq!(batch.slots[i] == batch.slots[j], other == &items[i], "items {} and {}", j, i);
            }
        }
    }
}

#[test]
fn packed_short_codes_keep_their_length() {
    use paycodes::api::{self, Args, Call, Input};
    let items = ["40", "40\0", "4035414", "4035414", "4035414\0\0\0\0\0\0\0\0", "4035414 "];
    let inputs: Vec<(Input<'_>, Input<'_>)> = items.iter().map(|c| (Input::Str(c), Input::Null)).collect();
    let batch = api::decode_many(&inputs, &Args::new(Call::DecodeMany)).unwrap();
    assert_eq!(batch.slots, vec![0, 1, 2, 2, 3, 4]);
}
