//! A fixed loop over the benchmark's codes, for instruction counts under callgrind
//! (`valgrind --tool=callgrind`): repeatable on a noisy machine, unlike wall time.
//! `decode_loop paycodes|kamu [ROUNDS]`; scripts/bench.sh reports the ratio.
//! `decode_loop codes` prints the codes, one per line (the C benchmark reads them).

use std::hint::black_box;

fn main() {
    let services = ["54", "18", "24", "25", "36", "47", "73", "16"];
    let codes: Vec<String> = paycodes::snap_cases()
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}{}{:02}", c.http(), services[i % services.len()], c.case()))
        .collect();
    let ctx = paycodes::Context::new();
    let which = std::env::args().nth(1).unwrap_or_default();
    if which == "codes" {
        for c in &codes {
            println!("{c}");
        }
        return;
    }
    let rounds: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    for _ in 0..rounds {
        for c in &codes {
            if which == "kamu" {
                let r = kamu_snap_response::ResponseCode::parse(black_box(c.as_str()));
                black_box(r.classify());
                black_box(&r);
            } else {
                let d = paycodes::decode(black_box(c), None, &ctx);
                black_box(&d);
            }
        }
    }
}
