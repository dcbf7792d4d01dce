//! The SOP's steps as this case went through them: who does each, its status, its working
//! time against the mutu baku, and for the current step the actions (Mulai / Jeda /
//! Lanjutkan / Selesai, or Ya / Tidak with where each leads), the kelengkapan checklist and a
//! live clock. Every time shown is derived from the stored timestamps and `now_ms`; the
//! one-second tick only redraws.

use leptos::prelude::*;
use sop_domain::case::{step_standard_minutes, Action, Case, StepStatus};
use sop_domain::catalogue::{Answer, DecisionTarget, Sop, Step};
use sop_domain::duration::format_minutes;

use crate::components::case_format::{
    checklist_items, clock_text, no_target_text, step_status_slug, step_time_text, wib,
    yes_target_text,
};
use crate::components::case_feedback::{InlineFeedback, PageFeedback};
use crate::components::case_notes::{CaseNoteForm, CaseNoteList};
use crate::state::FeedbackPlace;
use crate::strings as s;

/// The id of a step's heading on the case page (focused when the case moves to it).
pub fn step_heading_id(index: usize) -> String {
    format!("kasus-langkah-{index}")
}

#[component]
pub fn CaseSteps(
    case: Memo<Case>,
    sop: &'static Sop,
    #[prop(into)] now_ms: Signal<i64>,
    act: Callback<Action, bool>,
    /// False until the staff name is set (the audit trail needs it).
    #[prop(into)]
    can_act: Signal<bool>,
) -> impl IntoView {
    view! {
        <section class="case-steps" aria-labelledby="langkah-permohonan">
            <h2 id="langkah-permohonan">{s::KASUS_STEPS_TITLE}</h2>
            <ol class="case-steps__list">
                {sop.steps.iter().enumerate().map(|(index, step)| view! {
                    <CaseStepItem case=case sop=sop index=index step=step now_ms=now_ms act=act can_act=can_act/>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn CaseStepItem(
    case: Memo<Case>,
    sop: &'static Sop,
    index: usize,
    step: &'static Step,
    now_ms: Signal<i64>,
    act: Callback<Action, bool>,
    can_act: Signal<bool>,
) -> impl IntoView {
    let status = Memo::new(move |_| case.with(|c| c.steps.get(index).map_or(StepStatus::Pending, |r| r.status)));
    let is_current = Memo::new(move |_| case.with(|c| c.is_open() && c.current == Some(index)));
    let worked_on = Memo::new(move |_| case.with(|c| c.steps.get(index).is_some_and(|r| !r.intervals.is_empty())));
    let lane_class = format!("lane-chip lane-chip--{}", step.lane_index % 8);
    // Only a running step's time changes with the clock; the others are read once per change.
    let time = move || {
        let now = if status.get() == StepStatus::Running { now_ms.get() } else { now_ms.get_untracked() };
        case.with(|c| step_time_text(c, sop, index, now))
    };
    let standard = step_standard_minutes(sop, index)
        .map_or_else(|| s::KASUS_NO_STANDARD_SHORT.to_string(), |m| format!("{} {}", s::KASUS_STANDARD, format_minutes(m)));
    let notes = Signal::derive(move || case.with(|c| c.steps.get(index).map(|r| r.notes.clone()).unwrap_or_default()));
    let visits = move || case.with(|c| c.steps.get(index).map_or(0, |r| r.visits));
    let heading = format!("{} {}", s::KASUS_STEP, step.no);
    view! {
        <li class="case-step" class:case-step--current=move || is_current.get()
            data-step=index data-status=move || step_status_slug(status.get())>
            <div class="case-step__head">
                <h3 class="case-step__heading" id=step_heading_id(index) tabindex="-1">
                    <span class="step__no" aria-hidden="true">{step.no}</span>
                    <span class="visually-hidden">{heading}</span>
                </h3>
                <span class=lane_class>
                    <span class="visually-hidden">{s::KASUS_WHO} ": "</span>
                    {step.lane.clone()}
                </span>
                <span class=move || format!("case-step__status case-step__status--{}", step_status_slug(status.get()))
                    data-testid="step-status">
                    {move || status.get().label()}
                </span>
            </div>
            <p class="case-step__text">{step.text.clone()}</p>
            {move || if worked_on.get() {
                let (text, over) = time();
                view! {
                    <p class="case-step__time" class:case-step__time--over=over data-testid="step-time">
                        {over.then(|| view! { <span class="case-step__mark" aria-hidden="true">"⚠ "</span> })}
                        {text}
                    </p>
                }.into_any()
            } else {
                view! { <p class="case-step__time small muted">{standard.clone()}</p> }.into_any()
            }}
            {move || (visits() > 1).then(|| view! { <p class="small muted">{s::kasus_visits(visits())}</p> })}
            {move || match status.get() {
                StepStatus::Running | StepStatus::Paused if is_current.get() => Some(view! {
                    <RunningClock case=case index=index status=status now_ms=now_ms/>
                }),
                _ => None,
            }}
            {move || is_current.get().then(|| view! {
                <CaseStepActions sop=sop index=index step=step status=status act=act can_act=can_act/>
            })}
            // The message after an action on this step, under its buttons.
            {use_context::<PageFeedback>().map(|f| view! { <InlineFeedback feedback=f.0 at=FeedbackPlace::Step(index)/> })}
            {move || is_current.get().then(|| view! {
                <CaseChecklist case=case sop=sop index=index step=step act=act can_act=can_act/>
            })}
            {move || (!is_current.get()).then(|| step.decision.as_ref().map(|d| view! {
                <p class="case-step__decision small">
                    <strong>{s::KASUS_DECISION} ": "</strong>{d.question.clone()}
                    " (" {s::KASUS_YES} ": " {yes_target_text(step)} "; " {s::KASUS_NO} ": " {no_target_text(index, step)} ")"
                </p>
            })).flatten()}
            <CaseNoteList notes=notes/>
            <CaseNoteForm step=Some(index) dom_id=format!("catatan-langkah-{index}") act=act can_act=can_act/>
        </li>
    }
}

/// "Berjalan sejak 10.05 WIB · 00:04:09": the wall-clock time on this step over all its
/// visits, counted from the stored start times.
#[component]
fn RunningClock(case: Memo<Case>, index: usize, status: Memo<StepStatus>, now_ms: Signal<i64>) -> impl IntoView {
    let elapsed = move || case.with(|c| c.step_elapsed_ms(index, now_ms.get()));
    let since = move || {
        case.with(|c| c.steps.get(index).and_then(|r| r.open_interval().map(|i| i.start_ms)))
    };
    view! {
        <p class="case-step__clock" role="timer" aria-live="off">
            {move || match (status.get(), since()) {
                (StepStatus::Running, Some(start)) => format!("{} {} · ", s::KASUS_RUNNING_SINCE, wib(start)),
                _ => format!("{} · ", s::KASUS_PAUSED_TOTAL),
            }}
            <span class="mono" data-testid="step-clock" data-elapsed-ms=move || elapsed().to_string()>
                {move || clock_text(elapsed())}
            </span>
        </p>
    }
}

/// The current step's buttons. The timer button keeps its place (and the keyboard focus)
/// while its label changes from Mulai to Jeda to Lanjutkan.
#[component]
fn CaseStepActions(
    sop: &'static Sop,
    index: usize,
    step: &'static Step,
    status: Memo<StepStatus>,
    act: Callback<Action, bool>,
    can_act: Signal<bool>,
) -> impl IntoView {
    let timer_label = move || match status.get() {
        StepStatus::Pending => s::KASUS_START,
        StepStatus::Running => s::KASUS_PAUSE,
        _ => s::KASUS_RESUME,
    };
    let on_timer = move |_| {
        let action = match status.get_untracked() {
            StepStatus::Pending => Action::StartStep { step: index },
            StepStatus::Running => Action::PauseStep { step: index },
            StepStatus::Paused => Action::ResumeStep { step: index },
            _ => return,
        };
        act.run(action);
    };
    let started = move || matches!(status.get(), StepStatus::Running | StepStatus::Paused);
    let group_label = format!("{} {} {}", s::KASUS_ACTIONS_FOR, s::KASUS_STEP.to_lowercase(), step.no);
    let finish_label = if index + 1 < sop.steps.len() {
        format!("{} — {} {}", s::KASUS_FINISH, s::KASUS_GOES_TO, sop.steps[index + 1].no)
    } else {
        format!("{} — {}", s::KASUS_FINISH, s::KASUS_GOES_DONE)
    };
    view! {
        <div class="case-step__actions" role="group" aria-label=group_label>
            <button type="button" class="button" data-testid="timer-button"
                disabled=move || !can_act.get() on:click=on_timer>{timer_label}</button>
            {move || (started() && step.decision.is_none()).then(|| {
                let label = finish_label.clone();
                view! {
                    <button type="button" class="button button--secondary" data-testid="finish-button"
                        disabled=move || !can_act.get()
                        on:click=move |_| { act.run(Action::FinishStep { step: index }); }>{label}</button>
                }
            })}
            {move || (!started() && step.decision.is_none()).then(|| view! {
                <p class="small muted case-step__hint">{s::KASUS_START_FIRST}</p>
            })}
        </div>
        {step.decision.as_ref().map(|_| view! { <CaseDecision index=index step=step started=Signal::derive(started) act=act can_act=can_act/> })}
    }
}

/// A decision step: its question, and Ya / Tidak with where each leads, said before the
/// click. A "Tidak" that rejects the case asks once more.
#[component]
fn CaseDecision(
    index: usize,
    step: &'static Step,
    started: Signal<bool>,
    act: Callback<Action, bool>,
    can_act: Signal<bool>,
) -> impl IntoView {
    let Some(decision) = step.decision.as_ref() else { return ().into_any() };
    let rejects = matches!(decision.no, DecisionTarget::Rejected);
    let confirming = RwSignal::new(false);
    let yes_label = format!("{} — {}", s::KASUS_YES, yes_target_text(step).unwrap_or_default());
    let no_label = format!("{} — {}", s::KASUS_NO, no_target_text(index, step).unwrap_or_default());
    let decide = move |answer: Answer| {
        confirming.set(false);
        act.run(Action::Decide { step: index, answer });
    };
    view! {
        <div class="case-decision" role="group" aria-labelledby=format!("keputusan-{index}")>
            <p class="case-decision__question" id=format!("keputusan-{index}")>
                <strong>{s::KASUS_DECISION} ": "</strong>{decision.question.clone()}
            </p>
            <Show when=move || started.get()
                fallback=|| view! { <p class="small muted">{s::KASUS_DECIDE_AFTER_START}</p> }>
                <div class="actions">
                    <button type="button" class="button" data-testid="decide-yes"
                        disabled=move || !can_act.get() on:click=move |_| decide(Answer::Yes)>{yes_label.clone()}</button>
                    <button type="button" class="button button--secondary" class:case-button--danger-outline=rejects
                        data-testid="decide-no" disabled=move || !can_act.get()
                        on:click=move |_| if rejects { confirming.set(true) } else { decide(Answer::No) }>{no_label.clone()}</button>
                </div>
                <Show when=move || confirming.get()>
                    <div class="notice notice--warn case-decision__confirm" role="alert">
                        <p>{s::KASUS_REJECT_CONFIRM}</p>
                        <div class="actions">
                            <button type="button" class="button case-button--danger" data-testid="confirm-reject"
                                on:click=move |_| decide(Answer::No)>{s::KASUS_REJECT_YES}</button>
                            <button type="button" class="button button--secondary"
                                on:click=move |_| confirming.set(false)>{s::KASUS_CANCEL_KEEP}</button>
                        </div>
                    </div>
                </Show>
            </Show>
        </div>
    }
    .into_any()
}

/// The kelengkapan checklist of the current step; each tick is an action in the audit trail.
#[component]
fn CaseChecklist(
    case: Memo<Case>,
    sop: &'static Sop,
    index: usize,
    step: &'static Step,
    act: Callback<Action, bool>,
    can_act: Signal<bool>,
) -> impl IntoView {
    let items = checklist_items(sop, index);
    // The ticks are the step's kelengkapan; a first step that prints none checks the SOP's
    // requirements, and says so.
    let from_requirements = step.kelengkapan_items().is_empty();
    if items.is_empty() {
        return ().into_any();
    }
    let ticked = move |item: usize| case.with(|c| c.steps.get(index).is_some_and(|r| r.is_ticked(item)));
    let total = items.len();
    let done = move || (0..total).filter(|i| ticked(*i)).count();
    view! {
        <section class="case-checklist" aria-labelledby=format!("kelengkapan-{index}")>
            <h4 id=format!("kelengkapan-{index}") class="case-checklist__title">{s::KASUS_CHECKLIST_TITLE}</h4>
            {(from_requirements && total > 0).then(|| view! {
                <p class="small muted">{s::KASUS_CHECKLIST_FROM_REQUIREMENTS}</p>
            })}
            {(total > 0).then(|| view! {
                <ul class="checklist__items">
                    {items.iter().enumerate().map(|(item, label)| {
                        let id = format!("kelengkapan-{index}-{item}");
                        view! {
                            <li>
                                <input type="checkbox" id=id.clone() disabled=move || !can_act.get()
                                    prop:checked=move || ticked(item)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        act.run(Action::TickChecklist { step: index, item, ticked: on });
                                    }/>
                                <label for=id>{label.clone()}</label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="checklist__progress" role="status">{done} " / " {total} " " {s::KASUS_CHECKLIST_DONE}</p>
            })}
        </section>
    }
    .into_any()
}
