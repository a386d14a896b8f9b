//! The uniffi bindings generator, at exactly the uniffi version the library uses (a
//! mismatched generator produces bindings that fail at load time).

fn main() {
    uniffi::uniffi_bindgen_main()
}
