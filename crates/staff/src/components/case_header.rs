//! The top of the case page: number, SOP, applicant, status and dates, and the forms to edit
//! the case's data or cancel it (with a required reason).

use leptos::prelude::*;
use sop_domain::case::{Action, Case, CaseFields, MAX_APPLICANT_CHARS, MAX_CONTACT_CHARS, MAX_NOTES_CHARS, MAX_REASON_CHARS, MAX_SUBJECT_CHARS};
use sop_domain::catalogue::Sop;

use crate::catalogue_data::calendar;
use crate::components::case_format::{status_class, wib};
use crate::components::case_steps::step_heading_id;
use crate::platform::dom::focus_id;
use crate::routes::href;
use crate::routes;
use crate::strings as s;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Edit,
    Cancel,
}

#[component]
pub fn CaseHeader(
    case: Memo<Case>,
    sop: &'static Sop,
    #[prop(into)] unsaved: Signal<bool>,
    #[prop(into)] now_ms: Signal<i64>,
    /// Applies an action; true when it took effect (stored, or kept in memory).
    act: Callback<Action, bool>,
    /// Downloads this case's hand-over file.
    on_export: Callback<()>,
) -> impl IntoView {
    let panel = RwSignal::new(Panel::None);
    let field = move |get: fn(&Case) -> String| move || case.with(get);
    let current_step = move || {
        case.with(|c| {
            c.current.and_then(|i| sop.steps.get(i).map(|st| {
                let status = c.steps.get(i).map(|r| r.status.label()).unwrap_or_default();
                format!("{} {} ({}) · {}", s::KASUS_STEP, st.no, status.to_lowercase(), st.lane)
            }))
        })
    };
    let overdue = move || case.with(|c| c.case_overdue(sop, now_ms.get(), calendar()));
    view! {
        <header class="case-head">
            <p class="case-head__sop">
                <span class="muted">{s::KASUS_SOP} ": "</span>
                <a href=href(&routes::sop_page(&sop.id)) rel="external">{sop.title.clone()}</a>
            </p>
            <h1 class="case-head__number">
                <span class="visually-hidden">{s::KASUS_DETAIL_TITLE} " "</span>
                <span class="mono" data-testid="case-number">{field(|c| c.number.clone())}</span>
            </h1>
            <p class="case-head__badges">
                <span class=move || case.with(|c| status_class(c.status)) data-testid="case-status">{move || case.with(|c| c.status.label())}</span>
                {move || unsaved.get().then(|| view! { <span class="case-unsaved-badge" data-testid="unsaved-badge">{s::KASUS_UNSAVED_BADGE}</span> })}
                {move || overdue().then(|| view! { <span class="case-overdue">{s::KASUS_OVERDUE}</span> })}
            </p>
            <dl class="case-head__facts">
                <div><dt>{s::KASUS_FIELD_APPLICANT}</dt><dd data-testid="case-applicant">{field(|c| c.applicant.clone())}</dd></div>
                <div><dt>{s::KASUS_FIELD_CONTACT}</dt><dd>{move || case.with(|c| if c.contact.is_empty() { s::KASUS_DASH.to_string() } else { c.contact.clone() })}</dd></div>
                <div class="case-head__wide"><dt>{s::KASUS_FIELD_SUBJECT}</dt><dd>{move || case.with(|c| if c.subject.is_empty() { s::KASUS_DASH.to_string() } else { c.subject.clone() })}</dd></div>
                {move || case.with(|c| (!c.notes.is_empty()).then(|| view! {
                    <div class="case-head__wide"><dt>{s::KASUS_FIELD_NOTES}</dt><dd class="case-prewrap">{c.notes.clone()}</dd></div>
                }))}
                <div><dt>{s::KASUS_CREATED}</dt><dd>{move || case.with(|c| wib(c.created_ms))}</dd></div>
                <div><dt>{s::KASUS_LAST_ACTIVITY}</dt><dd>{move || case.with(|c| wib(c.updated_ms))}</dd></div>
                {move || current_step().map(|t| view! {
                    <div class="case-head__wide">
                        <dt>{s::KASUS_CURRENT_STEP}</dt>
                        <dd class="case-head__current">
                            <span>{t}</span>
                            // On a phone the current step can be several screens down.
                            <button type="button" class="button button--ghost case-head__jump"
                                on:click=move |_| if let Some(i) = case.with_untracked(|c| c.current) { focus_id(&step_heading_id(i)) }>
                                {s::KASUS_JUMP_TO_STEP}
                            </button>
                        </dd>
                    </div>
                })}
                {move || case.with(|c| c.cancel_reason.clone()).map(|r| view! {
                    <div class="case-head__wide"><dt>{s::KASUS_CANCEL_REASON}</dt><dd>{r}</dd></div>
                })}
            </dl>
            <div class="actions">
                {move || case.with(Case::is_open).then(|| view! {
                    <button type="button" class="button button--secondary" aria-expanded=move || (panel.get() == Panel::Edit).to_string()
                        on:click=move |_| panel.update(|p| *p = if *p == Panel::Edit { Panel::None } else { Panel::Edit })>{s::KASUS_EDIT}</button>
                    <button type="button" class="button button--secondary" aria-expanded=move || (panel.get() == Panel::Cancel).to_string()
                        on:click=move |_| panel.update(|p| *p = if *p == Panel::Cancel { Panel::None } else { Panel::Cancel })>{s::KASUS_CANCEL_CASE}</button>
                })}
                <button type="button" class="button button--secondary" data-testid="export-case"
                    on:click=move |_| on_export.run(())>{s::KASUS_EXPORT_CASE}</button>
            </div>
            {move || match panel.get() {
                Panel::Edit if case.with(Case::is_open) => Some(view! {
                    <CaseEditForm case=case act=act on_done=Callback::new(move |()| panel.set(Panel::None))/>
                }.into_any()),
                Panel::Cancel if case.with(Case::is_open) => Some(view! {
                    <CaseCancelForm act=act on_done=Callback::new(move |()| panel.set(Panel::None))/>
                }.into_any()),
                _ => None,
            }}
        </header>
    }
}

#[component]
fn CaseEditForm(case: Memo<Case>, act: Callback<Action, bool>, on_done: Callback<()>) -> impl IntoView {
    let initial = case.get_untracked();
    let applicant = RwSignal::new(initial.applicant);
    let contact = RwSignal::new(initial.contact);
    let subject = RwSignal::new(initial.subject);
    let notes = RwSignal::new(initial.notes);
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if subject.get_untracked().trim().is_empty() {
            error.set(Some(s::KASUS_NEW_SUBJECT_REQUIRED));
            return;
        }
        error.set(None);
        let fields = CaseFields {
            applicant: applicant.get_untracked(),
            contact: contact.get_untracked(),
            subject: subject.get_untracked(),
            notes: notes.get_untracked(),
        };
        if act.run(Action::Edit(fields)) {
            on_done.run(());
        }
    };
    view! {
        <form class="card case-form case-panel" on:submit=submit novalidate aria-labelledby="ubah-judul">
            <h2 id="ubah-judul" class="case-form__wide">{s::KASUS_EDIT_TITLE}</h2>
            <div class="field">
                <label for="ubah-pemohon">{s::KASUS_FIELD_APPLICANT} " " <span class="case-form__req">{s::KASUS_REQUIRED_MARK}</span></label>
                <input id="ubah-pemohon" type="text" required maxlength=MAX_APPLICANT_CHARS
                    prop:value=move || applicant.get() on:input=move |ev| applicant.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="ubah-kontak">{s::KASUS_FIELD_CONTACT}</label>
                <input id="ubah-kontak" type="text" maxlength=MAX_CONTACT_CHARS
                    prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))/>
            </div>
            <div class="field case-form__wide">
                <label for="ubah-perihal">{s::KASUS_FIELD_SUBJECT} " " <span class="case-form__req">{s::KASUS_REQUIRED_MARK}</span></label>
                <input id="ubah-perihal" type="text" required maxlength=MAX_SUBJECT_CHARS
                    prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev))/>
            </div>
            <div class="field case-form__wide">
                <label for="ubah-keterangan">{s::KASUS_FIELD_NOTES}</label>
                <textarea id="ubah-keterangan" maxlength=MAX_NOTES_CHARS
                    prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </div>
            {move || error.get().map(|e| view! { <p class="notice notice--error case-form__wide" role="alert">{e}</p> })}
            <div class="actions case-form__wide">
                <button type="submit" class="button">{s::KASUS_SAVE_CHANGES}</button>
                <button type="button" class="button button--ghost" on:click=move |_| on_done.run(())>{s::KASUS_CLOSE_FORM}</button>
            </div>
        </form>
    }
}

#[component]
fn CaseCancelForm(act: Callback<Action, bool>, on_done: Callback<()>) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if reason.get_untracked().trim().is_empty() {
            error.set(Some(s::KASUS_CANCEL_REASON_REQUIRED));
            return;
        }
        error.set(None);
        if act.run(Action::Cancel { reason: reason.get_untracked() }) {
            on_done.run(());
        }
    };
    view! {
        <form class="card case-panel case-panel--danger" on:submit=submit novalidate aria-labelledby="batal-judul">
            <h2 id="batal-judul">{s::KASUS_CANCEL_TITLE}</h2>
            <p class="small">{s::KASUS_CANCEL_HELP}</p>
            <div class="field">
                <label for="alasan-batal">{s::KASUS_CANCEL_REASON} " " <span class="case-form__req">{s::KASUS_REQUIRED_MARK}</span></label>
                <textarea id="alasan-batal" required maxlength=MAX_REASON_CHARS
                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            </div>
            {move || error.get().map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="button case-button--danger">{s::KASUS_CANCEL_CONFIRM}</button>
                <button type="button" class="button button--ghost" on:click=move |_| on_done.run(())>{s::KASUS_CANCEL_KEEP}</button>
            </div>
        </form>
    }
}
