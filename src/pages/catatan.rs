use leptos::prelude::*;

use crate::strings as s;

#[component]
pub fn CatatanPage() -> impl IntoView {
    view! {
        <section class="page-head">
            <h1>{s::CATATAN_TITLE}</h1>
            <p class="lead">{s::CATATAN_INTRO}</p>
        </section>
    }
}
