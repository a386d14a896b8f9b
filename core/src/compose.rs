//! Building SNAP codes, for servers that answer SNAP callbacks (VA inquiry, payment
//! notification, ...): the right `responseCode` and `responseMessage`.

use crate::error::Error;
use crate::ids::Reason;
use crate::tables::{CaseRow, Provider, standard_case};
use crate::text::Text;
use core::fmt;

/// SNAP's limit on `responseMessage`.
pub const MAX_MESSAGE_CHARS: usize = 150;

/// A built response: the 7-character code and its message with the placeholder filled. It
/// owns its text (no borrow of the inputs), so bindings can keep it as it is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Built {
    code: [u8; 7],
    row: &'static CaseRow,
    /// The rendered `responseMessage` (at most 150 characters of at most 4 bytes).
    message: [u8; MAX_MESSAGE_BYTES],
    message_len: u16,
    /// Where the detail is in the message (`start == end`: none).
    detail: (u16, u16),
}

/// Bytes of the longest `responseMessage` (150 characters of up to 4 bytes each).
pub const MAX_MESSAGE_BYTES: usize = MAX_MESSAGE_CHARS * 4;

impl Built {
    /// The `responseCode`, e.g. `4002501`.
    pub fn code(&self) -> &str {
        core::str::from_utf8(&self.code).unwrap_or("")
    }
    /// The `responseMessage`, placeholder filled (the same text as `Display`).
    pub fn message(&self) -> &str {
        core::str::from_utf8(&self.message[..self.message_len as usize]).unwrap_or("")
    }
    /// The table template the message comes from.
    pub fn template(&self) -> Text {
        self.row.message.text()
    }
    /// The detail placed in the message: the one given, trimmed of whitespace and of the
    /// separators a reader would drop around it (`.`, `,`, `:`, brackets, quotes, ...); `None`
    /// when nothing is left, or when it is only a placeholder's name (`reason`, `param`,
    /// `field name`, ...), which a reader takes for an unfilled template.
    pub fn detail(&self) -> Option<&str> {
        let (start, end) = (self.detail.0 as usize, self.detail.1 as usize);
        (start < end).then(|| self.message().get(start..end)).flatten()
    }
    /// The table row used.
    pub fn row(&self) -> &'static CaseRow {
        self.row
    }
    /// Writes the `responseMessage` (see [`Built`]'s `Display`).
    pub fn write_message<W: fmt::Write>(&self, w: &mut W) -> fmt::Result {
        w.write_str(self.message())
    }
    /// Length of the message in characters.
    pub fn message_chars(&self) -> usize {
        self.message().chars().count()
    }
}

/// The message for a row and a detail, as `(text, detail start, detail end)`.
fn render(row: &CaseRow, detail: Option<&str>) -> (String, usize, usize) {
    let t = &row.message;
    let mut out = String::new();
    let (mut start, mut end) = (0, 0);
    match (t.has_placeholder(), detail) {
        (true, Some(d)) => {
            out.push_str(t.prefix());
            start = out.len();
            out.push_str(d);
            end = out.len();
            out.push_str(t.suffix());
        }
        (true, None) => {
            // Drop the placeholder and the space before it: "Unauthorized. [reason]"
            // becomes "Unauthorized.".
            out.push_str(t.prefix().trim_end());
            out.push_str(t.suffix());
        }
        (false, Some(d)) => {
            out.push_str(t.text().as_str());
            out.push(' ');
            start = out.len();
            out.push_str(d);
            end = out.len();
        }
        (false, None) => out.push_str(t.text().as_str()),
    }
    (out, start, end)
}

impl fmt::Debug for Built {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Built").field("code", &self.code()).field("message", &self.message()).finish()
    }
}

/// The `responseMessage`.
impl fmt::Display for Built {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_message(f)
    }
}

/// Builds from HTTP status, service code and case code. Refuses what the standard (or the
/// provider's profile, for codes it adds) does not have.
pub fn build_snap(
    http: u16,
    service: &str,
    case: u8,
    detail: Option<&str>,
    provider: &'static Provider,
) -> Result<Built, Error> {
    let service = service_code(service, provider)?;
    let row = row_for(http, &service, case, provider).ok_or(Error::UnknownCase { http, case })?;
    finish(http, service, case, row, detail)
}

/// Builds the standard code for a reason on a service (`bill_paid` on 24 is `4042414 Paid
/// Bill`). Reasons with no SNAP code (card-only reasons) are `no_snap_code`.
pub fn build_snap_for_reason(
    service: &str,
    reason: Reason,
    detail: Option<&str>,
    provider: &'static Provider,
) -> Result<Built, Error> {
    let (http, case) = reason.row().snap.ok_or(Error::NoSnapCode)?;
    build_snap(http, service, case, detail, provider)
}

fn service_code(service: &str, provider: &'static Provider) -> Result<[u8; 2], Error> {
    let b = service.trim().as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_alphanumeric) {
        return Err(Error::UnknownService);
    }
    let code = [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()];
    if &code == b"XX" || provider.service(&code).is_none() {
        return Err(Error::UnknownService);
    }
    Ok(code)
}

fn row_for(http: u16, service: &[u8; 2], case: u8, provider: &'static Provider) -> Option<&'static CaseRow> {
    provider
        .cases
        .iter()
        .find(|c| !c.variant && c.row.http == http && c.row.case == case && c.scope.matches(service))
        .map(|c| &c.row)
        .or_else(|| standard_case(http, case))
}

/// Whether `detail` is the name of a placeholder in any table message (standard or provider).
fn names_a_placeholder(detail: &str) -> bool {
    let standard = crate::snap_cases().iter().map(|c| &c.message);
    let providers = crate::providers().iter().flat_map(|p| p.cases.iter().map(|c| &c.row.message));
    standard.chain(providers).filter_map(|t| t.placeholder()).any(|p| crate::matching::echoes_placeholder(p, detail))
}

fn finish(http: u16, service: [u8; 2], case: u8, row: &'static CaseRow, detail: Option<&str>) -> Result<Built, Error> {
    // Trimmed the way a reader trims what fills a placeholder (whitespace and separators such
    // as `.`, `,`, brackets and quotes at either end), so decoding the built message gives the
    // detail back exactly: `amount.` is sent as `amount`.
    if detail.is_some_and(|d| d.chars().any(char::is_control)) {
        return Err(Error::BadDetail);
    }
    // A detail that is only a placeholder's name (`reason`, `param`, `field name`, ...) reads
    // as an unfilled template, whichever spelling of the code the reader matches, so it is
    // not sent.
    let detail = detail.and_then(crate::matching::trim_detail).filter(|d| !names_a_placeholder(d));
    let (text, start, end) = render(row, detail);
    let chars = text.chars().count();
    if chars > MAX_MESSAGE_CHARS {
        return Err(Error::MessageTooLong { chars });
    }
    let mut code = [0u8; 7];
    code[0] = b'0' + (http / 100) as u8;
    code[1] = b'0' + (http / 10 % 10) as u8;
    code[2] = b'0' + (http % 10) as u8;
    code[3..5].copy_from_slice(&service);
    code[5] = b'0' + case / 10;
    code[6] = b'0' + case % 10;
    let mut message = [0u8; MAX_MESSAGE_BYTES];
    // At most 150 characters of at most 4 bytes: it fits.
    message.get_mut(..text.len()).ok_or(Error::Internal)?.copy_from_slice(text.as_bytes());
    Ok(Built { code, row, message, message_len: text.len() as u16, detail: (start as u16, end as u16) })
}
