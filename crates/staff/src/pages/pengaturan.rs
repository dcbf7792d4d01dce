//! `/pengaturan`: switching the sync with the office's CouchDB on and off, and seeing how it
//! goes. Without a server nothing here needs doing: the app works alone, as it always did.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::case_feedback::CaseFeedback;
use crate::components::sync_status::{status_kind, status_text};
use crate::state::sync::{use_sync, SyncStatus};
use crate::state::{use_case_store, Feedback};
use crate::strings as s;

#[component]
pub fn PengaturanPage() -> impl IntoView {
    let sync = use_sync();
    let feedback = RwSignal::new(None::<Feedback>);
    view! {
        <section class="page-head">
            <h1>{s::PENGATURAN_TITLE}</h1>
            <p class="lead">{s::PENGATURAN_INTRO}</p>
        </section>
        <CaseFeedback feedback=feedback/>
        <section class="card sync-settings" aria-labelledby="sinkronisasi-judul">
            <h2 id="sinkronisasi-judul">{s::SYNC_SECTION_TITLE}</h2>
            <Show when=move || sync.settings.with(Option::is_some)
                fallback=move || view! { <ConnectForm feedback=feedback/> }>
                <Connected feedback=feedback/>
            </Show>
        </section>
        <SetAsideList/>
    }
}

/// The form an administrator fills once per PC.
#[component]
fn ConnectForm(feedback: RwSignal<Option<Feedback>>) -> impl IntoView {
    let sync = use_sync();
    let store = use_case_store();
    let url = RwSignal::new(String::new());
    let db = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = sync
                .connect(&url.get_untracked(), &db.get_untracked(), &user.get_untracked(), &password.get_untracked())
                .await;
            // The password leaves memory as soon as it was used.
            password.try_set(String::new());
            busy.try_set(false);
            match result {
                Ok(()) => {
                    let n = store.summaries.with_untracked(Vec::len);
                    feedback.try_set(Some(Feedback::ok(s::sync_connected(n))));
                }
                Err(e) => {
                    error.try_set(Some(e.message()));
                }
            }
        });
    };
    view! {
        <p>{s::SYNC_SETUP_INTRO}</p>
        <form class="sync-form" on:submit=submit data-testid="sync-form">
            <div class="field">
                <label for="sync-url">{s::SYNC_FIELD_URL}</label>
                <input id="sync-url" type="url" inputmode="url" autocomplete="url" spellcheck="false" required
                    aria-describedby="sync-url-hint"
                    prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                <p id="sync-url-hint" class="small muted">{s::SYNC_FIELD_URL_HINT}</p>
            </div>
            <div class="field">
                <label for="sync-db">{s::SYNC_FIELD_DB}</label>
                <input id="sync-db" type="text" autocomplete="off" spellcheck="false" required aria-describedby="sync-db-hint"
                    prop:value=move || db.get() on:input=move |ev| db.set(event_target_value(&ev))/>
                <p id="sync-db-hint" class="small muted">{s::SYNC_FIELD_DB_HINT}</p>
            </div>
            <div class="field">
                <label for="sync-user">{s::SYNC_FIELD_USER}</label>
                <input id="sync-user" type="text" autocomplete="username" spellcheck="false" required
                    prop:value=move || user.get() on:input=move |ev| user.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="sync-password">{s::SYNC_FIELD_PASSWORD}</label>
                <input id="sync-password" type="password" autocomplete="current-password" aria-describedby="sync-password-hint"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                <p id="sync-password-hint" class="small muted">{s::SYNC_FIELD_PASSWORD_HINT}</p>
            </div>
            {move || error.get().map(|e| view! { <p class="notice notice--error" role="alert" data-testid="sync-error">{e}</p> })}
            <button type="submit" class="button" prop:disabled=move || busy.get()>
                {move || if busy.get() { s::SYNC_CONNECTING } else { s::SYNC_CONNECT }}
            </button>
        </form>
    }
}

/// The sync as it runs: where, as whom, how it goes, and the controls.
#[component]
fn Connected(feedback: RwSignal<Option<Feedback>>) -> impl IntoView {
    let sync = use_sync();
    let settings = move || sync.settings.get();
    let paused = move || settings().is_some_and(|s| s.paused);
    let password = RwSignal::new(String::new());
    let login_error = RwSignal::new(None::<String>);
    let log_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        spawn_local(async move {
            let result = sync.log_in_again(&password.get_untracked()).await;
            password.try_set(String::new());
            login_error.try_set(result.err().map(|e| e.message()));
        });
    };
    view! {
        {move || settings().filter(|s| s.readable_by_anyone).map(|_| view! {
            <p class="notice notice--warn" role="alert" data-testid="sync-readable-warning">{s::SYNC_READABLE_WARNING}</p>
        })}
        <dl class="sync-facts">
            <dt>{s::SYNC_STATUS}</dt>
            <dd><span class=move || format!("sync-status {}", sync.status.with(status_kind)) data-testid="sync-settings-status">
                {move || sync.status.with(|st| status_text(st, sync.waiting.get()))}</span>
                {move || sync.status.with(|st| match st {
                    SyncStatus::Failed { hint: Some(hint), .. } => Some(view! { <p class="small sync-hint" data-testid="sync-hint">{hint.clone()}</p> }),
                    _ => None,
                })}</dd>
            <dt>{s::SYNC_SERVER}</dt>
            <dd class="mono">{move || settings().map(|s| s.address.base)}</dd>
            <dt>{s::SYNC_DATABASE}</dt>
            <dd class="mono">{move || settings().map(|s| s.address.db.replace("%2F", "/"))}</dd>
            <dt>{s::SYNC_CONNECTED_AS}</dt>
            <dd>{move || settings().map(|s| s.user)}</dd>
        </dl>
        {move || {
            let n = sync.newer_docs.with(Vec::len);
            (n > 0).then(|| view! { <p class="notice notice--warn">{n} " " {s::SYNC_NEWER_DOCS}</p> })
        }}
        <Show when=move || sync.status.with(|st| *st == SyncStatus::LoginNeeded)>
            <form class="sync-form sync-form--login" on:submit=log_in data-testid="sync-login-again">
                <p>{s::SYNC_LOGIN_AGAIN_INTRO}</p>
                <div class="field">
                    <label for="sync-password-again">{s::SYNC_FIELD_PASSWORD}</label>
                    <input id="sync-password-again" type="password" autocomplete="current-password"
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                </div>
                {move || login_error.get().map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
                <button type="submit" class="button">{s::SYNC_LOGIN_AGAIN}</button>
            </form>
        </Show>
        <div class="sync-actions">
            <button type="button" class="button" data-testid="sync-now" prop:disabled=paused
                on:click=move |_| sync.sync_now()>{s::SYNC_NOW}</button>
            <button type="button" class="button button--secondary" data-testid="sync-pause"
                on:click=move |_| sync.set_paused(!paused())>
                {move || if paused() { s::SYNC_RESUME } else { s::SYNC_PAUSE }}
            </button>
            <button type="button" class="button button--ghost" data-testid="sync-disconnect"
                on:click=move |_| {
                    sync.disconnect();
                    feedback.set(Some(Feedback::ok(s::SYNC_DISCONNECTED)));
                }>{s::SYNC_DISCONNECT}</button>
        </div>
    }
}

/// The server's documents this PC could not read: kept on the server, listed here.
#[component]
fn SetAsideList() -> impl IntoView {
    let sync = use_sync();
    view! {
        <Show when=move || sync.set_aside.with(|v| !v.is_empty())>
            <section class="card sync-aside" aria-labelledby="disisihkan-judul" data-testid="sync-set-aside">
                <h2 id="disisihkan-judul">{s::SYNC_SET_ASIDE_TITLE}</h2>
                <p>{s::SYNC_SET_ASIDE_INTRO}</p>
                <ul class="sync-aside__list">
                    {move || sync.set_aside.get().into_iter().map(|e| view! {
                        <li>
                            <strong class="mono">{e.id}</strong>
                            <p class="small">{e.reason}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
