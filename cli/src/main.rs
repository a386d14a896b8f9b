//! `paycodes`: explain, batch-decode and export payment response codes.
//!
//! Exit codes: 0 ok, 1 a malformed code (for `decode`: at least one line), 2 usage.

use clap::{Args, Parser, Subcommand};
use paycodes::export::{Format, TableName, table};
use paycodes::{Context, Error, Locale, Raw, decode, decode_bytes, decode_float, decode_integer, json};
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "paycodes", version, about = "What a payment response code means and what to do next")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Explain one code: what happened, did the money move, what to do next.
    Explain(ExplainArgs),
    /// Decode codes from stdin (a code per line, or JSON lines with responseCode /
    /// responseMessage); writes one JSON answer per input line, in order.
    Decode(DecodeArgs),
    /// Export a table as JSON, CSV or Markdown.
    Table(TableArgs),
}

#[derive(Args)]
struct ContextArgs {
    /// Provider profile: standard, doku, ifortepay, bank_neo_commerce, ayoconnect.
    #[arg(long, short = 'p')]
    provider: Option<String>,
    /// Decode as this family instead of detecting it: snap, iso8583, provider, status.
    #[arg(long)]
    family: Option<String>,
    /// Card network for ISO 8583 codes: visa, mastercard.
    #[arg(long)]
    network: Option<String>,
    /// The operation that was called, for context-dependent codes (e.g. direct_debit).
    #[arg(long)]
    operation: Option<String>,
    /// Status vocabulary for --family status: snap, qris, direct_debit, va.
    #[arg(long)]
    kind: Option<String>,
}

impl ContextArgs {
    fn context(&self) -> Result<Context, Error> {
        Context::from_options(
            self.provider.as_deref(),
            self.family.as_deref(),
            self.network.as_deref(),
            self.operation.as_deref(),
            self.kind.as_deref(),
        )
    }
}

#[derive(Args)]
struct ExplainArgs {
    /// The code, e.g. 4035414, 400XX01, 51, TIME_OUT.
    code: String,
    /// The actual responseMessage, to extract the detail (e.g. the field name).
    #[arg(long, short = 'm')]
    message: Option<String>,
    #[command(flatten)]
    context: ContextArgs,
    /// Language of the explanation and the customer message: en or id.
    #[arg(long, default_value = "en")]
    lang: String,
    /// Print one JSON object instead of the explanation.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct DecodeArgs {
    #[command(flatten)]
    context: ContextArgs,
    /// Language of customer_message: en or id.
    #[arg(long, default_value = "en")]
    lang: String,
    /// No progress bar, even on a terminal.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Decode every line afresh instead of reusing answers for repeated lines (for
    /// benchmarking; the output is identical).
    #[arg(long)]
    no_cache: bool,
}

#[derive(Args)]
struct TableArgs {
    /// snap-services, snap-cases, reasons, iso8583, provider-strings or statuses.
    name: String,
    /// Include this provider's names, spellings and additions.
    #[arg(long, short = 'p')]
    provider: Option<String>,
    /// json, csv or md.
    #[arg(long, short = 'f', default_value = "json")]
    format: String,
}

/// 1 for a malformed code; 2 when the options are the problem (the 2xxx error block, e.g.
/// a status decode without --kind).
fn exit_for(e: &Error) -> ExitCode {
    match e.kind().number() {
        2000..=2999 => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("paycodes: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Explain(a) => explain(a),
        Command::Decode(a) => decode_stream(a),
        Command::Table(a) => export(a),
    };
    match result {
        Ok(code) => code,
        // Writing to a closed pipe (`paycodes decode | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("paycodes: {e}");
            ExitCode::from(2)
        }
    }
}

fn explain(a: ExplainArgs) -> io::Result<ExitCode> {
    let locale = Locale::parse(&a.lang);
    let ctx = match a.context.context() {
        Ok(c) => c,
        Err(e) if a.json => {
            let mut out = Vec::new();
            json::write_error(&mut out, &Raw::Text(&a.code), &e);
            println!("{}", String::from_utf8_lossy(&out));
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Ok(usage_error(&format!("{e} ({})", e.id()))),
    };
    let mut out = Vec::new();
    let status = match decode(&a.code, a.message.as_deref(), &ctx) {
        Ok(d) if a.json => {
            json::write_decoded(&mut out, &d, locale);
            ExitCode::SUCCESS
        }
        Ok(d) => {
            out.extend_from_slice(paycodes::explain(&d, locale).as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) if a.json => {
            json::write_error(&mut out, &Raw::Text(&a.code), &e);
            exit_for(&e)
        }
        Err(e) => {
            eprintln!("paycodes: {:?}: {e} ({})", a.code, e.id());
            return Ok(exit_for(&e));
        }
    };
    out.push(b'\n');
    io::stdout().lock().write_all(&out)?;
    Ok(status)
}

/// One input line: a bare code, or a JSON object with responseCode/responseMessage.
fn decode_line(line: &[u8], ctx: &Context, locale: Locale, out: &mut Vec<u8>) -> bool {
    let trimmed = line.trim_ascii();
    if trimmed.first() == Some(&b'{') {
        return decode_json_line(trimmed, ctx, locale, out);
    }
    match decode_bytes(line, None, ctx) {
        Ok(d) => {
            json::write_decoded(out, &d, locale);
            true
        }
        Err(e) => {
            let raw = String::from_utf8_lossy(line);
            json::write_error(out, &Raw::Text(&raw), &e);
            false
        }
    }
}

fn decode_json_line(line: &[u8], ctx: &Context, locale: Locale, out: &mut Vec<u8>) -> bool {
    let value: serde_json::Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(_) => {
            json::write_error(out, &Raw::Text(&String::from_utf8_lossy(line)), &Error::BadJson);
            return false;
        }
    };
    let message = value.get("responseMessage").and_then(|m| m.as_str());
    let code = value.get("responseCode").unwrap_or(&serde_json::Value::Null);
    let result = match code {
        serde_json::Value::String(s) => decode(s, message, ctx),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => decode_integer(i, message, ctx),
            (None, Some(f)) => decode_float(f, message, ctx),
            _ => Err(Error::NotAnInteger),
        },
        _ => Err(Error::BadType),
    };
    match result {
        Ok(d) => {
            json::write_decoded(out, &d, locale);
            true
        }
        Err(e) => {
            let raw = match code {
                serde_json::Value::String(s) => Raw::Text(s),
                serde_json::Value::Number(n) => n.as_i64().map_or(Raw::Text(""), Raw::Integer),
                _ => Raw::Text(""),
            };
            json::write_error(out, &raw, &e);
            false
        }
    }
}

/// Answers already written, by input line. For fixed options an answer is a pure function
/// of the line's bytes, and logs repeat a small set of codes, so most lines become one hash
/// lookup and one copy. Bounded: short lines only, and at most `MAX_BYTES` of answers.
struct LineCache {
    /// Input line -> (answer, whether the line was well-formed).
    map: std::collections::HashMap<Box<[u8]>, Answer, rustc_hash::FxBuildHasher>,
    bytes: usize,
}

impl LineCache {
    const MAX_LINE: usize = 160;
    const MAX_BYTES: usize = 64 << 20;

    fn new() -> Self {
        LineCache { map: std::collections::HashMap::with_hasher(rustc_hash::FxBuildHasher), bytes: 0 }
    }

    /// Writes the answer for `line` into `out`; returns whether the line was well-formed.
    fn answer(&mut self, line: &[u8], ctx: &Context, locale: Locale, out: &mut Vec<u8>) -> bool {
        if let Some((answer, ok)) = self.map.get(line) {
            out.extend_from_slice(answer);
            return *ok;
        }
        let start = out.len();
        let ok = decode_line(line, ctx, locale, out);
        if line.len() <= Self::MAX_LINE && self.bytes < Self::MAX_BYTES {
            let answer: Box<[u8]> = out[start..].into();
            self.bytes += answer.len() + line.len();
            self.map.insert(line.into(), (answer, ok));
        }
        ok
    }
}

/// A cached answer and whether its line was well-formed.
type Answer = (Box<[u8]>, bool);

fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    // A regular file on stdin has a size: show a bar by bytes; a pipe gets a spinner.
    let size = io::stdin().as_fd_clone().and_then(|f| f.metadata().ok()).filter(|m| m.is_file()).map(|m| m.len());
    let bar = match size {
        Some(len) => indicatif::ProgressBar::new(len).with_style(
            indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ({eta})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template("{spinner} {bytes} read {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(8));
    Some(bar)
}

trait StdinExt {
    fn as_fd_clone(&self) -> Option<std::fs::File>;
}

impl StdinExt for io::Stdin {
    fn as_fd_clone(&self) -> Option<std::fs::File> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            self.as_fd().try_clone_to_owned().ok().map(std::fs::File::from)
        }
        #[cfg(not(unix))]
        {
            None
        }
    }
}

fn decode_stream(a: DecodeArgs) -> io::Result<ExitCode> {
    let ctx = match a.context.context() {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(&format!("{e} ({})", e.id()))),
    };
    let locale = Locale::parse(&a.lang);
    let bar = progress_bar(a.quiet);
    let mut reader = BufReader::with_capacity(1 << 20, io::stdin().lock());
    let mut stdout = io::stdout().lock();
    let mut out: Vec<u8> = Vec::with_capacity(2 << 20);
    let mut line: Vec<u8> = Vec::with_capacity(256);
    let (mut lines, mut bad, mut bytes) = (0u64, 0u64, 0u64);
    let mut cache = LineCache::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        let mut l = &line[..];
        if let Some(x) = l.strip_suffix(b"\n") {
            l = x;
        }
        if let Some(x) = l.strip_suffix(b"\r") {
            l = x;
        }
        let ok =
            if a.no_cache { decode_line(l, &ctx, locale, &mut out) } else { cache.answer(l, &ctx, locale, &mut out) };
        if !ok {
            bad += 1;
        }
        out.push(b'\n');
        lines += 1;
        if out.len() >= 1 << 20 {
            stdout.write_all(&out)?;
            out.clear();
            if let Some(bar) = &bar {
                bar.set_position(bytes);
                bar.set_message(format!("{lines} lines, {bad} malformed"));
            }
        }
    }
    stdout.write_all(&out)?;
    stdout.flush()?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
        eprintln!("paycodes: {lines} lines, {bad} malformed");
    }
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn export(a: TableArgs) -> io::Result<ExitCode> {
    let Some(name) = TableName::parse(&a.name) else {
        let names: Vec<&str> = TableName::ALL.iter().map(|t| t.id()).collect();
        return Ok(usage_error(&format!("unknown table {:?}; known: {}", a.name, names.join(", "))));
    };
    let Some(format) = Format::parse(&a.format) else {
        return Ok(usage_error(&format!("unknown format {:?}; known: json, csv, md", a.format)));
    };
    let provider = match a.provider.as_deref().map(paycodes::Provider::find) {
        None => paycodes::Provider::standard(),
        Some(Some(p)) => p,
        Some(None) => return Ok(usage_error(&Error::UnknownProvider.to_string())),
    };
    io::stdout().lock().write_all(table(name, provider).render(format).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
