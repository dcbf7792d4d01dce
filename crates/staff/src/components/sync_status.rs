//! The sync's status line under the header of every staff page, while the sync is on: whether
//! this PC's changes reached the office's server ("tersinkron", "3 perubahan menunggu",
//! "luring", "gagal: …"). Absent when the sync is off: the app then looks as it always did.

use leptos::prelude::*;

use crate::catalogue_data::calendar;
use crate::components::case_format::wib;
use crate::platform::clock;
use crate::routes::href;
use crate::state::sync::{use_sync, SyncStatus};
use crate::strings as s;

/// The status in words; `waiting`: the changes made here not yet on the server.
pub fn status_text(status: &SyncStatus, waiting: usize) -> String {
    match status {
        SyncStatus::Off => s::SYNC_STATUS_OFF.to_string(),
        SyncStatus::Paused => s::SYNC_STATUS_PAUSED.to_string(),
        SyncStatus::Syncing => s::SYNC_STATUS_SYNCING.to_string(),
        SyncStatus::Synced { at_ms } => s::sync_status_synced(&when(*at_ms)),
        SyncStatus::Waiting { count } => s::sync_status_waiting(*count),
        SyncStatus::Offline { waiting } => s::sync_status_offline(*waiting),
        SyncStatus::LoginNeeded => s::SYNC_STATUS_LOGIN.to_string(),
        SyncStatus::Failed { reason, .. } => s::sync_status_failed(reason, waiting),
    }
}

/// "pukul 14.05 WIB" today, the full date before.
fn when(at_ms: i64) -> String {
    let at = calendar().utc_ms_to_local(at_ms);
    if at.date() == calendar().utc_ms_to_local(clock::now_ms()).date() {
        s::sync_at_time(&at.format("%H.%M").to_string())
    } else {
        wib(at_ms)
    }
}

/// A class per kind of status, for its colour.
pub fn status_kind(status: &SyncStatus) -> &'static str {
    match status {
        SyncStatus::Synced { .. } => "sync-status--ok",
        SyncStatus::Failed { .. } | SyncStatus::LoginNeeded => "sync-status--bad",
        SyncStatus::Offline { .. } | SyncStatus::Waiting { .. } | SyncStatus::Paused => "sync-status--wait",
        SyncStatus::Off | SyncStatus::Syncing => "sync-status--busy",
    }
}

#[component]
pub fn SyncStatusLine() -> impl IntoView {
    let sync = use_sync();
    view! {
        <Show when=move || sync.settings.with(Option::is_some)>
            <div class="sync-line">
                <p class=move || format!("sync-line__inner sync-status {}", sync.status.with(status_kind))
                    role="status" data-testid="sync-status">
                    <span class="sync-status__label">{s::SYNC_LABEL}</span> " "
                    <span data-testid="sync-status-text">{move || sync.status.with(|st| status_text(st, sync.waiting.get()))}</span>
                    {move || {
                        let n = sync.set_aside.with(Vec::len);
                        (n > 0).then(|| view! { " \u{b7} " <span>{s::sync_status_set_aside(n)}</span> })
                    }}
                    " " <a href=href("/pengaturan") class="sync-line__link">{s::SYNC_SETTINGS_LINK}</a>
                </p>
                <Show when=move || sync.renumbered.with(|v| !v.is_empty())>
                    <div class="sync-line__inner">
                        <div class="notice notice--warn sync-renumbered" role="status" data-testid="sync-renumbered">
                            <ul>
                                {move || sync.renumbered.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                            </ul>
                            <button type="button" class="button button--secondary" on:click=move |_| sync.renumbered.set(Vec::new())>
                                {s::SYNC_RENUMBERED_SEEN}</button>
                        </div>
                    </div>
                </Show>
            </div>
        </Show>
    }
}
