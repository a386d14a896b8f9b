//! `paycodes-stress [VECTORS_DIR] [THREADS] [PER_THREAD]`: thread stress of the core.
//!
//! The workload every language's stress test uses: the items are the (code, message) pairs of
//! every vector whose input has only a string `code` and optionally a `message`, and which
//! expects an answer (98 mixed codes: SNAP, templates, card codes, provider strings, padded
//! and lowercase forms, messages with details). Each of 8 threads decodes 1,000,000 of them
//! (item `(i * 7919 + t * 104729) % n`), all at once; every answer must equal, byte for byte
//! as JSON, the single-threaded answer for the same item.

use paycodes::{Context, Locale, decode, json};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(paycodes_conformance::default_dir);
    let threads: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(8);
    let per_thread: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let items = paycodes_conformance::stress_items(&dir);
    let ctx = Context::new().with_locale(Locale::Id);
    let answer = |(code, message): &(String, Option<String>)| {
        let d = decode(code, message.as_deref(), &ctx).expect("stress items decode");
        let mut out = Vec::new();
        json::write_decoded(&mut out, &d);
        out
    };
    let reference: Vec<Vec<u8>> = items.iter().map(answer).collect();
    let started = Instant::now();
    let mismatches: usize = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (items, reference, answer) = (&items, &reference, &answer);
                s.spawn(move || {
                    (0..per_thread)
                        .filter(|i| {
                            let k = (i * 7919 + t * 104_729) % items.len();
                            answer(&items[k]) != reference[k]
                        })
                        .count()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("a stress thread panicked")).sum()
    });
    println!(
        "{threads} threads x {per_thread} decodes of {} mixed items in {:.1} s: {mismatches} differ from the single-threaded answers",
        items.len(),
        started.elapsed().as_secs_f64()
    );
    if mismatches == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
