//! "Salin tautan": copies the page address and says whether it worked.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::dom_actions;
use crate::strings as s;

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn CopyLinkButton(#[prop(optional, into)] url: Option<String>) -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    let on_click = move |_| {
        let text = url.clone().unwrap_or_else(dom_actions::current_url);
        spawn_local(async move {
            let ok = dom_actions::copy_text(&text).await;
            state.set(if ok { CopyState::Copied } else { CopyState::Failed });
        });
    };
    view! {
        <button type="button" class="button button--secondary" on:click=on_click>{s::ACTION_COPY_LINK}</button>
        <span class="status-text" role="status">{move || match state.get() {
            CopyState::Idle => "",
            CopyState::Copied => s::ACTION_COPIED,
            CopyState::Failed => s::ACTION_COPY_FAILED,
        }}</span>
    }
}
