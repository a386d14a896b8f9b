//! A decode does no heap allocation: proved with a counting global allocator.

use paycodes::{Context, decode, decode_bytes, decode_integer};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

// Per thread, so tests running in parallel do not count each other's allocations.
thread_local! {
    static ARMED: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation() {
    if ARMED.with(Cell::get) {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn count<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    ARMED.with(|a| a.set(true));
    let r = f();
    ARMED.with(|a| a.set(false));
    (r, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn the_counter_sees_allocations() {
    let (_, n) = count(|| std::hint::black_box(vec![1u8; 64]));
    assert!(n >= 1, "the counting allocator must count, or the next test proves nothing");
}

#[test]
fn decoding_allocates_nothing() {
    let doku = Context::from_options(Some("doku"), None, None, None, None).unwrap();
    let bnc = Context::from_options(Some("bank neo commerce"), None, None, Some("direct_debit"), None).unwrap();
    let va = Context::from_options(None, Some("status"), None, None, Some("va")).unwrap();
    let snap_status = Context::from_options(None, Some("status"), None, None, Some("snap")).unwrap();
    let inputs: &[(&str, Option<&str>, &Context)] = &[
        ("4035414", None, &Context::new()),
        ("4035414", Some("Insufficient Fund"), &Context::new()),
        ("4002501", Some("Invalid Field Format virtualAccountNo"), &Context::new()),
        ("401XX00", Some("Unauthorized . Signature Not Match"), &doku),
        ("2024300", None, &doku),
        ("4094302", Some("Transaction Has Been Processed"), &doku),
        ("403xx18", Some("InactiveCard/Accoun t/Customer"), &bnc),
        ("4041818", None, &bnc),
        ("5999999", None, &Context::new()),
        ("200US00", None, &Context::new()),
        ("  2002400 ", None, &Context::new()),
        ("", None, &Context::new()),
        ("12345678", None, &Context::new()),
        ("9995414", None, &Context::new()),
        ("40ICL01", Some("x"), &Context::new()),
        ("51", None, &Context::new()),
        ("70", None, &Context::new()),
        ("n7", None, &doku),
        ("X9", None, &Context::new()),
        ("TIME_OUT", None, &Context::new()),
        ("curency_mismatch", None, &doku),
        ("SOMETHING_NEW", None, &doku),
        ("cancelled", None, &va),
        ("3", None, &snap_status),
        ("hello world", None, &Context::new()),
    ];
    let long_message = "Invalid Field Format ".repeat(40);
    let (_, n) = count(|| {
        for (code, msg, ctx) in inputs {
            let r = decode(code, *msg, ctx);
            std::hint::black_box(&r);
            if let Ok(d) = r {
                std::hint::black_box((d.customer_message_in(paycodes::Locale::Id), d.service(), d.detail()));
            }
        }
        std::hint::black_box(decode("4002501", Some(&long_message), &Context::new()).ok());
        std::hint::black_box(decode_integer(2002400, None, &Context::new()).ok());
        std::hint::black_box(decode_bytes(b"40\xff5414", None, &Context::new()).err());
    });
    assert_eq!(n, 0, "decode allocated {n} times");
}
