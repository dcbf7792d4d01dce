//! What the staff must know about the browser's storage: values that could not be read
//! (downloadable verbatim), storage nearly full (with the way out), whether the browser
//! promised to keep the data, and loading problems.

use leptos::prelude::*;

use crate::components::case_toolbar::download_backup;
use crate::platform::case_store::PersistStatus;
use crate::platform::dom::focus_id;
use crate::platform::files;
use crate::state::{use_case_store, Feedback, QuarantinedEntry};
use crate::strings as s;

#[component]
pub fn CaseStorageBanners(feedback: RwSignal<Option<Feedback>>) -> impl IntoView {
    let store = use_case_store();
    view! {
        <div class="case-banners">
            {move || store.load_problems.get().into_iter().map(|p| view! {
                <p class="notice notice--error" role="alert">{p}</p>
            }).collect_view()}
            <QuarantinedBanner/>
            <Show when=move || store.near_quota()>
                <div class="notice notice--warn case-banner" role="status" data-testid="quota-warning">
                    <p>
                        <strong>{move || s::kasus_usage(store.usage_percent())}</strong>
                        " " {s::KASUS_QUOTA_WAY_OUT}
                    </p>
                    <div class="actions">
                        <button type="button" class="button button--secondary"
                            on:click=move |_| feedback.set(Some(download_backup(store)))>{s::KASUS_BACKUP}</button>
                        // A button, not a "#arsip" link: that would resolve against <base href>.
                        <button type="button" class="button button--secondary" on:click=|_| focus_id("arsip")>{s::KASUS_ARCHIVE}</button>
                    </div>
                </div>
            </Show>
            <p class="small muted case-persist" data-testid="persist-status">
                {move || match store.persist.get() {
                    PersistStatus::Unknown => s::KASUS_PERSIST_UNKNOWN,
                    PersistStatus::Unsupported => s::KASUS_PERSIST_UNSUPPORTED,
                    PersistStatus::Granted => s::KASUS_PERSIST_GRANTED,
                    PersistStatus::NotGranted => s::KASUS_PERSIST_NOT_GRANTED,
                }}
                " · " {move || s::kasus_usage(store.usage_percent())}
            </p>
        </div>
    }
}

/// "N data tidak dapat dibaca", each with its reason and a download of its raw text.
#[component]
fn QuarantinedBanner() -> impl IntoView {
    let store = use_case_store();
    view! {
        <Show when=move || store.quarantined.with(|q| !q.is_empty())>
            <section class="notice notice--error case-banner" role="alert" aria-labelledby="data-rusak" data-testid="quarantine-banner">
                <h2 id="data-rusak" class="case-banner__title">
                    {move || s::kasus_unreadable_count(store.quarantined.with(Vec::len))}
                </h2>
                <p>{s::KASUS_UNREADABLE_HELP}</p>
                <ul class="case-quarantine">
                    {move || store.quarantined.get().into_iter().map(|entry| view! { <QuarantinedItem entry=entry/> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
pub fn QuarantinedItem(entry: QuarantinedEntry) -> impl IntoView {
    let file_name = format!("data-rusak-{}.txt", entry.id());
    let raw = entry.raw.clone();
    let store = use_case_store();
    let indexed = store.summaries.with_untracked(|all| all.iter().find(|s| s.id == entry.id()).map(|s| s.number.clone()));
    let name = entry.label(indexed);
    let label = format!("{} {}", s::KASUS_DOWNLOAD_RAW, name);
    view! {
        <li class="case-quarantine__item" data-key=entry.key.clone()>
            <p class="case-quarantine__key"><strong>{s::KASUS_CASE_LABEL} " " {name}</strong></p>
            <p class="small">{s::KASUS_UNREADABLE_REASON} " " {entry.reason.clone()}</p>
            {entry.detail.clone().map(|d| view! {
                <details class="small case-quarantine__detail">
                    <summary>{s::KASUS_TECHNICAL_DETAIL}</summary>
                    <p class="mono">{d}</p>
                </details>
            })}
            <button type="button" class="button button--secondary" aria-label=label
                on:click=move |_| { files::download(&file_name, files::MIME_TEXT, &raw); }>
                {s::KASUS_DOWNLOAD_RAW}
            </button>
        </li>
    }
}
