//! The closed vocabularies of the model. Each value has a stable snake_case id and number:
//! these are the contract every binding and the JSON output share.

use crate::text::Text;
use core::fmt;

macro_rules! id_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $num:literal => $id:literal, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant = $num, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The enum's doc comment (for the binding generators).
            pub const DOC: &'static str = concat!($($doc, "\n"),*);

            /// The value's doc comment (for the binding generators).
            pub const fn doc(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($($vdoc, "\n"),*),)*
                }
            }

            /// The Rust name of the value (`InsufficientFunds`), for the generators.
            pub const fn rust_name(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant),)*
                }
            }

            /// The stable snake_case id.
            pub const fn id(self) -> &'static str {
                self.id_text().as_str()
            }

            /// The stable id as table text (NUL-terminated in memory, for C).
            pub const fn id_text(self) -> Text {
                match self {
                    $($name::$variant => const { Text::new(concat!($id, "\0")) },)*
                }
            }

            /// The value for a stable id (exact, lowercase snake_case).
            pub fn from_id(id: &str) -> Option<Self> {
                match id {
                    $($id => Some($name::$variant),)*
                    _ => None,
                }
            }

            /// The value for an id as a caller may spell it: the one leniency rule every
            /// binding shares ([`crate::normalize_id`]: surrounding whitespace, ASCII case,
            /// `-` and spaces for `_`). `None` when it names no value.
            pub fn parse(id: &str) -> Option<Self> {
                Self::from_id(crate::ids::normalize_id(id).as_str())
            }

            /// The stable number.
            pub const fn number(self) -> u16 {
                self as u16
            }

            /// The value for a stable number.
            pub const fn from_number(n: u16) -> Option<Self> {
                match n {
                    $($num => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

id_enum! {
    /// Which kind of code was decoded.
    pub enum Family {
        /// Bank Indonesia SNAP `responseCode`: HTTP status + service code + case code.
        Snap = 1 => "snap",
        /// ISO 8583 field 39 card response code (two alphanumerics).
        Iso8583 = 2 => "iso8583",
        /// A provider's own UPPER_SNAKE error string, namespaced by provider.
        Provider = 3 => "provider",
        /// A transaction status (`latestTransactionStatus`, virtual-account states).
        Status = 4 => "status",
    }
}

id_enum! {
    /// Did the money move?
    pub enum Outcome {
        /// It may have happened: inquire before acting. Never retry blindly.
        Unknown = 0 => "unknown",
        /// It happened.
        Success = 1 => "success",
        /// Accepted; the final state comes later. Never treat as success.
        Pending = 2 => "pending",
        /// It definitely did not happen.
        Failed = 3 => "failed",
    }
}

id_enum! {
    /// What the caller should do next.
    pub enum Action {
        /// Nothing: the answer is final.
        None = 0 => "none",
        /// Ask the provider's status API (same reference) before doing anything else.
        InquireStatus = 1 => "inquire_status",
        /// Try again later with backoff; nothing happened this time.
        RetryLater = 2 => "retry_later",
        /// Get a new access token, then send the request again.
        RefreshToken = 3 => "refresh_token",
        /// The request itself is wrong (format, signature, order): fix it before sending again.
        FixRequest = 4 => "fix_request",
        /// The customer must act: other card or method, top up, correct details, enter OTP.
        AskCustomer = 5 => "ask_customer",
        /// Configuration or account matter for the provider.
        ContactProvider = 6 => "contact_provider",
        /// Final; sending the same request again will not succeed.
        DoNotRetry = 7 => "do_not_retry",
    }
}

id_enum! {
    /// The category a table gives a code: SNAP's four, the card networks' decline categories,
    /// or `transaction_status` for statuses.
    pub enum Category {
        /// SNAP Success.
        Success = 1 => "success",
        /// SNAP System (infrastructure, authentication).
        System = 2 => "system",
        /// SNAP Message (request content).
        Message = 3 => "message",
        /// SNAP Business (business rule).
        Business = 4 => "business",
        /// Card: issuer approved.
        Approved = 10 => "approved",
        /// Card: issuer will never approve (do not retry).
        WillNeverApprove = 11 => "will_never_approve",
        /// Card: issuer cannot approve at this time (retry later).
        CannotApproveNow = 12 => "cannot_approve_now",
        /// Card: issuer cannot approve with the details provided (ask for other details).
        CannotApproveWithDetails = 13 => "cannot_approve_with_details",
        /// Card: generic response code.
        Generic = 14 => "generic",
        /// A transaction status value.
        TransactionStatus = 20 => "transaction_status",
    }
}

id_enum! {
    /// What an API does, as far as outcome rules care.
    pub enum ServiceKind {
        /// Access token.
        Token = 1 => "token",
        /// Card or account registration, binding, unbinding.
        Registration = 2 => "registration",
        /// One-time password.
        Otp = 3 => "otp",
        /// Balance inquiry.
        BalanceInquiry = 4 => "balance_inquiry",
        /// Account or bill inquiry before a payment.
        AccountInquiry = 5 => "account_inquiry",
        /// Status inquiry of an earlier transaction.
        StatusInquiry = 6 => "status_inquiry",
        /// Transaction history or statement.
        History = 7 => "history",
        /// Report.
        Report = 8 => "report",
        /// Virtual account create/update/delete.
        VaManagement = 9 => "va_management",
        /// QR code generation.
        QrGenerate = 10 => "qr_generate",
        /// QR code decoding.
        QrDecode = 11 => "qr_decode",
        /// Payment.
        Payment = 12 => "payment",
        /// Request for payment.
        PaymentRequest = 13 => "payment_request",
        /// Credit transfer.
        Transfer = 14 => "transfer",
        /// Debit.
        Debit = 15 => "debit",
        /// e-money top up.
        Topup = 16 => "topup",
        /// Capture of an authorisation.
        Capture = 17 => "capture",
        /// Refund.
        Refund = 18 => "refund",
        /// Cancel.
        Cancel = 19 => "cancel",
        /// Void.
        Void = 20 => "void",
        /// Notification (callback).
        Notification = 21 => "notification",
    }
}

id_enum! {
    /// Card network, for ISO 8583 codes whose meaning differs by network.
    pub enum Network {
        /// Visa.
        Visa = 1 => "visa",
        /// Mastercard.
        Mastercard = 2 => "mastercard",
    }
}

id_enum! {
    /// Which reading of card decline categories a provider profile uses.
    pub enum CardReading {
        /// Published network categories where they differ from a provider's document.
        Standard = 1 => "standard",
        /// The categories exactly as the DOKU document gives them.
        SeedDoku = 2 => "seed_doku",
    }
}

id_enum! {
    /// Language of customer messages.
    pub enum Locale {
        /// English.
        En = 1 => "en",
        /// Bahasa Indonesia.
        Id = 2 => "id",
    }
}

impl Locale {
    /// Reads a locale tag leniently: `id`, `in` (the old ISO 639 code), `id-ID`, `in_ID` are
    /// Indonesian; `en`, `en-US` English; anything else falls back to English (a customer
    /// message in English is always better than none).
    pub fn from_tag(tag: &str) -> Locale {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("id") || primary.eq_ignore_ascii_case("in") { Locale::Id } else { Locale::En }
    }
}

id_enum! {
    /// The canonical reason, shared by every family (`insufficient_funds` is SNAP 403xx14,
    /// ISO 51 and DOKU e-wallet 403XX14 alike). Numbers and ids are stable.
    pub enum Reason {
        /// The code is not in any table; read from its structure only.
        Unknown = 0 => "unknown",
        /// The request or transaction succeeded.
        Success = 1 => "success",
        /// Accepted; the final result comes later.
        InProgress = 2 => "in_progress",
        /// Only part of the amount was approved.
        PartialApproval = 3 => "partial_approval",
        /// An OTP was sent; the flow continues when the customer enters it.
        OtpSent = 4 => "otp_sent",
        /// Created and waiting for the customer to pay.
        AwaitingPayment = 5 => "awaiting_payment",
        /// Paid and then refunded.
        Refunded = 6 => "refunded",
        /// Malformed request.
        BadRequest = 10 => "bad_request",
        /// A field has the wrong format.
        InvalidFieldFormat = 11 => "invalid_field_format",
        /// A required field is missing.
        InvalidMandatoryField = 12 => "invalid_mandatory_field",
        /// The amount is not what was expected.
        InvalidAmount = 13 => "invalid_amount",
        /// The currency does not match or is not supported.
        InvalidCurrency = 14 => "invalid_currency",
        /// The card security code was not sent.
        CvvRequired = 15 => "cvv_required",
        /// Card data could not be decrypted or read.
        InvalidCardData = 16 => "invalid_card_data",
        /// The function is not supported.
        FunctionNotSupported = 17 => "function_not_supported",
        /// The cancel or refund is not allowed now.
        OperationNotAllowed = 18 => "operation_not_allowed",
        /// An API was called out of order.
        InvalidApiTransition = 19 => "invalid_api_transition",
        /// The journey id is unknown.
        JourneyNotFound = 20 => "journey_not_found",
        /// A reference was reused with different parameters.
        InconsistentRequest = 21 => "inconsistent_request",
        /// The partner reference was already processed.
        DuplicateReference = 22 => "duplicate_reference",
        /// The request id (X-EXTERNAL-ID) was already used today.
        DuplicateExternalId = 23 => "duplicate_external_id",
        /// The network saw the same message twice.
        DuplicateTransmission = 24 => "duplicate_transmission",
        /// The transaction's state does not allow this.
        InvalidTransactionStatus = 25 => "invalid_transaction_status",
        /// The terminal is unknown.
        InvalidTerminal = 26 => "invalid_terminal",
        /// A limit must be set on the token first.
        TokenLimitRequired = 27 => "token_limit_required",
        /// The requested token limit is out of range.
        TokenLimitInvalid = 28 => "token_limit_invalid",
        /// A limit cannot be set on this token.
        SetLimitNotAllowed = 29 => "set_limit_not_allowed",
        /// Authentication or signature failed.
        Unauthorized = 30 => "unauthorized",
        /// The access token is invalid or expired.
        InvalidToken = 31 => "invalid_token",
        /// No access token, or an unknown one.
        TokenNotFound = 32 => "token_not_found",
        /// The customer token is invalid or expired.
        InvalidCustomerToken = 33 => "invalid_customer_token",
        /// No customer token, or an unknown one.
        CustomerTokenNotFound = 34 => "customer_token_not_found",
        /// The saved card's token has expired.
        CardTokenExpired = 35 => "card_token_expired",
        /// The issuer asks for extra customer authentication.
        AuthenticationRequired = 36 => "authentication_required",
        /// 3-D Secure failed or was not allowed.
        ThreeDSecureFailed = 37 => "three_d_secure_failed",
        /// Card or cardholder verification data failed.
        VerificationFailed = 38 => "verification_failed",
        /// The amount is above the allowed limit.
        AmountLimitExceeded = 40 => "amount_limit_exceeded",
        /// Too many transactions in the period.
        ActivityLimitExceeded = 41 => "activity_limit_exceeded",
        /// The amount exceeds the token's limit.
        TokenLimitExceeded = 42 => "token_limit_exceeded",
        /// The merchant's daily limit is used up.
        MerchantLimitExceeded = 43 => "merchant_limit_exceeded",
        /// The customer's daily account limit is used up.
        AccountLimitExceeded = 44 => "account_limit_exceeded",
        /// Rate limited.
        TooManyRequests = 45 => "too_many_requests",
        /// The merchant is not enabled for this feature.
        FeatureNotAllowed = 50 => "feature_not_allowed",
        /// Temporarily unavailable (cut-off).
        TemporarilyNotAllowed = 51 => "temporarily_not_allowed",
        /// The merchant is unknown or abnormal.
        InvalidMerchant = 52 => "invalid_merchant",
        /// The merchant is suspended.
        MerchantBlacklisted = 53 => "merchant_blacklisted",
        /// The merchant is not enabled for card registration.
        MerchantNotRegistered = 54 => "merchant_not_registered",
        /// The partner id is unknown.
        PartnerNotFound = 55 => "partner_not_found",
        /// The transaction cannot be routed.
        InvalidRouting = 56 => "invalid_routing",
        /// The destination bank is not supported.
        BankNotSupported = 57 => "bank_not_supported",
        /// No issuer can serve the request.
        NoIssuer = 58 => "no_issuer",
        /// The issuer or switch is not available.
        IssuerUnavailable = 59 => "issuer_unavailable",
        /// The balance is too low.
        InsufficientFunds = 60 => "insufficient_funds",
        /// The issuer declined without a specific reason.
        DoNotHonor = 61 => "do_not_honor",
        /// A generic decline (also what customers see for masked reasons).
        Declined = 62 => "declined",
        /// The card is blocked.
        CardBlocked = 63 => "card_blocked",
        /// The card has expired.
        CardExpired = 64 => "card_expired",
        /// The account is dormant.
        DormantAccount = 65 => "dormant_account",
        /// The card, account or customer is inactive.
        InactiveAccount = 66 => "inactive_account",
        /// The card, account or VA number is invalid.
        InvalidAccount = 67 => "invalid_account",
        /// The card number is invalid.
        InvalidCardNumber = 68 => "invalid_card_number",
        /// The card may not be used here.
        RestrictedCard = 69 => "restricted_card",
        /// The transaction is not allowed for this card, account or terminal.
        TransactionNotPermitted = 70 => "transaction_not_permitted",
        /// The PIN is wrong.
        IncorrectPin = 71 => "incorrect_pin",
        /// Too many wrong PIN entries.
        PinTriesExceeded = 72 => "pin_tries_exceeded",
        /// The issuer requires a PIN.
        PinRequired = 73 => "pin_required",
        /// The PIN must be changed before use.
        PinChangeRequired = 74 => "pin_change_required",
        /// The issuer refused a PIN change or unblock.
        PinChangeDenied = 75 => "pin_change_denied",
        /// The card security code check failed.
        CvvFailed = 76 => "cvv_failed",
        /// The issuer wants to be contacted.
        ReferToIssuer = 77 => "refer_to_issuer",
        /// The card was reported lost (masked for customers).
        LostCard = 78 => "lost_card",
        /// The card was reported stolen (masked for customers).
        StolenCard = 79 => "stolen_card",
        /// The issuer asks for the card to be retained (masked for customers).
        PickUpCard = 80 => "pick_up_card",
        /// Rejected by fraud or risk checks (masked for customers).
        SuspectedFraud = 81 => "suspected_fraud",
        /// A security rule was violated (masked for customers).
        SecurityViolation = 82 => "security_violation",
        /// Completing would break a law or AML rule (masked for customers).
        LegalViolation = 83 => "legal_violation",
        /// The account is closed.
        ClosedAccount = 84 => "closed_account",
        /// The provider suspended the transaction.
        TransactionSuspended = 85 => "transaction_suspended",
        /// A stop-payment or revocation order is on file.
        StopPayment = 86 => "stop_payment",
        /// The OTP has expired.
        OtpExpired = 87 => "otp_expired",
        /// The OTP is wrong.
        InvalidOtp = 88 => "invalid_otp",
        /// The OTP is blocked after failures.
        OtpBlocked = 89 => "otp_blocked",
        /// An OTP must be requested first.
        OtpRequired = 90 => "otp_required",
        /// A surcharge is not allowed for this card.
        SurchargeNotPermitted = 91 => "surcharge_not_permitted",
        /// The transaction, session or QR code expired.
        TransactionExpired = 100 => "transaction_expired",
        /// No transaction matches the reference.
        TransactionNotFound = 101 => "transaction_not_found",
        /// The transaction was cancelled.
        TransactionCancelled = 102 => "transaction_cancelled",
        /// The transaction failed.
        TransactionFailed = 103 => "transaction_failed",
        /// The bill or VA is blocked, suspended or not found.
        InvalidBill = 104 => "invalid_bill",
        /// The bill is already paid.
        BillPaid = 105 => "bill_paid",
        /// The bill or VA has expired.
        BillExpired = 106 => "bill_expired",
        /// The issuer does not allow this type of transaction.
        InvalidTransaction = 107 => "invalid_transaction",
        /// The transaction was already reversed.
        AlreadyReversed = 108 => "already_reversed",
        /// The message had no financial effect.
        NoFinancialImpact = 109 => "no_financial_impact",
        /// Unspecified provider error.
        GeneralError = 110 => "general_error",
        /// Internal provider failure.
        InternalServerError = 111 => "internal_server_error",
        /// A system behind the provider failed.
        ExternalServerError = 112 => "external_server_error",
        /// Timed out; the outcome may be unknown.
        Timeout = 113 => "timeout",
        /// The issuer asks for the transaction to be sent again.
        ReenterTransaction = 114 => "reenter_transaction",
        /// A PIN or key cryptography error.
        CryptoError = 115 => "crypto_error",
        /// No response arrived (a transport timeout or a dropped connection); the outcome is unknown.
        NoResponse = 116 => "no_response",
        /// The response could not be read: empty, not JSON, or without any field that tells the transaction's state.
        InvalidResponse = 117 => "invalid_response",
        /// The provider itself cannot tell yet whether the transaction went through (suspect, need to check).
        StatusUncertain = 118 => "status_uncertain",
        /// The funds are reserved (pre-authorization); a capture is still needed to take them.
        Authorized = 119 => "authorized",
        /// Held by the provider's fraud check for a decision.
        FraudReview = 120 => "fraud_review",
        /// Part of a successful payment was refunded; the rest stays paid.
        PartiallyRefunded = 121 => "partially_refunded",
        /// The payment was taken back through a card dispute (chargeback).
        Chargeback = 122 => "chargeback",
        /// A payout is registered and waits for the merchant's approval.
        AwaitingApproval = 123 => "awaiting_approval",
        /// A completed payment was reversed by the bank or the switch.
        PaymentReversed = 124 => "payment_reversed",
        /// The merchant's own balance or deposit at the provider is too low (payouts).
        MerchantInsufficientFunds = 125 => "merchant_insufficient_funds",
        /// The account is blocked by its bank.
        AccountBlocked = 126 => "account_blocked",
        /// A credit transfer was returned by the beneficiary bank.
        TransferReturned = 127 => "transfer_returned",
        /// The account, card or customer is already registered or bound.
        AlreadyRegistered = 128 => "already_registered",
    }
}

id_enum! {
    /// The stable id of an error. Numbers come in blocks: 1xxx the input or an argument,
    /// 2xxx the context (provider, family, options, ...), 3xxx building a code, 4xxx a whole
    /// response body, 9xxx internal. [`ErrorKind::class`] groups them for bindings.
    pub enum ErrorKind {
        /// The code is empty or only whitespace.
        Empty = 1001 => "empty",
        /// The code has the wrong length for its family.
        BadLength = 1002 => "bad_length",
        /// The code contains a character its family does not allow.
        BadCharacter = 1003 => "bad_character",
        /// An HTTP status is not in 100-599 (a SNAP code's first three digits, or a
        /// `http_status` argument).
        BadHttpStatus = 1004 => "bad_http_status",
        /// The bytes are not UTF-8.
        InvalidUtf8 = 1005 => "invalid_utf8",
        /// A numeric code is negative.
        NegativeNumber = 1006 => "negative_number",
        /// A number has a fractional part or is not finite.
        NotAnInteger = 1007 => "not_an_integer",
        /// An argument has the wrong type; the message names the argument and the types
        /// it takes.
        BadType = 1008 => "bad_type",
        /// A JSON line (batch decoding) is not valid JSON.
        BadJson = 1009 => "bad_json",
        /// A whole number is outside the range the argument allows.
        OutOfRange = 1010 => "out_of_range",
        /// A required argument is missing.
        MissingArgument = 1011 => "missing_argument",
        /// Two arguments were given that exclude each other (`reason` with `http_status`).
        ConflictingArguments = 1012 => "conflicting_arguments",
        /// The input has the shape of no code family (a bare lowercase word, `null`, ...).
        UnknownFormat = 1013 => "unknown_format",
        /// An input line is longer than the batch decoder reads.
        LineTooLong = 1014 => "line_too_long",
        /// A time that is neither RFC 3339 (`2026-11-30T10:00:00+07:00`) nor Unix seconds.
        BadTime = 1015 => "bad_time",
        /// An attempt of a retry history that cannot be read (a missing time or code, a
        /// wrong type).
        BadHistory = 1016 => "bad_history",
        /// Columnar decoding: the messages are not as many as the codes.
        LengthMismatch = 1017 => "length_mismatch",
        /// The provider is not known.
        UnknownProvider = 2001 => "unknown_provider",
        /// The family is not known.
        UnknownFamily = 2002 => "unknown_family",
        /// The card network is not known.
        UnknownNetwork = 2003 => "unknown_network",
        /// The status kind (vocabulary) is not known.
        UnknownKind = 2004 => "unknown_kind",
        /// The operation is not known.
        UnknownOperation = 2005 => "unknown_operation",
        /// The reason id is not known.
        UnknownReason = 2006 => "unknown_reason",
        /// Decoding a status needs a status kind.
        KindRequired = 2007 => "kind_required",
        /// Exporting: the table name is not known.
        UnknownTable = 2008 => "unknown_table",
        /// Exporting: the format is not json, csv or md.
        UnknownExportFormat = 2009 => "unknown_export_format",
        /// An option or keyword argument the call does not take (a misspelt key).
        UnknownOption = 2010 => "unknown_option",
        /// A card rules edition paycodes does not have.
        UnknownEdition = 2011 => "unknown_edition",
        /// Batch decoding: the output format is not jsonl or csv.
        UnknownOutputFormat = 2012 => "unknown_output_format",
        /// Columnar decoding: a column name that is not a column of the answer.
        UnknownColumn = 2013 => "unknown_column",
        /// Building: the service code is not known to the standard or the provider.
        UnknownService = 3001 => "unknown_service",
        /// Building: the standard has no such HTTP status + case code.
        UnknownCase = 3002 => "unknown_case",
        /// Building: the reason has no SNAP code.
        NoSnapCode = 3003 => "no_snap_code",
        /// Building: the detail contains control characters.
        BadDetail = 3004 => "bad_detail",
        /// Building: the message would be longer than SNAP's 150 characters.
        MessageTooLong = 3005 => "message_too_long",
        /// A response body is larger than the decoder reads.
        BodyTooLarge = 4001 => "body_too_large",
        /// A response body nests deeper than the decoder reads.
        BodyTooDeep = 4002 => "body_too_deep",
        /// A body (or JSON line) has a decisive key twice with different values: which one
        /// is meant cannot be known.
        DuplicateKey = 4003 => "duplicate_key",
        /// An internal error (a bug); bindings also use it for a caught panic.
        Internal = 9001 => "internal",
    }
}

id_enum! {
    /// Families of errors, so a binding maps each family to one exception type without
    /// listing error ids.
    pub enum ErrorClass {
        /// The code (or input line) itself is malformed.
        InvalidCode = 1 => "invalid_code",
        /// An argument has the wrong type (Python `TypeError`, JS `TypeError`).
        ArgumentType = 2 => "argument_type",
        /// An argument's value is out of range, missing, or excluded by another argument.
        ArgumentValue = 3 => "argument_value",
        /// An option names nothing known, or the options do not fit together.
        UnknownOption = 4 => "unknown_option",
        /// Building a SNAP code was refused.
        Build = 5 => "build",
        /// A response body cannot be read within the limits.
        InvalidBody = 6 => "invalid_body",
        /// A bug in paycodes.
        Internal = 9 => "internal",
    }
}

impl ErrorKind {
    /// The family of this error.
    pub const fn class(self) -> ErrorClass {
        match self.number() {
            1008 => ErrorClass::ArgumentType,
            1010..=1012 | 1015..=1017 => ErrorClass::ArgumentValue,
            1000..=1999 => ErrorClass::InvalidCode,
            2000..=2999 => ErrorClass::UnknownOption,
            3000..=3999 => ErrorClass::Build,
            4000..=4999 => ErrorClass::InvalidBody,
            _ => ErrorClass::Internal,
        }
    }
}

id_enum! {
    /// The arguments and options of the public calls, by their snake_case name. Bindings
    /// pass keys through [`Arg::from_key`], so a misspelt key is `unknown_option` in every
    /// language, and errors name the argument.
    pub enum Arg {
        /// The code to decode.
        Code = 1 => "code",
        /// The actual `responseMessage`.
        Message = 2 => "message",
        /// Provider profile.
        Provider = 3 => "provider",
        /// Code family.
        Family = 4 => "family",
        /// Card network.
        Network = 5 => "network",
        /// The operation that was called.
        Operation = 6 => "operation",
        /// Status vocabulary.
        Kind = 7 => "kind",
        /// Language of customer messages.
        Locale = 8 => "locale",
        /// The codes of a batch.
        Codes = 9 => "codes",
        /// One item of a batch.
        Item = 10 => "item",
        /// A SNAP service code (building).
        Service = 11 => "service",
        /// An HTTP status (building; whole responses).
        HttpStatus = 12 => "http_status",
        /// A SNAP case code (building).
        CaseCode = 13 => "case_code",
        /// A reason id.
        Reason = 14 => "reason",
        /// What fills the message's placeholder (building).
        Detail = 15 => "detail",
        /// A table name (exporting).
        Name = 16 => "name",
        /// An export format.
        Format = 17 => "format",
        /// A response or callback body.
        Body = 18 => "body",
        /// The options object itself.
        Options = 19 => "options",
        /// A Mastercard Merchant Advice Code.
        Mac = 20 => "mac",
        /// Earlier attempts on the same card (retry decisions).
        History = 21 => "history",
        /// The time of the decision.
        Now = 22 => "now",
        /// A card rules edition to pin.
        Edition = 23 => "edition",
    }
}

impl Arg {
    /// The argument for a key as a binding received it: the snake_case id or its camelCase
    /// form (`http_status`, `httpStatus`). Exact: keys are code, not prose.
    pub fn from_key(key: &str) -> Option<Arg> {
        Arg::from_id(key).or_else(|| Arg::ALL.iter().copied().find(|a| a.camel_id() == key))
    }

    /// The camelCase form of the id (`httpStatus`), as JavaScript spells keys.
    pub fn camel_id(self) -> &'static str {
        match self {
            Arg::HttpStatus => "httpStatus",
            Arg::CaseCode => "caseCode",
            other => other.id(),
        }
    }
}

id_enum! {
    /// Something a careful integrator wants to know about an answer that did not change it
    /// (or that it was decided despite).
    pub enum Warning {
        /// The actual message was ignored: it is not valid text (invalid UTF-8, a lone
        /// surrogate). The code alone answered, so no detail was extracted.
        MessageIgnored = 1 => "message_ignored",
        /// The HTTP status the transport reported differs from the code's first three digits.
        HttpStatusMismatch = 2 => "http_status_mismatch",
        /// A success code carried a transaction state that is not success: the state decided.
        StatusOverridesCode = 3 => "status_overrides_code",
        /// `originalResponseCode` (the original transaction's code) disagrees with the state.
        OriginalCodeDiffers = 4 => "original_code_differs",
        /// A status value its vocabulary does not list: read as unknown.
        UnknownStatusValue = 5 => "unknown_status_value",
        /// A decisive key (`responseCode`, a status field) appears twice with different values.
        DuplicateKey = 6 => "duplicate_key",
        /// The message describes another case than the code's row: the reason comes from the
        /// message (outcome and action stay the code's).
        ReasonFromMessage = 7 => "reason_from_message",
        /// A status inquiry answered without the transaction's state.
        StatusMissing = 8 => "status_missing",
        /// Two state fields disagree, or a state contradicts a failed request.
        ConflictingStatus = 9 => "conflicting_status",
        /// The status field's meaning depends on the product and its readings disagree: name
        /// the operation.
        StatusNeedsOperation = 10 => "status_needs_operation",
        /// The body is not JSON (an HTML error page from a proxy, say).
        BodyNotJson = 11 => "body_not_json",
        /// `responseCode` is not a SNAP code (or not text): it was ignored.
        BadResponseCode = 12 => "bad_response_code",
        /// A state, code or reference field holds a value of the wrong type (an object, a list,
        /// unreadable text): it was ignored.
        BadFieldValue = 13 => "bad_field_value",
        /// The card network asked for does not define this code (only another network's
        /// tables list it): the network-neutral ISO meaning answered, without that network's
        /// decline category.
        NetworkDoesNotDefine = 14 => "network_does_not_define",
    }
}

id_enum! {
    /// Whether a declined card transaction may be tried again.
    pub enum Verdict {
        /// It may be retried now (within the attempts left).
        Retry = 1 => "retry",
        /// Not before `not_before`.
        RetryAfter = 2 => "retry_after",
        /// Not again: the rule forbids it (or the money may already have moved: inquire).
        Never = 3 => "never",
    }
}

id_enum! {
    /// Which evidence decided a whole response's answer (`decided_by`).
    pub enum Evidence {
        /// The SNAP `responseCode` (no state field).
        ResponseCode = 1 => "response_code",
        /// A SNAP-style transaction status (`latestTransactionStatus`).
        TransactionStatus = 2 => "transaction_status",
        /// A virtual-account payment flag (`paymentFlagStatus`).
        PaymentFlag = 3 => "payment_flag",
        /// A provider's own status field (Midtrans `transaction_status`, Xendit `status`).
        ProviderStatus = 4 => "provider_status",
        /// A provider's own result or failure code (Midtrans `status_code`, Xendit
        /// `failure_code`), without a status field.
        ResultCode = 5 => "result_code",
        /// The HTTP status alone (the body carries no code or state).
        HttpStatus = 6 => "http_status",
        /// The body is empty or not JSON.
        NoBody = 7 => "no_body",
        /// No response arrived (the caller said so).
        NoResponse = 8 => "no_response",
        /// The evidence contradicts itself (duplicate keys, disagreeing states).
        Ambiguous = 9 => "ambiguous",
        /// A JSON body without any field that tells the state.
        NoEvidence = 10 => "no_evidence",
    }
}

id_enum! {
    /// The type of a value a binding received, for `bad_type` messages.
    pub enum ValueType {
        /// `None` / `null` / `undefined`.
        Null = 1 => "null",
        /// A boolean.
        Bool = 2 => "bool",
        /// A whole number.
        Integer = 3 => "integer",
        /// A floating-point number.
        Float = 4 => "float",
        /// Text.
        String = 5 => "string",
        /// Bytes.
        Bytes = 6 => "bytes",
        /// A list, array or tuple.
        List = 7 => "list",
        /// A map, dict or object.
        Object = 8 => "object",
        /// Anything else.
        Other = 9 => "other",
    }
}

id_enum! {
    /// The tables `export` can write.
    pub enum TableName {
        /// SNAP services (the standard's, with the provider's own names and additions).
        SnapServices = 1 => "snap_services",
        /// SNAP HTTP status + case rows (the standard's, then the provider's).
        SnapCases = 2 => "snap_cases",
        /// Reasons with their customer texts.
        Reasons = 3 => "reasons",
        /// ISO 8583 card codes (every network reading).
        Iso8583 = 4 => "iso8583",
        /// Provider string codes (all namespaces).
        ProviderStrings = 5 => "provider_strings",
        /// Transaction statuses (every vocabulary).
        Statuses = 6 => "statuses",
        /// The provider profiles.
        Providers = 7 => "providers",
        /// Card retry rules: network limits and waits, every edition, with sources.
        RetryRules = 8 => "retry_rules",
        /// Mastercard Merchant Advice Codes.
        MastercardAdvice = 9 => "mastercard_advice",
        /// Visa decline categories by rules edition and region (recorded).
        VisaCategories = 10 => "visa_categories",
    }
}

id_enum! {
    /// Output format of an exported table.
    pub enum ExportFormat {
        /// A JSON array of objects.
        Json = 1 => "json",
        /// CSV with a header row (RFC 4180 quoting).
        Csv = 2 => "csv",
        /// A Markdown table.
        Md = 3 => "md",
    }
}

id_enum! {
    /// The id enums an answer field can hold (see [`crate::fields`]): bindings map a value
    /// to their own enum type through this.
    pub enum EnumType {
        /// [`Family`].
        Family = 1 => "family",
        /// [`Outcome`].
        Outcome = 2 => "outcome",
        /// [`Action`].
        Action = 3 => "action",
        /// [`Category`].
        Category = 4 => "category",
        /// [`Reason`].
        Reason = 5 => "reason",
        /// [`ServiceKind`].
        ServiceKind = 6 => "service_kind",
        /// [`Network`].
        Network = 7 => "network",
        /// [`Warning`].
        Warning = 8 => "warning",
        /// [`Evidence`].
        Evidence = 9 => "evidence",
        /// [`Verdict`].
        Verdict = 10 => "verdict",
    }
}

impl EnumType {
    /// The id of value `number` of this enum (`None` if there is no such value).
    pub fn id_of(self, number: u16) -> Option<Text> {
        match self {
            EnumType::Family => Family::from_number(number).map(Family::id_text),
            EnumType::Outcome => Outcome::from_number(number).map(Outcome::id_text),
            EnumType::Action => Action::from_number(number).map(Action::id_text),
            EnumType::Category => Category::from_number(number).map(Category::id_text),
            EnumType::Reason => Reason::from_number(number).map(Reason::id_text),
            EnumType::ServiceKind => ServiceKind::from_number(number).map(ServiceKind::id_text),
            EnumType::Network => Network::from_number(number).map(Network::id_text),
            EnumType::Warning => Warning::from_number(number).map(Warning::id_text),
            EnumType::Evidence => Evidence::from_number(number).map(Evidence::id_text),
            EnumType::Verdict => Verdict::from_number(number).map(Verdict::id_text),
        }
    }

    /// Every value of this enum, in declaration order (for the binding generators).
    pub fn values(self) -> Vec<EnumValueInfo> {
        macro_rules! all {
            ($t:ty) => {
                <$t>::ALL
                    .iter()
                    .map(|v| EnumValueInfo { number: v.number(), id: v.id(), rust_name: v.rust_name(), doc: v.doc() })
                    .collect()
            };
        }
        match self {
            EnumType::Family => all!(Family),
            EnumType::Outcome => all!(Outcome),
            EnumType::Action => all!(Action),
            EnumType::Category => all!(Category),
            EnumType::Reason => all!(Reason),
            EnumType::ServiceKind => all!(ServiceKind),
            EnumType::Network => all!(Network),
            EnumType::Warning => all!(Warning),
            EnumType::Evidence => all!(Evidence),
            EnumType::Verdict => all!(Verdict),
        }
    }

    /// The enum's doc comment.
    pub fn enum_doc(self) -> &'static str {
        match self {
            EnumType::Family => Family::DOC,
            EnumType::Outcome => Outcome::DOC,
            EnumType::Action => Action::DOC,
            EnumType::Category => Category::DOC,
            EnumType::Reason => Reason::DOC,
            EnumType::ServiceKind => ServiceKind::DOC,
            EnumType::Network => Network::DOC,
            EnumType::Warning => Warning::DOC,
            EnumType::Evidence => Evidence::DOC,
            EnumType::Verdict => Verdict::DOC,
        }
    }
}

/// One value of an id enum, for the binding generators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumValueInfo {
    /// The stable number.
    pub number: u16,
    /// The stable id.
    pub id: &'static str,
    /// The Rust variant name (`InsufficientFunds`).
    pub rust_name: &'static str,
    /// Its doc comment.
    pub doc: &'static str,
}

/// Longest id [`normalize_id`] keeps; longer input cannot name anything.
pub const MAX_ID_LEN: usize = 64;

/// The one leniency rule for every id every binding reads (providers, families, networks,
/// operations, kinds, reasons, tables, formats): surrounding whitespace is dropped, ASCII
/// letters are lower-cased, and `-` and spaces read as `_`. `"Direct Debit"`,
/// `"direct-debit"` and `" DIRECT_DEBIT "` are all `direct_debit`. Input longer than
/// [`MAX_ID_LEN`] or not ASCII normalizes to the empty string, which names nothing.
pub fn normalize_id(s: &str) -> crate::model::InlineStr<MAX_ID_LEN> {
    let mut out = crate::model::InlineStr::new();
    for b in s.trim().bytes() {
        let b = match b {
            b'-' | b' ' => b'_',
            b if b.is_ascii() => b.to_ascii_lowercase(),
            _ => return crate::model::InlineStr::new(),
        };
        if !out.push(b) {
            return crate::model::InlineStr::new();
        }
    }
    out
}
