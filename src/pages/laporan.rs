use leptos::prelude::*;

use crate::strings as s;

#[component]
pub fn LaporanPage() -> impl IntoView {
    view! {
        <section class="page-head">
            <h1>{s::LAPORAN_TITLE}</h1>
            <p class="lead">{s::LAPORAN_INTRO}</p>
        </section>
    }
}
