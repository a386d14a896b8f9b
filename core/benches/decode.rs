//! Decode throughput of known SNAP codes, against kamu-snap-response's
//! `ResponseCode::parse` + `classify` on the same codes in the same run.
//!
//! Both sides get the same `&str` codes; per-code time = reported time / codes.len().
//! `scripts/bench-summary.py` turns the estimates into the README's ratios.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use paycodes::{Context, decode, snap_cases};
use std::hint::black_box;

/// Every standard HTTP status + case, spread over money-moving and inquiry services.
fn known_codes() -> Vec<String> {
    let services = ["54", "18", "24", "25", "36", "47", "73", "16"];
    let mut codes = Vec::new();
    for (i, c) in snap_cases().iter().enumerate() {
        codes.push(format!("{}{}{:02}", c.http(), services[i % services.len()], c.case()));
    }
    codes
}

fn bench(c: &mut Criterion) {
    let codes = known_codes();
    let ctx = Context::new();
    let mut g = c.benchmark_group("snap_known");
    g.throughput(Throughput::Elements(codes.len() as u64));
    g.bench_function(BenchmarkId::new("paycodes_decode", codes.len()), |b| {
        b.iter(|| {
            for code in &codes {
                let d = decode(black_box(code), None, &ctx);
                black_box(&d);
            }
        })
    });
    g.bench_function(BenchmarkId::new("kamu_parse_classify", codes.len()), |b| {
        b.iter(|| {
            for code in &codes {
                let r = kamu_snap_response::ResponseCode::parse(black_box(code.as_str()));
                black_box(r.classify());
                black_box(&r);
            }
        })
    });
    g.finish();

    // Not compared: what a provider profile and message matching add.
    let doku = Context::from_options(Some("doku"), None, None, None, None).unwrap();
    let mut g = c.benchmark_group("snap_extras");
    g.throughput(Throughput::Elements(1));
    g.bench_function("doku_profile", |b| b.iter(|| black_box(decode(black_box("4034314"), None, &doku))));
    // The same code under the standard profile: what the profile itself costs.
    g.bench_function("standard_same_code", |b| b.iter(|| black_box(decode(black_box("4034314"), None, &ctx))));
    g.bench_function("detail_extraction", |b| {
        b.iter(|| {
            black_box(decode(black_box("4002501"), Some(black_box("Invalid Field Format virtualAccountNo")), &ctx))
        })
    });
    g.finish();

    bench_responses(c);
}

/// Typical SNAP status bodies (a direct-debit status inquiry, 466 bytes; a VA inquiry status,
/// 577 bytes).
const BODIES: [&str; 2] = [
    r#"{"responseCode":"2005500","responseMessage":"Successful","originalPartnerReferenceNo":"2020102900000000000001","originalReferenceNo":"2020102977770000000009","originalExternalId":"30443786930722726463280097920912","serviceCode":"54","latestTransactionStatus":"00","transactionStatusDesc":"success","paidTime":"2020-12-21T14:56:11+07:00","amount":{"value":"12345678.00","currency":"IDR"},"feeAmount":{"value":"12345.00","currency":"IDR"},"additionalInfo":{"deviceId":"12345679237","channel":"mobilephone"}}"#,
    r#"{"responseCode":"2002600","responseMessage":"Successful","virtualAccountData":{"paymentFlagReason":{"english":"Success","indonesia":"Sukses"},"partnerServiceId":"  088899","customerNo":"12345678901234567890","virtualAccountNo":"  08889912345678901234567890","inquiryRequestId":"abcdef-123456-abcdef","paymentRequestId":"abcdef-123456-abcdef","paidAmount":{"value":"12345678.00","currency":"IDR"},"paidBills":"95ac6d7b7e1d4ac0","totalAmount":{"value":"12345678.00","currency":"IDR"},"trxDateTime":"20201231T235959Z","transactionDate":"20201231T235959Z","referenceNo":"123456789012345","paymentType":"1","flagAdvise":"Y","paymentFlagStatus":"00","billDetails":[],"freeTexts":[]},"additionalInfo":{}}"#,
];

/// The baseline: what an integrator writes with serde_json: the whole body as a `Value`,
/// then the same fields read (code and message, state, payment flag, references) and the
/// same decisions (the code through paycodes, the state by a match).
fn baseline(body: &str, ctx: &Context) -> (bool, Option<String>) {
    let v: serde_json::Value = serde_json::from_str(body).expect("JSON");
    let code = v.get("responseCode").and_then(|c| c.as_str());
    let message = v.get("responseMessage").and_then(|c| c.as_str());
    let decoded = code.and_then(|c| decode(c, message, ctx).ok());
    let state = v
        .get("latestTransactionStatus")
        .or_else(|| v.get("virtualAccountData").and_then(|d| d.get("paymentFlagStatus")))
        .and_then(|s| s.as_str());
    let paid = match state {
        Some("00") => true,
        Some(_) => false,
        None => decoded.is_some_and(|d| d.outcome() == paycodes::Outcome::Success),
    };
    let reference = ["originalPartnerReferenceNo", "originalReferenceNo", "partnerReferenceNo", "referenceNo"]
        .iter()
        .find_map(|k| v.get(*k).and_then(|x| x.as_str()))
        .map(str::to_owned);
    (paid, reference)
}

fn bench_responses(c: &mut Criterion) {
    let ctx = Context::new();
    for body in BODIES {
        let r = paycodes::decode_response(Some(body.as_bytes()), None, &ctx).expect("decodes");
        assert_eq!(r.outcome(), paycodes::Outcome::Success, "{body}");
        assert!(baseline(body, &ctx).0);
    }
    let mut g = c.benchmark_group("response");
    g.throughput(Throughput::Elements(BODIES.len() as u64));
    g.bench_function(BenchmarkId::new("paycodes_decode_response", BODIES.len()), |b| {
        b.iter(|| {
            for body in BODIES {
                black_box(paycodes::decode_response(Some(black_box(body.as_bytes())), None, &ctx).ok());
            }
        })
    });
    g.bench_function(BenchmarkId::new("serde_json_value_and_lookups", BODIES.len()), |b| {
        b.iter(|| {
            for body in BODIES {
                black_box(baseline(black_box(body), &ctx));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
