use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::strings as s;

#[component]
pub fn KasusPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    view! {
        <section class="page-head">
            <h1>{s::KASUS_DETAIL_TITLE}</h1>
            <p class="lead">{id}</p>
        </section>
    }
}
