//! `sopctl`: check and export the SOP data (feature `loader`).
//!
//! ```text
//! sopctl check <data_dir>              list every problem (exit 1 if any), then a summary
//! sopctl export <data_dir> <out.json>  write the catalogue as compact JSON
//! ```
//!
//! The export is compact and deterministic (the same data gives the same bytes), so that the
//! published catalogue.json only changes when the data does.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use sop_domain::catalogue::Catalogue;
use sop_domain::findings::FindingKind;
use sop_domain::loader::{load_dir, LoadErrors};

const USAGE: &str = "usage:
  sopctl check <data_dir>               validate data/ and print a summary (exit 1 on any error)
  sopctl export <data_dir> <out.json>   validate data/ and write the catalogue as compact JSON";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", dir] => check(Path::new(dir)),
        ["export", dir, out] => export(Path::new(dir), Path::new(out)),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn load(dir: &Path) -> Result<Catalogue, ExitCode> {
    load_dir(dir).map_err(|errors: LoadErrors| {
        eprintln!("{errors}");
        eprintln!("{} error(s) in {}", errors.len(), dir.display());
        ExitCode::FAILURE
    })
}

fn check(dir: &Path) -> ExitCode {
    let catalogue = match load(dir) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let steps: usize = catalogue.sops.iter().map(|s| s.steps.len()).sum();
    println!(
        "ok: {} SOPs, {} steps, {} units, {} holidays, {} findings",
        catalogue.sops.len(),
        steps,
        catalogue.units.len(),
        catalogue.calendar.holidays.len(),
        catalogue.findings.len()
    );
    let mut by_kind: BTreeMap<FindingKind, usize> = BTreeMap::new();
    for f in &catalogue.findings {
        *by_kind.entry(f.kind).or_default() += 1;
    }
    for kind in FindingKind::ALL {
        if let Some(n) = by_kind.get(&kind) {
            println!("  {:<22} {n:>4}", kind.as_str());
        }
    }
    ExitCode::SUCCESS
}

fn export(dir: &Path, out: &Path) -> ExitCode {
    let catalogue = match load(dir) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let json = match serde_json::to_string(&catalogue) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("cannot serialise the catalogue: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, json.as_bytes()) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} SOPs, {} bytes)",
        out.display(),
        catalogue.sops.len(),
        json.len()
    );
    ExitCode::SUCCESS
}
