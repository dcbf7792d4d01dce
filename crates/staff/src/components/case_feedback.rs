//! The message after an action: saved, merged with another tab's change, refused, or not
//! stored. It floats at the bottom of the screen, so that it is seen wherever the action was
//! (a step far down the page, the file tools at the end of the list). Errors are announced at
//! once (role="alert") and stay until closed; "Tersimpan." fades after a few seconds.

use std::time::Duration;

use leptos::prelude::*;

use crate::state::{Feedback, FeedbackKind};
use crate::strings as s;

const OK_VISIBLE: Duration = Duration::from_secs(5);

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
    view! {
        <div class="case-feedback" aria-live="polite" data-testid="case-feedback" data-seq=move || seq.get().to_string()>
            {move || feedback.get().map(|f| {
                let (class, role) = match f.kind {
                    FeedbackKind::Ok => ("notice notice--ok case-feedback__msg", "status"),
                    FeedbackKind::Warn => ("notice notice--warn case-feedback__msg", "status"),
                    FeedbackKind::Error => ("notice notice--error case-feedback__msg", "alert"),
                };
                view! {
                    <div class=class>
                        <p role=role>{f.text}</p>
                        <button type="button" class="case-feedback__close" aria-label=s::KASUS_CLOSE_MESSAGE
                            on:click=move |_| feedback.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}
