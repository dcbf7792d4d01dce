//! Shown while a changed case is only in memory (the browser refused to store it): what
//! happened, and the ways out — try again, download a backup, export this case, or archive
//! closed cases to make room.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::case_toolbar::download_backup;
use crate::routes::href;
use crate::state::{use_case_store, Feedback, Unsaved};
use crate::strings as s;

#[component]
pub fn CaseUnsavedBanner(
    #[prop(into)] unsaved: Signal<Option<Unsaved>>,
    on_retry: Callback<()>,
    on_export: Callback<()>,
    feedback: RwSignal<Option<Feedback>>,
) -> impl IntoView {
    let store = use_case_store();
    view! {
        {move || unsaved.get().map(|u| {
            let retryable = u.failure.retryable();
            let quota = u.failure.is_quota();
            view! {
                <section class="notice notice--error case-unsaved" role="alert" aria-labelledby="belum-tersimpan" data-testid="unsaved">
                    <h2 id="belum-tersimpan" class="case-banner__title">{s::KASUS_UNSAVED_TITLE}</h2>
                    <p>{u.failure.message()}</p>
                    <p class="small">{s::kasus_unsaved_actions(u.actions.len().max(1))}</p>
                    <div class="actions">
                        {retryable.then(|| view! {
                            <button type="button" class="button" data-testid="retry" on:click=move |_| on_retry.run(())>{s::KASUS_RETRY}</button>
                        })}
                        <button type="button" class="button button--secondary" on:click=move |_| on_export.run(())>{s::KASUS_EXPORT_CASE}</button>
                        <button type="button" class="button button--secondary"
                            on:click=move |_| feedback.set(Some(download_backup(store)))>{s::KASUS_BACKUP}</button>
                        {quota.then(|| view! {
                            <A href=href("/kasus#arsip") attr:class="button button--secondary">{s::KASUS_ARCHIVE}</A>
                        })}
                    </div>
                </section>
            }
        })}
    }
}
