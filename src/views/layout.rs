//! The site header (office identity and navigation) and footer, for both apps.
//!
//! The public pages lead to the katalog and offer the staff side as one labelled entry; the
//! staff pages list their own pages. Links that cross between the two apps carry
//! `rel="external"`, so the staff app's router loads them as documents instead of routing
//! them itself.

use leptos::prelude::*;

use crate::routes::href;
use crate::strings as s;

/// Which app draws the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Public,
    Staff,
}

#[component]
pub fn SiteHeader(side: Side) -> impl IntoView {
    // From a staff page the katalog is another app: a document load, not a route.
    let cross = (side == Side::Staff).then_some("external");
    let nav = match side {
        Side::Public => view! {
            <nav class="site-nav" aria-label=s::NAV_LABEL>
                <a href=href("/kasus") class="site-nav__link site-nav__link--staff" rel="nofollow">{s::NAV_STAFF}</a>
            </nav>
        }
        .into_any(),
        Side::Staff => view! {
            <nav class="site-nav" aria-label=s::NAV_LABEL>
                <a href=href("/kasus") class="site-nav__link">{s::NAV_KASUS}</a>
                <a href=href("/laporan") class="site-nav__link">{s::NAV_LAPORAN}</a>
                <a href=href("/catatan-sumber") class="site-nav__link">{s::NAV_CATATAN}</a>
                <a href=href("/pengaturan") class="site-nav__link">{s::NAV_PENGATURAN}</a>
                <a href=href("/") class="site-nav__link" rel="external">{s::NAV_KATALOG}</a>
            </nav>
        }
        .into_any(),
    };
    view! {
        <a class="skip-link" href="#isi">{s::SKIP_TO_CONTENT}</a>
        <header class="site-header" class:site-header--staff=side == Side::Staff>
            <div class="site-header__inner">
                <a href=href("/") class="site-header__brand" rel=cross>
                    <span class="site-header__logo" aria-hidden="true">"SOP"</span>
                    <span class="site-header__names">
                        // On a phone the name would take four lines: the acronym, spelled out
                        // on demand, keeps the header one row.
                        <span class="site-header__office">
                            <span class="site-header__office-long">{s::OFFICE_NAME}</span>
                            <abbr class="site-header__office-short" title=s::OFFICE_NAME>{s::OFFICE_ACRONYM}</abbr>
                        </span>
                        <span class="site-header__region">{s::OFFICE_REGION}</span>
                    </span>
                </a>
                {nav}
            </div>
        </header>
    }
}

/// The footer; `version` is the build's version (written into the page at build time, read
/// from `<meta name="app-version">` by the staff app).
#[component]
pub fn SiteFooter(side: Side, version: String) -> impl IntoView {
    let cross = (side == Side::Staff).then_some("external");
    view! {
        <footer class="site-footer">
            <p>{s::OFFICE_NAME} " " {s::OFFICE_REGION}</p>
            <p>{s::FOOTER_ADDRESS}</p>
            <p class="site-footer__small">{s::FOOTER_TEXT}</p>
            <p class="site-footer__small">{s::FOOTER_VERSION} " " <span data-testid="app-version">{version}</span>
                " · " <a href=href("/catalogue.json") rel=cross.unwrap_or("alternate") type="application/json"
                    download="katalog-sop-dpttk-katingan.json">{s::FOOTER_OPEN_DATA}</a></p>
        </footer>
    }
}
