//! "Halaman tidak ditemukan" (404.html): what a citizen sees at an address that is not a page.

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
            <p><a href=href("/") class="button">{s::NOT_FOUND_BACK}</a></p>
        </section>
    }
}
