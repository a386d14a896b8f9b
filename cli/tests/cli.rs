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
            // A command that stops before reading its input (a usage error) closes the pipe.
            if let Err(e) = pipe.write_all(input) {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
            }
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
    let schema: Vec<&str> = paycodes::fields::DECODED.fields.iter().map(|f| f.key).collect();
    assert_eq!(keys, schema);
    let service_keys: Vec<&str> = v["service"].as_object().unwrap().keys().map(String::as_str).collect();
    let schema: Vec<&str> = paycodes::fields::SERVICE.fields.iter().map(|f| f.key).collect();
    assert_eq!(service_keys, schema);
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
    assert_eq!(paycodes(&["explain", "4035414", "--provider", "paypal"], None).status.code(), Some(2));
    let o = paycodes(&["explain", "4035414", "--provider", "paypal", "--json"], None);
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

    // The whole-response transcript, for the body its comment abbreviates.
    let head = "$ paycodes response status.json";
    let start = readme.find(head).expect("README shows `paycodes response status.json`");
    let block = &readme[start..];
    let block = &block[block.find('\n').unwrap() + 1..];
    let block = &block[..block.find("```").unwrap()];
    let body = br#"{"responseCode":"2005500","responseMessage":"Successful","originalPartnerReferenceNo":"2020102900000000000001","originalReferenceNo":"2020102977770000000009","serviceCode":"54","latestTransactionStatus":"06","transactionStatusDesc":"Failed"}"#;
    assert_eq!(block, stdout(&paycodes(&["response"], Some(body))));
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
    assert!(json(&paycodes(&["table", "statuses"], None)).as_array().unwrap().len() >= 27);
    let providers = json(&paycodes(&["table", "providers"], None));
    assert!(providers.as_array().unwrap().iter().any(|p| p["id"] == "doku"));
    assert!(providers.as_array().unwrap().len() >= 19, "issue 14: at least 14 new profiles");
    assert!(json(&paycodes(&["table", "provider-strings"], None)).as_array().unwrap().len() > 100);
}

/// Issue 12: what an attack on the CLI found, each a regression test.
#[test]
fn sloppy_lines_keep_their_code() {
    let mut input = b"\xef\xbb\xbf4035414\n".to_vec();
    input.extend_from_slice(
        b"{\"name\":\"Jos\xe9\",\"responseCode\":\"4035414\",\"responseMessage\":\"Insufficient Funds\"}\n",
    );
    input.extend_from_slice(b"{\"responseCode\":\"4002501\",\"responseMessage\":\"Invalid Field Format \\ud83d\"}\n");
    input.extend_from_slice(b"{\"responseCode\":4035414.5}\n{\"responseCode\":1e400}\n");
    input.extend_from_slice(b"{\"responseCode\":\"4035414\",\"responseCode\":\"2002400\"}\n");
    input.extend_from_slice(b"null\ntrue\nfoo\nTIME_OUT\n");
    let o = paycodes(&["decode"], Some(&input));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[0]["canonical"], "4035414", "a byte-order mark is skipped");
    assert_eq!(lines[1]["reason"], "insufficient_funds", "a Latin-1 byte in another field loses nothing");
    assert_eq!(lines[2]["reason"], "invalid_field_format");
    assert_eq!(lines[2]["warnings"], serde_json::json!(["message_ignored"]), "a lone surrogate only drops the message");
    assert_eq!((lines[3]["raw"].as_f64(), lines[3]["error"].as_str()), (Some(4035414.5), Some("not_an_integer")));
    assert_eq!(lines[4]["error"], "not_an_integer");
    assert_eq!(lines[5]["error"], "duplicate_key");
    for line in &lines[6..9] {
        assert_eq!(line["error"], "unknown_format", "a bare word is not a provider code: {line}");
    }
    assert_eq!((lines[9]["known"].as_bool(), lines[9]["provider"].as_str()), (Some(true), Some("doku")));
    // With a provider named, a word in any case is that provider's code.
    let v: Value =
        serde_json::from_str(stdout(&paycodes(&["decode", "-p", "doku"], Some(b"time_out\n"))).trim()).unwrap();
    assert_eq!(v["canonical"], "TIME_OUT");
    // An unlisted code answers as the profile that was asked.
    let v = json(&paycodes(&["explain", "NO_SUCH_CODE", "--json"], None));
    assert_eq!((v["known"].as_bool(), v["provider"].as_str()), (Some(false), Some("standard")));
}

#[test]
fn long_lines_are_cut_and_answered() {
    let mut input = vec![b'7'; paycodes::lines::MAX_LINE + 10];
    input.extend_from_slice(b"\n4035414\n");
    let o = paycodes(&["decode"], Some(&input));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"], "line_too_long");
    assert!(lines[0]["raw"].as_str().unwrap().chars().count() <= paycodes::json::MAX_RAW_ECHO + 1);
    assert_eq!(lines[1]["canonical"], "4035414");
    // A long code that is not too long for a line is still echoed back cut.
    let long = "9".repeat(5000);
    let v = json(&paycodes(&["explain", &long, "--json"], None));
    assert!(v["raw"].as_str().unwrap().ends_with('\u{2026}'));
}

#[test]
fn keep_copies_fields_for_joining() {
    let o = paycodes(
        &["decode", "--keep", "id", "--keep", "ts"],
        Some(b"{\"id\":7,\"ts\":\"x\",\"responseCode\":2002400}\n40354\n"),
    );
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["kept"], serde_json::json!({"id": 7, "ts": "x"}));
    assert_eq!(lines[1]["kept"], serde_json::json!({"id": null, "ts": null}));
    assert_eq!(lines[1]["error"], "bad_length");
}

#[test]
fn decode_streams_each_answer_as_its_line_arrives() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_paycodes"))
        .arg("decode")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    for code in ["4035414", "2002400"] {
        writeln!(stdin, "{code}").unwrap();
        stdin.flush().unwrap();
        // The input stays open: the answer must come without waiting for more lines.
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["canonical"], code);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn command_line_oddities() {
    let v = json(&paycodes(&["explain", "-4035414", "--json"], None));
    assert_eq!(v["error"], "negative_number");
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"40\xff5414");
        let o = Command::new(env!("CARGO_BIN_EXE_paycodes")).arg("explain").arg(bad).arg("--json").output().unwrap();
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(json(&o)["error"], "invalid_utf8");
    }
    let o = paycodes(&["decode", "--family", "status"], Some(b"03\n"));
    assert_eq!(o.status.code(), Some(2), "a status decode without --kind stops up front");
    assert!(o.stdout.is_empty());
}

/// Issue 13: `paycodes response`, one body from a file or stdin, or one per line.
#[test]
fn response_reads_the_transaction_from_the_body() {
    let body = br#"{"responseCode":"2005500","responseMessage":"Successful","originalPartnerReferenceNo":"X-1","latestTransactionStatus":"06"}"#;
    let o = paycodes(&["response", "--json"], Some(body));
    assert!(o.status.success());
    let v = json(&o);
    for key in ["outcome", "action", "reason", "decided_by", "code", "status", "references", "warnings"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!((v["outcome"].as_str(), v["decided_by"].as_str()), (Some("failed"), Some("transaction_status")));
    assert_eq!(v["code"]["canonical"], "2005500");
    assert_eq!(v["references"][0]["value"], "X-1");

    // From a file, explained, in Bahasa Indonesia.
    let dir = std::env::temp_dir().join(format!("paycodes-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("body.json");
    std::fs::write(&file, body).unwrap();
    let o = paycodes(&["response", file.to_str().unwrap(), "--lang", "id"], None);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Pembayaran Anda gagal"), "{}", stdout(&o));

    // No response at all on a payment: unknown, inquire.
    let o = paycodes(&["response", "--no-response", "--operation", "direct_debit", "--json"], None);
    assert_eq!((json(&o)["outcome"].as_str(), json(&o)["action"].as_str()), (Some("unknown"), Some("inquire_status")));

    // A proxy's HTML page with the transport's 502.
    let o = paycodes(&["response", "--http-status", "502", "--json"], Some(b"<html>Bad Gateway</html>"));
    let v = json(&o);
    assert_eq!((v["decided_by"].as_str(), v["http_status"].as_i64()), (Some("no_body"), Some(502)));

    // Options are checked before any body is read: exit 2.
    assert_eq!(paycodes(&["response", "--http-status", "70000"], Some(b"{}")).status.code(), Some(2));
    assert_eq!(paycodes(&["response", "--provider", "paypal"], Some(b"{}")).status.code(), Some(2));
    // Too deep is an error with its id, exit 1.
    let o = paycodes(&["response", "--json"], Some("[".repeat(100_000).as_bytes()));
    assert_eq!((o.status.code(), json(&o)["error"].as_str()), (Some(1), Some("body_too_deep")));
}

#[test]
fn response_jsonl_answers_each_body_in_order() {
    let input = b"{\"responseCode\":\"2005500\",\"latestTransactionStatus\":\"00\"}\nnot json\n[[[\n{\"responseCode\":\"4035414\"}\n";
    let o = paycodes(&["response", "--jsonl", "--provider", "bca"], Some(input));
    assert_eq!(o.status.code(), Some(0), "a body that is not JSON is an answer, not an error");
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let outcomes: Vec<&str> = lines.iter().map(|v| v["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["success", "unknown", "unknown", "failed"]);
    assert_eq!(lines[1]["warnings"][0], "body_not_json");
    assert!(lines.iter().all(|v| v["provider"] == "bca"));
}

#[test]
fn decode_csv_is_one_table_with_the_jsonl_answers_and_an_error_column() {
    let input =
        b"4035414\n{\"responseCode\":\"4002501\",\"responseMessage\":\"Invalid Field Format amount\",\"id\":\"a,b\"}\n\
not a code\n{\"responseCode\":\"05\",\"id\":\"say \\\"hi\\\"\"}\n\n";
    let csv_out = paycodes(&["decode", "--format", "csv", "--keep", "id"], Some(input));
    let jsonl = paycodes(&["decode", "--keep", "id"], Some(input));
    assert_eq!(csv_out.status.code(), Some(1), "some lines were malformed");
    assert_eq!(jsonl.status.code(), csv_out.status.code());
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header.first().map(String::as_str), Some("family"));
    assert_eq!(header.last().map(String::as_str), Some("kept_id"));
    assert!(header.contains(&"error".to_owned()) && header.contains(&"service_moves_money".to_owned()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let answers: Vec<Value> = stdout(&jsonl).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), answers.len());
    assert_eq!(rows.len(), 5, "one row per input line, the empty one included");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, answer) in rows.iter().zip(&answers) {
        assert_eq!(row.len(), header.len(), "every row has every column");
        // Each scalar the JSONL answer has is the same text in the CSV row.
        for key in ["family", "canonical", "reason", "outcome", "action", "detail", "error"] {
            let expected = match &answer[key] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(row[col(key)], expected, "{key} of {answer}");
        }
        let kept = match &answer["kept"]["id"] {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        assert_eq!(row[col("kept_id")], kept);
    }
    assert_eq!(&rows[0][col("service_moves_money")], "true");
    assert_eq!(&rows[1][col("kept_id")], "a,b", "a comma inside a kept field is quoted");
    assert_eq!(&rows[2][col("error")], "bad_character");
    assert_eq!(&rows[3][col("kept_id")], "say \"hi\"", "quotes are doubled and read back");
    assert_eq!(&rows[3][col("reason")], "do_not_honor");
    assert_eq!(&rows[4][col("error")], "empty");
    // A wrong format is a usage error before any input is read.
    let bad = paycodes(&["decode", "--format", "xml"], Some(b"4035414\n"));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown_output_format"));
}
