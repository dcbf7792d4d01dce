//! The staff app's router and the page frame shared by every staff route.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::case_unsaved_marker::UnsavedMarker;
use crate::components::sync_status::SyncStatusLine;
use crate::pages;
use crate::platform::{dom, dom_actions, pwa};
use layanan_sop::views::layout::{Side, SiteFooter, SiteHeader};
use layanan_sop::views::update_banner::UpdateBanner;

#[component]
pub fn App() -> impl IntoView {
    // The public URL comes from the page's `<base>` (the build's public URL), so one build
    // option moves the whole site under a sub-path.
    let base = dom::base_path();
    let update_available = RwSignal::new(false);
    // One case store for every staff page (loaded lazily by the first one that asks).
    let cases = crate::state::provide_case_store();
    // The sync runs only when an administrator switched it on (`/pengaturan`).
    crate::state::sync::provide_sync(cases);
    pwa::register(update_available);
    let printing = RwSignal::new(false);
    dom_actions::watch_printing(printing);
    provide_context(Printing(printing));
    view! {
        <Router base=base>
            <SiteHeader side=Side::Staff/>
            <UnsavedMarker/>
            <SyncStatusLine/>
            <main id="isi" class="page" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/kasus") view=pages::kasus_list::KasusListPage/>
                    <Route path=path!("/kasus/:id") view=pages::kasus::KasusPage/>
                    <Route path=path!("/laporan") view=pages::laporan::LaporanPage/>
                    <Route path=path!("/catatan-sumber") view=pages::catatan::CatatanPage/>
                    <Route path=path!("/pengaturan") view=pages::pengaturan::PengaturanPage/>
                </Routes>
            </main>
            <SiteFooter side=Side::Staff version=dom::app_version()/>
            <UpdateBanner update_available=update_available/>
        </Router>
    }
}

/// Whether the page is being printed: print-only views render while it is true.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// The print state provided by `App`.
pub fn use_printing() -> RwSignal<bool> {
    expect_context::<Printing>().0
}
