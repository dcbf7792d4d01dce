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
    // The findings are only read on the staff's /catatan-sumber page and in a SOP's source
    // notes, so they travel separately and are parsed on demand, not at start-up.
    let mut catalogue = catalogue;
    let findings = std::mem::take(&mut catalogue.findings);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, json: String| {
        std::fs::write(Path::new(&out_dir).join(name), json).expect("OUT_DIR is writable");
    };
    write("catalogue.json", serde_json::to_string(&catalogue).expect("the catalogue serialises to JSON"));
    write("findings.json", serde_json::to_string(&findings).expect("the findings serialise to JSON"));
}
