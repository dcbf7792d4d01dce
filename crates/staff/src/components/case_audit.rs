//! The case's history, newest first: when (WIB), who, and what happened, in words.

use leptos::prelude::*;
use sop_domain::case::Case;
use sop_domain::catalogue::Sop;

use crate::components::case_format::wib;
use crate::strings as s;

#[component]
pub fn CaseAudit(case: Memo<Case>, sop: &'static Sop) -> impl IntoView {
    let entries = move || {
        case.with(|c| {
            c.audit
                .iter()
                .rev()
                .map(|e| (wib(e.at_ms), e.actor.clone(), e.describe(sop)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card case-audit" aria-labelledby="riwayat-judul">
            <h2 id="riwayat-judul">{s::KASUS_AUDIT_TITLE}</h2>
            <p class="small muted">{s::KASUS_AUDIT_HELP}</p>
            <ol class="case-audit__list" reversed data-testid="audit">
                {move || entries().into_iter().map(|(at, actor, what)| view! {
                    <li class="case-audit__item">
                        <p class="case-audit__what">{what}</p>
                        <p class="case-audit__meta small muted">
                            <time>{at}</time> " · " <span>{actor}</span>
                        </p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
