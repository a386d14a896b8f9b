//! Customer-safe messages.

use crate::ids::{Locale, Reason};
use crate::text::Text;

/// A message safe to show an end user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomerMessage {
    /// One or two short sentences the customer can act on.
    pub text: Text,
    /// True when the real reason (fraud, lost or stolen card, pick-up, security, legal) is
    /// hidden behind a generic decline.
    pub masked: bool,
}

/// The customer message for a reason. Masked reasons get the generic decline text.
#[inline]
pub fn customer_message(reason: Reason, locale: Locale) -> CustomerMessage {
    let row = reason.row();
    let (shown, masked) = if row.masked { (Reason::Declined.row(), true) } else { (row, false) };
    let text = match locale {
        Locale::En => shown.customer_en,
        Locale::Id => shown.customer_id,
    };
    // The build script guarantees unmasked rows have both texts; `declined` is unmasked.
    const EMPTY: Text = Text::new("\0");
    CustomerMessage { text: text.unwrap_or(EMPTY), masked }
}
