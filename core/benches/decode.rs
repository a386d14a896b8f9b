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
    g.bench_function("detail_extraction", |b| {
        b.iter(|| {
            black_box(decode(black_box("4002501"), Some(black_box("Invalid Field Format virtualAccountNo")), &ctx))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
