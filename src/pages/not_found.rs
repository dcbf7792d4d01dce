use leptos::prelude::*;
use leptos_router::components::A;

use crate::platform::dom::href;
use crate::strings as s;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page-head not-found">
            <p class="not-found__code" aria-hidden="true">"404"</p>
            <h1>{s::NOT_FOUND_TITLE}</h1>
            <p class="lead">{s::NOT_FOUND_TEXT}</p>
            <p><A href=href("/") attr:class="button">{s::NOT_FOUND_BACK}</A></p>
        </section>
    }
}
