//! The citizen bundles: what a citizen's phone downloads. The public pages arrive as HTML
//! written at build time; a bundle hydrates their islands and redraws nothing else. Built
//! once per kind of page: feature `katalog` (the search) for `/`, feature `sop-page` (finish
//! estimate, checklist ticks, the diagram's frame, share and print) for `/sop/<id>`; both
//! carry the update notice. The staff side is another bundle (`crates/staff`), never loaded
//! here.
//!
//! The page's loader (written by the site generator) calls `start`, then every island's
//! export in document order (`leptos-island[data-component]`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use layanan_sop::catalogue_data::catalogue;
use layanan_sop::platform::{dom, pwa};
use layanan_sop::public::{CurrentSop, UpdateAvailable};
use layanan_sop::routes;

// The island components live in `layanan_sop::public`; naming the crate keeps their exports
// in this bundle.
pub use layanan_sop::public as islands;

/// Prepares what the islands share, before they hydrate: the base path, the page's SOP, the
/// service worker and its update signal.
#[wasm_bindgen]
pub fn start() {
    console_error_panic_hook::set_once();
    routes::set_base(&dom::base_path());
    leptos::mount::hydrate_islands();
    if let Some(sop) = dom::main_data("sop").and_then(|id| catalogue().sop(&id)) {
        provide_context(CurrentSop(sop));
    }
    let update_available = RwSignal::new(false);
    provide_context(UpdateAvailable(update_available));
    pwa::register(update_available);
}
