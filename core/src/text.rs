//! Static table text that C callers can borrow without copying.

use core::fmt;

/// A `'static` string from the compiled tables.
///
/// Every `Text` is stored followed by a NUL byte, so bindings can hand the same bytes to C as
/// a NUL-terminated string with its length, with no copy and no allocation
/// ([`Text::as_bytes_with_nul`]). The invariant is checked when the table is compiled.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text {
    with_nul: &'static str,
    /// No byte needs escaping in a JSON string (computed at compile time), so writers can
    /// copy it as is.
    json_plain: bool,
}

impl Text {
    /// Wraps a string literal that ends in exactly one NUL byte (checked at compile time).
    pub const fn new(with_nul: &'static str) -> Text {
        let b = with_nul.as_bytes();
        assert!(!b.is_empty() && b[b.len() - 1] == 0, "Text must end with a NUL byte");
        let mut json_plain = true;
        let mut i = 0;
        while i + 1 < b.len() {
            assert!(b[i] != 0, "Text must not contain an interior NUL byte");
            if b[i] < 0x20 || b[i] == b'"' || b[i] == b'\\' {
                json_plain = false;
            }
            i += 1;
        }
        Text { with_nul, json_plain }
    }

    /// Whether the text can be written into a JSON string without escaping.
    pub const fn is_json_plain(self) -> bool {
        self.json_plain
    }

    /// The text, without the trailing NUL.
    pub const fn as_str(self) -> &'static str {
        self.with_nul.split_at(self.with_nul.len() - 1).0
    }

    /// The text's bytes including the trailing NUL (for C: pointer and `len() - 1`).
    pub const fn as_bytes_with_nul(self) -> &'static [u8] {
        self.with_nul.as_bytes()
    }

    /// Length in bytes, without the NUL.
    pub const fn len(self) -> usize {
        self.with_nul.len() - 1
    }

    /// Whether the text is empty.
    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}
