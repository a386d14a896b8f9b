//! Card codes, provider string codes and statuses: invariants over every row.

use paycodes::{Action, Category, Context, Family, Network, Outcome, Reason, decode};

fn ctx(provider: &str) -> Context {
    Context::from_options(Some(provider), None, None, None, None).unwrap()
}

fn all_card_codes() -> Vec<String> {
    let mut v = Vec::new();
    for a in b'0'..=b'Z' {
        for b in b'0'..=b'Z' {
            if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
                v.push(String::from_utf8(vec![a, b]).unwrap());
            }
        }
    }
    v
}

/// The mapping from the seed's categories holds for every seed row under the doku
/// profile: never -> do_not_retry, cannot now -> retry_later, details -> ask_customer.
#[test]
fn card_categories_map_to_actions() {
    let mut checked = 0;
    for code in all_card_codes() {
        for network in [None, Some("visa"), Some("mastercard")] {
            let c = Context::from_options(Some("doku"), None, network, None, None).unwrap();
            let d = decode(&code, None, &c).unwrap();
            if !d.known() {
                continue;
            }
            checked += 1;
            match d.card_category().unwrap() {
                Category::WillNeverApprove => {
                    assert_eq!((d.outcome(), d.action()), (Outcome::Failed, Action::DoNotRetry), "{code}")
                }
                Category::CannotApproveNow => {
                    assert_eq!((d.outcome(), d.action()), (Outcome::Failed, Action::RetryLater), "{code}")
                }
                Category::CannotApproveWithDetails => {
                    assert_eq!((d.outcome(), d.action()), (Outcome::Failed, Action::AskCustomer), "{code}")
                }
                Category::Approved => assert_eq!(d.outcome(), Outcome::Success, "{code}"),
                Category::Generic => {}
                other => panic!("{code}: card category {other}"),
            }
        }
    }
    assert!(checked > 300, "{checked}");
}

/// Money invariants over every family and every row: unknown always inquires; pending never
/// is success and never retried blindly; approval only from approval rows.
#[test]
fn no_family_advises_a_blind_retry() {
    let mut inputs: Vec<(String, Context)> = Vec::new();
    for code in all_card_codes() {
        for n in [None, Some("visa"), Some("mastercard")] {
            for p in ["standard", "doku"] {
                inputs.push((code.clone(), Context::from_options(Some(p), None, n, None, None).unwrap()));
            }
        }
    }
    for r in paycodes::export::table(paycodes::export::TableName::ProviderStrings, paycodes::Provider::standard()).rows
    {
        inputs.push((r[1].to_string(), ctx(&r[0].to_string())));
    }
    // Every value (and alias) of every status vocabulary, plus one no vocabulary lists.
    let mut statuses = 0;
    for v in paycodes::Vocabulary::all() {
        let c = Context::from_options(None, Some("status"), None, None, Some(v.id())).unwrap();
        for row in v.rows() {
            for value in std::iter::once(row.code().as_str()).chain(row.aliases().iter().copied()) {
                inputs.push((value.to_owned(), c));
                statuses += 1;
            }
        }
        inputs.push(("X".into(), c));
        statuses += 1;
    }
    for (code, c) in &inputs {
        let d = decode(code, None, c).unwrap();
        if d.outcome() == Outcome::Unknown {
            assert_eq!(d.action(), Action::InquireStatus, "{code}");
        }
        if d.action() == Action::RetryLater {
            assert_eq!(d.outcome(), Outcome::Failed, "{code}");
        }
        if d.outcome() == Outcome::Pending {
            assert!(matches!(d.action(), Action::InquireStatus | Action::AskCustomer), "{code}");
        }
        if d.outcome() == Outcome::Success && d.family() == Family::Iso8583 {
            assert!(matches!(d.reason(), Reason::Success | Reason::PartialApproval), "{code}");
        }
    }
    // 36 * 36 card codes (0-9, A-Z) x 3 networks x 2 profiles, every string code, every status.
    let strings = paycodes::export::table(paycodes::export::TableName::ProviderStrings, paycodes::Provider::standard());
    assert_eq!(inputs.len(), 36 * 36 * 6 + strings.rows.len() + statuses);
    assert!(strings.rows.len() > 100 && statuses > 900, "{} {statuses}", strings.rows.len());
}

#[test]
fn network_dependent_codes_have_a_neutral_reading_and_both_variants() {
    for code in ["70", "76", "78", "79", "80", "81", "82", "89"] {
        let d = decode(code, None, &ctx("standard")).unwrap();
        assert_eq!(d.network(), None, "{code}");
        let nets: Vec<Network> = d.network_variants().map(|v| v.network).collect();
        assert_eq!(nets, [Network::Visa, Network::Mastercard], "{code}");
        for n in [Network::Visa, Network::Mastercard] {
            let d = decode(code, None, &ctx("standard").with_network(n)).unwrap();
            assert_eq!(d.network(), Some(n), "{code}");
            assert_eq!(d.network_variants().count(), 0);
        }
    }
}

#[test]
fn every_provider_string_and_status_row_decodes_to_itself() {
    use paycodes::export::{Cell, TableName, table};
    let t = table(TableName::ProviderStrings, paycodes::Provider::standard());
    assert!(t.rows.len() > 100, "{}", t.rows.len());
    for r in &t.rows {
        let (Cell::Text(p), Cell::Text(code)) = (&r[0], &r[1]) else { panic!() };
        let d = decode(code, None, &ctx(p)).unwrap();
        assert!(d.known() && d.canonical() == code && d.family() == Family::Provider, "{code}");
    }
    let t = table(TableName::Statuses, paycodes::Provider::standard());
    assert!(t.rows.len() >= 27);
    for r in &t.rows {
        let (Cell::Text(kind), Cell::Text(code)) = (&r[0], &r[2]) else { panic!() };
        let c = Context::from_options(None, Some("status"), None, None, Some(kind)).unwrap();
        let d = decode(code, None, &c).unwrap();
        assert!(d.known() && d.canonical() == code, "{kind} {code}");
    }
}

#[test]
fn byte_forms_of_code_parts_equal_the_str_forms() {
    let ctx = Context::new();
    for code in ["4035414", "400xx01", " 200US00 ", "51", "TIME_OUT", "5039900"] {
        let d = decode(code, None, &ctx).unwrap();
        assert_eq!(
            d.service_code_bytes().map(|b| b.to_vec()),
            d.service_code().map(|s| s.as_bytes().to_vec()),
            "{code}"
        );
        assert_eq!(d.case_code_bytes().map(|b| b.to_vec()), d.case_code().map(|s| s.as_bytes().to_vec()), "{code}");
        assert_eq!(d.canonical_bytes(), d.canonical().as_bytes(), "{code}");
    }
}
