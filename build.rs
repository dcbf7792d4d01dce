//! Validates the SOP data (data/*.toml) at build time and embeds it as JSON.
//!
//! A malformed or inconsistent file fails the build with one line per problem naming the
//! file, the SOP and the step. The TOML parser runs here, natively, so it never reaches the
//! wasm bundle.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=data");
    let catalogue = match sop_domain::loader::load_dir(Path::new("data")) {
        Ok(catalogue) => catalogue,
        Err(errors) => {
            for line in errors.to_string().lines() {
                println!("cargo::error={line}");
            }
            std::process::exit(1);
        }
    };
    let json = serde_json::to_string(&catalogue).expect("the catalogue serialises to JSON");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.json");
    std::fs::write(&out, json).expect("OUT_DIR is writable");
}
