//! The rows of the case list: number, applicant, subject, SOP, status, current step, last
//! activity, and "melewati waktu baku". Only the first rows are drawn; "Tampilkan lebih
//! banyak" adds more, so 10,000 cases cost no more than a hundred rows.

use leptos::prelude::*;
use leptos_router::components::A;
use sop_domain::store::CaseSummary;

use crate::catalogue_data::catalogue;
use crate::components::case_format::{status_class, wib};
use crate::routes::href;
use crate::routes;
use crate::strings as s;

/// Rows drawn at first and added per "Tampilkan lebih banyak".
pub const PAGE_ROWS: usize = 100;

#[component]
pub fn CaseListRows(
    /// The rows to draw (already cut to `shown`).
    #[prop(into)]
    rows: Signal<Vec<CaseSummary>>,
    /// How many cases match in total.
    #[prop(into)]
    total: Signal<usize>,
    shown: RwSignal<usize>,
    #[prop(into)] now_ms: Signal<i64>,
) -> impl IntoView {
    view! {
        <ol class="case-list" data-testid="case-list">
            <For each=move || rows.get() key=|r| (r.id.clone(), r.revision) let:row>
                <CaseRow row=row now_ms=now_ms/>
            </For>
        </ol>
        <Show when=move || { total.get() > rows.with(Vec::len) }>
            <div class="case-list__more">
                <p class="small muted">{move || s::kasus_showing(rows.with(Vec::len), total.get())}</p>
                <button type="button" class="button button--secondary" data-testid="show-more"
                    on:click=move |_| shown.update(|n| *n += PAGE_ROWS)>{s::KASUS_SHOW_MORE}</button>
            </div>
        </Show>
    }
}

#[component]
fn CaseRow(row: CaseSummary, #[prop(into)] now_ms: Signal<i64>) -> impl IntoView {
    let sop = catalogue().sop(&row.sop_id);
    let sop_title = sop.map_or_else(|| row.sop_id.clone(), |s| s.title.to_string());
    let step = row
        .current
        .and_then(|i| sop.and_then(|sop| sop.steps.get(i).map(|st| s::kasus_step_of(st.no, sop.steps.len()))));
    let overdue_row = row.clone();
    let overdue = move || overdue_row.is_overdue(now_ms.get());
    let closed = !row.is_open();
    let store = crate::state::use_case_store();
    let row_id = row.id.clone();
    // A change of this case kept only in memory (the list shows the stored state).
    let unsaved = move || store.unsaved_cases().iter().any(|(id, _)| *id == row_id);
    view! {
        <li class="case-row" class:case-row--closed=closed data-case=row.id.clone()>
            <div class="case-row__head">
                <A href=href(&routes::case_page(&row.id)) attr:class="case-row__number mono">{row.number.clone()}</A>
                <span class=status_class(row.status)>{row.status.label()}</span>
                {move || overdue().then(|| view! { <span class="case-overdue">{s::KASUS_OVERDUE}</span> })}
                {move || unsaved().then(|| view! { <span class="case-unsaved-badge" data-testid="unsaved-badge">{s::KASUS_UNSAVED_BADGE}</span> })}
            </div>
            <p class="case-row__who">{row.applicant.clone()}</p>
            {(!row.subject.is_empty()).then(|| view! { <p class="case-row__subject">{row.subject.clone()}</p> })}
            <p class="case-row__meta small muted">
                <span>{sop_title}</span>
                {step.map(|t| view! { <span>{t}</span> })}
                <span>{s::KASUS_LAST_ACTIVITY} " " {wib(row.updated_ms)}</span>
            </p>
        </li>
    }
}
