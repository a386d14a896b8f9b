//! `paycodes`: explain, batch-decode and export payment response codes.
//!
//! Exit codes: 0 ok, 1 a malformed code (for `decode`: at least one line), 2 usage. Every
//! option is read by the core's contract ([`paycodes::api::Args`]), as in every binding.

use clap::{Args as ClapArgs, Parser, Subcommand};
use paycodes::api::{self, Args, Call, Input};
use paycodes::lines::{LineDecoder, MAX_LINE};
use paycodes::{Arg, Error, ErrorClass, Raw, json};
use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
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
    /// responseMessage); writes one answer per input line (JSON, or CSV with --format csv),
    /// in order, as each line arrives.
    Decode(DecodeArgs),
    /// Read a whole response or callback body (JSON) and say what happened to the
    /// transaction: the state field beats the response code; a failed status inquiry says
    /// nothing about the payment.
    Response(ResponseArgs),
    /// May a declined card transaction be tried again (now, later, never), given the attempts
    /// already made on the same card? Names the network rule that decided.
    Retry(RetryArgs),
    /// Export a table as JSON, CSV or Markdown.
    Table(TableArgs),
}

#[derive(ClapArgs)]
struct ContextArgs {
    /// Provider profile (see `paycodes table providers`), e.g. doku, bca, bri.
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
    /// Status vocabulary (implies --family status): snap, qris, direct_debit, va, or a provider's.
    #[arg(long)]
    kind: Option<String>,
    /// Language of the explanation and the customer message: en or id.
    #[arg(long, visible_alias = "lang", default_value = "en")]
    locale: String,
}

impl ContextArgs {
    /// The options as the core reads them.
    fn args(&self, call: Call) -> Args<'_> {
        let mut args = Args::new(call);
        for (arg, value) in [
            (Arg::Provider, &self.provider),
            (Arg::Family, &self.family),
            (Arg::Network, &self.network),
            (Arg::Operation, &self.operation),
            (Arg::Kind, &self.kind),
        ] {
            if let Some(v) = value {
                args = args.with(arg, Input::Str(v));
            }
        }
        args.with(Arg::Locale, Input::Str(&self.locale))
    }
}

#[derive(ClapArgs)]
struct ExplainArgs {
    /// The code, e.g. 4035414, 400XX01, 51, TIME_OUT.
    #[arg(allow_hyphen_values = true)]
    code: OsString,
    /// The actual responseMessage, to extract the detail (e.g. the field name).
    #[arg(long, short = 'm')]
    message: Option<OsString>,
    #[command(flatten)]
    context: ContextArgs,
    /// Print one JSON object instead of the explanation.
    #[arg(long)]
    json: bool,
}

#[derive(ClapArgs)]
struct DecodeArgs {
    #[command(flatten)]
    context: ContextArgs,
    /// Copy this top-level field of each JSON line into the answer, under "kept" (repeat for
    /// more fields), so results can be joined back to requests.
    #[arg(long, value_name = "FIELD")]
    keep: Vec<String>,
    /// No progress bar, even on a terminal.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Decode every line afresh instead of reusing answers for repeated lines (for
    /// benchmarking; the output is identical).
    #[arg(long)]
    no_cache: bool,
    /// Output: `jsonl` (one JSON object per line) or `csv` (a header, then one record per
    /// line: the answer's fields flattened, `service_*` for the service, lists as JSON text,
    /// `error` for a malformed line, `kept_<FIELD>` for each --keep).
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "jsonl")]
    format: String,
}

#[derive(ClapArgs)]
struct ResponseArgs {
    /// A file holding the body (`-` or nothing: stdin).
    file: Option<std::path::PathBuf>,
    /// Provider profile (see `paycodes table providers`), e.g. bca, midtrans, xendit.
    #[arg(long, short = 'p')]
    provider: Option<String>,
    /// The operation the body answers (e.g. direct_debit, disbursement, status_inquiry).
    #[arg(long)]
    operation: Option<String>,
    /// The HTTP status the transport reported.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    http_status: Option<String>,
    /// No response arrived at all (a transport timeout); no body is read.
    #[arg(long, conflicts_with_all = ["file", "jsonl"])]
    no_response: bool,
    /// Language of the explanation and the customer message: en or id.
    #[arg(long, visible_alias = "lang", default_value = "en")]
    locale: String,
    /// Print one JSON object instead of the explanation.
    #[arg(long)]
    json: bool,
    /// One body per line in, one JSON answer per line out, in order.
    #[arg(long)]
    jsonl: bool,
    /// No progress bar, even on a terminal (with --jsonl).
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(ClapArgs)]
struct RetryArgs {
    /// The decline's response code (ISO 8583 field 39), e.g. 51, 05, 5C.
    code: String,
    /// The card's network: visa or mastercard.
    #[arg(long)]
    network: String,
    /// The Mastercard Merchant Advice Code of the decline, e.g. 03, 24.
    #[arg(long)]
    mac: Option<String>,
    /// Earlier attempts on the same card: a file of JSON lines (or a JSON array) of
    /// {"at": "2026-11-30T10:00:00+07:00", "code": "51", "mac": null}; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    history: Option<std::path::PathBuf>,
    /// The time of the decision (RFC 3339 or Unix seconds); default: now.
    #[arg(long, allow_hyphen_values = true)]
    now: Option<String>,
    /// Pin a Visa rules edition (2021-04-17, 2026-04-18); default: the latest in force.
    #[arg(long)]
    edition: Option<String>,
    /// Print one JSON object instead of the explanation.
    #[arg(long)]
    json: bool,
}

#[derive(ClapArgs)]
struct TableArgs {
    /// snap_services, snap_cases, reasons, iso8583, provider_strings, statuses or providers
    /// (`-` works for `_`).
    name: String,
    /// Include this provider's names, spellings and additions.
    #[arg(long, short = 'p')]
    provider: Option<String>,
    /// json, csv or md.
    #[arg(long, short = 'f', default_value = "json")]
    format: String,
}

/// 2 when the options are the problem (an unknown provider, a status decode without
/// --kind); 1 for a malformed code.
fn exit_for(e: &Error) -> ExitCode {
    match e.kind().class() {
        ErrorClass::UnknownOption => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

fn usage_error(e: &Error) -> ExitCode {
    eprintln!("paycodes: {e} ({})", e.id());
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Explain(a) => explain(a),
        Command::Decode(a) => decode_stream(a),
        Command::Response(a) => response(a),
        Command::Retry(a) => retry(a),
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

/// Command-line text as an [`Input`]: text with no UTF-8 form is the `invalid_utf8` input,
/// not a usage error.
fn os_input(s: &OsString) -> Input<'_> {
    match s.to_str() {
        Some(t) => Input::Str(t),
        None => Input::BadText,
    }
}

fn explain(a: ExplainArgs) -> io::Result<ExitCode> {
    let code = os_input(&a.code);
    let raw_text = a.code.to_string_lossy();
    let args = a.context.args(Call::Explain).with(Arg::Message, a.message.as_ref().map_or(Input::Null, os_input));
    let mut out = Vec::new();
    let result = if a.json {
        api::decode(&code, &args).map(|d| json::write_decoded(&mut out, &d))
    } else {
        api::explain(&code, &args).map(|text| out.extend_from_slice(text.as_bytes()))
    };
    let status = match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if a.json => {
            json::write_error(&mut out, &Raw::Text(&raw_text), &e);
            exit_for(&e)
        }
        Err(e) if e.kind().class() == ErrorClass::UnknownOption => return Ok(usage_error(&e)),
        Err(e) => {
            eprintln!("paycodes: {raw_text:?}: {e} ({})", e.id());
            return Ok(exit_for(&e));
        }
    };
    out.push(b'\n');
    io::stdout().lock().write_all(&out)?;
    Ok(status)
}

fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner().with_style(
        indicatif::ProgressStyle::with_template("{spinner} {bytes} read {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(8));
    Some(bar)
}

/// One line of input, read with a limit: the line (without its break), or the first
/// [`MAX_LINE`] bytes of a longer one whose rest was skipped.
enum Line {
    Whole,
    TooLong,
}

/// Reads the next line into `line` (cleared first); `None` at the end of input.
fn read_line(reader: &mut (impl BufRead + ?Sized), line: &mut Vec<u8>) -> io::Result<Option<(Line, usize)>> {
    line.clear();
    let mut read = 0usize;
    let mut too_long = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((read > 0).then_some((if too_long { Line::TooLong } else { Line::Whole }, read)));
        }
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = MAX_LINE.saturating_sub(line.len());
        if chunk.len() > room {
            too_long = true;
        }
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = done.unwrap_or(buf.len());
        reader.consume(used);
        read += used;
        if done.is_some() {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some((if too_long { Line::TooLong } else { Line::Whole }, read)));
        }
    }
}

fn decode_stream(a: DecodeArgs) -> io::Result<ExitCode> {
    let ctx = match a.context.args(Call::DecodeMany).context() {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(&e)),
    };
    let format = match paycodes::lines::Format::parse(&a.format) {
        Ok(f) => f,
        Err(e) => return Ok(usage_error(&e)),
    };
    let mut decoder = LineDecoder::new(ctx, a.keep.clone(), !a.no_cache).with_format(format);
    let header = decoder.header();
    if !header.is_empty() {
        let mut stdout = io::stdout().lock();
        stdout.write_all(&header)?;
        stdout.write_all(b"\n")?;
    }
    let mut reader = BufReader::with_capacity(1 << 20, io::stdin().lock());
    stream(&mut reader, a.quiet, ("lines", "malformed"), |kind, line, out| match kind {
        Line::Whole => decoder.decode_line(line, out),
        Line::TooLong => {
            decoder.too_long(&line[..line.len().min(json::MAX_RAW_ECHO)], out);
            false
        }
    })
}

/// Reads lines and writes one answer line per input line, in order: `answer` writes the
/// answer and says whether the line was good. Before the reader would wait for more input,
/// what is answered is written, so a pipe from `tail -f` sees each answer as its line
/// arrives while a file is written in large blocks. Exit 1 when any line was bad.
fn stream<R: io::Read>(
    reader: &mut BufReader<R>,
    quiet: bool,
    (items, bad_items): (&str, &str),
    mut answer: impl FnMut(Line, &[u8], &mut Vec<u8>) -> bool,
) -> io::Result<ExitCode> {
    let bar = progress_bar(quiet);
    let mut stdout = io::stdout().lock();
    let mut out: Vec<u8> = Vec::with_capacity(2 << 20);
    let mut line: Vec<u8> = Vec::with_capacity(256);
    let (mut lines, mut bad, mut bytes) = (0u64, 0u64, 0u64);
    loop {
        if reader.buffer().is_empty() && !out.is_empty() {
            stdout.write_all(&out)?;
            stdout.flush()?;
            out.clear();
            if let Some(bar) = &bar {
                bar.set_position(bytes);
                bar.set_message(format!("{lines} {items}, {bad} {bad_items}"));
            }
        }
        let Some((kind, n)) = read_line(reader, &mut line)? else { break };
        bytes += n as u64;
        bad += u64::from(!answer(kind, &line, &mut out));
        out.push(b'\n');
        lines += 1;
        if out.len() >= 1 << 20 {
            stdout.write_all(&out)?;
            out.clear();
        }
    }
    stdout.write_all(&out)?;
    stdout.flush()?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
        eprintln!("paycodes: {lines} {items}, {bad} {bad_items}");
    }
    Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

impl ResponseArgs {
    fn args(&self) -> Args<'_> {
        let mut args = Args::new(Call::DecodeResponse).with(Arg::Locale, Input::Str(&self.locale));
        if let Some(p) = &self.provider {
            args = args.with(Arg::Provider, Input::Str(p));
        }
        if let Some(o) = &self.operation {
            args = args.with(Arg::Operation, Input::Str(o));
        }
        if let Some(h) = &self.http_status {
            args = args.with(Arg::HttpStatus, Input::Str(h));
        }
        args
    }
}

fn response(a: ResponseArgs) -> io::Result<ExitCode> {
    let args = a.args();
    // Options are checked once, before any body is read.
    if let Err(e) = api::decode_response(&Input::Null, &args) {
        return Ok(usage_error(&e));
    }
    let source: Box<dyn Read> = match &a.file {
        Some(p) if p.as_os_str() != "-" => Box::new(std::fs::File::open(p)?),
        _ => Box::new(io::stdin().lock()),
    };
    let mut input = BufReader::with_capacity(1 << 20, source);
    if a.jsonl {
        return response_lines(&mut input, &args, a.quiet);
    }
    let mut body = Vec::new();
    let body = if a.no_response {
        Input::Null
    } else {
        // One more byte than the limit, so an over-long body is reported as such.
        input.take(paycodes::response::MAX_BODY as u64 + 1).read_to_end(&mut body)?;
        Input::Bytes(&body)
    };
    let mut out = Vec::new();
    let status = match api::decode_response(&body, &args) {
        Ok(r) if a.json => {
            json::write_response(&mut out, &r);
            ExitCode::SUCCESS
        }
        Ok(r) => {
            out.extend_from_slice(paycodes::explain_response(&r, r.locale()).as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) if a.json => {
            json::write_error(&mut out, &Raw::Text(""), &e);
            exit_for(&e)
        }
        Err(e) => {
            eprintln!("paycodes: {e} ({})", e.id());
            return Ok(exit_for(&e));
        }
    };
    out.push(b'\n');
    io::stdout().lock().write_all(&out)?;
    Ok(status)
}

/// `paycodes response --jsonl`: a body per line, an answer per line, in order.
fn response_lines(reader: &mut BufReader<Box<dyn Read>>, args: &Args<'_>, quiet: bool) -> io::Result<ExitCode> {
    stream(reader, quiet, ("bodies", "unreadable"), |kind, line, out| {
        let result = match kind {
            Line::Whole => api::decode_response(&Input::Bytes(line), args),
            Line::TooLong => Err(Error::LineTooLong { limit: MAX_LINE }),
        };
        match result {
            Ok(r) => {
                json::write_response(out, &r);
                true
            }
            Err(e) => {
                json::write_error(out, &Raw::Text(""), &e);
                false
            }
        }
    })
}

fn retry(a: RetryArgs) -> io::Result<ExitCode> {
    let history = match &a.history {
        None => None,
        Some(p) if p.as_os_str() == "-" => {
            let mut b = Vec::new();
            io::stdin().lock().read_to_end(&mut b)?;
            Some(b)
        }
        Some(p) => Some(std::fs::read(p)?),
    };
    let mut args = Args::new(Call::RetryDecision).with(Arg::Network, Input::Str(&a.network));
    for (arg, v) in [(Arg::Mac, &a.mac), (Arg::Now, &a.now), (Arg::Edition, &a.edition)] {
        if let Some(v) = v {
            args = args.with(arg, Input::Str(v));
        }
    }
    if let Some(h) = &history {
        args = args.with(Arg::History, Input::Bytes(h));
    }
    let mut out = Vec::new();
    let status = match api::retry_decision(&Input::Str(&a.code), &args) {
        Ok(r) if a.json => {
            json::write_obj(&mut out, &paycodes::fields::Obj::Retry(&r));
            ExitCode::SUCCESS
        }
        Ok(r) => {
            out.extend_from_slice(paycodes::explain_retry(&r).as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) if e.kind().class() == ErrorClass::UnknownOption => return Ok(usage_error(&e)),
        Err(e) if a.json => {
            json::write_error(&mut out, &Raw::Text(&a.code), &e);
            exit_for(&e)
        }
        Err(e) => {
            eprintln!("paycodes: {e} ({})", e.id());
            return Ok(exit_for(&e));
        }
    };
    out.push(b'\n');
    io::stdout().lock().write_all(&out)?;
    Ok(status)
}

fn export(a: TableArgs) -> io::Result<ExitCode> {
    let mut args = Args::new(Call::Export).with(Arg::Format, Input::Str(&a.format));
    if let Some(p) = &a.provider {
        args = args.with(Arg::Provider, Input::Str(p));
    }
    match api::export(&Input::Str(&a.name), &args) {
        Ok(text) => {
            io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(usage_error(&e)),
    }
}
