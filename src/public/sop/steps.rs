//! The steps in order: who, what, kelengkapan, waktu, output — readable on a phone.

use leptos::prelude::*;
use sop_domain::catalogue::{DecisionTarget, Sop, Step};

use crate::routes::{href, sop_step, step_anchor};
use crate::strings as s;

#[component]
pub fn Steps(sop: &'static Sop) -> impl IntoView {
    view! {
        <section class="steps" aria-labelledby="langkah-langkah">
            <h2 id="langkah-langkah">
                {s::SOP_STEPS_TITLE} " "
                <span class="muted small">"(" {sop.steps.len()} " " {s::SOP_STEPS_COUNT} ")"</span>
            </h2>
            {sop.steps.iter().any(|st| st.lane_inferred).then(|| view! {
                <p class="small muted">{s::SOP_STEPS_INFERRED_NOTE}</p>
            })}
            <ol class="steps__list">
                {sop.steps.iter().enumerate().map(|(i, step)| view! { <StepItem sop=sop index=i step=step/> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn StepItem(sop: &'static Sop, index: usize, step: &'static Step) -> impl IntoView {
    let anchor = step_anchor(sop, index);
    let link = href(&sop_step(sop, index));
    let lane_class = format!("lane-chip lane-chip--{}", step.lane_index % 8);
    let field = |label: &'static str, value: &str| {
        (!value.trim().is_empty()).then(|| view! { <div><dt>{label}</dt><dd>{value.to_string()}</dd></div> })
    };
    view! {
        <li class="step" id=anchor.clone() data-step=index>
            <div class="step__head">
                // The number is read as "Langkah 4", not "4" (a plain span may not carry an
                // aria-label).
                <span class="step__no"><span class="visually-hidden">{s::SOP_STEP} " "</span>{step.no}</span>
                <span class=lane_class title=step.lane_inferred.then_some(s::SOP_STEP_WHO_INFERRED)>
                    <span class="visually-hidden">{s::SOP_STEP_WHO} ": "</span>
                    {step.lane.clone()}
                    {step.lane_inferred.then(|| view! { <span aria-hidden="true">" *"</span> })}
                </span>
                <a class="step__link" href=link aria-label=format!("{} {}", s::SOP_STEP_LINK, step.no)>"#"</a>
            </div>
            <p class="step__text">{step.text.clone()}</p>
            <dl class="step__facts">
                {field(s::SOP_STEP_INPUTS, &step.inputs)}
                <div><dt>{s::SOP_STEP_TIME}</dt><dd>{step.duration_parsed.describe()}</dd></div>
                {field(s::SOP_STEP_OUTPUT, &step.output)}
                {field(s::SOP_STEP_NOTE, &step.note)}
            </dl>
            {step.decision.as_ref().map(|d| {
                let yes = format!("{}: {} {}", s::SOP_DECISION_YES, s::SOP_DECISION_TO_STEP, d.yes.no);
                let no = match d.no {
                    DecisionTarget::Rejected => format!("{}: {}", s::SOP_DECISION_NO, s::SOP_DECISION_REJECTED),
                    DecisionTarget::Step(r) if r.index <= index => {
                        format!("{}: {} {}", s::SOP_DECISION_NO, s::SOP_DECISION_BACK_TO_STEP, r.no)
                    }
                    DecisionTarget::Step(r) => format!("{}: {} {}", s::SOP_DECISION_NO, s::SOP_DECISION_TO_STEP, r.no),
                };
                view! {
                    <div class="step__decision">
                        <p><strong>{s::SOP_DECISION} ": "</strong>{d.question.clone()}</p>
                        <ul><li>{yes}</li><li>{no}</li></ul>
                    </div>
                }
            })}
        </li>
    }
}
