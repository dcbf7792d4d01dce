//! The sources of the link-preview images (Open Graph / Twitter, 1200×630): one small HTML
//! card per SOP and one for the katalog. scripts/post-build.mjs photographs each card in
//! Chromium into `og/<name>.png`; no bundle carries them.

use std::path::Path;

use sop_domain::catalogue::Sop;

use crate::meta::time_words;
use layanan_sop::catalogue_data::catalogue;
use layanan_sop::strings as s;

const STYLE: &str = "*{box-sizing:border-box;margin:0}\
html,body{width:1200px;height:630px}\
body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;background:#0b5d3b;color:#12251b;padding:48px}\
.card{background:#fff;border-radius:28px;height:534px;padding:56px 64px;display:flex;flex-direction:column}\
.kicker{font-size:28px;font-weight:700;color:#0b5d3b;letter-spacing:.02em;text-transform:uppercase}\
h1{font-size:60px;line-height:1.12;margin-top:20px;flex:1;overflow:hidden;display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical}\
.facts{display:flex;gap:24px;margin-top:24px}\
.fact{background:#e6f2ec;border-radius:16px;padding:16px 24px;font-size:30px}\
.fact b{display:block;font-size:40px;color:#0b5d3b}\
.office{margin-top:28px;font-size:26px;color:#4f5a54}";

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn card(kicker: &str, title: &str, facts: &[(String, String)]) -> String {
    let facts: String = facts
        .iter()
        .map(|(big, small)| format!("<div class=\"fact\"><b>{}</b>{}</div>", esc(big), esc(small)))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><style>{STYLE}</style></head>\
         <body><div class=\"card\"><p class=\"kicker\">{}</p><h1>{}</h1><div class=\"facts\">{facts}</div>\
         <p class=\"office\">{} {}</p></div></body></html>",
        esc(kicker),
        esc(title),
        esc(s::OFFICE_NAME),
        esc(s::OFFICE_REGION)
    )
}

/// The card of one SOP: its name, its total time, how many requirements and steps.
pub fn sop_card(sop: &Sop) -> String {
    let kicker = if sop.audience == sop_domain::catalogue::Audience::Public { s::AUDIENCE_PUBLIC } else { s::AUDIENCE_INTERNAL };
    card(
        kicker,
        &sop.title,
        &[
            (time_words(sop), s::OG_TIME.to_string()),
            (sop.requirements.len().to_string(), s::OG_REQUIREMENTS.to_string()),
            (sop.steps.len().to_string(), s::OG_STEPS.to_string()),
        ],
    )
}

/// Writes `<name>.html` for the katalog and every SOP into `dir`; returns how many.
pub fn write_cards(dir: &Path) -> usize {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let mut n = 0;
    let mut put = |name: &str, html: String| {
        std::fs::write(dir.join(format!("{name}.html")), html).unwrap_or_else(|e| panic!("cannot write card {name}: {e}"));
        n += 1;
    };
    let public = catalogue().sops.iter().filter(|s| s.audience == sop_domain::catalogue::Audience::Public).count();
    put(
        "katalog",
        card(
            s::SITE_NAME,
            s::KATALOG_TITLE,
            &[(catalogue().sops.len().to_string(), s::RESULTS_COUNT.to_string()), (public.to_string(), s::AUDIENCE_PUBLIC.to_lowercase())],
        ),
    );
    for sop in catalogue().sops.iter() {
        put(&sop.id, sop_card(sop));
    }
    n
}
