//! The short human explanation (what happened, did the money move, what to do next), in
//! English or Bahasa Indonesia: what `paycodes explain` and `python -m paycodes explain`
//! print.

use crate::{Action, Decoded, Family, Locale, Outcome};
use std::fmt::Write;

struct Words {
    happened: &'static str,
    detail: &'static str,
    api: &'static str,
    moves_money: &'static str,
    no_money: &'static str,
    money: &'static str,
    next: &'static str,
    customer: &'static str,
    masked: &'static str,
    technical: &'static str,
    unknown_code: &'static str,
    template: &'static str,
    operation: &'static str,
    reason: &'static str,
    network: &'static str,
    by_network: &'static str,
    kind: &'static str,
    decided: &'static str,
    code: &'static str,
    references: &'static str,
    warnings: &'static str,
}

const EN: Words = Words {
    happened: "What happened",
    detail: "Detail",
    api: "API",
    moves_money: "moves money",
    no_money: "does not move money",
    money: "Money moved?",
    next: "What to do",
    customer: "Tell the customer",
    masked: "(real reason hidden from the customer)",
    technical: "For support",
    unknown_code: "Not in any table: read from the code's structure.",
    template: "Documentation template (service xx): the service is not known.",
    operation: "Operation",
    reason: "Reason",
    network: "Network",
    by_network: "Depends on the network; give --network for the exact reading:",
    kind: "Status kind",
    decided: "Decided by",
    code: "Response code",
    references: "Inquire with",
    warnings: "Warnings",
};

const ID: Words = Words {
    happened: "Yang terjadi",
    detail: "Detail",
    api: "API",
    moves_money: "memindahkan dana",
    no_money: "tidak memindahkan dana",
    money: "Dana berpindah?",
    next: "Langkah berikut",
    customer: "Untuk pelanggan",
    masked: "(alasan sebenarnya disembunyikan dari pelanggan)",
    technical: "Catatan teknis (EN)",
    unknown_code: "Tidak ada di tabel: dibaca dari struktur kodenya.",
    template: "Templat dokumentasi (layanan xx): layanannya tidak diketahui.",
    operation: "Operasi",
    reason: "Alasan",
    network: "Jaringan",
    by_network: "Tergantung jaringan kartu; pakai --network untuk arti yang pasti:",
    kind: "Jenis status",
    decided: "Diputuskan oleh",
    code: "Kode respons",
    references: "Referensi",
    warnings: "Peringatan",
};

fn outcome_text(o: Outcome, l: Locale) -> &'static str {
    match (o, l) {
        (Outcome::Success, Locale::En) => "Yes: it went through (success).",
        (Outcome::Pending, Locale::En) => {
            "Not yet: accepted, the final result comes later (pending). Do not treat it as paid."
        }
        (Outcome::Failed, Locale::En) => "No: it did not happen (failed).",
        (Outcome::Unknown, Locale::En) => "Maybe: the outcome is unknown. Inquire before acting; never retry blindly.",
        (Outcome::Success, Locale::Id) => "Ya: transaksi berhasil (success).",
        (Outcome::Pending, Locale::Id) => {
            "Belum: diterima, hasil akhirnya menyusul (pending). Jangan dianggap lunas dulu."
        }
        (Outcome::Failed, Locale::Id) => "Tidak: transaksi tidak terjadi (failed).",
        (Outcome::Unknown, Locale::Id) => {
            "Mungkin: hasilnya belum pasti (unknown). Cek status dulu; jangan langsung mengulang."
        }
    }
}

fn action_text(a: Action, l: Locale) -> &'static str {
    match (a, l) {
        (Action::None, Locale::En) => "Nothing: this answer is final.",
        (Action::InquireStatus, Locale::En) => "Ask the status API with the same reference before doing anything else.",
        (Action::RetryLater, Locale::En) => "Retry later with backoff; nothing happened this time.",
        (Action::RefreshToken, Locale::En) => "Get a new access token, then send the request again.",
        (Action::FixRequest, Locale::En) => "Fix the request (format, signature, reference) before sending it again.",
        (Action::AskCustomer, Locale::En) => {
            "The customer must act: another card or method, a top-up, corrected details or an OTP."
        }
        (Action::ContactProvider, Locale::En) => "Contact the provider: a configuration or account matter.",
        (Action::DoNotRetry, Locale::En) => "Do not retry: the same request will not succeed.",
        (Action::None, Locale::Id) => "Tidak perlu apa-apa: jawaban ini sudah final.",
        (Action::InquireStatus, Locale::Id) => {
            "Tanyakan ke API status dengan referensi yang sama sebelum melakukan apa pun."
        }
        (Action::RetryLater, Locale::Id) => "Coba lagi nanti dengan jeda; kali ini tidak ada yang terjadi.",
        (Action::RefreshToken, Locale::Id) => "Ambil access token baru, lalu kirim ulang permintaannya.",
        (Action::FixRequest, Locale::Id) => {
            "Perbaiki permintaannya (format, tanda tangan, referensi) sebelum mengirim ulang."
        }
        (Action::AskCustomer, Locale::Id) => {
            "Pelanggan perlu bertindak: kartu atau metode lain, isi saldo, perbaiki data, atau masukkan OTP."
        }
        (Action::ContactProvider, Locale::Id) => "Hubungi penyedia layanan: ini soal konfigurasi atau akun.",
        (Action::DoNotRetry, Locale::Id) => "Jangan diulang: permintaan yang sama tidak akan berhasil.",
    }
}

/// The explanation (no trailing newline).
pub fn explain(d: &Decoded<'_>, locale: Locale) -> String {
    let mut out = String::new();
    write(&mut out, d, locale);
    out
}

fn write(out: &mut String, d: &Decoded<'_>, locale: Locale) {
    let w = if locale == Locale::Id { &ID } else { &EN };
    let mut lines: Vec<(&str, String)> = Vec::new();
    let family = match d.family() {
        Family::Snap => "SNAP",
        Family::Iso8583 => "ISO 8583",
        Family::Provider => "provider code",
        Family::Status => "status",
    };
    let _ = write!(out, "{} ({family}, {}): {}", d.canonical(), d.provider().id(), d.message());
    let cm = d.customer_message_in(locale);
    // The precise description is English table text: in Indonesian it moves to the
    // technical note below, and the customer line says what happened.
    if locale == Locale::En {
        lines.push((w.happened, d.merchant_message().to_string()));
    }
    if let Some(detail) = d.detail() {
        lines.push((w.detail, detail.to_owned()));
    }
    if let Some(s) = d.service() {
        let money = if s.moves_money() { w.moves_money } else { w.no_money };
        lines.push((w.api, format!("{} {} ({}), {money}", s.code(), s.name(), s.product())));
    }
    if d.is_template() {
        lines.push((w.api, w.template.to_owned()));
    }
    if let Some(op) = d.operation()
        && d.reason() == crate::Reason::InconsistentRequest
    {
        lines.push((w.operation, format!("{} ({})", op.id(), op.name())));
    }
    if let Some(n) = d.network() {
        lines.push((w.network, n.id().to_owned()));
    }
    let variants: Vec<_> = d.network_variants().collect();
    if !variants.is_empty() {
        lines.push((w.network, w.by_network.to_owned()));
        for v in variants {
            lines.push(("", format!("{}: {} ({}, {}, {})", v.network, v.message, v.category, v.outcome, v.action)));
        }
    }
    if let Some(k) = d.status_kind() {
        lines.push((w.kind, k.id().to_owned()));
    }
    lines.push((w.money, outcome_text(d.outcome(), locale).to_owned()));
    let mut next = action_text(d.action(), locale).to_owned();
    if d.action() == Action::InquireStatus
        && let Some(st) = d.service().and_then(|s| s.status_service())
    {
        next.push_str(if locale == Locale::Id { " Layanan status: " } else { " Status service: " });
        next.push_str(st.as_str());
        next.push('.');
    }
    lines.push((w.next, next));
    let mut customer = cm.text.to_string();
    if cm.masked {
        customer.push(' ');
        customer.push_str(w.masked);
    }
    lines.push((w.customer, customer));
    if locale == Locale::Id {
        lines.push((w.technical, d.merchant_message().to_string()));
    }
    if !d.known() {
        lines.push(("", w.unknown_code.to_owned()));
    }
    lines.push((w.reason, format!("{} ({}); source: {}", d.reason().id(), d.category().id(), d.source())));
    let width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (k, v) in lines {
        let _ = write!(out, "\n  {k:<width$}  {v}");
    }
}

/// The explanation of a whole response (no trailing newline): what `paycodes response`
/// prints.
pub fn explain_response(r: &crate::response::Response, locale: Locale) -> String {
    let w = if locale == Locale::Id { &ID } else { &EN };
    let mut out = String::new();
    let _ = write!(out, "Transaction ({}): {} ({})", r.provider().id(), r.outcome(), r.reason());
    let mut lines: Vec<(&str, String)> = Vec::new();
    let decided = match r.status() {
        Some(s) => format!(
            "{} = {:?}{}{}",
            s.field(),
            r.value_of(s),
            s.name().map_or(String::new(), |n| format!(" ({n})")),
            s.vocabulary().map_or(String::new(), |v| format!(", vocabulary {}", v.id())),
        ),
        None => String::new(),
    };
    let by = r.decided_by().id();
    lines.push((w.decided, if decided.is_empty() { by.to_owned() } else { format!("{by}: {decided}") }));
    if let Some(c) = r.code() {
        lines.push((w.code, format!("{} {} ({}, {})", c.canonical(), c.message(), c.outcome(), c.reason())));
    }
    if let Some(d) = r.decline() {
        lines.push(("", format!("{} = {:?}: {}", d.field(), r.value_of(d), d.name().map_or("", |n| n.as_str()))));
    }
    if locale == Locale::En {
        lines.push((w.happened, r.merchant_message().to_owned()));
    }
    lines.push((w.money, outcome_text(r.outcome(), locale).to_owned()));
    let mut next = action_text(r.action(), locale).to_owned();
    if r.action() == Action::InquireStatus
        && let Some(s) = r.inquiry_service()
    {
        next.push_str(if locale == Locale::Id { " Layanan status: " } else { " Status service: " });
        let _ = write!(next, "{} {}.", s.code(), s.name());
    }
    lines.push((w.next, next));
    let refs: Vec<String> = r.references().map(|(f, v)| format!("{f}={v}")).collect();
    if !refs.is_empty() {
        lines.push((w.references, refs.join(", ")));
    }
    let cm = r.customer_message();
    let mut customer = cm.text.to_string();
    if cm.masked {
        customer.push(' ');
        customer.push_str(w.masked);
    }
    lines.push((w.customer, customer));
    if locale == Locale::Id {
        lines.push((w.technical, r.merchant_message().to_owned()));
    }
    let warnings: Vec<&str> = r.warnings().iter().map(|x| x.id()).collect();
    if !warnings.is_empty() {
        lines.push((w.warnings, warnings.join(", ")));
    }
    let width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (k, v) in lines {
        let _ = write!(out, "\n  {k:<width$}  {v}");
    }
    out
}

/// The explanation of a retry decision (no trailing newline): what `paycodes retry` prints.
pub fn explain_retry(r: &crate::retry::RetryAnswer) -> String {
    let verdict = match (r.verdict(), r.rule().as_str()) {
        (_, "card.approved") => "Nothing to retry: it was approved.".to_owned(),
        (_, "card.outcome_unknown") => {
            "Not now: the outcome is unknown (the money may have moved). Inquire about the transaction first."
                .to_owned()
        }
        (crate::Verdict::Retry, _) => "Retry: it may be tried again now.".to_owned(),
        (crate::Verdict::RetryAfter, _) => {
            format!("Retry after {}: not before then.", r.not_before_text().unwrap_or("the stated wait"))
        }
        (crate::Verdict::Never, _) => "Never: do not try this transaction again.".to_owned(),
    };
    let mut out = format!("{} on {}: {}", r.code(), r.network(), verdict);
    let mut lines: Vec<(&str, String)> = vec![
        ("Rule", format!("{}{}", r.rule(), r.edition().map_or(String::new(), |e| format!(" (edition {e})")))),
        ("Decline", format!("{} ({}, {})", r.reason(), r.category(), r.outcome())),
    ];
    if let Some(n) = r.attempts_left() {
        lines.push(("Attempts left", n.to_string()));
    }
    lines.push(("Source", r.source().to_string()));
    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in lines {
        let _ = write!(out, "\n  {k:<width$}  {v}");
    }
    out
}
