//! Table export for ops and data teams: the compiled tables as rows, rendered as JSON, CSV
//! (RFC 4180) or Markdown. Every binding exports through here, so the files are identical
//! whichever language wrote them.

use crate::error::Error;
use crate::ids::{Family, Outcome};
use crate::json::write_str;
use crate::tables::{CaseRow, Provider, ProviderCase, SNAP_CASES, SNAP_SERVICES, Service};
use crate::text::Text;
use core::fmt;
use std::borrow::Cow;

/// A cell of an exported table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(Cow<'static, str>),
    /// A whole number.
    Int(i64),
    /// Yes/no.
    Bool(bool),
    /// No value.
    Null,
}

impl From<Text> for Cell {
    fn from(t: Text) -> Cell {
        Cell::Text(Cow::Borrowed(t.as_str()))
    }
}

impl From<&'static str> for Cell {
    fn from(s: &'static str) -> Cell {
        Cell::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(Cow::Owned(s))
    }
}

impl From<Option<Text>> for Cell {
    fn from(t: Option<Text>) -> Cell {
        t.map_or(Cell::Null, Cell::from)
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Text(s) => f.write_str(s),
            Cell::Int(n) => write!(f, "{n}"),
            Cell::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Cell::Null => Ok(()),
        }
    }
}

pub use crate::ids::{ExportFormat as Format, TableName};

/// The family a table belongs to.
pub const fn table_family(name: TableName) -> Option<Family> {
    match name {
        TableName::SnapServices | TableName::SnapCases => Some(Family::Snap),
        TableName::Reasons | TableName::Providers => None,
        TableName::Iso8583 | TableName::RetryRules | TableName::MastercardAdvice | TableName::VisaCategories => {
            Some(Family::Iso8583)
        }
        TableName::ProviderStrings => Some(Family::Provider),
        TableName::Statuses => Some(Family::Status),
    }
}

/// An exported table: column names and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Column names.
    pub columns: &'static [&'static str],
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

const SERVICE_COLUMNS: &[&str] =
    &["code", "name", "product", "kind", "moves_money", "operation", "status_service", "provider", "source"];

const CASE_COLUMNS: &[&str] = &[
    "code",
    "http_status",
    "case_code",
    "services",
    "use",
    "message",
    "category",
    "reason",
    "outcome",
    "action",
    "money_outcome",
    "money_action",
    "by_operation",
    "description",
    "provider",
    "source",
];

const ISO_COLUMNS: &[&str] =
    &["code", "network", "message", "category", "reason", "outcome", "action", "origin", "source"];
const STRING_COLUMNS: &[&str] = &["provider", "code", "message", "category", "reason", "outcome", "action", "source"];
const STATUS_COLUMNS: &[&str] =
    &["kind", "provider", "code", "aliases", "name", "reason", "outcome", "action", "source"];
const PROVIDER_COLUMNS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "covers",
    "document",
    "card_reading",
    "string_codes",
    "services",
    "cases",
    "string_code_count",
    "vocabularies",
    "state_fields",
    "source",
];

const REASON_COLUMNS: &[&str] = &[
    "id",
    "number",
    "masked",
    "snap_http_status",
    "snap_case_code",
    "description",
    "customer_en",
    "customer_id",
    "source",
];

fn service_row(s: &Service, provider: &'static Provider) -> Vec<Cell> {
    vec![
        s.code().into(),
        s.name().into(),
        s.product().into(),
        s.kind().id().into(),
        Cell::Bool(s.moves_money()),
        s.operation().map_or(Cell::Null, |o| o.id().into()),
        s.status_service().into(),
        provider.id().into(),
        s.source().into(),
    ]
}

fn services_text(c: &ProviderCase) -> Cell {
    if c.scope.is_any() {
        return "any".into();
    }
    let mask = c.scope.mask();
    let mut codes: Vec<String> = (0..100u32).filter(|i| mask & (1u128 << i) != 0).map(|i| format!("{i:02}")).collect();
    codes.extend(c.scope.letters().iter().map(|l| String::from_utf8_lossy(l).into_owned()));
    codes.join(",").into()
}

fn case_row(r: &CaseRow, services: Cell, usage: &'static str, provider: &'static Provider) -> Vec<Cell> {
    let sem = r.semantics();
    let (outcome, action) = sem.when_no_money();
    let (money_outcome, money_action) = sem.when_money();
    let show = |o: Outcome| {
        if sem.by_operation() { Cell::Null } else { o.id().into() }
    };
    vec![
        format!("{}xx{:02}", r.http(), r.case()).into(),
        Cell::Int(i64::from(r.http())),
        format!("{:02}", r.case()).into(),
        services,
        usage.into(),
        r.message().text().into(),
        sem.category().id().into(),
        sem.reason().id().into(),
        show(outcome),
        action.id().into(),
        show(money_outcome),
        money_action.id().into(),
        Cell::Bool(sem.by_operation()),
        r.description().into(),
        provider.id().into(),
        r.source().into(),
    ]
}

/// The rows of a table under a provider profile.
pub fn table(name: TableName, provider: &'static Provider) -> Table {
    match name {
        TableName::SnapServices => {
            let mut rows: Vec<Vec<Cell>> = Vec::new();
            for s in SNAP_SERVICES.iter() {
                match provider.services().iter().find(|p| p.code() == s.code()) {
                    Some(own) => rows.push(service_row(own, provider)),
                    None => rows.push(service_row(s, Provider::standard())),
                }
            }
            for own in provider.services() {
                if !SNAP_SERVICES.iter().any(|s| s.code() == own.code()) {
                    rows.push(service_row(own, provider));
                }
            }
            Table { columns: SERVICE_COLUMNS, rows }
        }
        TableName::SnapCases => {
            let mut rows: Vec<Vec<Cell>> =
                SNAP_CASES.iter().map(|r| case_row(r, "any".into(), "standard", Provider::standard())).collect();
            for c in provider.cases() {
                let usage = if c.is_variant() { "variant" } else { "override" };
                rows.push(case_row(c.row(), services_text(c), usage, provider));
            }
            Table { columns: CASE_COLUMNS, rows }
        }
        TableName::Iso8583 => {
            let reading = provider.card_reading();
            let rows = crate::tables::ISO_ROWS
                .iter()
                .map(|r| {
                    let sem = r.semantics(reading);
                    vec![
                        r.code().into(),
                        r.network().map_or(Cell::from("any"), |n| n.id().into()),
                        r.message().into(),
                        sem.category().id().into(),
                        sem.reason().id().into(),
                        sem.when_no_money().0.id().into(),
                        sem.when_no_money().1.id().into(),
                        r.origin().into(),
                        r.source(reading).into(),
                    ]
                })
                .collect();
            Table { columns: ISO_COLUMNS, rows }
        }
        TableName::ProviderStrings => {
            let rows = crate::tables::STRING_ROWS
                .iter()
                .map(|r| {
                    let sem = r.semantics();
                    vec![
                        r.provider().id().into(),
                        r.code().into(),
                        r.message().into(),
                        sem.category().id().into(),
                        sem.reason().id().into(),
                        sem.when_no_money().0.id().into(),
                        sem.when_no_money().1.id().into(),
                        r.source().into(),
                    ]
                })
                .collect();
            Table { columns: STRING_COLUMNS, rows }
        }
        TableName::Statuses => {
            let rows = crate::Vocabulary::all()
                .iter()
                .flat_map(|v| v.rows())
                .map(|r| {
                    let sem = r.semantics();
                    vec![
                        r.kind().id().into(),
                        r.kind().provider().id().into(),
                        r.code().into(),
                        r.aliases().join(",").into(),
                        r.name().into(),
                        sem.reason().id().into(),
                        sem.when_no_money().0.id().into(),
                        sem.when_no_money().1.id().into(),
                        r.source().into(),
                    ]
                })
                .collect();
            Table { columns: STATUS_COLUMNS, rows }
        }
        TableName::Providers => Table {
            columns: PROVIDER_COLUMNS,
            rows: crate::providers()
                .iter()
                .map(|p| {
                    let vocabularies: Vec<&str> = crate::Vocabulary::all()
                        .iter()
                        .filter(|v| core::ptr::eq(v.provider(), p))
                        .map(|v| v.id())
                        .collect();
                    let strings = crate::tables::STRING_ROWS.iter().filter(|r| core::ptr::eq(r.provider(), p)).count();
                    vec![
                        p.id().into(),
                        p.name().into(),
                        p.aliases().join(",").into(),
                        p.covers().into(),
                        p.document().into(),
                        p.card_reading().id().into(),
                        p.string_codes().id().into(),
                        Cell::Int(p.services().len() as i64),
                        Cell::Int(p.cases().len() as i64),
                        Cell::Int(strings as i64),
                        vocabularies.join(",").into(),
                        p.fields().iter().map(|f| f.path().as_str()).collect::<Vec<_>>().join(",").into(),
                        p.source().into(),
                    ]
                })
                .collect(),
        },
        TableName::RetryRules => Table {
            columns: &["network", "rule", "edition", "limit", "window_hours", "applies", "scope", "source", "note"],
            rows: crate::tables::RETRY_RULES
                .iter()
                .map(|r| {
                    vec![
                        r.network.id().into(),
                        r.rule.into(),
                        r.edition.map_or(Cell::Null, Cell::from),
                        r.limit.map_or(Cell::Null, |l| Cell::Int(i64::from(l))),
                        r.window.map_or(Cell::Null, |w| Cell::Int(w / 3600)),
                        Cell::Bool(r.applies),
                        r.scope.into(),
                        r.source.into(),
                        r.note.map_or(Cell::Null, Cell::from),
                    ]
                })
                .collect(),
        },
        TableName::MastercardAdvice => Table {
            columns: &["mac", "meaning", "decision", "wait_hours", "fee", "source", "note"],
            rows: crate::tables::MASTERCARD_ADVICE
                .iter()
                .map(|a| {
                    vec![
                        a.mac.into(),
                        a.meaning.into(),
                        a.decision_text.into(),
                        a.wait.map_or(Cell::Null, |w| Cell::Int(w / 3600)),
                        a.fee.map_or(Cell::Null, Cell::from),
                        a.source.into(),
                        a.note.map_or(Cell::Null, Cell::from),
                    ]
                })
                .collect(),
        },
        TableName::VisaCategories => Table {
            columns: &crate::tables::VISA_CATEGORY_COLUMNS,
            rows: crate::tables::VISA_CATEGORIES
                .iter()
                .map(|r| r.iter().map(|c| if *c == "-" { Cell::Null } else { Cell::from(*c) }).collect())
                .collect(),
        },
        TableName::Reasons => Table {
            columns: REASON_COLUMNS,
            rows: crate::reasons()
                .iter()
                .map(|r| {
                    let (http, case) = r
                        .snap()
                        .map_or((Cell::Null, Cell::Null), |(h, c)| (Cell::Int(i64::from(h)), format!("{c:02}").into()));
                    let en = crate::customer_message(r.reason(), crate::Locale::En).text;
                    let id = crate::customer_message(r.reason(), crate::Locale::Id).text;
                    vec![
                        r.reason().id().into(),
                        Cell::Int(i64::from(r.reason().number())),
                        Cell::Bool(r.masked()),
                        http,
                        case,
                        r.description().into(),
                        en.into(),
                        id.into(),
                        r.source().into(),
                    ]
                })
                .collect(),
        },
    }
}

/// Looks a table up by its id (`snap_services`, also `snap-services`) and provider id; the
/// errors are `unknown_table` and `unknown_provider`.
pub fn table_by_name(name: &str, provider: Option<&str>) -> Result<Table, Error> {
    let name = TableName::parse(name).ok_or(Error::UnknownTable)?;
    let provider = match provider {
        Some(p) => Provider::find(p).ok_or(Error::UnknownProvider)?,
        None => Provider::standard(),
    };
    Ok(table(name, provider))
}

impl Table {
    /// Renders the table.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => self.to_json(),
            Format::Csv => self.to_csv(),
            Format::Md => self.to_markdown(),
        }
    }

    /// A JSON array of objects, one per row, keys in column order.
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        out.push(b'[');
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"\n ");
            out.push(b'{');
            for (j, (col, cell)) in self.columns.iter().zip(row).enumerate() {
                if j > 0 {
                    out.push(b',');
                }
                write_str(&mut out, col);
                out.push(b':');
                match cell {
                    Cell::Text(s) => write_str(&mut out, s),
                    Cell::Int(n) => out.extend_from_slice(n.to_string().as_bytes()),
                    Cell::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
                    Cell::Null => out.extend_from_slice(b"null"),
                }
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"\n]\n");
        String::from_utf8(out).unwrap_or_default()
    }

    /// CSV with a header row; fields with a comma, quote or line break are quoted.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let field = |out: &mut String, s: &str| {
            if s.contains([',', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&s.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(s);
            }
        };
        for (i, c) in self.columns.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, c);
        }
        out.push_str("\r\n");
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                field(&mut out, &cell.to_string());
            }
            out.push_str("\r\n");
        }
        out
    }

    /// A Markdown table (`|` in cells escaped).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push('|');
        for c in self.columns {
            out.push(' ');
            out.push_str(c);
            out.push_str(" |");
        }
        out.push_str("\n|");
        for _ in self.columns {
            out.push_str(" --- |");
        }
        out.push('\n');
        for row in &self.rows {
            out.push('|');
            for cell in row {
                out.push(' ');
                out.push_str(&cell.to_string().replace('|', "\\|").replace('\n', " "));
                out.push_str(" |");
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new table must be listed in `ALL` (this match stops compiling until it is handled).
    #[test]
    fn every_table_is_listed_once() {
        for t in TableName::ALL {
            match t {
                TableName::SnapServices
                | TableName::SnapCases
                | TableName::Reasons
                | TableName::Iso8583
                | TableName::ProviderStrings
                | TableName::Statuses
                | TableName::Providers
                | TableName::RetryRules
                | TableName::MastercardAdvice
                | TableName::VisaCategories => {}
            }
            assert_eq!(TableName::parse(t.id()), Some(*t));
            assert_eq!(TableName::parse(&t.id().replace('_', "-")), Some(*t));
            assert_eq!(TableName::ALL.iter().filter(|x| *x == t).count(), 1);
        }
        assert_eq!(TableName::ALL.len(), 10);
    }

    #[test]
    fn csv_and_markdown_escape_what_they_must() {
        let t = Table {
            columns: &["a", "b"],
            rows: vec![vec![Cell::from("x, \"y\""), Cell::from("p|q")], vec![Cell::Int(1), Cell::Null]],
        };
        assert_eq!(t.to_csv(), "a,b\r\n\"x, \"\"y\"\"\",p|q\r\n1,\r\n");
        assert!(t.to_markdown().contains("| x, \"y\" | p\\|q |"));
        assert_eq!(t.to_json(), "[\n {\"a\":\"x, \\\"y\\\"\",\"b\":\"p|q\"},\n {\"a\":1,\"b\":null}\n]\n");
    }
}
