//! `cargo test` runs the whole corpus too, so a regression fails the normal suite.

#[test]
fn every_vector_passes() {
    let report = paycodes_conformance::run_dir(&paycodes_conformance::default_dir());
    let listing: Vec<String> = report.failures.iter().map(|f| format!("{}: {}", f.name, f.why)).collect();
    assert!(report.failures.is_empty(), "{} failed:\n{}", listing.len(), listing.join("\n"));
    assert!(report.passed > 500, "only {} vectors ran", report.passed);
}

#[test]
fn the_comparison_can_fail() {
    use serde_json::json;
    let mut diffs = Vec::new();
    paycodes_conformance::compare(
        "",
        &json!({"a": 1, "o": {"x": "y"}}),
        &json!({"a": 2, "o": {"x": "z", "w": 0}}),
        &mut diffs,
    );
    assert_eq!(diffs.len(), 2, "{diffs:?}");
    let mut diffs = Vec::new();
    paycodes_conformance::compare("", &json!([{"a": 1}]), &json!([{"a": 1}, {"a": 2}]), &mut diffs);
    paycodes_conformance::compare("", &json!([{"a": 1}]), &json!([{"a": 2, "b": 3}]), &mut diffs);
    assert_eq!(diffs.len(), 2, "{diffs:?}");
    let bad = json!({"name": "x", "input": {"code": "4035414"}, "expect": {"outcome": "success"}});
    assert!(paycodes_conformance::run_case(&bad).is_err());
    let bad = json!({"name": "x", "input": {"code": "4035414"}, "expect_error": "empty"});
    assert!(paycodes_conformance::run_case(&bad).is_err());
}
