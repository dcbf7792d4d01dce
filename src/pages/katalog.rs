use leptos::prelude::*;

use crate::strings as s;

#[component]
pub fn KatalogPage() -> impl IntoView {
    view! {
        <section class="page-head">
            <h1>{s::KATALOG_TITLE}</h1>
            <p class="lead">{s::KATALOG_INTRO}</p>
        </section>
    }
}
