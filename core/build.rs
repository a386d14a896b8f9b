//! Compiles the data tables in `data/*.tsv` into static Rust tables (`$OUT_DIR/tables.rs`).
//!
//! The TSV files are the single source of truth; nothing is parsed at run time. This script
//! checks every row (column count, known ids, a source on every row, placeholders present in
//! their templates, references between tables) and stops the build with `file:line` on the
//! first problem, so a bad data edit cannot produce a library.
//!
//! It uses only `std` to keep cold builds fast.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

type Res<T> = Result<T, String>;

struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn load(dir: &Path, name: &str) -> Res<Table> {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
            match &header {
                None => header = Some(cells),
                Some(h) => {
                    if cells.len() != h.len() {
                        return Err(format!("{name}:{line_no}: {} columns, header has {}", cells.len(), h.len()));
                    }
                    for (c, v) in h.iter().zip(&cells) {
                        if v.is_empty() {
                            return Err(format!("{name}:{line_no}: column `{c}` is empty (write - for none)"));
                        }
                        if v != v.trim() {
                            return Err(format!("{name}:{line_no}: column `{c}` has surrounding spaces"));
                        }
                    }
                    rows.push((line_no, cells));
                }
            }
        }
        let header = header.ok_or_else(|| format!("{name}: no header row"))?;
        if !header.iter().any(|h| h == "source") {
            return Err(format!("{name}: every table needs a `source` column"));
        }
        Ok(Table { file: name.to_owned(), header, rows })
    }

    fn col(&self, name: &str) -> Res<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| format!("{}: no column `{name}`", self.file))
    }

    fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(line, cells)| Row { table: self, line: *line, cells })
    }
}

struct Row<'a> {
    table: &'a Table,
    line: usize,
    cells: &'a [String],
}

impl Row<'_> {
    fn get(&self, name: &str) -> Res<&str> {
        Ok(self.cells[self.table.col(name)?].as_str())
    }
    fn opt(&self, name: &str) -> Res<Option<&str>> {
        let v = self.get(name)?;
        Ok(if v == "-" { None } else { Some(v) })
    }
    fn at(&self) -> String {
        format!("{}:{}", self.table.file, self.line)
    }
    fn err(&self, msg: impl std::fmt::Display) -> String {
        format!("{}: {msg}", self.at())
    }
}

/// Ids accepted for each enum column; must match the `id_enum!` definitions in src/ids.rs
/// (the generated code names the variants, so a mismatch also fails to compile).
const CATEGORIES: &[&str] = &[
    "success",
    "system",
    "message",
    "business",
    "approved",
    "will_never_approve",
    "cannot_approve_now",
    "cannot_approve_with_details",
    "generic",
    "transaction_status",
];
const OUTCOMES: &[&str] = &["unknown", "success", "pending", "failed"];
const ACTIONS: &[&str] = &[
    "none",
    "inquire_status",
    "retry_later",
    "refresh_token",
    "fix_request",
    "ask_customer",
    "contact_provider",
    "do_not_retry",
];
const SERVICE_KINDS: &[&str] = &[
    "token",
    "registration",
    "otp",
    "balance_inquiry",
    "account_inquiry",
    "status_inquiry",
    "history",
    "report",
    "va_management",
    "qr_generate",
    "qr_decode",
    "payment",
    "payment_request",
    "transfer",
    "debit",
    "topup",
    "capture",
    "refund",
    "cancel",
    "void",
    "notification",
];

/// Whether `s` is a lower snake_case id (what [`normalize_id`] produces).
fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A comma-separated list of ids (`-` for none).
fn id_list(row: &Row<'_>, col: &str) -> Res<Vec<String>> {
    Ok(match row.opt(col)? {
        None => vec![],
        Some(a) => a.split(',').map(|s| s.trim().to_owned()).collect(),
    })
}

fn camel(id: &str) -> String {
    id.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn enum_ref(row: &Row<'_>, col: &str, ty: &str, allowed: &[&str]) -> Res<String> {
    let v = row.get(col)?;
    if !allowed.contains(&v) {
        return Err(row.err(format!("`{col}` = `{v}` is not one of {allowed:?}")));
    }
    Ok(format!("{ty}::{}", camel(v)))
}

/// A `Text` literal: the string plus a NUL so C callers can borrow it without copying.
fn text(s: &str) -> String {
    format!("Text::new({:?})", format!("{s}\0"))
}

fn opt_text(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({})", text(s)),
        None => "None".into(),
    }
}

fn two_digits(row: &Row<'_>, col: &str) -> Res<u8> {
    let v = row.get(col)?;
    if v.len() != 2 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(row.err(format!("`{col}` = `{v}` is not two digits")));
    }
    Ok(v.parse().unwrap())
}

fn http(row: &Row<'_>) -> Res<u16> {
    let v = row.get("http")?;
    match v.parse::<u16>() {
        Ok(n) if (100..=599).contains(&n) && v.len() == 3 => Ok(n),
        _ => Err(row.err(format!("`http` = `{v}` is not an HTTP status"))),
    }
}

fn yes_no(row: &Row<'_>, col: &str) -> Res<bool> {
    match row.get(col)? {
        "yes" => Ok(true),
        "no" => Ok(false),
        v => Err(row.err(format!("`{col}` = `{v}` must be yes or no"))),
    }
}

/// A message template with the byte range of its placeholder token.
fn template(row: &Row<'_>, message: &str, placeholder: Option<&str>, detail: Option<&str>) -> Res<String> {
    let (start, end) = match placeholder {
        None => {
            for open in ["{", "["] {
                if message.contains(open) {
                    return Err(row.err(format!(
                        "message `{message}` looks like it has a placeholder; name it in `placeholder`"
                    )));
                }
            }
            (message.len(), message.len())
        }
        Some(p) => {
            let at =
                message.find(p).ok_or_else(|| row.err(format!("placeholder `{p}` is not in message `{message}`")))?;
            (at, at + p.len())
        }
    };
    Ok(format!("Template::new({}, {start}, {end}, {})", text(message), opt_text(detail)))
}

struct Ctx {
    out: String,
    reasons: BTreeSet<String>,
    operations: Vec<String>,
}

fn semantics(row: &Row<'_>, ctx: &Ctx, std_row: Option<&Row<'_>>) -> Res<String> {
    // In a provider row, "=" in category/reason/outcome/action/rule means "as the standard row".
    // In money_outcome/money_action, "=" means "as this row's outcome/action" -- except that a
    // variant inherits the standard row's money columns too (it is only another spelling).
    let has = |col: &str| row.table.header.iter().any(|h| h == col);
    let variant = has("use") && row.get("use")? == "variant";
    let inherit = |col: &str| -> Res<String> {
        // A table without the column (the card alternatives have no reason) takes it from the
        // row it varies.
        let v = if has(col) { row.get(col)? } else { "=" };
        if v != "=" {
            return Ok(v.to_owned());
        }
        let s = std_row.ok_or_else(|| row.err(format!("`{col}` is `=` but the standard has no such code")))?;
        Ok(s.get(col)?.to_owned())
    };
    let category = inherit("category")?;
    let reason = inherit("reason")?;
    let outcome = inherit("outcome")?;
    let action = inherit("action")?;
    let money = |col: &str, own: &str| -> Res<String> {
        if !has(col) {
            return Ok(own.to_owned());
        }
        let v = row.get(col)?;
        if v != "=" {
            return Ok(v.to_owned());
        }
        if variant && let Some(s) = std_row {
            let sv = s.get(col)?;
            if sv != "=" {
                return Ok(sv.to_owned());
            }
        }
        Ok(own.to_owned())
    };
    let money_outcome = money("money_outcome", &outcome)?;
    let money_action = money("money_action", &action)?;
    let rule = if has("rule") { inherit("rule")? } else { "-".to_owned() };
    let by_operation = match rule.as_str() {
        "-" => false,
        "by_operation" => true,
        r => return Err(row.err(format!("unknown rule `{r}`"))),
    };
    let check = |v: &str, allowed: &[&str], what: &str| -> Res<()> {
        if allowed.contains(&v) { Ok(()) } else { Err(row.err(format!("{what} `{v}` is not one of {allowed:?}"))) }
    };
    check(&category, CATEGORIES, "category")?;
    check(&outcome, OUTCOMES, "outcome")?;
    check(&action, ACTIONS, "action")?;
    check(&money_outcome, OUTCOMES, "money_outcome")?;
    check(&money_action, ACTIONS, "money_action")?;
    if !ctx.reasons.contains(&reason) {
        return Err(row.err(format!("reason `{reason}` is not in reasons.tsv")));
    }
    // The money rules every row keeps: an unknown outcome means inquire (never a blind
    // retry), a retry only when nothing happened, pending is followed up, never retried.
    for (o, a) in [(&outcome, &action), (&money_outcome, &money_action)] {
        let ok = match o.as_str() {
            "unknown" => a == "inquire_status",
            "pending" => matches!(a.as_str(), "inquire_status" | "ask_customer"),
            _ => a != "retry_later" || o == "failed",
        };
        if !ok {
            return Err(row.err(format!("outcome `{o}` with action `{a}` breaks the money rules (unknown: inquire_status; pending: inquire_status or ask_customer; retry_later: failed only)")));
        }
    }
    Ok(format!(
        "Semantics {{ category: Category::{}, reason: Reason::{}, outcome: Outcome::{}, action: Action::{}, money_outcome: Outcome::{}, money_action: Action::{}, by_operation: {by_operation} }}",
        camel(&category),
        camel(&reason),
        camel(&outcome),
        camel(&action),
        camel(&money_outcome),
        camel(&money_action),
    ))
}

fn service_literal(row: &Row<'_>, ctx: &Ctx) -> Res<String> {
    let code = row.get("code")?;
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(row.err(format!("service code `{code}` is not two alphanumerics")));
    }
    let operation = match row.opt("operation")? {
        None => "None".to_owned(),
        Some(op) => {
            let i = ctx
                .operations
                .iter()
                .position(|o| o == op)
                .ok_or_else(|| row.err(format!("operation `{op}` is not in operations.tsv")))?;
            format!("Some({i})")
        }
    };
    let status = match row.opt("status_service")? {
        None => "None".to_owned(),
        Some(s) => format!("Some({})", text(s)),
    };
    let moves = yes_no(row, "moves_money")?;
    Ok(format!(
        "Service {{ code: {}, name: {}, product: {}, kind: {}, moves_money: {moves}, operation: {operation}, status_service: {status}, source: {} }}",
        text(code),
        text(row.get("name")?),
        text(row.get("product")?),
        enum_ref(row, "kind", "ServiceKind", SERVICE_KINDS)?,
        text(row.get("source")?),
    ))
}

fn scope(row: &Row<'_>) -> Res<String> {
    let v = row.get("services")?;
    if v == "any" {
        return Ok("Scope::ANY".into());
    }
    let mut mask: u128 = 0;
    let mut letters = Vec::new();
    for part in v.split(',') {
        // A letter code (BCA's `RP`, `IS`).
        if part.len() == 2
            && part.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && part.bytes().any(|b| b.is_ascii_uppercase())
        {
            let b = part.as_bytes();
            letters.push(format!("[{}, {}]", b[0], b[1]));
            continue;
        }
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a, b),
            None => (part, part),
        };
        let (a, b): (u8, u8) = match (a.parse::<u8>(), b.parse::<u8>()) {
            (Ok(x), Ok(y)) if x <= y && y <= 99 && a.len() <= 2 && b.len() <= 2 => (x, y),
            _ => return Err(row.err(format!("bad services `{v}` (use any, 42, 47-53 or a letter code such as RP)"))),
        };
        for c in a..=b {
            mask |= 1u128 << c;
        }
    }
    Ok(format!("Scope::codes({mask:#x}, &[{}])", letters.join(", ")))
}

fn generate(dir: &Path) -> Res<String> {
    let mut ctx = Ctx { out: String::new(), reasons: BTreeSet::new(), operations: Vec::new() };
    let w = &mut String::new();
    w.push_str("// @generated by core/build.rs from core/data/*.tsv. Do not edit.\n");

    // reasons.tsv
    let reasons = Table::load(dir, "reasons.tsv")?;
    let mut numbers = BTreeSet::new();
    for r in reasons.iter() {
        ctx.reasons.insert(r.get("id")?.to_owned());
        let n: u16 = r.get("number")?.parse().map_err(|_| r.err("number is not a u16"))?;
        if !numbers.insert(n) {
            return Err(r.err(format!("reason number {n} used twice")));
        }
    }
    // Reason rows are looked up by the enum's number; generate a match.
    let _ = writeln!(w, "pub(crate) static REASON_ROWS: [ReasonRow; {}] = [", reasons.rows.len());
    let mut by_number = Vec::new();
    let mut snap_codes: BTreeMap<String, String> = BTreeMap::new();
    for (i, r) in reasons.iter().enumerate() {
        let id = r.get("id")?;
        let masked = yes_no(&r, "masked")?;
        let (en, idn) = (r.get("customer_en")?, r.get("customer_id")?);
        if masked != (en == "-" && idn == "-") {
            return Err(r.err("masked reasons have customer texts `-`; others need both texts"));
        }
        for t in [en, idn] {
            if t.contains('{') || t.contains('[') {
                return Err(r.err("customer text must not contain a placeholder"));
            }
        }
        let snap = match r.opt("snap")? {
            None => "None".to_owned(),
            Some(s) => {
                let ok = s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit());
                if !ok {
                    return Err(r.err(format!("snap `{s}` must be HHHCC")));
                }
                snap_codes.insert(s.to_owned(), id.to_owned());
                format!("Some(({}, {}))", &s[..3], s[3..].parse::<u8>().unwrap())
            }
        };
        let some_or_none = |t: &str| {
            if t == "-" { "None".to_owned() } else { format!("Some({})", text(t)) }
        };
        let _ = writeln!(
            w,
            "    ReasonRow {{ reason: Reason::{}, masked: {masked}, snap: {snap}, description: {}, customer_en: {}, customer_id: {}, source: {} }},",
            camel(id),
            text(r.get("description")?),
            some_or_none(en),
            some_or_none(idn),
            text(r.get("source")?),
        );
        by_number.push((r.get("number")?.to_owned(), i));
    }
    w.push_str("];\n");
    // Dense index by reason number (255 = no such number): one load instead of a match.
    let max = by_number.iter().map(|(n, _)| n.parse::<usize>().unwrap()).max().unwrap_or(0);
    let mut dense = vec![255u8; max + 1];
    for (n, i) in &by_number {
        dense[n.parse::<usize>().unwrap()] = *i as u8;
    }
    let _ = writeln!(w, "pub(crate) static REASON_INDEX: [u8; {}] = {dense:?};", dense.len());

    // operations.tsv
    let ops = Table::load(dir, "operations.tsv")?;
    let _ = writeln!(w, "pub(crate) static OPERATIONS: [OperationInfo; {}] = [", ops.rows.len());
    for r in ops.iter() {
        let id = r.get("id")?;
        if ctx.operations.iter().any(|o| o == id) {
            return Err(r.err(format!("operation `{id}` listed twice")));
        }
        ctx.operations.push(id.to_owned());
        let _ = writeln!(
            w,
            "    OperationInfo {{ id: {}, name: {}, inconsistent_request: {}, moves_money: {}, request: {}, source: {} }},",
            text(id),
            text(r.get("name")?),
            enum_ref(&r, "inconsistent_request", "Outcome", &["success", "failed", "unknown"])?,
            yes_no(&r, "moves_money")?,
            enum_ref(&r, "request", "RequestKind", &["payment", "inquiry", "notification", "other"])?,
            text(r.get("source")?),
        );
    }
    w.push_str("];\n");

    // snap_services.tsv
    let services = Table::load(dir, "snap_services.tsv")?;
    let mut index = [255u8; 100];
    let _ = writeln!(w, "pub(crate) static SNAP_SERVICES: [Service; {}] = [", services.rows.len());
    let mut service_codes = BTreeSet::new();
    for (i, r) in services.iter().enumerate() {
        let code = r.get("code")?;
        let n: usize = code.parse().map_err(|_| r.err("standard service codes are numeric"))?;
        if index[n] != 255 {
            return Err(r.err(format!("service {code} listed twice")));
        }
        index[n] = i as u8;
        service_codes.insert(code.to_owned());
        let _ = writeln!(w, "    {},", service_literal(&r, &ctx)?);
    }
    w.push_str("];\n");
    let _ = writeln!(w, "pub(crate) static SERVICE_INDEX: [u8; 100] = {index:?};");
    // status_service must name a standard service.
    for r in services.iter() {
        if let Some(s) = r.opt("status_service")?
            && !service_codes.contains(s)
        {
            return Err(r.err(format!("status_service `{s}` is not a standard service")));
        }
    }

    // snap_cases.tsv
    let cases = Table::load(dir, "snap_cases.tsv")?;
    let mut std_rows: BTreeMap<(u16, u8), usize> = BTreeMap::new();
    let _ = writeln!(w, "pub(crate) static SNAP_CASES: [CaseRow; {}] = [", cases.rows.len());
    for (i, r) in cases.iter().enumerate() {
        let key = (http(&r)?, two_digits(&r, "case")?);
        if std_rows.insert(key, i).is_some() {
            return Err(r.err("HTTP status + case listed twice"));
        }
        if r.get("money_outcome")? == "=" && r.get("money_action")? != "=" {
            return Err(r.err("money_outcome and money_action are both `=` or both set"));
        }
        let _ = writeln!(
            w,
            "    CaseRow {{ http: {}, case: {}, message: {}, sem: {}, description: {}, source: {} }},",
            key.0,
            key.1,
            template(&r, r.get("message")?, r.opt("placeholder")?, None)?,
            semantics(&r, &ctx, None)?,
            text(r.get("description")?),
            text(r.get("source")?),
        );
    }
    w.push_str("];\n");
    // Direct index: HTTP status -> slot (255 none), then slot * 100 + case -> row (255 none).
    let statuses: Vec<u16> = std_rows.keys().map(|k| k.0).collect::<BTreeSet<_>>().into_iter().collect();
    let mut slot = vec![255u8; 600];
    for (i, h) in statuses.iter().enumerate() {
        slot[*h as usize] = i as u8;
    }
    let mut index = vec![255u8; statuses.len() * 100];
    for ((h, c), i) in &std_rows {
        index[statuses.iter().position(|x| x == h).unwrap() * 100 + *c as usize] = *i as u8;
    }
    let _ = writeln!(w, "pub(crate) static CASE_SLOT: [u8; 600] = {slot:?};");
    let _ = writeln!(w, "pub(crate) static CASE_INDEX: [u8; {}] = {index:?};", index.len());
    // Every reason's build code must be a standard row with that reason.
    for (code, reason) in &snap_codes {
        let key = (code[..3].parse::<u16>().unwrap(), code[3..].parse::<u8>().unwrap());
        let Some(&i) = std_rows.get(&key) else {
            return Err(format!("reasons.tsv: reason `{reason}` builds {code}, which the standard does not have"));
        };
        let row = cases.iter().nth(i).unwrap();
        if row.get("reason")? != reason {
            return Err(format!(
                "reasons.tsv: reason `{reason}` builds {code}, whose reason is `{}`",
                row.get("reason")?
            ));
        }
    }

    // snap_fallbacks.tsv
    let fb = Table::load(dir, "snap_fallbacks.tsv")?;
    let _ = writeln!(w, "pub(crate) static SNAP_FALLBACKS: [FallbackRow; {}] = [", fb.rows.len());
    for r in fb.iter() {
        let key = r.get("http")?;
        let (exact, class) = if let Some(c) = key.strip_suffix("xx") {
            match c.parse::<u16>() {
                Ok(n @ 1..=5) if c.len() == 1 => (0u16, n),
                _ => return Err(r.err(format!("bad http class `{key}`"))),
            }
        } else {
            let h = http(&r)?;
            (h, h / 100)
        };
        let _ = writeln!(
            w,
            "    FallbackRow {{ exact: {exact}, class: {class}, message: {}, sem: {}, description: {}, source: {} }},",
            template(&r, r.get("message")?, None, None)?,
            semantics(&r, &ctx, None)?,
            text(r.get("description")?),
            text(r.get("source")?),
        );
    }
    w.push_str("];\n");
    for class in 1..=5u16 {
        if !fb.iter().any(|r| r.get("http").map(|h| h == format!("{class}xx")).unwrap_or(false)) {
            return Err(format!("snap_fallbacks.tsv: no row for class {class}xx"));
        }
    }

    // providers
    let providers = Table::load(dir, "providers.tsv")?;
    let psvc = Table::load(dir, "provider_services.tsv")?;
    let pcase = Table::load(dir, "provider_cases.tsv")?;
    let mut provider_ids = Vec::new();
    let mut provider_names: BTreeSet<String> = BTreeSet::new();
    for r in providers.iter() {
        provider_ids.push(r.get("id")?.to_owned());
        // Ids and aliases are looked up after normalize_id: each must be a snake_case id,
        // and no two profiles may claim the same one.
        for name in std::iter::once(r.get("id")?.to_owned()).chain(id_list(&r, "aliases")?) {
            if !is_id(&name) {
                return Err(r.err(format!("`{name}` is not a lower snake_case id")));
            }
            if !provider_names.insert(name.clone()) {
                return Err(r.err(format!("provider id or alias `{name}` is claimed twice")));
            }
        }
    }
    if provider_ids.first().map(String::as_str) != Some("standard") {
        return Err("providers.tsv: the first provider must be `standard`".into());
    }
    for t in [&psvc, &pcase] {
        for r in t.iter() {
            let p = r.get("provider")?;
            if !provider_ids.iter().any(|x| x == p) {
                return Err(r.err(format!("provider `{p}` is not in providers.tsv")));
            }
        }
    }
    let mut provider_literals = Vec::new();
    for r in providers.iter() {
        let id = r.get("id")?;
        let upper = id.to_ascii_uppercase();
        let svc: Vec<_> = psvc.iter().filter(|s| s.get("provider").map(|p| p == id).unwrap_or(false)).collect();
        let _ = writeln!(w, "static SERVICES_{upper}: [Service; {}] = [", svc.len());
        let mut seen = BTreeSet::new();
        for s in &svc {
            if !seen.insert(s.get("code")?.to_owned()) {
                return Err(s.err("service listed twice for this provider"));
            }
            let _ = writeln!(w, "    {},", service_literal(s, &ctx)?);
        }
        w.push_str("];\n");
        let cs: Vec<_> = pcase.iter().filter(|s| s.get("provider").map(|p| p == id).unwrap_or(false)).collect();
        let _ = writeln!(w, "static CASES_{upper}: [ProviderCase; {}] = [", cs.len());
        for c in &cs {
            let key = (http(c)?, two_digits(c, "case")?);
            let std_row = std_rows.get(&key).map(|&i| cases.iter().nth(i).unwrap());
            let variant = match c.get("use")? {
                "variant" => true,
                "override" => false,
                u => return Err(c.err(format!("use `{u}` must be variant or override"))),
            };
            if variant && std_row.is_none() {
                return Err(c.err("a variant needs a standard row to vary"));
            }
            if variant && c.get("description")? != "=" {
                return Err(c.err("a variant inherits the standard description (write =)"));
            }
            let description = match (c.get("description")?, std_row.as_ref()) {
                ("=", Some(s)) => s.get("description")?.to_owned(),
                ("=", None) => {
                    return Err(c.err("description `=` but the standard has no such code"));
                }
                (d, _) => d.to_owned(),
            };
            let message = c.get("message")?;
            let _ = writeln!(
                w,
                "    ProviderCase {{ scope: {}, variant: {variant}, row: CaseRow {{ http: {}, case: {}, message: {}, sem: {}, description: {}, source: {} }} }},",
                scope(c)?,
                key.0,
                key.1,
                template(c, message, c.opt("placeholder")?, c.opt("detail")?)?,
                semantics(c, &ctx, std_row.as_ref())?,
                text(&description),
                text(c.get("source")?),
            );
        }
        w.push_str("];\n");
        // The filter Provider::may_override reads (core/src/tables.rs computes the same bit).
        let mut case_bits = [0u64; 4];
        for c in &cs {
            let bit = (usize::from(http(c)?) * 100 + usize::from(two_digits(c, "case")?)) % 256;
            case_bits[bit / 64] |= 1 << (bit % 64);
        }
        let _ = writeln!(w, "static CASE_FILTER_{upper}: [u64; 4] = {case_bits:#x?};");
        let aliases: Vec<String> = match r.opt("aliases")? {
            None => vec![],
            Some(a) => a.split(',').map(|s| format!("{:?}", s.trim())).collect(),
        };
        let strings_from = r.get("string_codes")?;
        let strings_idx = provider_ids
            .iter()
            .position(|p| p == strings_from)
            .ok_or_else(|| r.err(format!("string_codes `{strings_from}` is not a provider")))?;
        provider_literals.push(format!(
            "    Provider {{ id: {}, name: {}, aliases: &[{}], card_reading: {}, string_codes: {strings_idx}, covers: {}, document: {}, source: {}, services: &SERVICES_{upper}, cases: &CASES_{upper}, fields: &FIELDS_{upper}, keys: &KEYS_{upper}, case_filter: &CASE_FILTER_{upper} }},",
            text(id),
            text(r.get("name")?),
            aliases.join(", "),
            enum_ref(&r, "card_reading", "CardReading", &["standard", "seed_doku"])?,
            text(r.get("covers")?),
            text(r.get("document")?),
            text(r.get("source")?),
        ));
    }
    let _ = writeln!(w, "pub(crate) static PROVIDERS: [Provider; {}] = [", provider_literals.len());
    for p in provider_literals {
        w.push_str(&p);
        w.push('\n');
    }
    w.push_str("];\n");

    // unknown_readings.tsv
    let unknown = Table::load(dir, "unknown_readings.tsv")?;
    let fam_order = ["iso8583", "provider", "status"];
    let _ = writeln!(w, "pub(crate) static UNKNOWN_READINGS: [FallbackRow; 3] = [");
    for (i, fam) in fam_order.iter().enumerate() {
        let r = unknown
            .iter()
            .find(|r| r.get("family").map(|f| f == *fam).unwrap_or(false))
            .ok_or_else(|| format!("unknown_readings.tsv: no row for {fam}"))?;
        let _ = i;
        let _ = writeln!(
            w,
            "    FallbackRow {{ exact: 0, class: 0, message: {}, sem: {}, description: {}, source: {} }},",
            template(&r, r.get("message")?, None, None)?,
            semantics(&r, &ctx, None)?,
            text(r.get("description")?),
            text(r.get("source")?),
        );
    }
    w.push_str("];\n");

    // iso8583.tsv and its alternative readings
    let iso = Table::load(dir, "iso8583.tsv")?;
    let alts = Table::load(dir, "iso8583_alternatives.tsv")?;
    let mut keys: Vec<(String, u8)> = Vec::new();
    let net_rank = |n: &str| match n {
        "any" => Some(0u8),
        "visa" => Some(1),
        "mastercard" => Some(2),
        _ => None,
    };
    for r in iso.iter() {
        let code = r.get("code")?;
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) {
            return Err(r.err(format!("card code `{code}` is not two digits/capitals")));
        }
        let n = net_rank(r.get("network")?).ok_or_else(|| r.err("network must be any, visa or mastercard"))?;
        let key = (code.to_owned(), n);
        if keys.last().is_some_and(|k| *k >= key) {
            return Err(r.err("rows must be sorted by code, then any < visa < mastercard, without repeats"));
        }
        keys.push(key);
        if !["seed", "iso", "paycodes"].contains(&r.get("origin")?) {
            return Err(r.err("origin must be seed, iso or paycodes"));
        }
    }
    // A code with readings for both networks needs a network-neutral row.
    for (code, _) in keys.iter().filter(|k| k.1 == 1) {
        let has = |n| keys.contains(&(code.clone(), n));
        if has(2) && !has(0) {
            return Err(format!("iso8583.tsv: code {code} has Visa and Mastercard rows but no `any` row"));
        }
    }
    for a in alts.iter() {
        let key = (a.get("code")?.to_owned(), net_rank(a.get("network")?).ok_or_else(|| a.err("bad network"))?);
        if !keys.contains(&key) {
            return Err(a.err("alternative for a code/network that iso8583.tsv does not have"));
        }
        yes_no(&a, "applies")?;
    }
    let _ = writeln!(w, "pub(crate) static ISO_ROWS: [IsoRow; {}] = [", iso.rows.len());
    for r in iso.iter() {
        let network = match r.get("network")? {
            "any" => "None".to_owned(),
            n => format!("Some(Network::{})", camel(n)),
        };
        let alt = alts
            .iter()
            .find(|a| a.get("code").ok() == r.get("code").ok() && a.get("network").ok() == r.get("network").ok());
        let (alt_sem, alt_src) = match alt {
            Some(a) if yes_no(&a, "applies")? => {
                // The alternative keeps the row's reason: only the category reading differs.
                let sem = semantics(&a, &ctx, Some(&r))?;
                let src = format!("{} ({})", a.get("source")?, a.get("note")?);
                (format!("Some({sem})"), format!("Some({})", text(&src)))
            }
            _ => ("None".to_owned(), "None".to_owned()),
        };
        // The reading of the code asked under a network that does not define it (only another
        // network's row exists): the ISO meaning without that network's category; a decline
        // stays a decline (the customer must act), an approval cannot be trusted (inquire).
        let reason = r.get("reason")?;
        let (f_outcome, f_action) =
            if r.get("outcome")? == "failed" { ("Failed", "AskCustomer") } else { ("Unknown", "InquireStatus") };
        let foreign = format!(
            "Semantics {{ category: Category::Generic, reason: Reason::{r}, outcome: Outcome::{f_outcome}, action: Action::{f_action}, money_outcome: Outcome::{f_outcome}, money_action: Action::{f_action}, by_operation: false }}",
            r = camel(reason)
        );
        let _ = writeln!(
            w,
            "    IsoRow {{ code: {}, network: {network}, message: {}, sem: {}, foreign: {foreign}, description: {}, origin: {}, source: {}, alt: {alt_sem}, alt_source: {alt_src} }},",
            text(r.get("code")?),
            text(r.get("message")?),
            semantics(&r, &ctx, None)?,
            opt_text(r.opt("description")?),
            text(r.get("origin")?),
            text(r.get("source")?),
        );
    }
    w.push_str("];\n");

    // provider_strings.tsv
    let strings = Table::load(dir, "provider_strings.tsv")?;
    let _ = writeln!(w, "pub(crate) static STRING_ROWS: [StringRow; {}] = [", strings.rows.len());
    let mut seen_strings = BTreeSet::new();
    for r in strings.iter() {
        let p = r.get("provider")?;
        let pi = provider_ids
            .iter()
            .position(|x| x == p)
            .ok_or_else(|| r.err(format!("provider `{p}` is not in providers.tsv")))?;
        let code = r.get("code")?;
        if code.is_empty()
            || code.len() > 48
            || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            || !code.as_bytes()[0].is_ascii_uppercase()
        {
            return Err(r.err(format!("`{code}` is not an UPPER_SNAKE code of at most 48 characters")));
        }
        if !seen_strings.insert((p.to_owned(), code.to_owned())) {
            return Err(r.err("code listed twice for this provider"));
        }
        let _ = writeln!(
            w,
            "    StringRow {{ provider: {pi}, code: {}, message: {}, sem: {}, source: {} }},",
            text(code),
            text(r.get("message")?),
            semantics(&r, &ctx, None)?,
            text(r.get("source")?),
        );
    }
    w.push_str("];\n");

    // vocabularies.tsv + statuses.tsv: one static array of rows per vocabulary.
    let vocabularies = Table::load(dir, "vocabularies.tsv")?;
    let statuses = Table::load(dir, "statuses.tsv")?;
    let mut vocab_literals = Vec::new();
    let mut vocab_names: BTreeSet<String> = BTreeSet::new();
    for (vi, v) in vocabularies.iter().enumerate() {
        let vid = v.get("id")?;
        let aliases = id_list(&v, "aliases")?;
        for name in std::iter::once(vid.to_owned()).chain(aliases.iter().cloned()) {
            if !is_id(&name) {
                return Err(v.err(format!("`{name}` is not a lower snake_case id")));
            }
            if !vocab_names.insert(name.clone()) {
                return Err(v.err(format!("vocabulary id or alias `{name}` is claimed twice")));
            }
        }
        let pid = v.get("provider")?;
        let pi = provider_ids
            .iter()
            .position(|p| p == pid)
            .ok_or_else(|| v.err(format!("provider `{pid}` is not in providers.tsv")))?;
        let rows: Vec<_> = statuses.iter().filter(|r| r.get("kind").map(|k| k == vid).unwrap_or(false)).collect();
        if rows.is_empty() {
            return Err(v.err("a vocabulary needs at least one row in statuses.tsv"));
        }
        let upper = vid.to_ascii_uppercase();
        let _ = writeln!(w, "static STATUS_{upper}: [StatusRow; {}] = [", rows.len());
        let mut seen_status = BTreeSet::new();
        for r in &rows {
            let code = r.get("code")?;
            if code.len() > 48 || !code.bytes().all(status_byte) {
                return Err(r.err(format!("status `{code}` must be digits, capitals, _ and ., at most 48")));
            }
            if code.bytes().all(|b| b.is_ascii_digit()) && code.len() < 2 {
                return Err(r.err("numeric statuses have at least two digits"));
            }
            let aliases: Vec<String> = match r.opt("aliases")? {
                None => vec![],
                Some(a) => a.split(',').map(|s| s.trim().to_owned()).collect(),
            };
            for value in std::iter::once(code.to_owned()).chain(aliases.iter().cloned()) {
                if value.is_empty() || value.len() > 48 || !value.bytes().all(status_byte) {
                    return Err(r.err(format!("alias `{value}` must be digits, capitals, _ and ., at most 48")));
                }
                if !seen_status.insert(value.clone()) {
                    return Err(r.err(format!("value `{value}` listed twice in vocabulary `{vid}`")));
                }
            }
            let aliases: Vec<String> = aliases.iter().map(|a| format!("{a:?}")).collect();
            let _ = writeln!(
                w,
                "    StatusRow {{ kind: {vi}, code: {}, aliases: &[{}], name: {}, sem: {}, source: {} }},",
                text(code),
                aliases.join(", "),
                text(r.get("name")?),
                semantics(r, &ctx, None)?,
                text(r.get("source")?),
            );
        }
        w.push_str("];\n");
        let aliases: Vec<String> = aliases.iter().map(|a| format!("{a:?}")).collect();
        let extends = match v.opt("extends")? {
            None => "None".to_owned(),
            Some(base) => {
                let bi = vocabularies
                    .iter()
                    .position(|b| b.get("id").map(|id| id == base).unwrap_or(false))
                    .ok_or_else(|| v.err(format!("extends `{base}`, which is not in vocabularies.tsv")))?;
                if bi == vi {
                    return Err(v.err("a vocabulary cannot extend itself"));
                }
                format!("Some({bi})")
            }
        };
        vocab_literals.push(format!(
            "    Vocabulary {{ id: {}, name: {}, provider: {pi}, aliases: &[{}], extends: {extends}, rows: &STATUS_{upper}, source: {} }},",
            text(vid),
            text(v.get("name")?),
            aliases.join(", "),
            text(v.get("source")?),
        ));
    }
    for r in statuses.iter() {
        let k = r.get("kind")?;
        if !vocabularies.iter().any(|v| v.get("id").map(|id| id == k).unwrap_or(false)) {
            return Err(r.err(format!("kind `{k}` is not in vocabularies.tsv")));
        }
    }
    let _ = writeln!(w, "pub(crate) static VOCABULARIES: [Vocabulary; {}] = [", vocab_literals.len());
    for v in vocab_literals {
        w.push_str(&v);
        w.push('\n');
    }
    w.push_str("];\n");

    let vocab_ids: Vec<String> =
        vocabularies.iter().map(|v| v.get("id").map(str::to_owned)).collect::<Res<Vec<_>>>()?;
    state_fields(dir, w, &provider_ids, &vocab_ids, &ctx.operations)?;
    card_rules(dir, w)?;

    ctx.out.push_str(w);
    Ok(ctx.out)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (core/src/retry.rs reads times the same way).
fn days_of(row: &Row<'_>, col: &str) -> Res<Option<i64>> {
    let Some(v) = row.opt(col)? else { return Ok(None) };
    let bad = || row.err(format!("`{col}` = `{v}` is not a YYYY-MM-DD date"));
    let parts: Vec<&str> = v.split('-').collect();
    let [y, m, d] = parts[..] else { return Err(bad()) };
    let (y, m, d): (i64, i64, i64) =
        (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Ok(Some(era * 146_097 + doe - 719_468))
}

/// A duration (`1h`, `72h`, `2d`, `30d`) in seconds.
fn seconds_of(row: &Row<'_>, col: &str) -> Res<Option<i64>> {
    let Some(v) = row.opt(col)? else { return Ok(None) };
    let bad = || row.err(format!("`{col}` = `{v}` is not a duration such as 24h or 30d"));
    let (n, unit) = v.split_at(v.len().saturating_sub(1));
    let n: i64 = n.parse().map_err(|_| bad())?;
    match unit {
        "h" => Ok(Some(n * 3600)),
        "d" => Ok(Some(n * 86_400)),
        _ => Err(bad()),
    }
}

/// retry_rules.tsv, mastercard_advice.tsv and visa_categories.tsv: the card retry policy's data.
fn card_rules(dir: &Path, w: &mut String) -> Res<()> {
    let rules = Table::load(dir, "retry_rules.tsv")?;
    let _ = writeln!(w, "pub(crate) static RETRY_RULES: [RetryRule; {}] = [", rules.rows.len());
    for r in rules.iter() {
        let network = enum_ref(&r, "network", "Network", &["visa", "mastercard"])?;
        let rule = r.get("rule")?;
        if !rule.starts_with(&format!("{}.", r.get("network")?))
            || !rule.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
        {
            return Err(r.err(format!("rule `{rule}` must be network.snake_case")));
        }
        let limit = match r.opt("limit")? {
            None => "None".to_owned(),
            Some(l) => format!("Some({})", l.parse::<u32>().map_err(|_| r.err(format!("limit `{l}` is not a count")))?),
        };
        let opt_i64 = |v: Option<i64>| v.map_or("None".to_owned(), |x| format!("Some({x})"));
        let _ = writeln!(
            w,
            "    RetryRule {{ network: {network}, rule: {}, edition: {}, effective: {}, limit: {limit}, window: {}, applies: {}, scope: {}, source: {}, note: {} }},",
            text(rule),
            opt_text(r.opt("edition")?),
            opt_i64(days_of(&r, "effective")?),
            opt_i64(seconds_of(&r, "window")?),
            yes_no(&r, "applies")?,
            text(r.get("scope")?),
            text(r.get("source")?),
            opt_text(r.opt("note")?),
        );
        if r.opt("edition")?.is_some() {
            days_of(&r, "edition")?;
        }
    }
    w.push_str("];\n");
    let advice = Table::load(dir, "mastercard_advice.tsv")?;
    let _ = writeln!(w, "pub(crate) static MASTERCARD_ADVICE: [Advice; {}] = [", advice.rows.len());
    for r in advice.iter() {
        let mac = r.get("mac")?;
        if mac.len() != 2 || !mac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(r.err(format!("mac `{mac}` is not two digits")));
        }
        let decision = match r.get("decision")? {
            "never" => "Some(Verdict::Never)",
            "retry_after" => "Some(Verdict::RetryAfter)",
            // Not with the same credentials: for a retry of this transaction, never.
            "update_details" => "Some(Verdict::Never)",
            "-" => "None",
            d => return Err(r.err(format!("decision `{d}` is not never, retry_after, update_details or -"))),
        };
        let wait = seconds_of(&r, "wait")?;
        if (decision == "Some(Verdict::RetryAfter)") != wait.is_some() {
            return Err(r.err("retry_after needs a wait, and only retry_after has one"));
        }
        let _ = writeln!(
            w,
            "    Advice {{ mac: {}, meaning: {}, decision: {decision}, decision_text: {}, wait: {}, fee: {}, source: {}, note: {} }},",
            text(mac),
            text(r.get("meaning")?),
            text(r.get("decision")?),
            wait.map_or("None".to_owned(), |x| format!("Some({x})")),
            opt_text(r.opt("fee")?),
            text(r.get("source")?),
            opt_text(r.opt("note")?),
        );
    }
    w.push_str("];\n");
    // Recorded, exported as a table: every cell as text.
    let cats = Table::load(dir, "visa_categories.tsv")?;
    let cols: Vec<String> = cats.header.iter().map(|c| format!("{c:?}")).collect();
    let _ = writeln!(w, "pub(crate) static VISA_CATEGORY_COLUMNS: [&str; {}] = [{}];", cols.len(), cols.join(", "));
    let _ = writeln!(w, "pub(crate) static VISA_CATEGORIES: [[&str; {}]; {}] = [", cols.len(), cats.rows.len());
    for r in cats.iter() {
        enum_ref(&r, "category", "Category", CATEGORIES)?;
        if r.get("source")?.is_empty() {
            return Err(r.err("a row needs a source"));
        }
        let cells: Vec<String> = r.cells.iter().map(|c| format!("{c:?}")).collect();
        let _ = writeln!(w, "    [{}],", cells.join(", "));
    }
    w.push_str("];\n");
    Ok(())
}

/// A byte of a status value as the tables spell it (the canonical form).
fn status_byte(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'_' || b == b'.'
}

/// A dotted body path (`virtualAccountData.billDetails[].status`) as lower-cased segments,
/// `[]` standing for any item of an array.
fn path_segments(row: &Row<'_>, path: &str) -> Res<Vec<String>> {
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, items) = match part.find("[]") {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(row.err(format!("bad path `{path}` (keys are letters, digits and _; `[]` for array items)")));
        }
        segs.push(key.to_ascii_lowercase());
        if !items.is_empty() {
            if items.len() % 2 != 0 || !items.as_bytes().chunks(2).all(|c| c == b"[]") {
                return Err(row.err(format!("bad path `{path}`")));
            }
            for _ in 0..items.len() / 2 {
                segs.push("[]".to_owned());
            }
        }
    }
    if segs.len() > 16 {
        return Err(row.err(format!("path `{path}` is deeper than 16")));
    }
    Ok(segs)
}

fn segs_literal(segs: &[String]) -> String {
    let items: Vec<String> = segs.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

/// state_fields.tsv: where each provider's bodies carry the transaction's state.
fn state_fields(dir: &Path, w: &mut String, providers: &[String], vocabs: &[String], ops: &[String]) -> Res<()> {
    let t = Table::load(dir, "state_fields.tsv")?;
    const ROLES: &[&str] = &[
        "transaction_status",
        "payment_flag",
        "provider_status",
        "result_code",
        "modifier",
        "card_code",
        "failure_code",
        "original_code",
        "reference",
        "description",
        "service_code",
    ];
    // Roles read through a vocabulary, and roles that never take one.
    const NEEDS_VOCAB: &[&str] = &["transaction_status", "payment_flag", "provider_status", "modifier"];
    const NO_VOCAB: &[&str] = &["original_code", "reference", "description", "service_code"];
    let mut seen = BTreeSet::new();
    for r in t.iter() {
        let p = r.get("provider")?;
        if !providers.iter().any(|x| x == p) {
            return Err(r.err(format!("provider `{p}` is not in providers.tsv")));
        }
    }
    for p in providers {
        let rows: Vec<_> = t.iter().filter(|r| r.get("provider").map(|x| x == p).unwrap_or(false)).collect();
        let _ = writeln!(w, "static FIELDS_{}: [StateField; {}] = [", p.to_ascii_uppercase(), rows.len());
        for r in &rows {
            let path = r.get("path")?;
            let segs = path_segments(r, path)?;
            let role = r.get("evidence")?;
            if !ROLES.contains(&role) {
                return Err(r.err(format!("`evidence` = `{role}` is not one of {ROLES:?}")));
            }
            let vocabulary = match r.opt("vocabulary")? {
                None if NEEDS_VOCAB.contains(&role) => {
                    return Err(r.err(format!("evidence `{role}` needs a vocabulary")));
                }
                None => "None".to_owned(),
                Some(_) if NO_VOCAB.contains(&role) => {
                    return Err(r.err(format!("evidence `{role}` takes no vocabulary (write -)")));
                }
                Some(v) => {
                    let i = vocabs
                        .iter()
                        .position(|x| x == v)
                        .ok_or_else(|| r.err(format!("vocabulary `{v}` is not in vocabularies.tsv")))?;
                    format!("Some({i})")
                }
            };
            let scope_text = r.get("scope")?;
            let mut tokens = Vec::new();
            if scope_text != "any" {
                for tok in scope_text.split(',').map(str::trim) {
                    if let Some((fp, value)) = tok.split_once('=') {
                        let value = value.trim().to_ascii_uppercase().replace(['-', ' '], "_");
                        if value.is_empty() || !value.bytes().all(status_byte) {
                            return Err(r.err(format!("bad scope value in `{tok}`")));
                        }
                        tokens.push(format!(
                            "ScopeToken::Equals({}, {value:?})",
                            segs_literal(&path_segments(r, fp.trim())?)
                        ));
                    } else if tok.len() == 2 && tok.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) {
                        let b = tok.as_bytes();
                        tokens.push(format!("ScopeToken::Service([{}, {}])", b[0], b[1]));
                    } else if let Some(i) = ops.iter().position(|o| o == tok) {
                        tokens.push(format!("ScopeToken::Operation({i})"));
                    } else {
                        return Err(r.err(format!(
                            "scope `{tok}` is not any, a service code, an operation of operations.tsv or path=value"
                        )));
                    }
                }
            }
            if !seen.insert((p.clone(), segs.clone(), scope_text.to_owned(), r.opt("vocabulary")?.map(str::to_owned))) {
                return Err(r.err("the same path, vocabulary and scope are listed twice"));
            }
            let key = key_hash(segs.last().map_or("", String::as_str));
            let _ = writeln!(
                w,
                "    StateField {{ path: {}, key: {key:#x}, text: {}, vocabulary: {vocabulary}, role: {}, scope: &[{}], source: {} }},",
                segs_literal(&segs),
                text(path),
                format_args!("FieldRole::{}", camel(role)),
                tokens.join(", "),
                text(r.get("source")?),
            );
        }
        w.push_str("];\n");
    }
    // Per provider, a 256-bit filter of the last keys of its paths and the standard's (and of
    // the paths scopes look at), so the body reader skips unrelated fields with one test.
    let last_keys = |p: &str| -> Res<Vec<String>> {
        let mut keys = Vec::new();
        for r in t.iter().filter(|r| r.get("provider").map(|x| x == p).unwrap_or(false)) {
            keys.push(path_segments(&r, r.get("path")?)?.last().cloned().unwrap_or_default());
            for tok in r.get("scope")?.split(',') {
                if let Some((fp, _)) = tok.split_once('=') {
                    keys.push(path_segments(&r, fp.trim())?.last().cloned().unwrap_or_default());
                }
            }
        }
        Ok(keys)
    };
    let standard_keys = last_keys("standard")?;
    for p in providers {
        let mut bits = [0u64; 4];
        for k in last_keys(p)?.iter().chain(&standard_keys) {
            let h = key_bit(key_hash(k));
            bits[h / 64] |= 1 << (h % 64);
        }
        let _ = writeln!(w, "static KEYS_{}: [u64; 4] = {bits:#x?};", p.to_ascii_uppercase());
    }
    Ok(())
}

/// A key's length and its first and last bytes, lower-cased: a constant-time fingerprint
/// (core/src/response.rs computes the same; equal keys have equal fingerprints).
fn key_bit(h: u64) -> usize {
    ((h & 0xff) as usize + 7 * ((h >> 32) & 0xff) as usize + 31 * ((h >> 40) & 0xff) as usize) % 256
}

fn key_hash(key: &str) -> u64 {
    let b = key.as_bytes();
    let (first, last) = (b.first().map_or(0, u8::to_ascii_lowercase), b.last().map_or(0, u8::to_ascii_lowercase));
    (b.len() as u64) | u64::from(first) << 32 | u64::from(last) << 40
}

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    println!("cargo:rerun-if-changed={}", dir.display());
    match generate(&dir) {
        Ok(code) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("tables.rs");
            std::fs::write(out, code).unwrap();
        }
        Err(e) => {
            eprintln!("error: core/data: {e}");
            std::process::exit(1);
        }
    }
}
