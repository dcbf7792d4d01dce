//! `/kasus/:id`: one case worked through its SOP — header and data, the steps with their
//! timers and decisions, notes, the diagram with the case's progress, and the audit trail.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use sop_domain::case::{Action, Case, StepStatus};
use sop_domain::catalogue::Sop;

use crate::catalogue_data::{calendar, catalogue};
use crate::components::case_audit::CaseAudit;
use crate::components::case_banners::QuarantinedItem;
use crate::components::case_feedback::{CaseFeedback, InlineFeedback, PageFeedback};
use crate::components::case_header::CaseHeader;
use crate::components::case_notes::{CaseNoteForm, CaseNoteList};
use crate::components::case_staff::CaseStaffName;
use crate::components::case_steps::{step_heading_id, CaseSteps};
use crate::components::case_unsaved::CaseUnsavedBanner;
use layanan_sop::views::diagram::{DiagramFigure, DiagramSvg, StepMark, Variant};
use crate::platform::dom::focus_id;
use crate::routes::href;
use crate::platform::{clock, files};
use crate::routes;
use crate::state::{use_case_store, Feedback, FeedbackPlace, OpenCase, QuarantinedEntry};
use crate::strings as s;

/// What the page can show for the id in the address.
#[derive(Clone, Debug, PartialEq)]
enum PageKind {
    Loading,
    Ready,
    Unreadable(QuarantinedEntry),
    Missing,
}

#[component]
pub fn KasusPage() -> impl IntoView {
    let store = use_case_store();
    store.ensure_loaded();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    store.open(&id.get_untracked());
    Effect::new(move |prev: Option<String>| {
        let current = id.get();
        if prev.as_ref().is_some_and(|p| *p != current) {
            store.open(&current);
        }
        current
    });
    let kind = Memo::new(move |_| match store.opened(&id.get()) {
        None => PageKind::Loading,
        Some(OpenCase::Ready(_)) => PageKind::Ready,
        Some(OpenCase::Unreadable(q)) => PageKind::Unreadable(q),
        Some(OpenCase::Missing) => PageKind::Missing,
    });
    // The view is built once per case and kind: later changes flow through signals, so the
    // keyboard focus and half-typed forms survive every action.
    move || {
        let id = id.get();
        match kind.get() {
            PageKind::Loading => view! { <p class="muted">{s::KASUS_LOADING}</p> }.into_any(),
            PageKind::Ready => match store.opened_untracked(&id) {
                Some(OpenCase::Ready(slot)) => match catalogue().sop(&slot.case.sop_id) {
                    Some(sop) => view! { <CaseView id=id initial=slot.case sop=sop/> }.into_any(),
                    None => view! { <p class="notice notice--error">{s::KASUS_UNKNOWN_SOP}</p> }.into_any(),
                },
                _ => ().into_any(),
            },
            PageKind::Unreadable(entry) => view! { <UnreadableCase entry=entry/> }.into_any(),
            PageKind::Missing => view! { <MissingCase id=id/> }.into_any(),
        }
    }
}

#[component]
fn CaseView(id: String, initial: Case, sop: &'static Sop) -> impl IntoView {
    let store = use_case_store();
    let navigate = use_navigate();
    let slot = {
        let id = id.clone();
        Memo::new(move |_| match store.opened(&id) {
            Some(OpenCase::Ready(slot)) => Some(slot),
            _ => None,
        })
    };
    let case = Memo::new(move |prev: Option<&Case>| {
        slot.with(|s| s.as_ref().map(|s| s.case.clone()))
            .or_else(|| prev.cloned())
            .unwrap_or_else(|| initial.clone())
    });
    let unsaved = Signal::derive(move || slot.with(|s| s.as_ref().and_then(|s| s.unsaved.clone())));

    // The display tick: only redraws. Every time shown is computed from stored timestamps.
    let now = RwSignal::new(clock::now_ms());
    let tick = set_interval_with_handle(move || now.set(clock::now_ms()), Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });

    let feedback = RwSignal::new(None::<Feedback>);
    // The step cards and the notes show the messages that belong next to them.
    provide_context(PageFeedback(feedback));
    let can_act = Signal::derive(move || store.has_staff_name() && !store.newer_data.get());

    let act = {
        let id = id.clone();
        Callback::new(move |action: Action| -> bool {
            let before = case.with_untracked(|c| c.current);
            let place = place_of(&action);
            let (fb, applied) = store.apply(&id, action);
            feedback.set(Some(fb.at(place)));
            let after = case.with_untracked(|c| c.current);
            // The buttons of a finished step disappear: take the focus to the next step (or
            // to the message when the case closed) instead of losing it.
            if after != before {
                let target = after.map_or_else(|| "kasus-pesan".to_string(), step_heading_id);
                request_animation_frame(move || focus_id(&target));
            }
            applied
        })
    };
    let export = {
        let id = id.clone();
        Callback::new(move |()| {
            let fb = match store.case_file(&id) {
                Some((name, content)) if files::download(&name, files::MIME_JSON, &content) => {
                    Feedback::ok(s::kasus_exported(&name))
                }
                _ => Feedback::error(s::KASUS_DOWNLOAD_FAILED),
            };
            feedback.set(Some(fb));
        })
    };
    let retry = {
        let id = id.clone();
        Callback::new(move |()| {
            let (fb, new_id) = store.retry(&id);
            feedback.set(Some(fb));
            if let Some(new_id) = new_id {
                navigate(&routes::case_page(&new_id), Default::default());
            }
        })
    };
    let marks = Memo::new(move |_| step_marks(&case.get(), sop, now.get()));
    let case_notes = Signal::derive(move || case.with(|c| c.case_notes.clone()));

    view! {
        <article class="case">
            <nav class="breadcrumb" aria-label=s::SOP_BREADCRUMB>
                <A href=href("/kasus")>{s::KASUS_TITLE}</A>
                <span aria-hidden="true">" › "</span>
                <span>{move || case.with(|c| c.number.clone())}</span>
            </nav>
            <CaseHeader case=case sop=sop unsaved=Signal::derive(move || unsaved.with(Option::is_some))
                now_ms=now act=act on_export=export/>
            <div id="kasus-pesan" tabindex="-1">
                <CaseUnsavedBanner unsaved=unsaved on_retry=retry on_export=export feedback=feedback/>
                <CaseFeedback feedback=feedback/>
            </div>
            <Show when=move || !store.has_staff_name()>
                <CaseStaffName compact=true/>
            </Show>
            <div class="case-layout">
                <div class="case-layout__main">
                    <CaseSteps case=case sop=sop now_ms=now act=act can_act=can_act/>
                    <section class="card case-notes-section" aria-labelledby="catatan-permohonan">
                        <h2 id="catatan-permohonan">{s::KASUS_CASE_NOTES_TITLE}</h2>
                        <CaseNoteList notes=case_notes/>
                        <CaseNoteForm step=None dom_id="catatan-permohonan-form".to_string() act=act can_act=can_act/>
                        <InlineFeedback feedback=feedback at=FeedbackPlace::Notes/>
                    </section>
                </div>
                <div class="case-layout__side">
                    <details class="card case-diagram" open>
                        <summary><h2 class="case-diagram__title">{s::KASUS_DIAGRAM_TITLE}</h2></summary>
                        <DiagramFigure sop=sop on_open=Callback::new(move |i: usize| focus_id(&step_heading_id(i)))>
                            <DiagramSvg sop=sop variant=Variant::Swimlane marks=Signal::derive(move || marks.get())/>
                            <DiagramSvg sop=sop variant=Variant::Compact marks=Signal::derive(move || marks.get())/>
                        </DiagramFigure>
                    </details>
                    <CaseAudit case=case sop=sop/>
                    <Show when=move || store.has_staff_name()>
                        <CaseStaffName compact=true/>
                    </Show>
                </div>
            </div>
        </article>
    }
}

/// Where the message after `action` shows: next to the control that caused it.
fn place_of(action: &Action) -> FeedbackPlace {
    match *action {
        Action::StartStep { step }
        | Action::PauseStep { step }
        | Action::ResumeStep { step }
        | Action::FinishStep { step }
        | Action::Decide { step, .. }
        | Action::TickChecklist { step, .. }
        | Action::AddNote { step: Some(step), .. } => FeedbackPlace::Step(step),
        Action::AddNote { step: None, .. } => FeedbackPlace::Notes,
        Action::Cancel { .. } | Action::Edit(_) => FeedbackPlace::Top,
    }
}

/// The diagram's mark of each step: done, skipped, current, or over its mutu baku.
fn step_marks(case: &Case, sop: &Sop, now_ms: i64) -> Vec<StepMark> {
    (0..sop.steps.len())
        .map(|i| {
            let status = case.steps.get(i).map_or(StepStatus::Pending, |r| r.status);
            let current = case.is_open() && case.current == Some(i);
            if case.step_overdue(sop, i, now_ms, calendar()) {
                StepMark::Overdue
            } else if current {
                StepMark::Current
            } else {
                match status {
                    StepStatus::Done => StepMark::Done,
                    StepStatus::Skipped => StepMark::Skipped,
                    _ => StepMark::Pending,
                }
            }
        })
        .collect()
}

#[component]
fn UnreadableCase(entry: QuarantinedEntry) -> impl IntoView {
    view! {
        <section class="page-head">
            <h1>{s::KASUS_UNREADABLE_TITLE}</h1>
            <p class="lead">{s::KASUS_UNREADABLE_HELP}</p>
        </section>
        <ul class="case-quarantine notice notice--error">
            <QuarantinedItem entry=entry/>
        </ul>
        <p><A href=href("/kasus")>{s::KASUS_BACK_TO_LIST}</A></p>
    }
}

#[component]
fn MissingCase(id: String) -> impl IntoView {
    view! {
        <section class="page-head">
            <h1>{s::KASUS_MISSING_TITLE}</h1>
            <p class="lead">{s::kasus_missing(&id)}</p>
        </section>
        <p><A href=href("/kasus")>{s::KASUS_BACK_TO_LIST}</A></p>
    }
}
