//! The list page's file tools: import a hand-over file, restore a backup, download a backup,
//! the (filtered) list as CSV, and archive closed cases.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::{clock, files};
use crate::components::case_feedback::InlineFeedback;
use crate::state::{use_case_store, ArchivePlan, CaseStore, Feedback, FeedbackPlace};
use crate::strings as s;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Downloads the backup of every case (unsaved changes included).
pub fn download_backup(store: CaseStore) -> Feedback {
    let (name, content, count) = store.backup_file();
    if files::download(&name, files::MIME_JSON, &content) {
        Feedback::ok(s::kasus_backup_done(count, &name))
    } else {
        Feedback::error(s::KASUS_DOWNLOAD_FAILED)
    }
}

/// What a file input does with the text of the chosen file.
#[derive(Clone, Copy)]
enum FileKind {
    Case,
    Backup,
}

#[component]
pub fn CaseToolbar(
    feedback: RwSignal<Option<Feedback>>,
    /// The ids of the cases the list shows (after search and filters), in list order.
    #[prop(into)]
    filtered_ids: Callback<(), Vec<String>>,
) -> impl IntoView {
    let store = use_case_store();
    let on_file = move |kind: FileKind| {
        move |ev: leptos::ev::Event| {
            let reading = files::read_chosen_file(&ev);
            spawn_local(async move {
                let fb = match reading.await {
                    Err(files::ReadError::NoFile) => return,
                    Err(files::ReadError::Unreadable) => Feedback::error(s::KASUS_FILE_UNREADABLE),
                    Ok(file) => match kind {
                        FileKind::Case => store.import_case_file(&file.text),
                        FileKind::Backup => match store.restore_backup(&file.text) {
                            Ok(report) => {
                                let mut fb = report.feedback();
                                for line in report.refused.iter().take(20) {
                                    fb.text.push_str("\n• ");
                                    fb.text.push_str(line);
                                }
                                fb
                            }
                            Err(fb) => fb,
                        },
                    },
                };
                // The page may have been left while the file was read.
                feedback.try_set(Some(fb.at(FeedbackPlace::Tools)));
            });
        }
    };
    let csv = move |_| {
        let ids = filtered_ids.run(());
        let (name, content) = store.csv_file(&ids);
        feedback.set(Some((if files::download(&name, files::MIME_CSV, &content) {
            Feedback::ok(s::kasus_csv_done(ids.len(), &name))
        } else {
            Feedback::error(s::KASUS_DOWNLOAD_FAILED)
        }).at(FeedbackPlace::Tools)));
    };
    view! {
        <section class="card case-tools" id="berkas" tabindex="-1" aria-labelledby="alat-data">
            <h2 id="alat-data">{s::KASUS_TOOLS_TITLE}</h2>
            <div class="case-tools__grid">
                <div class="field case-tools__file">
                    <label for="impor-permohonan">{s::KASUS_IMPORT_CASE}</label>
                    <input id="impor-permohonan" type="file" accept=".json,application/json"
                        on:change=on_file(FileKind::Case)/>
                    <p class="small muted">{s::KASUS_IMPORT_CASE_HELP}</p>
                </div>
                <div class="field case-tools__file">
                    <label for="pulihkan-cadangan">{s::KASUS_RESTORE}</label>
                    <input id="pulihkan-cadangan" type="file" accept=".json,application/json"
                        on:change=on_file(FileKind::Backup)/>
                    <p class="small muted">{s::KASUS_RESTORE_HELP}</p>
                </div>
            </div>
            <div class="actions">
                <button type="button" class="button button--secondary" data-testid="backup"
                    on:click=move |_| feedback.set(Some(download_backup(store).at(FeedbackPlace::Tools)))>{s::KASUS_BACKUP}</button>
                <button type="button" class="button button--secondary" data-testid="csv" on:click=csv>{s::KASUS_CSV}</button>
            </div>
            // The message of these tools, here at the end of a long list, where they are used.
            <InlineFeedback feedback=feedback at=FeedbackPlace::Tools/>
            <ArchivePanel feedback=feedback/>
        </section>
    }
}

/// Archiving in two steps: download the file of the chosen closed cases, then — once the staff
/// confirm the file is kept — remove them from the browser.
#[component]
fn ArchivePanel(feedback: RwSignal<Option<Feedback>>) -> impl IntoView {
    let store = use_case_store();
    let age_days = RwSignal::new(90i64);
    let plan = RwSignal::new(None::<ArchivePlan>);
    let cutoff = move || clock::now_ms() - age_days.get() * DAY_MS;
    let count = Memo::new(move |_| store.archivable_count(cutoff()));
    let download = move |_| {
        let p = store.prepare_archive(cutoff());
        if p.cases.is_empty() {
            feedback.set(Some(Feedback::warn(s::KASUS_ARCHIVE_NONE).at(FeedbackPlace::Tools)));
            return;
        }
        if files::download(&p.file_name, files::MIME_JSON, &p.content) {
            plan.set(Some(p));
        } else {
            feedback.set(Some(Feedback::error(s::KASUS_DOWNLOAD_FAILED).at(FeedbackPlace::Tools)));
        }
    };
    let remove = move |_| {
        if let Some(p) = plan.get_untracked() {
            feedback.set(Some(store.remove_archived(&p).at(FeedbackPlace::Tools)));
        }
        plan.set(None);
    };
    view! {
        <div class="case-archive" id="arsip" tabindex="-1">
            <h3>{s::KASUS_ARCHIVE_TITLE}</h3>
            <p class="small muted">{s::KASUS_ARCHIVE_HELP}</p>
            <Show when=move || plan.with(Option::is_none)
                fallback=move || view! {
                    <div class="notice notice--warn" role="alert" data-testid="archive-confirm">
                        <p>{move || plan.with(|p| p.as_ref().map(|p| s::kasus_archive_confirm(p.cases.len(), &p.file_name)))}</p>
                        <div class="actions">
                            <button type="button" class="button" on:click=remove>
                                {move || plan.with(|p| s::kasus_archive_remove(p.as_ref().map_or(0, |p| p.cases.len())))}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| plan.set(None)>{s::KASUS_CANCEL_KEEP}</button>
                        </div>
                    </div>
                }>
                <div class="case-archive__row">
                    <div class="field">
                        <label for="arsip-umur">{s::KASUS_ARCHIVE_AGE}</label>
                        <select id="arsip-umur" on:change=move |ev| age_days.set(event_target_value(&ev).parse().unwrap_or(90))>
                            <option value="30">{s::KASUS_ARCHIVE_30}</option>
                            <option value="90" selected>{s::KASUS_ARCHIVE_90}</option>
                            <option value="365">{s::KASUS_ARCHIVE_365}</option>
                            <option value="0">{s::KASUS_ARCHIVE_ALL}</option>
                        </select>
                    </div>
                    <button type="button" class="button button--secondary" data-testid="archive-download"
                        disabled=move || count.get() == 0 on:click=download>
                        {move || s::kasus_archive_download(count.get())}
                    </button>
                </div>
            </Show>
        </div>
    }
}
