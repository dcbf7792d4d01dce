//! The site header (office identity and navigation) and footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::platform::dom::{app_version, href};
use crate::strings as s;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#isi">{s::SKIP_TO_CONTENT}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href=href("/") attr:class="site-header__brand">
                    <span class="site-header__logo" aria-hidden="true">"SOP"</span>
                    <span class="site-header__names">
                        <span class="site-header__office">{s::OFFICE_NAME}</span>
                        <span class="site-header__region">{s::OFFICE_REGION}</span>
                    </span>
                </A>
                <nav class="site-nav" aria-label=s::NAV_LABEL>
                    <A href=href("/") exact=true attr:class="site-nav__link">{s::NAV_KATALOG}</A>
                    <A href=href("/kasus") attr:class="site-nav__link">{s::NAV_KASUS}</A>
                    <A href=href("/laporan") attr:class="site-nav__link">{s::NAV_LAPORAN}</A>
                    <A href=href("/catatan-sumber") attr:class="site-nav__link">{s::NAV_CATATAN}</A>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{s::OFFICE_NAME} " " {s::OFFICE_REGION}</p>
            <p>{s::FOOTER_ADDRESS}</p>
            <p class="site-footer__small">{s::FOOTER_TEXT}</p>
            <p class="site-footer__small">{s::FOOTER_VERSION} " " <span data-testid="app-version">{app_version()}</span>
                " · " <a href=href("/catalogue.json") rel="external" download="katalog-sop-dpttk-katingan.json">{s::FOOTER_OPEN_DATA}</a></p>
        </footer>
    }
}
