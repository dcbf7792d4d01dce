//! The marker under the header of every staff page while a change is kept only in memory (the
//! browser refused to store it): which cases, with a link back to each, so the work is not
//! forgotten on another page.

use leptos::prelude::*;

use crate::routes::{case_page, href};
use crate::state::use_case_store;
use crate::strings as s;

#[component]
pub fn UnsavedMarker() -> impl IntoView {
    let store = use_case_store();
    let cases = Memo::new(move |_| store.unsaved_cases());
    view! {
        <Show when=move || cases.with(|c| !c.is_empty())>
            <div class="unsaved-marker" role="status" data-testid="unsaved-marker">
                <div class="unsaved-marker__inner">
                    <strong>{s::KASUS_UNSAVED_MARKER}</strong>
                    {move || cases.get().into_iter().map(|(id, number)| view! {
                        " " <a href=href(&case_page(&id)) class="unsaved-marker__case">{number}</a>
                    }).collect_view()}
                    <span class="small">" " {s::KASUS_UNSAVED_MARKER_HINT}</span>
                </div>
            </div>
        </Show>
    }
}
