//! The frame of every public page: header, `<main>`, footer and the update notice.

use leptos::prelude::*;

use super::UpdateAvailable;
use crate::views::layout::{Side, SiteFooter, SiteHeader};
use crate::views::update_banner::UpdateBanner;

#[component]
pub fn PublicFrame(
    /// The build's version, shown in the footer.
    version: String,
    /// `data-sop` on `<main>`: the SOP whose islands the citizen bundle hydrates.
    #[prop(optional)]
    sop_id: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <SiteHeader side=Side::Public/>
        <main id="isi" class="page" tabindex="-1" data-sop=sop_id>{children()}</main>
        <SiteFooter side=Side::Public version=version/>
        <UpdateNotice/>
    }
}

/// "Versi baru tersedia": rendered empty at build time, shown when the service worker has a
/// new build waiting.
#[island]
fn UpdateNotice() -> impl IntoView {
    let update_available = use_context::<UpdateAvailable>().map(|u| u.0).unwrap_or_else(|| RwSignal::new(false));
    view! { <UpdateBanner update_available=update_available/> }
}
