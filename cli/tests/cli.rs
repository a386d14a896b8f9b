//! The `paycodes` command, run as a process.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn paycodes(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paycodes"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(input) = stdin {
            pipe.write_all(input).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn explain_says_what_happened_whether_money_moved_and_what_next() {
    let o = paycodes(&["explain", "4035414"], None);
    assert!(o.status.success());
    let s = stdout(&o);
    for needle in [
        "Insufficient Funds",
        "Direct Debit Payment",
        "Money moved?",
        "No: it did not happen",
        "What to do",
        "Tell the customer",
    ] {
        assert!(s.contains(needle), "{needle} missing in:\n{s}");
    }
    let s = stdout(&paycodes(&["explain", "5001800"], None));
    assert!(s.contains("Maybe: the outcome is unknown") && s.contains("Status service: 36"), "{s}");
}

#[test]
fn explain_in_bahasa_indonesia() {
    let s = stdout(&paycodes(&["explain", "4035414", "--lang", "id"], None));
    for needle in ["Dana berpindah?", "Tidak: transaksi tidak terjadi", "Langkah berikut", "Saldo Anda tidak mencukupi"]
    {
        assert!(s.contains(needle), "{needle} missing in:\n{s}");
    }
}

#[test]
fn explain_json_has_the_documented_keys_in_order() {
    let o = paycodes(&["explain", "4002501", "--message", "Invalid Field Format virtualAccountNo", "--json"], None);
    assert!(o.status.success());
    let v = json(&o);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, paycodes::json::DECODED_KEYS);
    let service_keys: Vec<&str> = v["service"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(service_keys, paycodes::json::SERVICE_KEYS);
    assert_eq!(v["detail"], "virtualAccountNo");
    assert_eq!(v["service"]["moves_money"], true);
}

#[test]
fn malformed_codes_exit_1_with_an_error_object() {
    let o = paycodes(&["explain", "403541", "--json"], None);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["raw"], "403541");
    assert_eq!(v["error"], "bad_length");
    assert!(v["message"].as_str().unwrap().contains("7 characters"));
    let o = paycodes(&["explain", "6005400"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad_http_status"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(paycodes(&[], None).status.code(), Some(2));
    assert_eq!(paycodes(&["explain"], None).status.code(), Some(2));
    assert_eq!(paycodes(&["explain", "4035414", "--provider", "xendit"], None).status.code(), Some(2));
    let o = paycodes(&["explain", "4035414", "--provider", "xendit", "--json"], None);
    assert_eq!((o.status.code(), json(&o)["error"].clone()), (Some(2), Value::from("unknown_provider")));
    assert_eq!(paycodes(&["table", "nope"], None).status.code(), Some(2));
    assert_eq!(paycodes(&["table", "snap-cases", "--format", "xml"], None).status.code(), Some(2));
}

#[test]
fn decode_answers_every_line_in_order_and_keeps_going() {
    let input = b"4035414\n{\"responseCode\":\"4002501\",\"responseMessage\":\"Invalid Field Format amount\"}\n\
{\"responseCode\":2002400}\nnot a code\n\n{broken\n40\xff5414\n4035414\r\n{\"responseCode\":-1}\n";
    let o = paycodes(&["decode"], Some(input));
    assert_eq!(o.status.code(), Some(1), "some lines were malformed");
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 9);
    assert_eq!(lines[0]["reason"], "insufficient_funds");
    assert_eq!(lines[1]["detail"], "amount");
    assert_eq!(
        (lines[2]["raw"].clone(), lines[2]["canonical"].clone()),
        (Value::from(2002400), Value::from("2002400"))
    );
    assert_eq!(lines[3]["error"], "bad_character");
    assert_eq!(lines[4]["error"], "empty");
    assert_eq!(lines[5]["error"], "bad_json");
    assert_eq!(lines[6]["error"], "invalid_utf8");
    assert_eq!(lines[7]["canonical"], "4035414");
    assert_eq!(lines[8]["error"], "negative_number");
    let o = paycodes(&["decode"], Some(b"4035414\n2002400\n"));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn decode_lines_equal_explain_json_and_the_cache_changes_nothing() {
    let codes = ["4035414", "2024300", "404XX18", "5005400", "200US00", "4099999", "4002501"];
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(codes[i % codes.len()]);
        input.push('\n');
    }
    let cached = paycodes(&["decode", "--provider", "doku"], Some(input.as_bytes()));
    let fresh = paycodes(&["decode", "--provider", "doku", "--no-cache"], Some(input.as_bytes()));
    assert_eq!(cached.stdout, fresh.stdout);
    let lines: Vec<String> = stdout(&cached).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3000);
    for (i, code) in codes.iter().enumerate() {
        let explained = stdout(&paycodes(&["explain", code, "--provider", "doku", "--json"], None));
        assert_eq!(lines[i], explained.trim_end(), "{code}");
    }
}

#[test]
fn tables_export_in_three_formats() {
    let v = json(&paycodes(&["table", "snap-services"], None));
    assert_eq!(v.as_array().unwrap().len(), 81);
    assert_eq!(v[53]["code"], "54");
    assert_eq!(v[53]["moves_money"], true);
    let v = json(&paycodes(&["table", "snap-services", "--provider", "bnc"], None));
    assert_eq!(v[11]["name"], "Transaction Status Inquiry - Static");
    assert_eq!(v[11]["provider"], "bank_neo_commerce");
    let v = json(&paycodes(&["table", "snap-cases", "--provider", "doku"], None));
    let rows = v.as_array().unwrap();
    assert!(rows.len() > 63);
    assert!(rows.iter().any(|r| r["code"] == "409xx02" && r["use"] == "override" && r["services"] == "43"));
    let csv = stdout(&paycodes(&["table", "snap-cases", "--format", "csv"], None));
    assert!(csv.starts_with("code,http_status,case_code,services,use,message,"));
    assert_eq!(csv.lines().count(), 64);
    assert!(csv.contains("\"Unauthorized. [reason]\"") || csv.contains("Unauthorized. [reason]"));
    let md = stdout(&paycodes(&["table", "reasons", "--format", "md"], None));
    assert!(md.starts_with("| id | number |"));
    assert!(md.contains("| insufficient_funds | 60 |"));
}

/// The README's console transcript is what the command prints.
#[test]
fn the_readme_transcript_is_current() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let start = readme.find("$ paycodes explain 4035414\n").expect("README shows `paycodes explain 4035414`");
    let block = &readme[start + "$ paycodes explain 4035414\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    assert_eq!(block, stdout(&paycodes(&["explain", "4035414"], None)));
}

#[test]
fn explains_card_codes_in_bahasa() {
    let o = paycodes(&["explain", "51", "--network", "visa", "--lang", "id"], None);
    assert!(o.status.success());
    let s = stdout(&o);
    for needle in [
        "ISO 8583",
        "Dana berpindah?",
        "Tidak: transaksi tidak terjadi",
        "Coba lagi nanti",
        "Saldo Anda tidak mencukupi",
    ] {
        assert!(s.contains(needle), "{needle} missing in:\n{s}");
    }
    let s = stdout(&paycodes(&["explain", "70"], None));
    assert!(s.contains("visa: PIN data required") && s.contains("mastercard: Contact Card Issuer"), "{s}");
}

#[test]
fn families_options_and_their_errors() {
    let v = json(&paycodes(&["explain", "04", "--family", "status", "--kind", "snap", "--json"], None));
    assert_eq!((v["reason"].as_str(), v["status_kind"].as_str()), (Some("refunded"), Some("snap")));
    let v = json(&paycodes(&["explain", "04", "--json"], None));
    assert_eq!((v["family"].as_str(), v["masked"].as_bool()), (Some("iso8583"), Some(true)));
    let v = json(&paycodes(&["explain", "TIME_OUT", "--json"], None));
    assert_eq!((v["outcome"].as_str(), v["action"].as_str()), (Some("unknown"), Some("inquire_status")));
    let o = paycodes(&["explain", "04", "--family", "status"], None);
    assert_eq!(o.status.code(), Some(2), "a missing --kind is a usage error");
    assert_eq!(paycodes(&["explain", "51", "--network", "amex"], None).status.code(), Some(2));
    let v = json(&paycodes(&["table", "iso8583"], None));
    assert!(v.as_array().unwrap().iter().any(|r| r["code"] == "63" && r["category"] == "generic"));
    let v = json(&paycodes(&["table", "iso8583", "--provider", "doku"], None));
    assert!(v.as_array().unwrap().iter().any(|r| r["code"] == "63" && r["category"] == "cannot_approve_with_details"));
    assert_eq!(json(&paycodes(&["table", "statuses"], None)).as_array().unwrap().len(), 27);
    assert_eq!(json(&paycodes(&["table", "provider-strings"], None)).as_array().unwrap().len(), 33);
}
