//! Files the staff download and upload: one case handed over to another PC, a backup of the
//! whole store, and the case list as CSV for Excel.

use serde_json::{Map, Value};

use crate::calendar::WorkCalendar;
use crate::case::Case;
use crate::catalogue::Catalogue;
use crate::excel_csv::{push_row, BOM, CRLF};

use super::codec::{compact_encode, decode_versioned, parse_json, version_of};
use super::import::{decide_import, CaseLookup, ImportPlan, SenderNumbers};
use super::index::CaseSummary;
use super::{fit_to_catalogue, validate_case, DecodeError, CURRENT_SCHEMA};

/// The `kind` marker of a hand-over file holding one case.
pub const CASE_FILE_KIND: &str = "layanan-sop-katingan/case";
/// The `kind` marker of a backup of the whole store.
pub const BACKUP_FILE_KIND: &str = "layanan-sop-katingan/backup";

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia).
// ---------------------------------------------------------------------------------------------

/// The CSV header row (Excel, Indonesian locale: `;` separates the columns).
pub const CSV_HEADER: &str = "Nomor;SOP;Pemohon;Kontak;Perihal;Status;Langkah saat ini;Dibuat;Aktivitas terakhir;Waktu kerja (jam);Melewati waktu baku";
const CSV_YES: &str = "Ya";
const CSV_NO: &str = "Tidak";

fn csv_current_step(step_no: u32, status_label: &str) -> String {
    format!("Langkah {step_no} ({})", status_label.to_lowercase())
}

const MSG_NO_SCHEMA: &str = "nomor versi skema tidak ada";
const MSG_NO_CASE: &str = "berkas tidak memuat permohonan";
const MSG_NO_CASE_LIST: &str = "daftar permohonan tidak ada";
const MSG_DUPLICATE_IN_BACKUP: &str = "nomor yang sama muncul dua kali dalam berkas";

fn msg_count_differs(stated: u64, found: usize) -> String {
    format!("berkas menyebut {stated} permohonan tetapi memuat {found}")
}

const MSG_FILE_NOT_JSON: &str = "Berkas tidak dapat dibaca: isinya bukan JSON yang utuh (terpotong, atau bukan berkas yang diekspor dari aplikasi ini). Tidak ada yang diubah. Pilih berkas .json hasil \u{201c}Ekspor permohonan ini\u{201d} atau \u{201c}Unduh cadangan\u{201d}.";

impl ImportError {
    /// The message in plain Indonesian, and the parser's own words (often English) apart,
    /// for a "rincian teknis" the staff open only if someone asks them.
    pub fn explained(&self) -> (String, Option<String>) {
        match self {
            ImportError::NotJson { detail } => (MSG_FILE_NOT_JSON.to_string(), Some(detail.clone())),
            other => (msg_import_error(other), None),
        }
    }
}

fn msg_import_error(e: &ImportError) -> String {
    match e {
        ImportError::NotJson { .. } => MSG_FILE_NOT_JSON.to_string(),
        ImportError::WrongKind { expected, found } => {
            let what = if *expected == BACKUP_FILE_KIND { "berkas cadangan" } else { "berkas permohonan" };
            match found.as_deref() {
                Some(BACKUP_FILE_KIND) => "Ini berkas cadangan seluruh data; gunakan menu Pulihkan cadangan. Tidak ada yang diubah.".to_string(),
                Some(CASE_FILE_KIND) => "Ini berkas satu permohonan; gunakan menu Impor permohonan. Tidak ada yang diubah.".to_string(),
                _ => format!("Berkas ini bukan {what} Layanan SOP Katingan. Tidak ada yang diubah."),
            }
        }
        ImportError::FutureSchema { found } => format!("Berkas dibuat oleh versi aplikasi yang lebih baru (skema {found}). Muat ulang aplikasi agar versi terbaru yang dipakai, lalu coba lagi. Tidak ada yang diubah."),
        ImportError::BadContent { reason } => format!("Isi berkas rusak: {reason}. Tidak ada yang diubah."),
        ImportError::Older { number, file_revision, stored_revision } => format!(
            "Berkas memuat versi lama permohonan {number} (revisi {file_revision}); yang tersimpan di sini lebih baru (revisi {stored_revision}). Tidak diimpor."
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Errors and outcomes.
// ---------------------------------------------------------------------------------------------

/// Why a file was not imported. Nothing is changed in any of these cases. `Display` is the
/// Indonesian message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson {
        detail: String,
    },
    WrongKind {
        expected: &'static str,
        found: Option<String>,
    },
    FutureSchema {
        found: u64,
    },
    BadContent {
        reason: String,
    },
    /// The version stored here already holds everything the file's version holds.
    Older {
        number: String,
        file_revision: u64,
        stored_revision: u64,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg_import_error(self))
    }
}

impl std::error::Error for ImportError {}

// ---------------------------------------------------------------------------------------------
// One case.
// ---------------------------------------------------------------------------------------------

fn iso_utc(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

fn envelope(kind: &str, now_ms: i64) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("kind".into(), Value::from(kind));
    m.insert("schema".into(), Value::from(CURRENT_SCHEMA));
    m.insert("exported_at".into(), Value::from(iso_utc(now_ms)));
    m
}

/// The hand-over file of one case: `{"kind": "layanan-sop-katingan/case", "schema": 3,
/// "exported_at": "2026-11-12T03:00:00Z", "case": {…compact form with "id"…}}`, indented for
/// people. Without what this PC knows of its numbers: prefer [`export_case_with_numbers`].
pub fn export_case(case: &Case, now_ms: i64) -> String {
    export_case_with_numbers(case, &SenderNumbers::default(), now_ms)
}

/// The hand-over file of one case, with what this PC knows of the numbers of the case's SOP
/// and year (`"sender": {"highest": ["jht-2026-0007"], "moved": {"<uid>": "<number>"}}`), so
/// that the receiving PC resolves a number clash as this one would.
pub fn export_case_with_numbers(case: &Case, sender: &SenderNumbers, now_ms: i64) -> String {
    let mut m = envelope(CASE_FILE_KIND, now_ms);
    m.insert("case".into(), Value::Object(compact_encode(case, true)));
    if let Some(numbers) = sender.for_case(case).to_json() {
        m.insert("sender".into(), numbers);
    }
    serde_json::to_string_pretty(&Value::Object(m)).unwrap_or_default()
}

/// The file's object after the checks common to both kinds of file.
fn read_envelope(raw: &str, kind: &'static str) -> Result<(Map<String, Value>, u64), ImportError> {
    let text = raw.trim_start_matches('\u{feff}');
    let value = parse_json(text).map_err(|e| match e {
        DecodeError::Json { detail } => ImportError::NotJson { detail },
        other => ImportError::BadContent {
            reason: other.to_string(),
        },
    })?;
    let Value::Object(obj) = value else {
        return Err(ImportError::WrongKind {
            expected: kind,
            found: None,
        });
    };
    let found = obj.get("kind").and_then(Value::as_str);
    if found != Some(kind) {
        return Err(ImportError::WrongKind {
            expected: kind,
            found: found.map(str::to_string),
        });
    }
    let schema =
        obj.get("schema")
            .and_then(Value::as_u64)
            .ok_or_else(|| ImportError::BadContent {
                reason: MSG_NO_SCHEMA.to_string(),
            })?;
    if schema > u64::from(CURRENT_SCHEMA) {
        return Err(ImportError::FutureSchema { found: schema });
    }
    Ok((obj, schema))
}

/// A case object of a file of schema `schema` (v1 files hold the v1 case object, v2 and v3
/// files the compact object with its id), checked against the catalogue.
fn case_from_file_value(
    value: Value,
    schema: u64,
    catalogue: &Catalogue,
) -> Result<Case, ImportError> {
    let bad = |e: DecodeError| ImportError::BadContent {
        reason: e.to_string(),
    };
    let case = match schema {
        1 => {
            let mut env = Map::new();
            env.insert("schema".into(), Value::from(1));
            env.insert("case".into(), value);
            decode_versioned(Value::Object(env), 1, None).map_err(bad)?
        }
        _ => {
            let version = version_of(&value).map_err(bad)?;
            if version > u64::from(CURRENT_SCHEMA) {
                return Err(ImportError::FutureSchema { found: version });
            }
            decode_versioned(value, version, None).map_err(bad)?
        }
    };
    let mut case = case;
    fit_to_catalogue(&mut case, catalogue);
    validate_case(&case, catalogue).map_err(bad)?;
    Ok(case)
}

/// The case in a hand-over file, checked against the catalogue.
pub fn parse_case_file(raw: &str, catalogue: &Catalogue) -> Result<Case, ImportError> {
    read_case_file(raw, catalogue).map(|(case, _)| case)
}

/// The case in a hand-over file, checked against the catalogue, and what the sending PC knew
/// of its numbers (nothing, in files of schema 1 and 2).
pub fn read_case_file(
    raw: &str,
    catalogue: &Catalogue,
) -> Result<(Case, SenderNumbers), ImportError> {
    let (mut obj, schema) = read_envelope(raw, CASE_FILE_KIND)?;
    let case = obj.remove("case").ok_or_else(|| ImportError::BadContent {
        reason: MSG_NO_CASE.to_string(),
    })?;
    let case = case_from_file_value(case, schema, catalogue)?;
    Ok((case, SenderNumbers::from_json(obj.get("sender"))))
}

/// Reads a hand-over file and decides what importing its case does on the PC `here`
/// describes ([`decide_import`]).
pub fn import_case(
    raw: &str,
    here: &(impl CaseLookup + ?Sized),
    catalogue: &Catalogue,
) -> Result<ImportPlan, ImportError> {
    let (case, sender) = read_case_file(raw, catalogue)?;
    decide_import(case, &sender, here, catalogue)
}

// ---------------------------------------------------------------------------------------------
// Backup of the whole store.
// ---------------------------------------------------------------------------------------------

/// A backup file: `{"kind": "layanan-sop-katingan/backup", "schema": 3, "exported_at": …,
/// "staff": "…"|null, "count": n, "cases": [{…compact form with "id"…}, …]}`, one case per
/// line.
pub fn export_backup(cases: &[Case], staff_name: Option<&str>, now_ms: i64) -> String {
    let mut m = envelope(BACKUP_FILE_KIND, now_ms);
    m.insert("staff".into(), staff_name.map_or(Value::Null, Value::from));
    m.insert("count".into(), Value::from(cases.len()));
    // The envelope is written by hand so each case sits on its own line: a diff or a text
    // editor can still make sense of a large backup.
    let head = Value::Object(m).to_string();
    let mut out = String::with_capacity(cases.len() * 600 + head.len() + 16);
    out.push_str(head.strip_suffix('}').unwrap_or(&head));
    out.push_str(",\"cases\":[");
    for (i, c) in cases.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&Value::Object(compact_encode(c, true)).to_string());
    }
    out.push_str("\n]}\n");
    out
}

/// A case of a backup that could not be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedCase {
    /// Its id when readable, else "#<position>".
    pub label: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupContents {
    pub cases: Vec<Case>,
    /// Cases that could not be read or do not fit the catalogue: reported, never dropped
    /// silently (the file itself stays with the staff).
    pub skipped: Vec<SkippedCase>,
    pub staff: Option<String>,
    pub exported_at: String,
    /// What the backup's PC knew of its numbers, as its cases tell: pass it to
    /// [`decide_import`] with each case.
    pub sender: SenderNumbers,
}

/// The cases of a backup file, each checked against the catalogue. The file as a whole must
/// be a backup of a known schema; a single unreadable case is skipped and reported rather than
/// blocking the other cases. Import each case with [`decide_import`], in order, each against
/// the store as the previous ones left it.
pub fn import_backup(raw: &str, catalogue: &Catalogue) -> Result<BackupContents, ImportError> {
    let (mut obj, schema) = read_envelope(raw, BACKUP_FILE_KIND)?;
    let Some(Value::Array(entries)) = obj.remove("cases") else {
        return Err(ImportError::BadContent {
            reason: MSG_NO_CASE_LIST.to_string(),
        });
    };
    if let Some(count) = obj.get("count").and_then(Value::as_u64) {
        if count != entries.len() as u64 {
            return Err(ImportError::BadContent {
                reason: msg_count_differs(count, entries.len()),
            });
        }
    }
    let mut contents = BackupContents {
        cases: Vec::with_capacity(entries.len()),
        skipped: Vec::new(),
        staff: obj.get("staff").and_then(Value::as_str).map(str::to_string),
        exported_at: obj
            .get("exported_at")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        sender: SenderNumbers::default(),
    };
    let mut seen = std::collections::HashSet::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let label = entry
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(|| format!("#{}", i + 1), str::to_string);
        match case_from_file_value(entry, schema, catalogue) {
            Ok(case) if !seen.insert(case.id.clone()) => contents.skipped.push(SkippedCase {
                label,
                reason: MSG_DUPLICATE_IN_BACKUP.to_string(),
            }),
            Ok(case) => contents.cases.push(case),
            Err(e) => contents.skipped.push(SkippedCase {
                label,
                reason: e.to_string(),
            }),
        }
    }
    contents.sender = SenderNumbers::of_cases(&contents.cases);
    Ok(contents)
}

// ---------------------------------------------------------------------------------------------
// Archiving.
// ---------------------------------------------------------------------------------------------

/// What archiving needs to know of a case or of its summary.
pub trait Archivable {
    fn is_open(&self) -> bool;
    fn updated_ms(&self) -> i64;
}

impl Archivable for Case {
    fn is_open(&self) -> bool {
        Case::is_open(self)
    }
    fn updated_ms(&self) -> i64 {
        self.updated_ms
    }
}

impl Archivable for CaseSummary {
    fn is_open(&self) -> bool {
        CaseSummary::is_open(self)
    }
    fn updated_ms(&self) -> i64 {
        self.updated_ms
    }
}

/// (archivable, kept): closed cases with no activity since `older_than_ms` can be moved to a
/// backup file and removed from the browser; open cases are always kept.
pub fn partition_archivable<T: Archivable>(cases: &[T], older_than_ms: i64) -> (Vec<&T>, Vec<&T>) {
    cases
        .iter()
        .partition(|c| !c.is_open() && c.updated_ms() < older_than_ms)
}

// ---------------------------------------------------------------------------------------------
// CSV for Excel (Indonesian locale).
// ---------------------------------------------------------------------------------------------


fn local_time(calendar: &WorkCalendar, ms: i64) -> String {
    calendar
        .utc_ms_to_local(ms)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// Hours with two decimals and a decimal comma, rounded: 95 minutes → "1,58".
fn hours_decimal_comma(minutes: u64) -> String {
    let centi = (u128::from(minutes) * 100 + 30) / 60;
    format!("{},{:02}", centi / 100, centi % 100)
}

/// The case list as CSV for Excel with the Indonesian locale: UTF-8 with BOM, `;`, CRLF,
/// dates `dd/mm/yyyy HH:MM` in office time, hours with a decimal comma, formula injection
/// guarded. Rows in the order given.
pub fn cases_csv(
    cases: &[Case],
    catalogue: &Catalogue,
    calendar: &WorkCalendar,
    now_ms: i64,
) -> String {
    let mut out = String::with_capacity(256 + cases.len() * 200);
    out.push(BOM);
    out.push_str(CSV_HEADER);
    out.push_str(CRLF);
    for c in cases {
        let sop = catalogue.sop(&c.sop_id);
        let current = match (c.current, sop) {
            (Some(i), Some(sop)) => sop
                .steps
                .get(i)
                .zip(c.steps.get(i))
                .map(|(step, rec)| csv_current_step(step.no, rec.status.label()))
                .unwrap_or_default(),
            _ => String::new(),
        };
        let overdue = sop.is_some_and(|sop| c.case_overdue(sop, now_ms, calendar));
        let cells = [
            c.number.as_str(),
            sop.map_or(&*c.sop_id, |s| &*s.title),
            &c.applicant,
            &c.contact,
            &c.subject,
            c.status.label(),
            &current,
            &local_time(calendar, c.created_ms),
            &local_time(calendar, c.updated_ms),
            &hours_decimal_comma(c.case_working_minutes(now_ms, calendar)),
            if overdue { CSV_YES } else { CSV_NO },
        ];
        push_row(&mut out, cells);
    }
    out
}
