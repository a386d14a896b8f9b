//! Invariants of the compiled tables.

use paycodes::{
    Category, Context, Locale, Provider, Reason, customer_message, decode, operations, providers, reasons, snap_cases,
    snap_services,
};
use std::collections::HashSet;

#[test]
fn the_standard_has_81_services_01_to_81() {
    let codes: Vec<&str> = snap_services().iter().map(|s| s.code().as_str()).collect();
    let expected: Vec<String> = (1..=81).map(|n| format!("{n:02}")).collect();
    assert_eq!(codes, expected);
    for s in snap_services() {
        assert!(!s.name().is_empty() && !s.product().is_empty() && !s.source().is_empty());
        if let Some(st) = s.status_service() {
            let target = snap_services().iter().find(|t| t.code() == st).unwrap();
            assert_eq!(target.kind(), paycodes::ServiceKind::StatusInquiry, "{} -> {st}", s.code());
        }
    }
}

#[test]
fn the_case_table_has_every_standard_pair_once() {
    assert_eq!(snap_cases().len(), 63);
    let mut seen = HashSet::new();
    for c in snap_cases() {
        assert!(seen.insert((c.http(), c.case())));
        assert!(!c.source().is_empty() && !c.description().is_empty());
        let cat = c.semantics().category();
        assert!(matches!(cat, Category::Success | Category::System | Category::Message | Category::Business));
    }
    let per_status = |h: u16| snap_cases().iter().filter(|c| c.http() == h).count();
    assert_eq!((per_status(400), per_status(401), per_status(403), per_status(404)), (3, 5, 24, 20));
}

#[test]
fn every_reason_has_one_row_with_its_number() {
    let rows = reasons();
    assert_eq!(rows.len(), Reason::ALL.len());
    for (row, reason) in rows.iter().zip(Reason::ALL) {
        assert_eq!(row.reason(), *reason);
        assert_eq!(reason.row().reason(), *reason);
        assert_eq!(Reason::from_id(reason.id()), Some(*reason));
        assert_eq!(Reason::from_number(reason.number()), Some(*reason));
    }
}

#[test]
fn every_reason_in_every_locale_has_a_usable_customer_message() {
    let must_mask = [
        Reason::SuspectedFraud,
        Reason::LostCard,
        Reason::StolenCard,
        Reason::PickUpCard,
        Reason::SecurityViolation,
        Reason::LegalViolation,
    ];
    let generic_en = customer_message(Reason::Declined, Locale::En).text;
    for &reason in Reason::ALL {
        for locale in [Locale::En, Locale::Id] {
            let m = customer_message(reason, locale);
            let t = m.text.as_str();
            assert!(t.len() > 10, "{reason} {locale}");
            assert!(!t.contains(['{', '}', '[', ']']), "{reason} {locale}: placeholder left");
            assert!(t.ends_with('.'), "{reason} {locale}: not a sentence");
            assert!(t.split(". ").count() <= 2, "{reason} {locale}: more than two sentences");
            assert_eq!(m.masked, must_mask.contains(&reason), "{reason}");
            if m.masked {
                assert_eq!(customer_message(reason, Locale::En).text, generic_en);
                for word in ["fraud", "stolen", "lost", "penipuan", "curi", "hilang"] {
                    assert!(!t.to_lowercase().contains(word), "{reason} leaks {word}");
                }
            }
        }
        let en = customer_message(reason, Locale::En).text;
        let id = customer_message(reason, Locale::Id).text;
        assert_ne!(en, id, "{reason}: Indonesian text is the English one");
    }
}

#[test]
fn locales_are_read_leniently() {
    assert_eq!(Locale::from_tag("in"), Locale::Id);
    assert_eq!(Locale::from_tag("id-ID"), Locale::Id);
    assert_eq!(Locale::from_tag("IN_id"), Locale::Id);
    assert_eq!(Locale::from_tag("en-US"), Locale::En);
    assert_eq!(Locale::from_tag("fr"), Locale::En);
    assert_eq!(Locale::from_tag(""), Locale::En);
    assert_eq!(
        paycodes::api::customer_message(
            &paycodes::api::Input::Str("INSUFFICIENT_FUNDS"),
            &paycodes::api::Args::new(paycodes::api::Call::CustomerMessage)
                .with(paycodes::Arg::Locale, paycodes::api::Input::Str("xx"))
        )
        .unwrap(),
        customer_message(Reason::InsufficientFunds, Locale::En)
    );
    let no_such = paycodes::api::Input::Str("no_such_reason");
    let args = paycodes::api::Args::new(paycodes::api::Call::CustomerMessage);
    assert_eq!(paycodes::api::customer_message(&no_such, &args).unwrap_err().id(), "unknown_reason");
}

#[test]
fn providers_are_found_by_id_and_alias() {
    let ids: Vec<&str> = providers().iter().map(|p| p.id()).collect();
    assert_eq!(ids[..5], ["standard", "doku", "ifortepay", "bank_neo_commerce", "ayoconnect"]);
    // The profiles of issue 14 (at least 14 new ones).
    for id in [
        "bca",
        "bri",
        "mandiri",
        "bni",
        "dana",
        "ovo",
        "shopeepay",
        "linkaja",
        "midtrans",
        "xendit",
        "flip",
        "oy",
        "durianpay",
        "faspay",
        "winpay",
        "nicepay",
        "espay",
        "paydia",
        "astrapay",
        "paylabs",
        "brick",
        "qoinhub",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    for (alias, id) in
        [("bank_mandiri", "mandiri"), ("oy_indonesia", "oy"), ("OY Indonesia", "oy"), ("oyindonesia", "oy")]
    {
        assert_eq!(paycodes::Provider::find(alias).map(|p| p.id()), Some(id), "{alias}");
    }
    for (name, id) in [
        ("DOKU", "doku"),
        ("Bank Neo Commerce", "bank_neo_commerce"),
        ("bank-neo-commerce", "bank_neo_commerce"),
        ("bnc", "bank_neo_commerce"),
        (" Ayoconnect ", "ayoconnect"),
        ("iFortepay", "ifortepay"),
        ("snap", "standard"),
    ] {
        assert_eq!(Provider::find(name).map(|p| p.id()), Some(id), "{name}");
    }
    assert!(Provider::find("paypal").is_none());
    assert_eq!(Context::from_options(Some("paypal"), None, None, None, None).unwrap_err().id(), "unknown_provider");
    for p in providers() {
        assert!(!p.source().is_empty());
        for s in p.services() {
            assert!(!s.source().is_empty());
        }
        for c in p.cases() {
            assert!(!c.row().source().is_empty());
        }
        // Every profile says what it covers and where its bodies keep the state, with sources.
        assert!(!p.covers().is_empty() && !p.document().is_empty(), "{}", p.id());
        for f in p.fields() {
            assert!(!f.source().is_empty() && !f.path().is_empty(), "{} {}", p.id(), f.path());
        }
    }
    for v in paycodes::Vocabulary::all() {
        assert!(!v.source().is_empty(), "{}", v.id());
        for r in v.rows() {
            assert!(!r.source().is_empty(), "{} {}", v.id(), r.code());
        }
    }
    // No two profiles claim one id or alias (build.rs refuses it too; this checks the result).
    let mut seen = std::collections::HashSet::new();
    for p in providers() {
        for name in std::iter::once(p.id()).chain(p.aliases().iter().copied()) {
            assert!(seen.insert(name), "{name} is claimed twice");
        }
    }
}

#[test]
fn provider_service_names_come_from_their_documents() {
    let name = |p: &str, code: &str| {
        let ctx = Context::from_options(Some(p), None, None, None, None).unwrap();
        decode(&format!("200{code}00"), None, &ctx).unwrap().service().map(|s| s.name().as_str().to_owned())
    };
    assert_eq!(name("bank_neo_commerce", "12").as_deref(), Some("Transaction Status Inquiry - Static"));
    assert_eq!(name("standard", "12").as_deref(), Some("Transaction History List"));
    assert_eq!(name("ayoconnect", "08").as_deref(), Some("Account Binding Status API"));
    assert_eq!(name("doku", "43").as_deref(), Some("Transfer Bank (Kirim DOKU)"));
    // BNC's 12 is a status inquiry: a 5xx on it is a failed inquiry, not an unknown payment.
    let bnc = Context::from_options(Some("bnc"), None, None, None, None).unwrap();
    assert_eq!(decode("5001200", None, &bnc).unwrap().outcome(), paycodes::Outcome::Failed);
}

#[test]
fn operations_have_ids_and_sources() {
    assert!(operations().len() >= 13);
    for op in operations() {
        assert!(!op.source().is_empty());
        assert_eq!(paycodes::OperationInfo::find(op.id()).map(|o| o.id()), Some(op.id()));
    }
}

#[test]
fn table_text_is_nul_terminated_for_c() {
    for s in snap_services() {
        let b = s.name().as_bytes_with_nul();
        assert_eq!(b.last(), Some(&0));
        assert_eq!(&b[..b.len() - 1], s.name().as_str().as_bytes());
    }
}
