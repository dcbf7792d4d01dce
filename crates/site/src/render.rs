//! The pages' bodies, rendered with the app's own components by Leptos on the build machine.

use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use sop_domain::catalogue::Sop;

use crate::document::Kind;
use crate::meta::{self, Head, Site};
use crate::qr;
use layanan_sop::catalogue_data::catalogue;
use layanan_sop::public::frame::PublicFrame;
use layanan_sop::public::katalog::KatalogPage;
use layanan_sop::public::not_found::NotFound;
use layanan_sop::public::sop::{QrCode, SopPage};
use layanan_sop::public::CurrentSop;
use layanan_sop::routes::{self, href};
use layanan_sop::strings as s;
use layanan_sop::views::layout::{Side, SiteHeader};

pub struct Page {
    pub route: String,
    pub head: Head,
    pub kind: Kind,
    pub body: String,
}

/// Renders a view as the browser will hydrate it. Islands need a shared context to mark
/// themselves; Leptos' dynamic-text markers (`<!>`, an abruptly closed comment the HTML
/// checker rejects) are written as the same empty comment in valid form, `<!---->`.
pub fn ssr<V: IntoView + 'static>(sop: Option<&'static Sop>, view: impl FnOnce() -> V + 'static) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(move || {
        if let Some(sop) = sop {
            provide_context(CurrentSop(sop));
        }
        view().into_view().to_html()
    });
    html.replace("<!>", "<!---->")
}

/// The preview image of a page: `og/<name>.png`, made from the card `og::write_cards` wrote.
fn image(name: &str, alt: String) -> Option<(String, String)> {
    Some((format!("/og/{name}.png"), alt))
}

/// The katalog and every SOP page.
pub fn public_pages(site: &Site, version: &str) -> Vec<Page> {
    let mut pages = Vec::new();
    let v = version.to_string();
    pages.push(Page {
        route: "/".to_string(),
        head: Head {
            title: s::TITLE_KATALOG.to_string(),
            description: s::DESCRIPTION_KATALOG.to_string(),
            canonical: Some("/".to_string()),
            image: image("katalog", s::TITLE_KATALOG.to_string()),
            json_ld: Some(meta::katalog_json_ld(site, catalogue())),
        },
        kind: Kind::Public { diagram: false },
        body: ssr(None, move || view! { <PublicFrame version=v><KatalogPage/></PublicFrame> }),
    });
    for sop in catalogue().sops.iter() {
        let route = routes::sop_page(&sop.id);
        let url = site.url(&route);
        let qr = QrCode { svg: qr::svg(&url, &format!("QR: {url}")), url };
        let v = version.to_string();
        let id = sop.id.to_string();
        pages.push(Page {
            head: Head {
                title: meta::sop_title(sop),
                description: meta::sop_description(sop, 160),
                canonical: Some(route.clone()),
                image: image(&sop.id, format!("{}: {}", s::OG_ALT, sop.title)),
                json_ld: Some(meta::sop_json_ld(site, catalogue(), sop)),
            },
            route,
            kind: Kind::Public { diagram: true },
            body: ssr(Some(sop), move || view! { <PublicFrame version=v sop_id=id><SopPage sop=sop qr=qr/></PublicFrame> }),
        });
    }
    pages
}

pub fn not_found_head() -> Head {
    Head { title: s::TITLE_NOT_FOUND.into(), description: s::NOT_FOUND_TEXT.into(), canonical: None, image: None, json_ld: None }
}

/// 404.html: "not found" for a citizen; at a staff address (a host without rewrites) the
/// staff app replaces it, so it sits in the shell the staff app removes.
pub fn not_found_body(version: &str) -> String {
    let v = version.to_string();
    ssr(None, move || view! {
        <div id="loading-shell" class="loading-shell loading-shell--fallback">
            <div class="fallback-public"><PublicFrame version=v><NotFound/></PublicFrame></div>
            <p class="loading-shell__text loading-shell__text--staff">{s::LOADING}</p>
        </div>
    })
}

pub fn offline_head() -> Head {
    Head { title: s::TITLE_OFFLINE.into(), description: s::OFFLINE_TEXT.into(), canonical: None, image: None, json_ld: None }
}

/// What the service worker shows for a public page never opened on this device, offline.
pub fn offline_body(version: &str) -> String {
    let v = version.to_string();
    ssr(None, move || view! {
        <PublicFrame version=v>
            <section class="page-head not-found">
                <h1>{s::OFFLINE_HEADING}</h1>
                <p class="lead">{s::OFFLINE_TEXT}</p>
                <p><a href=href("/") class="button">{s::OFFLINE_BACK}</a></p>
            </section>
        </PublicFrame>
    })
}

pub fn staff_head() -> Head {
    Head { title: s::TITLE_STAFF.into(), description: s::KASUS_INTRO.into(), canonical: None, image: None, json_ld: None }
}

/// A staff page before its bundle runs: the header and "Memuat…" (the staff app replaces it).
pub fn staff_shell() -> String {
    ssr(None, || view! {
        <div id="loading-shell" class="loading-shell">
            <SiteHeader side=Side::Staff/>
            <p class="loading-shell__text">{s::LOADING}</p>
            <noscript><p class="loading-shell__text">{s::NOSCRIPT_STAFF}</p></noscript>
        </div>
    })
}
