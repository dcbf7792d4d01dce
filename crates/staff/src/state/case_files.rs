//! The store's files: a case handed over to another PC, the backup of everything, the CSV
//! of a list, archiving closed cases, and reading such files back.

use leptos::prelude::*;
use sop_domain::case::Case;
use sop_domain::case::case_id_for_number;
use sop_domain::store::{
    self, case_key, decide_import, import_backup, partition_archivable, read_case_file, CaseLookup,
    CaseSummary, CaseWrite, ImportOutcome, ImportPlan, SenderNumbers, WriteCheck,
};

use super::cases::{sop_of, CaseSlot, CaseStore, Feedback, OpenCase};
use crate::catalogue_data::{calendar, catalogue};
use crate::platform::{case_store as db, clock};
use crate::strings as s;

/// What restoring a backup did, case by case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// "<number>: <why>" for each case not imported.
    pub refused: Vec<String>,
    /// What else happened: merges and renumberings (Indonesian).
    pub notices: Vec<String>,
    /// Set when writing stopped (the quota): the cases after it were not tried.
    pub stopped: Option<String>,
}

impl ImportReport {
    pub fn feedback(&self) -> Feedback {
        let mut text = s::kasus_import_summary(self.added, self.updated, self.unchanged, self.refused.len());
        for notice in &self.notices {
            text.push('\n');
            text.push_str(notice);
        }
        match (&self.stopped, self.refused.is_empty() && self.notices.is_empty()) {
            (Some(why), _) => Feedback::error(format!("{text} {why}")),
            (None, true) => Feedback::ok(text),
            (None, false) => Feedback::warn(text),
        }
    }
}

/// The closed cases chosen for archiving, and the file that holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchivePlan {
    /// (id, revision, created) of each case in the file: a case changed since is not removed.
    pub cases: Vec<(String, u64, i64)>,
    pub file_name: String,
    pub content: String,
    /// Cases that could not be read and so are not in the file (they stay stored).
    pub unreadable: usize,
}

/// "2026-11-28", for file names.
pub fn file_date(now_ms: i64) -> String {
    calendar().utc_ms_to_local(now_ms).format("%Y-%m-%d").to_string()
}

impl CaseStore {
    /// The hand-over file of one case as this tab shows it (an unsaved change included: the
    /// file is then a way to keep it).
    pub fn case_file(&self, id: &str) -> Option<(String, String)> {
        let case = match self.opened(id)? {
            OpenCase::Ready(slot) => slot.case,
            _ => return None,
        };
        // The file says which numbers this PC has given out, so the receiving PC resolves a
        // clash of numbers as this one would.
        let sender = SenderNumbers::new(self.reserved_numbers().iter().map(String::as_str), std::iter::empty());
        Some((format!("permohonan-{}.json", case.id), store::export_case_with_numbers(&case, &sender, clock::now_ms())))
    }

    /// Every readable case: stored ones, with the in-memory version where it is unsaved, and
    /// the new cases that never reached storage. The second value counts unreadable values.
    pub fn all_cases(&self) -> (Vec<Case>, usize) {
        let ids: Vec<String> = self.summaries.with_untracked(|l| l.iter().map(|s| s.id.clone()).collect());
        let (mut cases, unreadable) = self.read_cases(&ids);
        let pending: Vec<Case> = self.opened.with_untracked(|m| {
            m.values()
                .filter_map(|o| match o {
                    OpenCase::Ready(CaseSlot { case, unsaved: Some(_) }) => Some(case.clone()),
                    _ => None,
                })
                .collect()
        });
        for p in pending {
            match cases.iter_mut().find(|c| c.id == p.id) {
                Some(c) => *c = p,
                None => cases.push(p),
            }
        }
        (cases, unreadable)
    }

    /// The cases with these ids, read from storage, in the given order.
    pub fn read_cases(&self, ids: &[String]) -> (Vec<Case>, usize) {
        let mut cases = Vec::with_capacity(ids.len());
        let mut unreadable = 0;
        for id in ids {
            match self.read_stored(id) {
                Some(Ok(c)) => cases.push(c),
                Some(Err(_)) => unreadable += 1,
                None => {}
            }
        }
        (cases, unreadable)
    }

    /// The backup file of everything: (file name, content, cases in it).
    pub fn backup_file(&self) -> (String, String, usize) {
        let (cases, _) = self.all_cases();
        let now = clock::now_ms();
        let staff = self.staff_name.get_untracked();
        let staff = (!staff.trim().is_empty()).then_some(staff.as_str());
        let content = store::export_backup(&cases, staff, now);
        (format!("cadangan-permohonan-{}.json", file_date(now)), content, cases.len())
    }

    /// The CSV (Excel, Indonesian locale) of the cases with these ids, in this order.
    pub fn csv_file(&self, ids: &[String]) -> (String, String) {
        let (cases, _) = self.read_cases(ids);
        let now = clock::now_ms();
        let content = store::cases_csv(&cases, catalogue(), calendar(), now);
        (format!("daftar-permohonan-{}.csv", file_date(now)), content)
    }

    // -----------------------------------------------------------------------------------
    // Reading files back.
    // -----------------------------------------------------------------------------------

    /// Imports one hand-over file: a new case is added, a newer version of a known case
    /// replaces it, two versions changed apart are merged, an older one is refused; a number
    /// another case holds here is resolved by the clash rule and said. A malformed file
    /// changes nothing.
    pub fn import_case_file(&self, raw: &str) -> Feedback {
        if self.newer_data.get_untracked() {
            return Feedback::error(s::KASUS_NEWER_DATA);
        }
        let (incoming, sender) = match read_case_file(raw, catalogue()) {
            Ok(read) => read,
            Err(e) => return Feedback::import_error(&e),
        };
        let number = incoming.number.clone();
        match self.import_one(incoming, &sender) {
            Ok((result, notices)) => {
                let head = match result {
                    ImportResult::Added => s::kasus_imported_new(&number),
                    ImportResult::Updated => s::kasus_imported_updated(&number),
                    ImportResult::Merged => s::kasus_imported_merged(&number),
                    ImportResult::Unchanged => s::kasus_imported_unchanged(&number),
                };
                if notices.is_empty() {
                    Feedback::ok(head)
                } else {
                    // A renumbering is something to act on (a printed document's number).
                    Feedback::warn(std::iter::once(head).chain(notices).collect::<Vec<_>>().join("\n"))
                }
            }
            Err(text) => Feedback::error(text),
        }
    }

    /// Restores a backup file case by case (each decided like a single import). A file that
    /// is not a backup changes nothing; a case that cannot be restored is reported.
    pub fn restore_backup(&self, raw: &str) -> Result<ImportReport, Feedback> {
        if self.newer_data.get_untracked() {
            return Err(Feedback::error(s::KASUS_NEWER_DATA));
        }
        let contents = import_backup(raw, catalogue()).map_err(|e| Feedback::import_error(&e))?;
        let mut report = ImportReport::default();
        for skipped in contents.skipped {
            report.refused.push(format!("{}: {}", skipped.label, skipped.reason));
        }
        for case in contents.cases {
            let number = case.number.clone();
            match self.import_one(case, &contents.sender) {
                Ok((result, notices)) => {
                    match result {
                        ImportResult::Added => report.added += 1,
                        ImportResult::Updated | ImportResult::Merged => report.updated += 1,
                        ImportResult::Unchanged => report.unchanged += 1,
                    }
                    report.notices.extend(notices);
                }
                Err(text) if text == store::MSG_QUOTA_FULL => {
                    report.stopped = Some(text);
                    break;
                }
                Err(text) => report.refused.push(format!("{number}: {text}")),
            }
        }
        Ok(report)
    }

    /// Decides (the domain's one rule for numbers and versions) and writes one incoming
    /// case; the notices say what else happened (a merge, a renumbering). `Err` holds the
    /// message.
    fn import_one(&self, incoming: Case, sender: &SenderNumbers) -> Result<(ImportResult, Vec<String>), String> {
        // Never written over: an unreadable value under the incoming id may be the only copy
        // of something.
        let key = case_key(&incoming.id);
        if let Some(Err(reason)) = db::get(&key).map(|raw| super::cases::decode_checked(&key, &raw)) {
            return Err(s::kasus_import_over_unreadable(&incoming.number, &reason.explained().0));
        }
        let plan: ImportPlan = decide_import(incoming, sender, self, catalogue()).map_err(|e| e.to_string())?;
        let result = match plan.outcome {
            ImportOutcome::New(_) => ImportResult::Added,
            ImportOutcome::Updated(_) => ImportResult::Updated,
            ImportOutcome::Merged(_) => ImportResult::Merged,
            ImportOutcome::Unchanged => return Ok((ImportResult::Unchanged, Vec::new())),
        };
        for write in &plan.writes {
            self.apply_write(write, true)?;
        }
        Ok((result, plan.notices()))
    }

    /// Makes one write of an import plan: checked against what is stored now (another tab
    /// may have written meanwhile), the case saved, and for a move its old id removed after.
    /// `mark`: the case is marked for the sync's push (when the sync is on).
    pub(super) fn apply_write(&self, write: &CaseWrite, mark: bool) -> Result<(), String> {
        let (case, old, replaces) = match write {
            CaseWrite::Save { case, replaces } => (case, None, *replaces),
            CaseWrite::Move { case, from_id, from_created_ms, replaces } => (case, Some((from_id.as_str(), *from_created_ms)), *replaces),
        };
        let checked_key = case_key(old.map_or(case.id.as_str(), |(id, _)| id));
        if store::check_write(&checked_key, db::get(&checked_key).as_deref(), replaces) != WriteCheck::Ok {
            return Err(s::KASUS_IMPORT_RACE.to_string());
        }
        self.save_taken_in(&[(case.clone(), mark)])?;
        if let Some((from_id, from_created_ms)) = old {
            // Saved first: a failure here leaves two copies, never none.
            let shard = db::get(&store::shard_key_for(from_created_ms));
            let meta = db::get(store::META_KEY);
            let writes = store::plan_remove(from_id, from_created_ms, shard.as_deref(), meta.as_deref()).map_err(|e| e.to_string())?;
            let growth = db::write_all(&writes).map_err(|e| super::SaveFailure::from(e).message())?;
            self.grow_usage(growth);
            self.remove_summary(from_id);
            self.opened.update(|m| {
                m.remove(from_id);
            });
        }
        Ok(())
    }

    /// Saves cases taken in from a file or the sync in one write (`store::plan_save_all`: each
    /// month's shard encoded once), each with its push mark when `mark` (and the sync is on),
    /// the list updated once, and an open case shown in its new version (unless it holds
    /// unsaved work). All or nothing: `db::write_all` undoes a partial write.
    pub(super) fn save_taken_in(&self, saves: &[(Case, bool)]) -> Result<(), String> {
        if saves.is_empty() {
            return Ok(());
        }
        let mut pairs = Vec::with_capacity(saves.len());
        for (case, _) in saves {
            let Some(sop) = sop_of(case) else { return Err(s::KASUS_UNKNOWN_SOP.to_string()) };
            pairs.push((case, sop));
        }
        let (mut writes, summaries) =
            store::plan_save_all(&pairs, calendar(), &mut |key: &str| db::get(key)).map_err(|e| e.to_string())?;
        let marks: Vec<(String, String)> = saves.iter().filter(|(_, mark)| *mark).filter_map(|(case, _)| self.push_mark(case)).collect();
        let marked = !marks.is_empty();
        writes.set.extend(marks);
        let growth = db::write_all(&writes).map_err(|e| super::SaveFailure::from(e).message())?;
        self.grow_usage(growth);
        self.upsert_summaries(summaries);
        if marked {
            self.note_marked();
        }
        for (case, _) in saves {
            let replace = self.opened.with_untracked(|m| {
                m.contains_key(&case.id) && !matches!(m.get(&case.id), Some(OpenCase::Ready(CaseSlot { unsaved: Some(_), .. })))
            });
            if replace {
                self.set_opened(OpenCase::Ready(CaseSlot { case: case.clone(), unsaved: None }));
            }
        }
        Ok(())
    }

    // -----------------------------------------------------------------------------------
    // Archiving.
    // -----------------------------------------------------------------------------------

    /// Closed cases with no activity since `older_than_ms`.
    pub fn archivable(&self, older_than_ms: i64) -> Vec<CaseSummary> {
        self.summaries.with(|l| partition_archivable(l, older_than_ms).0.into_iter().cloned().collect())
    }

    /// How many cases `archivable` would return (without copying them).
    pub fn archivable_count(&self, older_than_ms: i64) -> usize {
        self.summaries.with(|l| partition_archivable(l, older_than_ms).0.len())
    }

    /// The archive file of the closed cases older than `older_than_ms` (a backup file: it is
    /// restored with "Pulihkan cadangan").
    pub fn prepare_archive(&self, older_than_ms: i64) -> ArchivePlan {
        let ids: Vec<String> = self.archivable(older_than_ms).into_iter().map(|s| s.id).collect();
        let (cases, unreadable) = self.read_cases(&ids);
        let now = clock::now_ms();
        let staff = self.staff_name.get_untracked();
        let staff = (!staff.trim().is_empty()).then_some(staff.as_str());
        ArchivePlan {
            cases: cases.iter().map(|c| (c.id.clone(), c.revision, c.created_ms)).collect(),
            content: store::export_backup(&cases, staff, now),
            file_name: format!("arsip-permohonan-{}.json", file_date(now)),
            unreadable,
        }
    }

    /// Removes the archived cases from the browser, after the staff confirmed the file is
    /// saved. A case changed (or reopened) since the file was made stays: its newer state is
    /// not in the file.
    pub fn remove_archived(&self, plan: &ArchivePlan) -> Feedback {
        let mut removed = 0usize;
        let mut kept = 0usize;
        for (id, revision, created_ms) in &plan.cases {
            let key = case_key(id);
            let unchanged = match db::get(&key) {
                Some(raw) => matches!(super::cases::decode_checked(&key, &raw), Ok(c) if c.revision == *revision && !c.is_open()),
                None => false,
            };
            if !unchanged {
                kept += 1;
                continue;
            }
            let shard = db::get(&store::shard_key_for(*created_ms));
            let meta = db::get(store::META_KEY);
            let writes = match store::plan_remove(id, *created_ms, shard.as_deref(), meta.as_deref()) {
                Ok(w) => w,
                Err(e) => return Feedback::error(e.to_string()),
            };
            match db::write_all(&writes) {
                Ok(growth) => {
                    self.grow_usage(growth);
                    self.remove_summary(id);
                    self.opened.update(|m| {
                        m.remove(id);
                    });
                    removed += 1;
                }
                Err(e) => {
                    let failure: super::SaveFailure = e.into();
                    return Feedback::error(format!("{} {}", s::kasus_archived(removed, kept), failure.message()));
                }
            }
        }
        if kept > 0 {
            Feedback::warn(s::kasus_archived(removed, kept))
        } else {
            Feedback::ok(s::kasus_archived(removed, kept))
        }
    }
}

enum ImportResult {
    Added,
    Updated,
    Merged,
    Unchanged,
}

/// What the import rule needs to know of this PC: every number given out here, and the
/// stored cases under some ids (or once under them, before a renumbering).
impl CaseLookup for CaseStore {
    fn known_numbers(&self) -> Vec<String> {
        self.reserved_numbers()
    }

    fn cases_with_ids(&self, ids: &[String]) -> Vec<Case> {
        let wanted: Vec<String> = self.summaries.with_untracked(|all| {
            all.iter()
                .filter(|s| {
                    ids.contains(&s.id)
                        || s.previous_numbers.iter().filter_map(|n| case_id_for_number(n)).any(|id| ids.contains(&id))
                })
                .map(|s| s.id.clone())
                .collect()
        });
        self.read_cases(&wanted).0
    }
}
