//! "Nama petugas di perangkat ini": the name written into the audit trail with every action.
//! Asked for before the first action; editable any time.

use leptos::prelude::*;

use crate::state::{use_case_store, Feedback};
use crate::strings as s;

/// The staff name form. `compact` shows the name with a "Ganti" button when one is set (the
/// case page); the list page always shows the field.
#[component]
pub fn CaseStaffName(#[prop(optional)] compact: bool) -> impl IntoView {
    let store = use_case_store();
    let editing = RwSignal::new(!compact || !store.has_staff_name());
    let draft = RwSignal::new(store.staff_name.get_untracked());
    let message = RwSignal::new(None::<Feedback>);
    let missing = move || !store.has_staff_name();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fb = store.set_staff_name(&draft.get_untracked());
        if !fb.is_error() && compact {
            editing.set(false);
        }
        message.set(Some(fb));
    };
    view! {
        <section class="card case-staff" class:case-staff--missing=missing aria-labelledby="petugas-judul" data-testid="case-staff">
            <h2 id="petugas-judul" class="case-staff__title">{s::KASUS_STAFF_LABEL}</h2>
            <Show when=move || !editing.get()
                fallback=move || view! {
                    {move || missing().then(|| view! { <p class="notice notice--warn">{s::KASUS_STAFF_ASK}</p> })}
                    <form class="case-staff__form" on:submit=save>
                        <div class="field">
                            <label for="nama-petugas">{s::KASUS_STAFF_FIELD}</label>
                            <input id="nama-petugas" type="text" autocomplete="name" required
                                maxlength=sop_domain::case::MAX_ACTOR_CHARS
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))/>
                        </div>
                        <button type="submit" class="button">{s::KASUS_STAFF_SAVE}</button>
                    </form>
                }>
                <p class="case-staff__current">
                    <span class="muted">{s::KASUS_STAFF_CURRENT} " "</span>
                    <strong data-testid="staff-name">{move || store.staff_name.get()}</strong>
                    " "
                    <button type="button" class="button button--ghost" on:click=move |_| {
                        draft.set(store.staff_name.get_untracked());
                        editing.set(true);
                    }>{s::KASUS_STAFF_CHANGE}</button>
                </p>
            </Show>
            {move || message.get().map(|f| {
                let error = f.is_error();
                view! { <p class="status-text" role="status" class:case-staff__error=error>{f.text}</p> }
            })}
        </section>
    }
}
