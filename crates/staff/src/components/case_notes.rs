//! Dated notes on a step or on the whole case: the list, and the form to add one (allowed
//! even on a closed case, e.g. "surat sudah diambil pemohon").

use leptos::prelude::*;
use sop_domain::case::{Action, Note, MAX_NOTE_CHARS};

use crate::components::case_format::wib;
use crate::strings as s;

#[component]
pub fn CaseNoteList(#[prop(into)] notes: Signal<Vec<Note>>) -> impl IntoView {
    view! {
        <Show when=move || notes.with(|n| !n.is_empty())>
            <ul class="case-notes">
                {move || notes.get().into_iter().map(|n| view! {
                    <li class="case-notes__item">
                        <p class="case-notes__meta small muted">{wib(n.at_ms)} " · " {n.actor}</p>
                        <p class="case-notes__text case-prewrap">{n.text}</p>
                    </li>
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// "Tambah catatan": a disclosure with a text area. `dom_id` keeps the ids unique per step.
#[component]
pub fn CaseNoteForm(
    step: Option<usize>,
    dom_id: String,
    act: Callback<Action, bool>,
    #[prop(into)] can_act: Signal<bool>,
    #[prop(optional)] open: bool,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let field_id = format!("{dom_id}-teks");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if text.get_untracked().trim().is_empty() {
            error.set(Some(s::KASUS_NOTE_REQUIRED));
            return;
        }
        error.set(None);
        if act.run(Action::AddNote { step, text: text.get_untracked() }) {
            text.set(String::new());
        }
    };
    view! {
        <details class="case-note-form" open=open>
            <summary>{s::KASUS_NOTE_ADD}</summary>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for=field_id.clone()>{s::KASUS_NOTE_LABEL}</label>
                    <textarea id=field_id maxlength=MAX_NOTE_CHARS
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                {move || error.get().map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="button button--secondary" disabled=move || !can_act.get()>{s::KASUS_NOTE_SAVE}</button>
                </div>
            </form>
        </details>
    }
}
