//! "Bagikan": the phone's share sheet (Web Share API) where there is one, copying the link
//! everywhere else; says what happened.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::dom_actions::{self, Shared};
use crate::strings as s;

#[component]
pub fn ShareButton() -> impl IntoView {
    let outcome = RwSignal::new(None::<Shared>);
    let on_click = move |_| {
        spawn_local(async move {
            outcome.set(Some(dom_actions::share_page().await));
        });
    };
    view! {
        <button type="button" class="button button--secondary" on:click=on_click>{s::ACTION_SHARE}</button>
        <span class="status-text" role="status">{move || match outcome.get() {
            None | Some(Shared::Shared) | Some(Shared::Cancelled) => "",
            Some(Shared::Copied) => s::ACTION_COPIED,
            Some(Shared::Failed) => s::ACTION_COPY_FAILED,
        }}</span>
    }
}
