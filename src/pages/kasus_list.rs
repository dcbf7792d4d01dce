use leptos::prelude::*;

use crate::strings as s;

#[component]
pub fn KasusListPage() -> impl IntoView {
    view! {
        <section class="page-head">
            <h1>{s::KASUS_TITLE}</h1>
            <p class="lead">{s::KASUS_INTRO}</p>
        </section>
    }
}
