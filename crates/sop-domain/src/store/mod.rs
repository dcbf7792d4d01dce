//! The storage codec for the browser's localStorage, the office's only database.
//!
//! Pure: the app's platform layer only gets, sets and removes string keys and calls these
//! functions; nothing here touches a web API or the clock.
//!
//! # Keys
//!
//! | key | value |
//! | --- | --- |
//! | `lsk:case:<id>` | one case ([`encode_case`]); the source of truth |
//! | `lsk:index:<yyyy-mm>` | the summaries ([`CaseSummary`]) of the cases created that month (WIB) |
//! | `lsk:meta` | `{"v":3,"shards":["2026-11",…],"quarantined":["lsk:case:…"],"dirty":false}` |
//!
//! Saving a change writes the case and rewrites one index shard ([`plan_save`]), never the
//! whole store. The list page starts from the index alone ([`load_index`]: no case value is
//! parsed); [`load_all`] reads everything, quarantines what cannot be read and rebuilds the
//! index when it disagrees with the cases. Other `lsk:` keys (the app's settings, the staff
//! name) are left alone.
//!
//! # Stored values and schema versions
//!
//! Every value carries its schema version. [`CURRENT_SCHEMA`] is 3. A value of a newer schema
//! (written by a newer app in another tab) is never read partially and never overwritten:
//! it is quarantined with its raw text. Older versions are migrated when read, and
//! [`load_all`] rewrites them in the current schema. The index (meta and shards) carries the
//! same version: an index of another version is rebuilt from the cases, and an app that finds
//! a newer one writes nothing.
//!
//! - **v1** — the verbose JSON of the case: `{"schema":1,"case":{"id":…,"number":…,
//!   "steps":[{"status":"done","visits":1,"intervals":[{"start_ms":…,"end_ms":…}],…}],
//!   "audit":[{"at_ms":…,"actor":…,"kind":"finish","step":3,"to":{"step":4},"detail":""}],…}}`
//!   (see `codec.rs`). A closed JHT case takes about 4,000 characters: 10,000 of them would
//!   need eight times the browser's quota.
//! - **v2** — compact JSON, then packed (below); the keys of the table without `o` and `h`,
//!   the log without `u`, `g` and `!`.
//! - **v3** — v2 plus the case's identity: its uid (`o`) and its previous numbers (`h`), and
//!   the log kinds `u` (renumbered) and `g` (merged) and the `!` mark. Migrating v1 and v2 values gives each case the uid
//!   [`crate::case::derived_uid`] makes from its id and creation time, the same on every PC that
//!   holds a copy, and no previous numbers.
//!
//! | key | meaning |
//! | --- | --- |
//! | `v` | 3 |
//! | `id` | only in files (in storage the key holds it) |
//! | `n`, `s`, `a` | number, SOP id, applicant |
//! | `o` | the uid; left out when it is the derived one (every case stored before v3) |
//! | `h` | the previous numbers; left out when the log's renumberings give them (always, for cases this app changed) |
//! | `k`, `p`, `x` | contact, subject, notes (left out when empty) |
//! | `u` | time unit in ms: left out = 1000 (whole seconds, what `apply` records), else 1 |
//! | `c` | created, in units since 1970 |
//! | `m` | updated, in units after `c` |
//! | `r` | revision |
//! | `z` | status: 0 berjalan, 1 selesai, 2 ditolak, 3 dibatalkan |
//! | `i` | current step index (left out when none) |
//! | `q` | one letter per step: `p` pending, `r` running, `j` paused, `d` done, `l` skipped |
//! | `w` | the actors (staff names), each written once |
//! | `l` | the audit log, one row per entry: `[kind, dt, step, detail, actor]`; `dt` in units after the previous entry (the first: after `c`); `step` -1 = none; trailing defaults left out (no step, empty detail, same actor as the previous row, the first row's actor is `w[0]`) |
//! | `sx`, `cn` | the per-step records and case notes in full, only when the log does not reproduce them |
//! | `cr` | the cancel reason |
//!
//! Kinds in `l`: `c` create, `s` start, `p` pause, `r` resume, `f` finish (to the next step,
//! or done after the last; `f>5`, `f.` otherwise), `y>4` / `n>0` / `nx` a decision answered
//! Ya/Tidak leading to step index 4 / 0 / rejected, `k` note, `t+2` / `t-2` kelengkapan item 2
//! ticked / unticked, `b` cancel, `e` edit, `u` renumbered (detail: "old → new"), `g` two
//! versions merged. A kind prefixed with `!` (`!f`) is an entry kept without effect when two
//! versions were merged (`AuditEntry::no_effect`).
//!
//! The per-step records (intervals, visits, answers, ticks, notes) are not stored: every
//! action logs what it changed, and `case::replay_step_records` recomputes them from the log.
//! The encoder checks that the recomputation gives back exactly the case's records and
//! otherwise writes them in full (`sx`, `cn`), so the encoding is lossless for any case.
//!
//! **Packing.** localStorage counts UTF-16 code units (Chromium: 5,242,880 per origin for keys
//! plus values, measured, whatever the characters). The v3 JSON is written as ASCII (other
//! characters as `\uXXXX`), and seven bits per character are packed into 15-bit code units
//! `U+4000..U+BFFF`, prefixed by [`PACKED_PREFIX`]: 2.1 characters per unit. Index shards
//! are packed the same way (`{"v":3,"c":[row,…]}`, see `index.rs`); the meta stays plain.
//! Plain JSON is accepted everywhere a packed value is, so a value repaired by hand can be
//! pasted back as readable JSON.
//!
//! # Beyond this browser
//!
//! `files.rs`: the hand-over file of one case, the backup, the CSV. `import.rs`: taking a case
//! in from elsewhere ([`decide_import`]): the same case (uid) is updated or merged, a different
//! case with the same number is resolved by the clash rule and renumbered. `doc.rs`: one case
//! as one readable CouchDB document ([`case_to_doc`], docs/couchdb-document.md).

mod codec;
mod doc;
mod files;
mod import;
mod index;

use crate::calendar::WorkCalendar;
use crate::case::{apply, Action, Case, CaseError};
use crate::catalogue::{Catalogue, Sop};

pub use codec::{encode_case_v1, pack, unpack, PACKED_PREFIX};
pub use doc::{case_to_doc, doc_id, doc_to_case, DocError, DOC_ID_PREFIX, DOC_SCHEMA, DOC_TYPE};
pub use files::{
    cases_csv, export_backup, export_case, export_case_with_numbers, import_backup, import_case,
    parse_case_file, partition_archivable, read_case_file, Archivable, BackupContents, ImportError,
    SkippedCase, BACKUP_FILE_KIND, CASE_FILE_KIND, CSV_HEADER,
};
pub use import::{
    decide_import, CaseLookup, CaseWrite, ImportOutcome, ImportPlan, Moved, Renumbering,
    SenderNumbers,
};
pub use index::{
    filter_positions, filter_summaries, list_order, load_index, shard_key, shard_key_for,
    shard_of_ms, sort_for_list, summarize, CaseFilter, CaseSummary, IndexLoad, IndexProblem,
    StatusFilter,
};

/// The schema version this code writes.
pub const CURRENT_SCHEMA: u32 = 3;

pub const KEY_PREFIX: &str = "lsk:";
pub const CASE_KEY_PREFIX: &str = "lsk:case:";
pub const INDEX_KEY_PREFIX: &str = "lsk:index:";
pub const META_KEY: &str = "lsk:meta";

/// The quota the codec is designed against, in UTF-16 code units for keys plus values.
/// Chromium allows 5,242,880 per origin (measured with headless Chromium); the round figure
/// leaves a margin for the app's other keys.
pub const QUOTA_CODE_UNITS: usize = 5_000_000;

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia).
// ---------------------------------------------------------------------------------------------

/// For the app to show when `setItem` fails because the browser's storage is full.
pub const MSG_QUOTA_FULL: &str = "Penyimpanan peramban sudah penuh. Unduh cadangan, lalu arsipkan permohonan lama yang sudah ditutup agar ada ruang lagi.";

fn msg_write_check(check: &WriteCheck) -> Option<String> {
    match check {
        WriteCheck::Ok => None,
        WriteCheck::Stale { stored } => Some(format!(
            "Permohonan {} baru saja diubah di tab atau jendela lain (revisi {}). Tindakan Anda diterapkan ulang pada data terbaru; periksa hasilnya.",
            stored.number, stored.revision
        )),
        WriteCheck::IdTaken { stored } => Some(format!(
            "Nomor {} baru saja dipakai di tab atau jendela lain; permohonan Anda diberi nomor berikutnya.",
            stored.number
        )),
        WriteCheck::Removed => Some(
            "Permohonan ini sudah dihapus atau diarsipkan di tab atau jendela lain; perubahan tidak disimpan."
                .to_string(),
        ),
        WriteCheck::Unreadable { reason } => Some(format!(
            "Data tersimpan untuk permohonan ini tidak dapat dibaca ({reason}); data itu tidak ditimpa. Unduh data rusak dari halaman pemulihan."
        )),
    }
}

fn msg_save_error(e: &SaveError) -> String {
    match e {
        SaveError::NewerData => "Data di peramban ini ditulis oleh versi aplikasi yang lebih baru. Muat ulang halaman agar versi terbaru yang dipakai; tidak ada yang disimpan.".to_string(),
    }
}

fn msg_decode_error(e: &DecodeError) -> String {
    match e {
        DecodeError::NotACaseKey { key } => format!("kunci \u{201c}{key}\u{201d} bukan kunci permohonan"),
        DecodeError::Packing => "pengodean ringkas rusak (data terpotong atau diubah)".to_string(),
        DecodeError::Json { .. } => MSG_NOT_JSON.to_string(),
        DecodeError::NoVersion => "tidak ada nomor versi skema".to_string(),
        DecodeError::FutureVersion { found } => format!(
            "ditulis oleh versi aplikasi yang lebih baru (skema {found}); data dibiarkan utuh"
        ),
        DecodeError::UnknownVersion { found } => format!("versi skema {found} tidak dikenal"),
        DecodeError::Field { path, problem } if path.is_empty() => problem.clone(),
        DecodeError::Field { path, problem } => format!("isian \u{201c}{path}\u{201d} {problem}"),
        DecodeError::IdMismatch { key_id, value_id } => format!(
            "nomor di dalam data (\u{201c}{value_id}\u{201d}) tidak sama dengan kuncinya (\u{201c}{key_id}\u{201d})"
        ),
        DecodeError::Invalid { reason } => format!("data tidak sah: {reason}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------------------------

/// Why a stored value could not be read. `Display` is the Indonesian reason shown next to a
/// quarantined value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotACaseKey { key: String },
    Packing,
    Json { detail: String },
    NoVersion,
    FutureVersion { found: u64 },
    UnknownVersion { found: u64 },
    Field { path: String, problem: String },
    IdMismatch { key_id: String, value_id: String },
    Invalid { reason: String },
}

impl DecodeError {
    /// Written by a newer version of the app: keep it, never overwrite it.
    pub fn is_future(&self) -> bool {
        matches!(self, DecodeError::FutureVersion { .. })
    }

    /// The reason in plain Indonesian, and the parser's own words (often English) apart, for
    /// a "rincian teknis" the staff open only if someone asks them.
    pub fn explained(&self) -> (String, Option<String>) {
        match self {
            DecodeError::Json { detail } => (MSG_NOT_JSON.to_string(), Some(detail.clone())),
            other => (msg_decode_error(other), None),
        }
    }
}

const MSG_NOT_JSON: &str = "bukan JSON yang utuh (terpotong atau diubah di luar aplikasi)";

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg_decode_error(self))
    }
}

impl std::error::Error for DecodeError {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The index was written by a newer app: this one must not write.
    NewerData,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg_save_error(self))
    }
}

impl std::error::Error for SaveError {}

// ---------------------------------------------------------------------------------------------
// One case.
// ---------------------------------------------------------------------------------------------

pub fn case_key(id: &str) -> String {
    format!("{CASE_KEY_PREFIX}{id}")
}

/// The id in a case key, if it is one.
pub fn case_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(CASE_KEY_PREFIX)
        .filter(|id| !id.is_empty())
}

/// The value to store under [`case_key`]: the current schema, packed.
pub fn encode_case(case: &Case) -> String {
    pack(&codec::compact_json(case, false))
}

/// The compact JSON of a case without packing (readable; `decode_case` accepts it too).
pub fn encode_case_json(case: &Case) -> String {
    codec::compact_json(case, false)
}

/// A case from its key and stored value, of any known schema version (older ones are
/// migrated). A value of a newer version is [`DecodeError::FutureVersion`]. Structural checks
/// only; [`validate_case`] checks it against the catalogue.
pub fn decode_case(key: &str, raw: &str) -> Result<Case, DecodeError> {
    codec::decode_stored(key, raw).map(|(case, _)| case)
}

/// Brings a case stored under an earlier catalogue up to date: a SOP that gained steps at its
/// end (a row of the printed table restored, as pelatihan-pencaker's row 10) leaves the cases
/// stored before with fewer step records; the new steps are added as not started. Steps are
/// only ever appended to a SOP (docs/sop-data-format.md), so every recorded step keeps its
/// meaning; any other difference is left for [`validate_case`] to refuse. True when the case
/// changed.
pub fn fit_to_catalogue(case: &mut Case, catalogue: &Catalogue) -> bool {
    let Some(sop) = catalogue.sop(&case.sop_id) else { return false };
    if case.steps.is_empty() || case.steps.len() >= sop.steps.len() {
        return false;
    }
    case.steps.resize_with(sop.steps.len(), Default::default);
    true
}

/// Checks a decoded case against the catalogue (SOP known, step indices and kelengkapan items
/// in range, status consistent), so that the app can index it without further checks.
pub fn validate_case(case: &Case, catalogue: &Catalogue) -> Result<(), DecodeError> {
    codec::validate(case, catalogue).map_err(|reason| DecodeError::Invalid { reason })
}

/// A stored value that could not be read, kept verbatim so the staff can download it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub raw: String,
    pub reason: DecodeError,
}

// ---------------------------------------------------------------------------------------------
// Two tabs.
// ---------------------------------------------------------------------------------------------

/// What is stored under a case's key compared with the revision an action was applied to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteCheck {
    /// Nothing changed since the case was read: write.
    Ok,
    /// Another tab saved another revision: re-apply the action on `stored`
    /// ([`merge_by_replay`]) or refuse with [`WriteCheck::message`].
    Stale { stored: Box<Case> },
    /// A new case would overwrite a stored one (two tabs gave out the same number): number
    /// the case again, counting `stored`.
    IdTaken { stored: Box<Case> },
    /// The case was removed (archived) in another tab since it was read.
    Removed,
    /// The stored value cannot be read (corrupt, or from a newer version): never overwrite.
    Unreadable { reason: DecodeError },
}

impl WriteCheck {
    /// The Indonesian message to show, `None` for `Ok`.
    pub fn message(&self) -> Option<String> {
        msg_write_check(self)
    }
}

/// Checks a write before it happens. `stored_raw` is the value now under `key` (read just
/// before writing); `base_revision` the revision the action was applied to (0 for a new case).
/// Read and write in the same task: localStorage has no transactions, this narrows the race
/// between tabs to that instant.
pub fn check_write(key: &str, stored_raw: Option<&str>, base_revision: u64) -> WriteCheck {
    let Some(raw) = stored_raw else {
        return if base_revision == 0 {
            WriteCheck::Ok
        } else {
            WriteCheck::Removed
        };
    };
    match decode_case(key, raw) {
        Err(reason) => WriteCheck::Unreadable { reason },
        Ok(stored) if base_revision == 0 => WriteCheck::IdTaken {
            stored: Box::new(stored),
        },
        Ok(stored) if stored.revision == base_revision => WriteCheck::Ok,
        Ok(stored) => WriteCheck::Stale {
            stored: Box::new(stored),
        },
    }
}

/// The user's action re-applied on the case another tab saved. Step actions name their step,
/// so a replay that no longer makes sense (the other tab already finished that step) fails
/// with the state machine's message instead of doing something else.
pub fn merge_by_replay(
    fresh: &Case,
    sop: &Sop,
    action: &Action,
    now_ms: i64,
    actor: &str,
) -> Result<Case, CaseError> {
    apply(fresh, sop, action, now_ms, actor)
}

// ---------------------------------------------------------------------------------------------
// Writes planned for the platform layer.
// ---------------------------------------------------------------------------------------------

/// localStorage operations to perform, in order: `set` first, then `remove`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Writes {
    pub set: Vec<(String, String)>,
    pub remove: Vec<String>,
}

impl Writes {
    pub fn is_empty(&self) -> bool {
        self.set.is_empty() && self.remove.is_empty()
    }
}

/// The writes that save `case`, and its new summary for the in-memory list. `stored_shard`
/// and `stored_meta` are the current values of `shard_key_for(case.created_ms)` and
/// [`META_KEY`]: the shard
/// is re-read rather than taken from memory so that another tab's recent change to a
/// neighbouring case of the same month is kept. A shard that cannot be read is replaced by one
/// holding this case and the index is marked for a rebuild at the next start.
pub fn plan_save(
    case: &Case,
    sop: &Sop,
    calendar: &WorkCalendar,
    stored_shard: Option<&str>,
    stored_meta: Option<&str>,
) -> Result<(Writes, CaseSummary), SaveError> {
    let mut stored = |key: &str| (if key == META_KEY { stored_meta } else { stored_shard }).map(str::to_string);
    let (writes, mut summaries) = plan_save_all(&[(case, sop)], calendar, &mut stored)?;
    Ok((writes, summaries.remove(0)))
}

/// The writes that save several cases at once (a page of cases pulled from the sync), as
/// [`plan_save`] saves one: each case's value, then each month shard they fall in and the
/// meta, each encoded and written once however many of the cases it holds (saving them one by
/// one re-encodes a month's shard for every case). `stored` reads the current value of a key
/// (a shard, [`META_KEY`]), each at most once. The cases' ids are distinct.
pub fn plan_save_all(
    cases: &[(&Case, &Sop)],
    calendar: &WorkCalendar,
    stored: &mut dyn FnMut(&str) -> Option<String>,
) -> Result<(Writes, Vec<CaseSummary>), SaveError> {
    let mut writes = Writes::default();
    let mut summaries = Vec::with_capacity(cases.len());
    // Month → its rows and whether the stored shard could be read.
    let mut shards: std::collections::BTreeMap<String, (Vec<CaseSummary>, bool)> = Default::default();
    for (case, sop) in cases {
        let summary = summarize(case, sop, calendar);
        writes.set.push((case_key(&case.id), encode_case(case)));
        let month = shard_of_ms(case.created_ms);
        let (rows, _) = shards
            .entry(month)
            .or_insert_with_key(|month| index::read_shard_for_update(stored(&shard_key(month)).as_deref()));
        match rows.iter_mut().find(|r| r.id == summary.id) {
            Some(r) => *r = summary.clone(),
            None => rows.push(summary.clone()),
        }
        summaries.push(summary);
    }
    let mut meta = stored(META_KEY);
    let mut meta_changed = false;
    for (month, (rows, shard_ok)) in &shards {
        writes.set.push((shard_key(month), index::encode_shard(rows)));
        if let Some(next) = index::meta_after_save(meta.as_deref(), month, !shard_ok)? {
            meta = Some(next);
            meta_changed = true;
        }
    }
    if let (true, Some(meta)) = (meta_changed, meta) {
        writes.set.push((META_KEY.to_string(), meta));
    }
    Ok((writes, summaries))
}

/// The writes that remove a case (after it was archived to a file): its key, its summary,
/// and its shard when that becomes empty.
pub fn plan_remove(
    id: &str,
    created_ms: i64,
    stored_shard: Option<&str>,
    stored_meta: Option<&str>,
) -> Result<Writes, SaveError> {
    let month = shard_of_ms(created_ms);
    let (mut rows, shard_ok) = index::read_shard_for_update(stored_shard);
    rows.retain(|r| r.id != id);
    let mut writes = Writes::default();
    let meta = if rows.is_empty() {
        writes.remove.push(shard_key(&month));
        index::meta_after_remove(stored_meta, &month, !shard_ok)?
    } else {
        writes
            .set
            .push((shard_key(&month), index::encode_shard(&rows)));
        index::meta_after_save(stored_meta, &month, !shard_ok)?
    };
    if let Some(meta) = meta {
        writes.set.push((META_KEY.to_string(), meta));
    }
    writes.remove.insert(0, case_key(id));
    Ok(writes)
}

// ---------------------------------------------------------------------------------------------
// Reading everything.
// ---------------------------------------------------------------------------------------------

/// The result of reading the whole store.
#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    /// Every case that could be read and validated, in list order.
    pub cases: Vec<Case>,
    /// Their summaries, in list order (see [`list_order`]).
    pub summaries: Vec<CaseSummary>,
    /// The values that could not be read or validated, verbatim.
    pub quarantined: Vec<Quarantined>,
    /// The stored index disagreed with the cases and `writes` holds the rebuilt one.
    pub index_rebuilt: bool,
    /// Cases read from an older schema whose re-encoded value is in `writes`.
    pub upgraded: usize,
    /// A value or the index was written by a newer app version: `writes` is empty, and the
    /// app should ask to reload rather than write.
    pub newer_data_seen: bool,
    /// What the platform layer should write to repair the store (empty when all is well).
    pub writes: Writes,
}

/// Reads every entry of localStorage (keys of other apps and other `lsk:` keys are ignored),
/// decodes and validates the cases, quarantines what fails, and compares the index with the
/// cases: when they disagree, `writes` holds a rebuilt index (the cases are the truth). Values
/// of an older schema are re-encoded in the current one (in `writes`) once the new value is
/// checked to decode to the same case.
pub fn load_all<K, V>(
    entries: impl IntoIterator<Item = (K, V)>,
    catalogue: &Catalogue,
    calendar: &WorkCalendar,
) -> LoadReport
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut report = LoadReport::default();
    let mut meta_raw: Option<String> = None;
    let mut shards: Vec<(String, String)> = Vec::new();
    let mut upgrades = Vec::new();
    for (key, raw) in entries {
        let (key, raw) = (key.as_ref(), raw.as_ref());
        if key == META_KEY {
            meta_raw = Some(raw.to_string());
        } else if key.starts_with(INDEX_KEY_PREFIX) {
            shards.push((key.to_string(), raw.to_string()));
        } else if key.starts_with(CASE_KEY_PREFIX) {
            let decoded = codec::decode_stored(key, raw).and_then(|(mut case, version)| {
                let fitted = fit_to_catalogue(&mut case, catalogue);
                validate_case(&case, catalogue).map(|()| (case, version, fitted))
            });
            match decoded {
                Ok((case, version, fitted)) => {
                    if version < u64::from(CURRENT_SCHEMA) || fitted {
                        let value = encode_case(&case);
                        if decode_case(key, &value).as_ref() == Ok(&case) {
                            upgrades.push((key.to_string(), value));
                        }
                    }
                    report.cases.push(case);
                }
                Err(reason) => {
                    report.newer_data_seen |= reason.is_future();
                    report.quarantined.push(Quarantined {
                        key: key.to_string(),
                        raw: raw.to_string(),
                        reason,
                    });
                }
            }
        }
    }
    report.quarantined.sort_by(|a, b| a.key.cmp(&b.key));
    let mut pairs: Vec<(CaseSummary, Case)> = std::mem::take(&mut report.cases)
        .into_iter()
        .filter_map(|c| {
            let sop = catalogue.sop(&c.sop_id)?;
            Some((summarize(&c, sop, calendar), c))
        })
        .collect();
    pairs.sort_by(|a, b| list_order(&a.0, &b.0));
    let (summaries, cases): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
    report.summaries = summaries;
    report.cases = cases;

    let quarantined_keys: Vec<&str> = report.quarantined.iter().map(|q| q.key.as_str()).collect();
    let verdict = index::compare_stored_index(
        meta_raw.as_deref(),
        &shards,
        &report.summaries,
        &quarantined_keys,
    );
    match verdict {
        index::StoredIndex::Newer => report.newer_data_seen = true,
        index::StoredIndex::Matches => {}
        index::StoredIndex::Differs => {
            report.index_rebuilt = true;
            report.writes = index::rebuild(&report.summaries, &quarantined_keys, &shards);
        }
    }
    if report.newer_data_seen {
        report.writes = Writes::default();
        report.index_rebuilt = false;
    } else {
        report.upgraded = upgrades.len();
        // Upgraded values first: the index written after them describes them.
        report.writes.set.splice(0..0, upgrades);
    }
    report
}

/// Code units a key and value take in localStorage's quota (UTF-16).
pub fn storage_units(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}
