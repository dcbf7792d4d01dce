//! The non-blocking "new version" bar shown when the service worker has a new build waiting.

use leptos::prelude::*;

use crate::platform::pwa;
use crate::strings as s;

#[component]
pub fn UpdateBanner(update_available: RwSignal<bool>) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    view! {
        <Show when=move || update_available.get() && !dismissed.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <span>{s::UPDATE_AVAILABLE}</span>
                <button type="button" class="button" on:click=move |_| pwa::apply_update()>{s::UPDATE_RELOAD}</button>
                <button type="button" class="button button--ghost update-banner__later"
                    on:click=move |_| dismissed.set(true)>{s::UPDATE_LATER}</button>
            </div>
        </Show>
    }
}
