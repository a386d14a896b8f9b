//! One code generator for every binding. It reads the compiled core, not its source text:
//! the id enums (`EnumType::values`, `ErrorKind::ALL`), the answer schemas
//! (`paycodes::fields::schemas`) and the calls with their options (`paycodes::api::Call`).
//! Each binding's module writes that binding's generated files; then the binding tools run
//! (cbindgen for the C header, uniffi-bindgen for Kotlin and Swift).

mod c;
mod mobile;
mod node;
mod python;

use crate::util::{Outputs, root};
use paycodes::EnumType;

/// The id enums every binding mirrors, in a fixed order.
pub fn enums() -> &'static [EnumType] {
    EnumType::ALL
}

/// Regenerates everything (or, with `check`, compares). `rust_only` skips the binding tools
/// that need a build of a binding (cbindgen, uniffi-bindgen, napi), for the fast tier.
pub fn run(check: bool, rust_only: bool) -> Result<(), String> {
    let mut out = Outputs { check, ..Outputs::default() };
    c::generate(&mut out)?;
    python::generate(&mut out)?;
    node::generate(&mut out)?;
    mobile::generate(&mut out)?;
    if !rust_only {
        tools(&mut out)?;
    }
    if check {
        if out.stale.is_empty() {
            println!("codegen: every generated file is up to date");
            Ok(())
        } else {
            Err(format!(
                "generated files are stale (run `cargo xtask codegen` and commit the result):\n  {}",
                out.stale.join("\n  ")
            ))
        }
    } else {
        for f in &out.written {
            println!("wrote {f}");
        }
        if out.written.is_empty() {
            println!("codegen: nothing changed");
        }
        Ok(())
    }
}

/// The outputs of the binding tools: the C header (cbindgen) and the Kotlin and Swift
/// sources (uniffi-bindgen over the mobile library).
fn tools(out: &mut Outputs) -> Result<(), String> {
    let root = root();
    let tmp = root.join("target/codegen");
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    // C header.
    let header = tmp.join("paycodes.h");
    crate::util::run(
        &root.join("ffi-c"),
        "cbindgen",
        &["--quiet", "--config", "cbindgen.toml", "--crate", "paycodes-ffi", "--output", &header.to_string_lossy()],
        &[],
    )?;
    let text = std::fs::read_to_string(&header).map_err(|e| e.to_string())?;
    out.file("ffi-c/include/paycodes.h", &text)?;
    // Kotlin and Swift, from the mobile library built in dev (uniffi-bindgen reads its
    // metadata).
    mobile::bindings(out, &tmp)?;
    Ok(())
}
