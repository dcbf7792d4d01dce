//! "Permohonan baru": the SOP, who applies, how to reach them, what about. Bad input gets a
//! message next to the form and nothing typed is lost.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use sop_domain::case::{CaseFields, MAX_APPLICANT_CHARS, MAX_CONTACT_CHARS, MAX_NOTES_CHARS, MAX_SUBJECT_CHARS};

use crate::catalogue_data::catalogue;
use crate::routes;
use crate::state::{use_case_store, Feedback};
use crate::strings as s;

#[component]
pub fn CaseNewForm(
    /// The SOP chosen before the form opened (`?baru=<sop-id>`).
    #[prop(into)]
    preselected: Signal<Option<String>>,
    /// Closes the form (and clears `?baru=`).
    #[prop(into)]
    on_close: Callback<()>,
    feedback: RwSignal<Option<Feedback>>,
) -> impl IntoView {
    let store = use_case_store();
    let navigate = use_navigate();
    let sop_id = RwSignal::new(preselected.get_untracked().filter(|id| catalogue().sop(id).is_some()).unwrap_or_default());
    Effect::new(move |_| {
        if let Some(id) = preselected.get().filter(|id| catalogue().sop(id).is_some()) {
            sop_id.set(id);
        }
    });
    let applicant = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(sop) = catalogue().sop(&sop_id.get_untracked()) else {
            error.set(Some(s::KASUS_NEW_SOP_REQUIRED.to_string()));
            return;
        };
        // The domain requires the applicant; the office also wants every case to say what it
        // is about, so the subject is required here.
        if subject.get_untracked().trim().is_empty() {
            error.set(Some(s::KASUS_NEW_SUBJECT_REQUIRED.to_string()));
            return;
        }
        let fields = CaseFields {
            applicant: applicant.get_untracked(),
            contact: contact.get_untracked(),
            subject: subject.get_untracked(),
            notes: notes.get_untracked(),
        };
        match store.create(sop, &fields) {
            Ok((id, fb)) => {
                error.set(None);
                feedback.set(Some(fb));
                navigate(&routes::case_page(&id), Default::default());
            }
            Err(fb) => error.set(Some(fb.text)),
        }
    };

    view! {
        <section class="card case-new" aria-labelledby="permohonan-baru-judul" data-testid="case-new">
            <h2 id="permohonan-baru-judul">{s::KASUS_NEW_TITLE}</h2>
            <form class="case-form" on:submit=submit novalidate>
                <div class="field case-form__wide">
                    <label for="baru-sop">{s::KASUS_NEW_SOP} " " <span class="case-form__req">{s::KASUS_REQUIRED_MARK}</span></label>
                    <select id="baru-sop" required prop:value=move || sop_id.get()
                        on:change=move |ev| sop_id.set(event_target_value(&ev))>
                        <option value="">{s::KASUS_NEW_SOP_CHOOSE}</option>
                        {catalogue().sops.iter().map(|sop| {
                            let id = sop.id.clone();
                            let selected_id = id.clone();
                            view! { <option value=id selected=move || sop_id.get() == selected_id>{sop.title.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="baru-pemohon">{s::KASUS_FIELD_APPLICANT} " " <span class="case-form__req">{s::KASUS_REQUIRED_MARK}</span></label>
                    <input id="baru-pemohon" type="text" required autocomplete="off" maxlength=MAX_APPLICANT_CHARS
                        prop:value=move || applicant.get() on:input=move |ev| applicant.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="baru-kontak">{s::KASUS_FIELD_CONTACT}</label>
                    <input id="baru-kontak" type="text" autocomplete="off" maxlength=MAX_CONTACT_CHARS
                        prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))/>
                </div>
                <div class="field case-form__wide">
                    <label for="baru-perihal">{s::KASUS_FIELD_SUBJECT} " " <span class="case-form__req">{s::KASUS_REQUIRED_MARK}</span></label>
                    <input id="baru-perihal" type="text" required autocomplete="off" maxlength=MAX_SUBJECT_CHARS
                        prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev))/>
                </div>
                <div class="field case-form__wide">
                    <label for="baru-keterangan">{s::KASUS_FIELD_NOTES}</label>
                    <textarea id="baru-keterangan" maxlength=MAX_NOTES_CHARS
                        prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </div>
                {move || error.get().map(|e| view! { <p class="notice notice--error case-form__wide" role="alert">{e}</p> })}
                <div class="actions case-form__wide">
                    <button type="submit" class="button">{s::KASUS_NEW_SUBMIT}</button>
                    <button type="button" class="button button--ghost" on:click=move |_| on_close.run(())>{s::KASUS_CLOSE_FORM}</button>
                </div>
                <p class="small muted case-form__wide">{s::KASUS_REQUIRED_NOTE}</p>
            </form>
        </section>
    }
}
