//! `/catatan-sumber`: every correction and every inconsistency the data reveals, across all
//! SOPs — the office's to-do list for the next revision of its SOP book. Found by code
//! (`sop_domain::findings`), not typed by hand.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use sop_domain::findings::{Finding, FindingKind};

use crate::catalogue_data::{catalogue, findings};
use crate::routes::href;
use crate::routes::{self, Route};
use crate::strings as s;

#[component]
pub fn CatatanPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let kind_filter = Memo::new(move |_| query.read().get("jenis").unwrap_or_default());
    let by_kind: BTreeMap<FindingKind, Vec<&'static Finding>> =
        findings().iter().fold(BTreeMap::new(), |mut m, f| {
            m.entry(f.kind).or_default().push(f);
            m
        });
    let total = findings().len();
    let kinds: Vec<(FindingKind, usize)> = by_kind.iter().map(|(k, v)| (*k, v.len())).collect();

    view! {
        <section class="page-head">
            <h1>{s::CATATAN_TITLE}</h1>
            <p class="lead">{s::CATATAN_INTRO}</p>
            <p><strong data-testid="findings-total">{total}</strong> " " {s::CATATAN_SUMMARY}</p>
            <div class="field catatan-filter">
                <label for="jenis-temuan">{s::CATATAN_FILTER_KIND}</label>
                <select id="jenis-temuan" prop:value=move || kind_filter.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        navigate(&Route::new("/catatan-sumber").param_if_set("jenis", &v).build(), Default::default());
                    }>
                    <option value="">{s::CATATAN_FILTER_ALL}</option>
                    {kinds.into_iter().map(|(k, n)| view! {
                        <option value=k.as_str() selected=move || kind_filter.get() == k.as_str()>{format!("{} ({n})", k.label())}</option>
                    }).collect_view()}
                </select>
            </div>
        </section>
        {move || {
            let filter = kind_filter.get();
            by_kind.iter()
                .filter(|(k, _)| filter.is_empty() || k.as_str() == filter)
                .map(|(kind, items)| view! { <FindingGroup kind=*kind items=items.clone()/> })
                .collect_view()
        }}
    }
}

#[component]
fn FindingGroup(kind: FindingKind, items: Vec<&'static Finding>) -> impl IntoView {
    view! {
        <section class="card finding-group" data-kind=kind.as_str()>
            <h2>{kind.label()} " " <span class="muted small">"(" {items.len()} ")"</span></h2>
            <ul class="findings">
                {items.into_iter().map(|f| {
                    let sop = f.sop_id.as_deref().and_then(|id| catalogue().sop(id));
                    let place = match (sop, f.step_no) {
                        (Some(sop), Some(no)) => view! {
                            <a href=href(&sop.steps.iter().position(|st| st.no == no).map_or_else(|| routes::sop_page(&sop.id), |i| routes::sop_step(sop, i))) rel="external">{sop.title.clone()} ", " {s::CATATAN_STEP} " " {no}</a>
                        }.into_any(),
                        (Some(sop), None) => view! { <a href=href(&routes::sop_page(&sop.id)) rel="external">{sop.title.clone()}</a> }.into_any(),
                        (None, _) => view! { <span>{s::CATATAN_ACROSS}</span> }.into_any(),
                    };
                    view! {
                        <li>
                            <p class="small">{place}</p>
                            <p>{f.message.clone()}</p>
                            {f.detail.clone().map(|d| view! { <p class="small muted">{d}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
