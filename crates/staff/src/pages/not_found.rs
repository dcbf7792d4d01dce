//! An address under a staff route that is no page (e.g. `/laporan/x`).

use leptos::prelude::*;

use crate::routes::href;
use crate::strings as s;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page-head not-found">
            <p class="not-found__code" aria-hidden="true">"404"</p>
            <h1>{s::NOT_FOUND_TITLE}</h1>
            <p class="lead">{s::NOT_FOUND_TEXT}</p>
            <p><a href=href("/") class="button" rel="external">{s::NOT_FOUND_BACK}</a></p>
        </section>
    }
}
