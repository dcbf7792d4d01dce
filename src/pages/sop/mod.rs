//! `/sop/:id`: everything a citizen needs about one service, and the official print form.

mod checklist;
mod info;
mod print;
mod steps;
mod timing;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};
use sop_domain::catalogue::{Audience, Sop};
use sop_domain::locale::format_date;

use crate::catalogue_data::catalogue;
use crate::components::diagram::SwimlaneDiagram;
use crate::components::share::CopyLinkButton;
use crate::pages::not_found::NotFound;
use crate::app::use_printing;
use crate::platform::dom::href;
use crate::platform::dom_actions;
use crate::strings as s;

#[component]
pub fn SopPage() -> impl IntoView {
    let params = use_params_map();
    let sop = Memo::new(move |_| params.read().get("id").and_then(|id| catalogue().sop(&id)));
    move || match sop.get() {
        Some(sop) => Either::Left(view! { <SopView sop=sop/> }),
        None => Either::Right(view! { <NotFound/> }),
    }
}

#[component]
fn SopView(sop: &'static Sop) -> impl IntoView {
    let unit_short = catalogue().unit_of(sop).map(|u| u.short.clone()).unwrap_or_default();
    // The browser's own jump to `#langkah-N` happens before the wasm has drawn the steps, so
    // the page jumps again once they exist (and on every later hash change).
    let location = use_location();
    Effect::new(move |_| {
        let hash = location.hash.get();
        if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
            let id = id.to_string();
            request_animation_frame(move || dom_actions::scroll_to_id(&id));
        }
    });
    let printing = use_printing();
    let audience = match sop.audience {
        Audience::Public => s::AUDIENCE_PUBLIC,
        Audience::Internal => s::AUDIENCE_INTERNAL,
    };
    view! {
        <article class="sop">
            <div class="sop-screen">
                <nav class="breadcrumb" aria-label=s::SOP_BREADCRUMB>
                    <A href=href("/")>{s::NAV_KATALOG}</A>
                    <span aria-hidden="true">" › "</span>
                    <A href=href(&format!("/?unit={}", sop.unit_group))>{unit_short}</A>
                </nav>
                <header class="sop-head">
                    <p class="badge" class:badge--internal=sop.audience == Audience::Internal>{audience}</p>
                    <h1 class="sop-head__title">{sop.title.clone()}</h1>
                    <dl class="sop-head__meta">
                        <div><dt>{s::SOP_NUMBER}</dt><dd class="mono">{
                            if sop.number.is_empty() { s::SOP_NUMBER_NONE.to_string() } else { sop.number.clone() }
                        }</dd></div>
                        <div><dt>{s::SOP_UNIT}</dt><dd>{sop.unit.clone()}</dd></div>
                        <div><dt>{s::SOP_CREATED}</dt><dd>{date_or_dash(sop.created)}</dd></div>
                        <div><dt>{s::SOP_REVISED}</dt><dd>{date_or_dash(sop.revised)}</dd></div>
                        <div><dt>{s::SOP_EFFECTIVE}</dt><dd>{date_or_dash(sop.effective)}</dd></div>
                        <div class="sop-head__wide"><dt>{s::SOP_APPROVED_BY}</dt><dd>{
                            if sop.approved_by.is_empty() { s::SOP_NOT_PRINTED.to_string() } else { sop.approved_by.clone() }
                        }</dd></div>
                    </dl>
                    <div class="actions">
                        <CopyLinkButton/>
                        <button type="button" class="button button--secondary" on:click=move |_| dom_actions::print_with(printing)>
                            {s::ACTION_PRINT}
                        </button>
                        <A href=href(&format!("/kasus?baru={}", sop.id)) attr:class="button button--secondary">
                            {s::ACTION_NEW_CASE}
                        </A>
                    </div>
                </header>
                <div class="sop-grid">
                    <timing::Timing sop=sop/>
                    <checklist::Checklist sop=sop/>
                </div>
                <section class="sop-diagram" aria-labelledby="diagram-alur">
                    <h2 id="diagram-alur">{s::DIAGRAM_TITLE}</h2>
                    <SwimlaneDiagram sop=sop/>
                </section>
                <steps::Steps sop=sop/>
                <info::Info sop=sop/>
                <info::SourceNotes sop=sop/>
            </div>
            // The SOP-AP form is drawn only for printing: on screen it would double the page's
            // start-up work for nothing a citizen sees.
            <Show when=move || printing.get()>
                <print::PrintForm sop=sop/>
            </Show>
        </article>
    }
}

fn date_or_dash(d: Option<chrono::NaiveDate>) -> String {
    d.map(format_date).unwrap_or_else(|| s::SOP_NOT_PRINTED.to_string())
}
