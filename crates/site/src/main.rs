//! The site generator: writes the public pages at build time with the app's own components
//! (Leptos rendered natively), so a citizen's phone gets the whole content as HTML and the
//! citizen bundle only hydrates the islands. Also writes the staff pages' shells, 404.html,
//! the offline page, sitemap.xml, robots.txt, catalogue.json (open data), the QR codes and
//! the sources of the preview images (made into PNGs by scripts/post-build.mjs).
//!
//! ```text
//! site --out dist --assets target/site-assets.json --public-url / \
//!      --origin https://www.distransnaker.katingankab.go.id --version 0.2.0 --og-cards target/og-cards
//! ```

#![recursion_limit = "512"]

mod document;
mod meta;
mod office;
mod og;
mod qr;
mod render;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use layanan_sop::catalogue_data::catalogue;
use layanan_sop::routes;

use crate::document::{Assets, Document, Kind};
use crate::meta::Site;

struct Args {
    out: PathBuf,
    assets: PathBuf,
    public_url: String,
    origin: String,
    version: String,
    og_cards: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut out, mut assets, mut public_url, mut origin, mut version, mut og_cards) =
        (None, None, None, None, None, None);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value)),
            "--assets" => assets = Some(PathBuf::from(value)),
            "--public-url" => public_url = Some(value),
            "--origin" => origin = Some(value),
            "--version" => version = Some(value),
            "--og-cards" => og_cards = Some(PathBuf::from(value)),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    fn need<T>(v: Option<T>, name: &str) -> Result<T, String> {
        v.ok_or_else(|| format!("missing {name}"))
    }
    Ok(Args {
        out: need(out, "--out")?,
        assets: need(assets, "--assets")?,
        public_url: public_url.unwrap_or_else(|| "/".to_string()),
        origin: need(origin, "--origin")?.trim_end_matches('/').to_string(),
        version: need(version, "--version")?,
        og_cards: need(og_cards, "--og-cards")?,
    })
}

fn write(path: &Path, content: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    }
    std::fs::write(path, content).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Where a base-less route's document goes: `/` → index.html, `/sop/jht` → sop/jht/index.html.
fn file_of(out: &Path, route: &str) -> PathBuf {
    let rel = route.trim_start_matches('/');
    if rel.is_empty() { out.join("index.html") } else { out.join(rel).join("index.html") }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("site: {e}");
            return ExitCode::FAILURE;
        }
    };
    let assets: Assets = match std::fs::read_to_string(&args.assets).map_err(|e| e.to_string()).and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string())) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("site: cannot read {}: {e}", args.assets.display());
            return ExitCode::FAILURE;
        }
    };
    routes::set_base(&args.public_url);
    let site = Site { origin: args.origin.clone(), base: routes::base().to_string() };
    let doc = |head, kind, body| Document { site: &site, assets: &assets, version: &args.version, head, kind, body }.render();

    let mut pages = 0;
    for page in render::public_pages(&site, &args.version) {
        write(&file_of(&args.out, &page.route), &doc(page.head, page.kind, page.body));
        pages += 1;
    }
    write(&args.out.join("404.html"), &doc(render::not_found_head(), Kind::Fallback, render::not_found_body(&args.version)));
    write(&args.out.join("offline.html"), &doc(render::offline_head(), Kind::Public { diagram: false }, render::offline_body(&args.version)));
    for route in routes::STAFF_ROUTES {
        write(&file_of(&args.out, route), &doc(render::staff_head(), Kind::Staff, render::staff_shell()));
    }
    write(&args.out.join("sitemap.xml"), &meta::sitemap(&site, catalogue()));
    write(&args.out.join("robots.txt"), &meta::robots(&site));
    write(&args.out.join("catalogue.json"), &serde_json::to_string(catalogue()).expect("the catalogue serialises"));
    let cards = og::write_cards(&args.og_cards);
    println!(
        "site: {pages} public pages, 404, offline, {} staff shells, sitemap, robots, catalogue.json, {cards} preview cards",
        routes::STAFF_ROUTES.len()
    );
    ExitCode::SUCCESS
}
