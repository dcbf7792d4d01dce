//! Dasar hukum, keterkaitan, peringatan, kualifikasi, peralatan, pencatatan — and the source
//! notes (corrections and findings) the office should review.

use leptos::prelude::*;
use sop_domain::catalogue::Sop;
use sop_domain::findings::FindingKind;

use crate::catalogue_data::{catalogue, findings_for};
use crate::routes::{self, href};
use crate::strings as s;

fn list(items: &[sop_domain::catalogue::Text]) -> AnyView {
    if items.is_empty() {
        view! { <p class="muted">{s::SOP_EMPTY}</p> }.into_any()
    } else {
        view! { <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> }.into_any()
    }
}

#[component]
pub fn Info(sop: &'static Sop) -> impl IntoView {
    let related = if sop.related.is_empty() {
        view! { <p class="muted">{s::SOP_EMPTY}</p> }.into_any()
    } else {
        view! {
            <ul>
                {sop.related.iter().map(|r| match r.sop_id.as_deref().and_then(|id| catalogue().sop(id)) {
                    Some(other) => view! {
                        <li><a href=href(&routes::sop_page(&other.id))>{other.title.clone()}</a></li>
                    }.into_any(),
                    None => view! { <li>{r.text.clone()}</li> }.into_any(),
                }).collect_view()}
            </ul>
        }.into_any()
    };
    view! {
        <section class="info" aria-labelledby="informasi-sop">
            <h2 id="informasi-sop">{s::SOP_INFO_TITLE}</h2>
            <div class="info__grid">
                <section class="card"><h3>{s::SOP_LEGAL}</h3>{list(&sop.legal_basis)}</section>
                <section class="card"><h3>{s::SOP_RELATED}</h3>{related}</section>
                <section class="card"><h3>{s::SOP_WARNING}</h3>{
                    if sop.warning.is_empty() { view! { <p class="muted">{s::SOP_EMPTY}</p> }.into_any() }
                    else { view! { <p>{sop.warning.clone()}</p> }.into_any() }
                }</section>
                <section class="card"><h3>{s::SOP_LANES}</h3>{list(&sop.lanes)}</section>
                <section class="card"><h3>{s::SOP_QUALIFICATIONS}</h3>{list(&sop.qualifications)}</section>
                <section class="card"><h3>{s::SOP_EQUIPMENT}</h3>{list(&sop.equipment)}</section>
                <section class="card"><h3>{s::SOP_RECORDS}</h3>{list(&sop.records)}</section>
            </div>
        </section>
    }
}

#[component]
pub fn SourceNotes(sop: &'static Sop) -> impl IntoView {
    let findings: Vec<_> = findings_for(&sop.id)
        .filter(|f| f.kind != FindingKind::Correction)
        .collect();
    let count = sop.corrections.len() + findings.len();
    view! {
        <details class="source-notes card" id="catatan-sumber">
            <summary><h2>{s::SOP_SOURCE_TITLE} " (" {count} ")"</h2></summary>
            <p class="small muted">{s::SOP_SOURCE_INTRO}</p>
            {if sop.corrections.is_empty() {
                view! { <p class="muted">{s::SOP_SOURCE_NONE}</p> }.into_any()
            } else {
                view! {
                    <ul class="corrections">
                        {sop.corrections.iter().map(|c| view! {
                            <li class="correction">
                                <p class="correction__place"><span class="muted">{s::SOP_SOURCE_WHERE} ": "</span><strong>{c.where_.clone()}</strong></p>
                                <p><span class="muted">{s::SOP_SOURCE_PRINTED} ": "</span>
                                    <q>{if c.printed.is_empty() { s::SOP_NOT_PRINTED.into() } else { c.printed.clone() }}</q></p>
                                <p><span class="muted">{s::SOP_SOURCE_CORRECTED} ": "</span><q>{c.corrected.clone()}</q></p>
                                <p class="small"><span class="muted">{s::SOP_SOURCE_WHY} ": "</span>{c.why.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!findings.is_empty()).then(|| view! {
                <h3>{s::SOP_SOURCE_FINDINGS}</h3>
                <ul class="findings">
                    {findings.into_iter().map(|f| view! {
                        <li><strong>{f.kind.label()}</strong>": " {f.message.clone()}
                            {f.detail.clone().map(|d| view! { <br/><span class="small muted">{d}</span> })}</li>
                    }).collect_view()}
                </ul>
            })}
        </details>
    }
}
