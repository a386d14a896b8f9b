//! The C binding's generated half: `ffi-c/src/generated.rs` (the C enums, the status enum,
//! the `paycodes_decoded` storage and one accessor per answer field) and
//! `ffi-c/tests/render.h` (renders an answer as JSON through those accessors, for the
//! conformance runner). cbindgen then writes the header from it.

use crate::util::{Outputs, doc_lines};
use paycodes::fields::{
    DECODED, DECODED_RESPONSE, FIELD_READING, Field, NETWORK_VARIANT, REFERENCE, SERVICE, Schema, Ty,
};
use paycodes::{EnumType, ErrorKind, Locale};
use std::fmt::Write;

/// Fields the C API does not expose: the raw input is the caller's own buffer.
const SKIPPED: &[&str] = &["raw"];

pub fn c_enum(ty: EnumType) -> String {
    format!("paycodes_{}", ty.id())
}

fn value_name(ty_id: &str, id: &str) -> String {
    format!("PAYCODES_{}_{}", ty_id.to_uppercase(), id.to_uppercase())
}

/// The name of the value a C enum uses for "none" (0).
fn zero_name(ty: EnumType) -> String {
    match ty.values().iter().find(|v| v.number == 0) {
        Some(v) => value_name(ty.id(), v.id),
        None => value_name(ty.id(), "none"),
    }
}

fn doc(w: &mut String, indent: &str, text: &str) {
    for line in doc_lines(text) {
        let _ = writeln!(w, "{indent}/// {line}");
    }
}

fn gen_enum(w: &mut String, name: &str, rust: &str, enum_doc: &str, values: &[(u16, String, String, &str)]) {
    doc(w, "", enum_doc);
    let _ = writeln!(w, "///\n/// C mirror of `paycodes::{rust}`; values are the core's stable numbers.");
    let _ = writeln!(w, "#[repr(u32)]\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum {name} {{");
    if !values.iter().any(|v| v.0 == 0) {
        let _ = writeln!(w, "    /// None (an absent value).\n    {} = 0,", value_name(&name[9..], "none"));
    }
    for (n, id, _, d) in values {
        doc(w, "    ", d);
        let _ = writeln!(w, "    {} = {n},", value_name(&name[9..], id));
    }
    w.push_str("}\n\n");
    let _ = writeln!(
        w,
        "// Not every enum is read from an answer or converted from the core.\n#[allow(dead_code)]\nimpl {name} {{"
    );
    let _ = writeln!(w, "    /// The value for a core number (none for a number the enum does not have).");
    let _ = writeln!(w, "    pub(crate) fn from_number(n: u16) -> Self {{\n        match n {{");
    for (n, id, _, _) in values {
        let _ = writeln!(w, "            {n} => {name}::{},", value_name(&name[9..], id));
    }
    let zero =
        values.iter().find(|v| v.0 == 0).map_or(value_name(&name[9..], "none"), |v| value_name(&name[9..], &v.1));
    let _ = writeln!(w, "            _ => {name}::{zero},\n        }}\n    }}");
    let _ = writeln!(
        w,
        "    /// The value of an answer field (none when absent).\n    pub(crate) fn of(v: Option<Value<'_>>) -> Self {{\n        match v {{\n            Some(Value::Enum(_, n)) => Self::from_number(n),\n            _ => {name}::{zero},\n        }}\n    }}"
    );
    w.push_str("}\n\n");
    let _ = writeln!(w, "impl From<paycodes::{rust}> for {name} {{");
    let _ =
        writeln!(w, "    fn from(v: paycodes::{rust}) -> Self {{\n        Self::from_number(v.number())\n    }}\n}}\n");
}

fn c_type(ty: &Ty) -> Option<String> {
    Some(match ty {
        Ty::Bool => "bool".into(),
        Ty::Int | Ty::Opt(Ty::Int) => "i64".into(),
        Ty::Str | Ty::Raw | Ty::Opt(Ty::Str) => "paycodes_str".into(),
        Ty::Enum(e) | Ty::Opt(Ty::Enum(e)) => c_enum(*e),
        Ty::Opt(Ty::Object(s)) if std::ptr::eq(*s, &SERVICE) => "*const paycodes_service".into(),
        _ => return None,
    })
}

/// The expression converting `v: Option<Value>` to the C type.
fn convert(ty: &Ty) -> String {
    match ty {
        Ty::Bool => "matches!(v, Some(Value::Bool(true)))".into(),
        Ty::Int | Ty::Opt(Ty::Int) => "match v { Some(Value::Int(n)) => n, _ => -1 }".into(),
        Ty::Str | Ty::Raw | Ty::Opt(Ty::Str) => "paycodes_str::of(v)".into(),
        Ty::Enum(e) | Ty::Opt(Ty::Enum(e)) => format!("{}::of(v)", c_enum(*e)),
        Ty::Opt(Ty::Object(_)) => "match v { Some(Value::Object(Obj::Service(s))) => std::ptr::from_ref(s).cast::<paycodes_service>(), _ => std::ptr::null() }".into(),
        _ => unreachable!(),
    }
}

fn fallback(ty: &Ty) -> String {
    match ty {
        Ty::Bool => "false".into(),
        Ty::Int | Ty::Opt(Ty::Int) => "-1".into(),
        Ty::Str | Ty::Raw | Ty::Opt(Ty::Str) => "paycodes_str::NONE".into(),
        Ty::Enum(e) | Ty::Opt(Ty::Enum(e)) => format!("{}::{}", c_enum(*e), zero_name(*e)),
        Ty::Opt(Ty::Object(_)) => "std::ptr::null()".into(),
        _ => unreachable!(),
    }
}

fn field_doc(f: &Field) -> String {
    let mut d = f.doc.to_owned();
    match f.ty {
        Ty::Opt(Ty::Int) | Ty::Int => d.push_str("-1 when absent.\n"),
        Ty::Opt(Ty::Str) => d.push_str("`ptr` is NULL when absent.\n"),
        Ty::Opt(Ty::Enum(_)) => d.push_str("0 (none) when absent.\n"),
        Ty::Opt(Ty::Object(_)) => d.push_str("NULL when absent; static, never free it.\n"),
        _ => {}
    }
    d
}

/// Accessors for one schema whose values are read by `reader` (an expression over `d`).
fn accessors(w: &mut String, schema: &Schema, prefix: &str, arg: &str, reader: &str) {
    for (i, f) in schema.fields.iter().enumerate() {
        if SKIPPED.contains(&f.key) && std::ptr::eq(schema, &DECODED) {
            continue;
        }
        let name = accessor(prefix, f.key);
        if let Some(t) = c_type(&f.ty) {
            doc(w, "", &field_doc(f));
            let _ = writeln!(w, "///\n/// # Safety\n/// `{arg}` is NULL or was filled by paycodes.");
            let _ = writeln!(
                w,
                "#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {name}({arg}: {}) -> {t} {{\n    guard_value({}, || {{\n        // SAFETY: the caller's guarantee, per the function's contract.\n        let v = unsafe {{ {reader} }}.map(|o| o.get({i}));\n        {}\n    }})\n}}\n",
                arg_type(prefix),
                fallback(&f.ty),
                convert(&f.ty)
            );
            continue;
        }
        match f.ty {
            Ty::Opt(&Ty::Object(s)) => {
                let (st, write) = if std::ptr::eq(s, &DECODED) {
                    ("paycodes_decoded".to_owned(), "unsafe { crate::write_nested_decoded(&o, out) }".to_owned())
                } else {
                    let st = format!("paycodes_{}", snake(s.name));
                    (st.clone(), format!("unsafe {{ out.write({st}::of(&o)) }};\n                true"))
                };
                doc(w, "", f.doc);
                let _ = writeln!(
                    w,
                    "/// Copies it into `out` and returns true; false (and `out` untouched) when absent.\n///\n/// # Safety\n/// `{arg}` is NULL or was filled by paycodes; `out` is NULL or valid for writing."
                );
                let _ = writeln!(
                    w,
                    "#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {name}({arg}: {}, out: *mut {st}) -> bool {{\n    guard_value(false, || {{\n        // SAFETY: the caller's guarantee, per the function's contract.\n        match unsafe {{ {reader} }}.map(|o| o.get({i})) {{\n            Some(Value::Object(o)) if !out.is_null() => {{\n                // SAFETY: non-NULL and valid for writing per the contract.\n                {write}\n            }}\n            _ => false,\n        }}\n    }})\n}}\n",
                    arg_type(prefix)
                );
            }
            Ty::Opt(&Ty::List(item)) | Ty::List(item) => {
                if matches!(f.ty, Ty::Opt(_)) {
                    doc(w, "", f.doc);
                    let _ = writeln!(
                        w,
                        "/// Whether the field has a value (false: it is null).\n///\n/// # Safety\n/// `{arg}` is NULL or was filled by paycodes."
                    );
                    let _ = writeln!(
                        w,
                        "#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {name}_present({arg}: {}) -> bool {{\n    guard_value(false, || matches!(unsafe {{ {reader} }}.map(|o| o.get({i})), Some(Value::List(_))))\n}}\n",
                        arg_type(prefix)
                    );
                }
                doc(w, "", f.doc);
                let _ = writeln!(
                    w,
                    "/// How many items; 0 when absent.\n///\n/// # Safety\n/// `{arg}` is NULL or was filled by paycodes."
                );
                let _ = writeln!(
                    w,
                    "#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {name}_count({arg}: {}) -> usize {{\n    guard_value(0, || match unsafe {{ {reader} }}.map(|o| o.get({i})) {{\n        Some(Value::List(l)) => l.len(),\n        _ => 0,\n    }})\n}}\n",
                    arg_type(prefix)
                );
                match item {
                    Ty::Enum(e) => {
                        let _ = writeln!(
                            w,
                            "/// Item `index` of `{}`; 0 (none) past the end.\n///\n/// # Safety\n/// `{arg}` is NULL or was filled by paycodes.",
                            f.key
                        );
                        let _ = writeln!(
                            w,
                            "#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {name}_get({arg}: {}, index: usize) -> {ce} {{\n    guard_value({ce}::{z}, || match unsafe {{ {reader} }}.map(|o| o.get({i})) {{\n        Some(Value::List(l)) if index < l.len() => {ce}::of(Some(l.get(index))),\n        _ => {ce}::{z},\n    }})\n}}\n",
                            arg_type(prefix),
                            ce = c_enum(*e),
                            z = zero_name(*e)
                        );
                    }
                    Ty::Object(s) => {
                        let st = format!("paycodes_{}", snake(s.name));
                        let _ = writeln!(
                            w,
                            "/// Copies item `index` of `{}` into `out`; `PAYCODES_INDEX_OUT_OF_RANGE` past the end.\n///\n/// # Safety\n/// `{arg}` is NULL or was filled by paycodes; `out` is valid for writing.",
                            f.key
                        );
                        let _ = writeln!(
                            w,
                            "#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {name}_get({arg}: {}, index: usize, out: *mut {st}) -> paycodes_status {{\n    guard(|| {{\n        let item = match unsafe {{ {reader} }}.map(|o| o.get({i})) {{\n            Some(Value::List(l)) if index < l.len() => l.get(index),\n            _ => return Err(paycodes_status::PAYCODES_INDEX_OUT_OF_RANGE),\n        }};\n        let Value::Object(o) = item else {{ return Err(paycodes_status::PAYCODES_INTERNAL) }};\n        if out.is_null() {{\n            return Err(paycodes_status::PAYCODES_NULL_ARGUMENT);\n        }}\n        // SAFETY: non-NULL and valid for writing per the contract.\n        unsafe {{ out.write({st}::of(&o)) }};\n        Ok(())\n    }})\n}}\n",
                            arg_type(prefix)
                        );
                    }
                    _ => panic!("no C form for a list of {item:?}"),
                }
            }
            _ => panic!("no C form for field {} of {}: {:?}", f.key, schema.name, f.ty),
        }
    }
}

/// The accessor of a field: `paycodes_decoded_outcome`; `_of` is appended where the name
/// would be a C type's (`paycodes_service_kind_of`, beside the enum `paycodes_service_kind`).
pub fn accessor(prefix: &str, key: &str) -> String {
    let name = format!("{prefix}_{key}");
    let type_names: Vec<String> = super::enums().iter().map(|t| c_enum(*t)).collect();
    if type_names.contains(&name) { format!("{name}_of") } else { name }
}

fn arg_type(prefix: &str) -> &'static str {
    match prefix {
        "paycodes_decoded" => "*const paycodes_decoded",
        "paycodes_service" => "*const paycodes_service",
        "paycodes_response" => "*const paycodes_response",
        _ => unreachable!(),
    }
}

/// `NetworkVariant` to `network_variant`.
pub fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A plain C struct for a schema of scalar fields (list items).
fn item_struct(w: &mut String, schema: &Schema) {
    let st = format!("paycodes_{}", snake(schema.name));
    doc(w, "", schema.doc);
    let _ = writeln!(w, "#[repr(C)]\n#[derive(Debug, Clone, Copy)]\npub struct {st} {{");
    for f in schema.fields {
        doc(w, "    ", f.doc);
        let _ = writeln!(w, "    pub {}: {},", f.key, c_type(&f.ty).expect("scalar item field"));
    }
    w.push_str("}\n\n");
    let _ = writeln!(w, "impl {st} {{\n    fn of(o: &Obj<'_>) -> Self {{\n        {st} {{");
    for (i, f) in schema.fields.iter().enumerate() {
        let _ = writeln!(w, "            {}: {{ let v = Some(o.get({i})); {} }},", f.key, convert(&f.ty));
    }
    w.push_str("        }\n    }\n}\n\n");
}

pub fn generate(out: &mut Outputs) -> Result<(), String> {
    let mut w = String::new();
    w.push_str(
        "//! @generated by `cargo xtask codegen` from the compiled core. Do not edit.\n//!\n//! The C enums (the core's stable numbers), the status enum, the storage of\n//! `paycodes_decoded` and one accessor per answer field.\n\n#![allow(non_camel_case_types, clippy::missing_safety_doc)]\n\nuse crate::{guard, guard_value, paycodes_service, paycodes_str, read_decoded, read_response, read_service};\nuse paycodes::fields::{Obj, Value};\n\n",
    );
    for ty in super::enums() {
        let values: Vec<(u16, String, String, &str)> =
            ty.values().iter().map(|v| (v.number, v.id.to_owned(), v.rust_name.to_owned(), v.doc)).collect();
        gen_enum(&mut w, &c_enum(*ty), ty.rust_name(), ty.enum_doc(), &values);
    }
    let locales: Vec<(u16, String, String, &str)> =
        Locale::ALL.iter().map(|l| (l.number(), l.id().to_owned(), l.rust_name().to_owned(), l.doc())).collect();
    gen_enum(&mut w, "paycodes_locale", "Locale", Locale::DOC, &locales);

    // The status every function returns.
    w.push_str("/// Result of every paycodes C function. Outputs are written only on `PAYCODES_OK`.\n/// Values are the core's error numbers (the ids every language reports) plus a few\n/// C-only ones (11xx arguments, 9002 a caught panic).\n#[repr(u32)]\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum paycodes_status {\n    /// Success; outputs were written.\n    PAYCODES_OK = 0,\n");
    let c_only: &[(&str, u16, &str)] = &[
        ("null_argument", 1101, "A required pointer argument is NULL (or NULL with a non-zero length)."),
        ("buffer_too_small", 1102, "The output buffer is too small; nothing was written."),
        ("index_out_of_range", 1103, "An item index is past the end of a list."),
        ("panic", 9002, "paycodes panicked; the panic was caught at the boundary and your process lives on."),
    ];
    let mut all: Vec<(String, u16, String)> =
        ErrorKind::ALL.iter().map(|k| (k.id().to_owned(), k.number(), k.doc().to_owned())).collect();
    all.extend(c_only.iter().map(|(id, n, d)| ((*id).to_owned(), *n, (*d).to_owned())));
    all.sort_by_key(|a| a.1);
    for (id, n, d) in &all {
        doc(&mut w, "    ", d);
        let _ = writeln!(w, "    PAYCODES_{} = {n},", id.to_uppercase());
    }
    w.push_str("}\n\n");
    w.push_str("impl From<paycodes::ErrorKind> for paycodes_status {\n    fn from(k: paycodes::ErrorKind) -> Self {\n        match k {\n");
    for k in ErrorKind::ALL {
        let _ = writeln!(
            w,
            "            paycodes::ErrorKind::{} => paycodes_status::PAYCODES_{},",
            k.rust_name(),
            k.id().to_uppercase()
        );
    }
    w.push_str("        }\n    }\n}\n\n");
    w.push_str("impl paycodes_status {\n    /// Every status (for the collision test and `paycodes_status_id`).\n    pub(crate) const ALL: &'static [paycodes_status] = &[\n        paycodes_status::PAYCODES_OK,\n");
    for (id, _, _) in &all {
        let _ = writeln!(w, "        paycodes_status::PAYCODES_{},", id.to_uppercase());
    }
    w.push_str("    ];\n\n    /// The stable id, NUL-terminated.\n    pub(crate) const fn id(self) -> &'static [u8] {\n        match self {\n            paycodes_status::PAYCODES_OK => b\"ok\\0\",\n");
    for (id, _, _) in &all {
        let _ = writeln!(w, "            paycodes_status::PAYCODES_{} => b\"{id}\\0\",", id.to_uppercase());
    }
    w.push_str("        }\n    }\n\n    /// What the status means.\n    pub(crate) const fn describe(self) -> &'static str {\n        match self {\n            paycodes_status::PAYCODES_OK => \"success\",\n");
    for (id, _, d) in &all {
        let _ = writeln!(
            w,
            "            paycodes_status::PAYCODES_{} => {:?},",
            id.to_uppercase(),
            crate::util::doc_line(d)
        );
    }
    w.push_str("        }\n    }\n}\n\n");

    // The storage of an answer: the core's answer, after a tag.
    let words = std::mem::size_of::<paycodes::Decoded<'static>>().div_ceil(8) + 1;
    let _ = writeln!(
        w,
        "/// Words of `paycodes_decoded::_private`: a tag, then the core's answer.\npub(crate) const PRIVATE_WORDS: usize = {words};\nconst _: () = assert!(std::mem::size_of::<paycodes::Decoded<'static>>() <= (PRIVATE_WORDS - 1) * 8);\nconst _: () = assert!(std::mem::align_of::<paycodes::Decoded<'static>>() <= 8);\n"
    );
    doc(&mut w, "", DECODED.doc);
    let _ = writeln!(
        w,
        "///\n/// Caller-owned: declare it on the stack, `paycodes_decode` fills it on `PAYCODES_OK`. The\n/// fields most callers branch on are plain members; every other field is read with its\n/// `paycodes_decoded_*` function. Copying the struct copies the answer.\n#[repr(C)]\n#[derive(Debug, Clone, Copy)]\npub struct paycodes_decoded {{\n    /// Which family the code was decoded as.\n    pub family: paycodes_family,\n    /// Did the money move?\n    pub outcome: paycodes_outcome,\n    /// What to do next.\n    pub action: paycodes_action,\n    /// The canonical reason.\n    pub reason: paycodes_reason,\n    /// The table's category.\n    pub category: paycodes_category,\n    /// Whether a table knows the code.\n    pub known: bool,\n    /// SNAP: the HTTP status; 0 for other families.\n    pub http_status: u16,\n    /// Private: read it only through the `paycodes_decoded_*` functions.\n    pub _private: [u64; {words}],\n}}\n"
    );
    item_struct(&mut w, &NETWORK_VARIANT);
    item_struct(&mut w, &FIELD_READING);
    item_struct(&mut w, &REFERENCE);
    accessors(&mut w, &DECODED, "paycodes_decoded", "d", "read_decoded(d)");
    accessors(&mut w, &SERVICE, "paycodes_service", "s", "read_service(s)");

    // The storage of a whole response's answer.
    let words = std::mem::size_of::<paycodes::Response>().div_ceil(8) + 1;
    let _ = writeln!(
        w,
        "/// Words of `paycodes_response::_private`: a tag, then the core's answer.\npub(crate) const RESPONSE_WORDS: usize = {words};\nconst _: () = assert!(std::mem::size_of::<paycodes::Response>() <= (RESPONSE_WORDS - 1) * 8);\nconst _: () = assert!(std::mem::align_of::<paycodes::Response>() <= 8);\n"
    );
    doc(&mut w, "", DECODED_RESPONSE.doc);
    let _ = writeln!(
        w,
        "///\n/// Caller-owned: declare it (about 2 KiB) and `paycodes_decode_response` fills it on\n/// `PAYCODES_OK`. The answer owns its data: the body may be freed at once. Strings the\n/// `paycodes_response_*` functions return point into this struct: they live as long as it\n/// does, unmoved.\n#[repr(C)]\n#[derive(Debug, Clone, Copy)]\npub struct paycodes_response {{\n    /// Did the money move?\n    pub outcome: paycodes_outcome,\n    /// What to do next.\n    pub action: paycodes_action,\n    /// Why.\n    pub reason: paycodes_reason,\n    /// Which evidence decided.\n    pub decided_by: paycodes_evidence,\n    /// The HTTP status (the transport's, else the code's); 0 when unknown.\n    pub http_status: u16,\n    /// Private: read it only through the `paycodes_response_*` functions.\n    pub _private: [u64; {words}],\n}}\n"
    );
    accessors(&mut w, &DECODED_RESPONSE, "paycodes_response", "r", "read_response(r)");

    // Ids of the enums.
    for ty in super::enums() {
        let e = c_enum(*ty);
        let _ = writeln!(
            w,
            "/// The stable id of a `{e}` (`{}`). Static text; `ptr` is NULL for a value that is not in the enum.\n#[unsafe(no_mangle)]\npub extern \"C\" fn {e}_id(value: u32) -> paycodes_str {{\n    guard_value(paycodes_str::NONE, || {{\n        let t = u16::try_from(value).ok().and_then(|n| paycodes::EnumType::{}.id_of(n));\n        t.map_or(paycodes_str::NONE, paycodes_str::text)\n    }})\n}}\n",
            ty.values().first().map_or("", |v| v.id),
            ty.rust_name()
        );
    }
    out.rust("ffi-c/src/generated.rs", &w)?;
    out.file("ffi-c/tests/render.h", &render_h())?;
    Ok(())
}

/// `ffi-c/tests/render.h`: an answer as JSON, read through the accessors only.
fn render_h() -> String {
    let mut w = String::new();
    w.push_str("/* @generated by `cargo xtask codegen` from the answer schemas. Do not edit.\n * Renders a paycodes_decoded as the JSON object every language prints, reading it only\n * through the public accessors (so the conformance runner tests them all). */\n#ifndef PAYCODES_TEST_RENDER_H\n#define PAYCODES_TEST_RENDER_H\n#include \"json_out.h\"\n#include \"paycodes.h\"\n\n");
    w.push_str("static inline void render_service(json_out *o, const paycodes_service *s) {\n    if (s == NULL) {\n        json_raw(o, \"null\");\n        return;\n    }\n    json_raw(o, \"{\");\n");
    render_fields(&mut w, &SERVICE, "paycodes_service", "s");
    w.push_str("    json_raw(o, \"}\");\n}\n\n");
    for item in [&NETWORK_VARIANT, &FIELD_READING, &REFERENCE] {
        let name = snake(item.name);
        let _ = writeln!(
            w,
            "static inline void render_{name}(json_out *o, const paycodes_{name} *v) {{\n    json_raw(o, \"{{\");"
        );
        for (i, f) in item.fields.iter().enumerate() {
            let sep = if i > 0 { "," } else { "" };
            let _ = writeln!(w, "    json_raw(o, \"{sep}\\\"{}\\\":\");", f.key);
            match f.ty {
                Ty::Str | Ty::Opt(Ty::Str) => {
                    let _ = writeln!(w, "    json_str(o, v->{});", f.key);
                }
                Ty::Bool => {
                    let _ = writeln!(w, "    json_raw(o, v->{} ? \"true\" : \"false\");", f.key);
                }
                Ty::Enum(e) => {
                    let _ = writeln!(w, "    json_id(o, {}_id((uint32_t)v->{}));", c_enum(e), f.key);
                }
                _ => unreachable!(),
            }
        }
        w.push_str("    json_raw(o, \"}\");\n}\n\n");
    }
    w.push_str("/* `raw_json` is the input as JSON (the C API does not hand the caller's buffer back). */\nstatic inline void render_decoded(json_out *o, const paycodes_decoded *d, const char *raw_json) {\n    json_raw(o, \"{\");\n");
    render_fields(&mut w, &DECODED, "paycodes_decoded", "d");
    w.push_str("    json_raw(o, \"}\");\n}\n\n");
    w.push_str("/* A whole response's code: its raw is the code as the body wrote it. */\nstatic inline void render_nested_decoded(json_out *o, const paycodes_decoded *d) {\n    json_out raw;\n    paycodes_str t = paycodes_decoded_raw(d);\n    memset(&raw, 0, sizeof raw);\n    if (paycodes_decoded_raw_is_number(d)) {\n        json_bytes(&raw, t.ptr, t.len);\n    } else {\n        json_str(&raw, t);\n    }\n    render_decoded(o, d, raw.buf);\n    free(raw.buf);\n}\n\n");
    w.push_str(
        "static inline void render_response(json_out *o, const paycodes_response *r) {\n    json_raw(o, \"{\");\n",
    );
    render_fields(&mut w, &DECODED_RESPONSE, "paycodes_response", "r");
    w.push_str("    json_raw(o, \"}\");\n}\n#endif\n");
    w
}

fn render_fields(w: &mut String, schema: &Schema, prefix: &str, arg: &str) {
    for (i, f) in schema.fields.iter().enumerate() {
        let sep = if i > 0 { "," } else { "" };
        let _ = writeln!(w, "    json_raw(o, \"{sep}\\\"{}\\\":\");", f.key);
        let get = format!("{}({arg})", accessor(prefix, f.key));
        match &f.ty {
            Ty::Raw => {
                let _ = writeln!(w, "    json_raw(o, raw_json);");
            }
            Ty::Bool => {
                let _ = writeln!(w, "    json_raw(o, {get} ? \"true\" : \"false\");");
            }
            Ty::Int => {
                let _ = writeln!(w, "    json_int(o, {get});");
            }
            Ty::Opt(Ty::Int) => {
                let _ = writeln!(w, "    if ({get} < 0) json_raw(o, \"null\"); else json_int(o, {get});");
            }
            Ty::Str | Ty::Opt(Ty::Str) => {
                let _ = writeln!(w, "    json_str(o, {get});");
            }
            Ty::Enum(e) | Ty::Opt(Ty::Enum(e)) => {
                let _ = writeln!(w, "    json_id(o, {}_id((uint32_t){get}));", c_enum(*e));
            }
            Ty::Opt(Ty::Object(s)) if std::ptr::eq(*s, &SERVICE) => {
                let _ = writeln!(w, "    render_service(o, {get});");
            }
            Ty::Opt(Ty::Object(s)) => {
                let (st, render) = if std::ptr::eq(*s, &DECODED) {
                    ("paycodes_decoded".to_owned(), "render_nested_decoded".to_owned())
                } else {
                    (format!("paycodes_{}", snake(s.name)), format!("render_{}", snake(s.name)))
                };
                let _ = writeln!(
                    w,
                    "    {{\n        {st} x;\n        if ({}({arg}, &x)) {render}(o, &x); else json_raw(o, \"null\");\n    }}",
                    accessor(prefix, f.key)
                );
            }
            Ty::List(Ty::Object(s)) => {
                let st = format!("paycodes_{}", snake(s.name));
                let _ = writeln!(
                    w,
                    "    {{\n        size_t k, n = {prefix}_{key}_count({arg});\n        json_raw(o, \"[\");\n        for (k = 0; k < n; k++) {{\n            {st} item;\n            if (k > 0) json_raw(o, \",\");\n            if ({prefix}_{key}_get({arg}, k, &item) == PAYCODES_OK) render_{}(o, &item);\n        }}\n        json_raw(o, \"]\");\n    }}",
                    snake(s.name),
                    key = f.key
                );
            }
            Ty::List(Ty::Enum(e)) => {
                let _ = writeln!(
                    w,
                    "    {{\n        size_t k, n = {prefix}_{key}_count({arg});\n        json_raw(o, \"[\");\n        for (k = 0; k < n; k++) {{\n            if (k > 0) json_raw(o, \",\");\n            json_id(o, {ce}_id((uint32_t){prefix}_{key}_get({arg}, k)));\n        }}\n        json_raw(o, \"]\");\n    }}",
                    key = f.key,
                    ce = c_enum(*e)
                );
            }
            Ty::Opt(Ty::List(Ty::Object(s))) => {
                let st = format!("paycodes_{}", snake(s.name));
                let _ = writeln!(
                    w,
                    "    if (!{prefix}_{key}_present({arg})) {{\n        json_raw(o, \"null\");\n    }} else {{\n        size_t k, n = {prefix}_{key}_count({arg});\n        json_raw(o, \"[\");\n        for (k = 0; k < n; k++) {{\n            {st} item;\n            if (k > 0) json_raw(o, \",\");\n            if ({prefix}_{key}_get({arg}, k, &item) == PAYCODES_OK) render_network_variant(o, &item);\n        }}\n        json_raw(o, \"]\");\n    }}",
                    key = f.key
                );
            }
            other => panic!("render.h: no rendering for {other:?}"),
        }
    }
}
