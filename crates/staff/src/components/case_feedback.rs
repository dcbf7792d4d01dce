//! The message after an action: saved, merged with another tab's change, refused, or not
//! stored. It is shown in the page's flow next to the control that caused it (a step's card,
//! the notes, the file tools, or under the page's head), so it never covers a button the
//! user needs next. One live region under the page's head announces every message, wherever
//! it is shown. Errors stay until closed; "Tersimpan." fades after a few seconds.

use std::time::Duration;

use leptos::prelude::*;

use crate::state::{Feedback, FeedbackKind, FeedbackPlace};
use crate::strings as s;

const OK_VISIBLE: Duration = Duration::from_secs(5);

fn class_and_role(kind: FeedbackKind) -> (&'static str, &'static str) {
    match kind {
        FeedbackKind::Ok => ("notice notice--ok case-feedback__msg", "status"),
        FeedbackKind::Warn => ("notice notice--warn case-feedback__msg", "status"),
        FeedbackKind::Error => ("notice notice--error case-feedback__msg", "alert"),
    }
}

fn message(feedback: RwSignal<Option<Feedback>>, f: Feedback) -> impl IntoView {
    let (class, role) = class_and_role(f.kind);
    view! {
        <div class=class>
            <div class="case-feedback__text">
                <p role=role>{f.text}</p>
                {f.detail.map(|d| view! {
                    <details class="small case-feedback__detail">
                        <summary>{s::KASUS_TECHNICAL_DETAIL}</summary>
                        <p class="mono">{d}</p>
                    </details>
                })}
            </div>
            <button type="button" class="case-feedback__close" aria-label=s::KASUS_CLOSE_MESSAGE
                on:click=move |_| feedback.set(None)>"×"</button>
        </div>
    }
}

/// The live region, under the page's head. A message placed elsewhere is only announced
/// here (visually hidden); [`InlineFeedback`] shows it where it belongs.
#[component]
pub fn CaseFeedback(feedback: RwSignal<Option<Feedback>>) -> impl IntoView {
    // Counts the messages, so that a repeated message is still a new one (tests watch it).
    let seq = RwSignal::new(0u32);
    Effect::new(move |_| {
        let ok = feedback.with(|f| f.as_ref().is_some_and(|f| f.kind == FeedbackKind::Ok));
        let n = seq.get_untracked() + 1;
        seq.set(n);
        if ok {
            set_timeout(
                move || {
                    // Only the message that started this timer is hidden, and only while the
                    // page that showed it is still there.
                    if seq.try_get_untracked() == Some(n) {
                        feedback.try_set(None);
                    }
                },
                OK_VISIBLE,
            );
        }
    });
    let elsewhere = move || feedback.with(|f| f.as_ref().is_some_and(|f| f.place != FeedbackPlace::Top));
    view! {
        <div class="case-feedback" class:visually-hidden=elsewhere aria-live="polite"
            data-testid="case-feedback" data-seq=move || seq.get().to_string()>
            {move || feedback.get().map(|f| {
                if f.place == FeedbackPlace::Top {
                    message(feedback, f).into_any()
                } else {
                    // Announced here (no button: nothing to reach in a hidden region), shown
                    // next to its control.
                    let (class, role) = class_and_role(f.kind);
                    view! { <div class=class><p role=role>{f.text}</p></div> }.into_any()
                }
            })}
        </div>
    }
}

/// Shows the page's message when it belongs at `at` (announced by [`CaseFeedback`]).
#[component]
pub fn InlineFeedback(feedback: RwSignal<Option<Feedback>>, at: FeedbackPlace) -> impl IntoView {
    view! {
        {move || feedback.get().filter(|f| f.place == at && at != FeedbackPlace::Top).map(|f| view! {
            <div class="case-feedback case-feedback--inline" data-testid="case-feedback-inline" aria-hidden="true">
                {message(feedback, f)}
            </div>
        })}
    }
}

/// The page's message, for the parts of a page that show the messages belonging next to them
/// (the case page provides it for its step cards).
#[derive(Clone, Copy)]
pub struct PageFeedback(pub RwSignal<Option<Feedback>>);
