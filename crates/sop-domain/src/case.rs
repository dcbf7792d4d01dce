//! A case (*permohonan*) that the office's staff walk through one SOP, step by step.
//!
//! The state machine is pure: every change is an [`Action`] applied with [`apply`], which takes
//! the time (`now_ms`, UTC milliseconds) and the staff member (`actor`) as arguments and
//! returns a new [`Case`] with `revision + 1`, `updated_ms` and one more [`AuditEntry`]. Nothing
//! here reads the clock or storage (`store.rs` encodes cases for localStorage).
//!
//! Time is never a ticking counter: a step keeps the [`Interval`]s it was worked on, and every
//! elapsed or working time is derived from those timestamps and `now_ms`, so a reload, a sleep
//! of the PC or a clock that jumps backwards cannot corrupt it (negative spans count 0).
//!
//! A step can be visited more than once (a decision answered "Tidak" leads back to an earlier
//! step): its intervals accumulate over the visits, `visits` counts them, and all of them count
//! towards its time.
//!
//! The audit log is complete: every action appends an entry holding everything the action
//! changed in a step (interval starts and ends, answers, ticks, notes). `store.rs` relies on this
//! to leave those per-step records out of the stored form and recompute them from the log.
//!
//! A case has two names. Its *number* ("JHT/0007/XI/2026", and the id "jht-2026-0007" made from
//! it) is what the office prints; every PC gives numbers out on its own, so two PCs can give the
//! same number to two different cases. Its *uid* is made once, when the case is created, and
//! never changes: it tells "the same case, changed on two PCs" from "two cases that got the same
//! number". When two cases claim one number, [`clash_order`] says which keeps it and
//! [`renumber`] moves the other to a free number, remembering the old one.

use chrono::{Datelike, NaiveDateTime};

use crate::calendar::{WorkCalendar, WIB_OFFSET_MINUTES};
use crate::catalogue::{Answer, DecisionTarget, Sop, Target};

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia).
// ---------------------------------------------------------------------------------------------

/// Labels of the case statuses, as the staff read them.
pub const LABEL_BERJALAN: &str = "Berjalan";
pub const LABEL_SELESAI: &str = "Selesai";
pub const LABEL_DITOLAK: &str = "Ditolak";
pub const LABEL_DIBATALKAN: &str = "Dibatalkan";

/// Labels of the step statuses.
pub const LABEL_STEP_PENDING: &str = "Belum dimulai";
pub const LABEL_STEP_RUNNING: &str = "Sedang dikerjakan";
pub const LABEL_STEP_PAUSED: &str = "Dijeda";
pub const LABEL_STEP_DONE: &str = "Selesai";
pub const LABEL_STEP_SKIPPED: &str = "Dilewati";

/// Names of the fields a staff member fills in, used in messages.
pub const FIELD_APPLICANT: &str = "Nama pemohon";
pub const FIELD_CONTACT: &str = "Kontak";
pub const FIELD_SUBJECT: &str = "Perihal";
pub const FIELD_NOTES: &str = "Keterangan";
pub const FIELD_NOTE: &str = "Catatan";
pub const FIELD_CANCEL_REASON: &str = "Alasan pembatalan";
pub const FIELD_ACTOR: &str = "Nama petugas";

const MSG_NO_CHANGE: &str = "Tidak ada perubahan untuk disimpan.";

fn msg_required(field: &str) -> String {
    format!("{field} wajib diisi.")
}

fn msg_too_long(field: &str, max: usize) -> String {
    format!("{field} terlalu panjang (paling banyak {max} karakter).")
}

fn msg_closed(status: CaseStatus) -> String {
    let state = match status {
        CaseStatus::Selesai => "sudah selesai",
        CaseStatus::Ditolak => "sudah ditolak",
        CaseStatus::Dibatalkan => "sudah dibatalkan",
        CaseStatus::Berjalan => "berjalan",
    };
    format!("Permohonan ini {state}; langkahnya tidak dapat diubah lagi (catatan masih dapat ditambahkan).")
}

fn msg_no_such_step(index: usize) -> String {
    format!("Langkah urutan ke-{} tidak ada pada SOP ini.", index + 1)
}

fn msg_not_current(step_no: u32, current_no: Option<u32>) -> String {
    match current_no {
        Some(c) => format!("Langkah {step_no} bukan langkah yang sedang dikerjakan; langkah saat ini adalah langkah {c}."),
        None => format!("Langkah {step_no} bukan langkah yang sedang dikerjakan."),
    }
}

fn msg_wrong_step_status(step_no: u32, status: StepStatus, action: StepAction) -> String {
    let now = match status {
        StepStatus::Pending => "belum dimulai",
        StepStatus::Running => "sedang dikerjakan",
        StepStatus::Paused => "sedang dijeda",
        StepStatus::Done => "sudah selesai",
        StepStatus::Skipped => "dilewati",
    };
    let wanted = match action {
        StepAction::Start => "hanya langkah yang belum dimulai yang dapat dimulai",
        StepAction::Pause => "hanya langkah yang sedang dikerjakan yang dapat dijeda",
        StepAction::Resume => "hanya langkah yang dijeda yang dapat dilanjutkan",
        StepAction::Finish => "mulai langkah ini dahulu sebelum menyelesaikannya",
    };
    format!("Langkah {step_no} {now}: {wanted}.")
}

fn msg_is_decision(step_no: u32, question: &str) -> String {
    format!("Langkah {step_no} adalah keputusan (\u{201c}{question}\u{201d}): jawab Ya atau Tidak.")
}

fn msg_not_decision(step_no: u32) -> String {
    format!("Langkah {step_no} bukan keputusan; tandai langkah ini selesai.")
}

fn msg_no_such_item(item: usize) -> String {
    format!("Butir kelengkapan ke-{} tidak ada pada SOP ini.", item + 1)
}

fn msg_tick_unchanged(ticked: bool) -> String {
    if ticked {
        "Butir kelengkapan ini sudah dicentang.".to_string()
    } else {
        "Butir kelengkapan ini memang belum dicentang.".to_string()
    }
}

fn msg_wrong_sop(case_sop: &str, given: &str) -> String {
    format!("Permohonan ini memakai SOP \u{201c}{case_sop}\u{201d}, bukan \u{201c}{given}\u{201d}.")
}

fn msg_invalid_uid(uid: &str) -> String {
    format!(
        "Kode unik permohonan \u{201c}{uid}\u{201d} tidak sah (1\u{2013}{MAX_UID_CHARS} huruf, angka, \u{201c}-\u{201d} atau \u{201c}_\u{201d})."
    )
}

fn msg_steps_mismatch(sop_id: &str, recorded: usize, in_sop: usize) -> String {
    format!(
        "Data permohonan tidak cocok dengan SOP \u{201c}{sop_id}\u{201d}: tercatat {recorded} langkah, SOP memiliki {in_sop} langkah."
    )
}

/// One line of the audit log in words, e.g. "Langkah 4 diputuskan: Tidak, kembali ke langkah 1".
fn describe_audit(
    kind: &AuditKind,
    step_no: Option<u32>,
    target_no: impl Fn(usize) -> u32,
    detail: &str,
) -> String {
    let step = step_no.map_or_else(String::new, |n| format!("Langkah {n}"));
    let to = |t: &Target| match *t {
        Target::Step(i) => format!("lanjut ke langkah {}", target_no(i)),
        Target::Rejected => "permohonan ditolak".to_string(),
        Target::Done => "permohonan selesai".to_string(),
    };
    match kind {
        AuditKind::Create => format!("Permohonan dibuat{}", prefixed(": ", detail)),
        AuditKind::Start => format!("{step} dimulai"),
        AuditKind::Pause => format!("{step} dijeda"),
        AuditKind::Resume => format!("{step} dilanjutkan"),
        AuditKind::Finish { to: t } => format!("{step} selesai, {}", to(t)),
        AuditKind::Decide { answer, to: t } => {
            let a = match answer {
                Answer::Yes => "Ya",
                Answer::No => "Tidak",
            };
            let back = match *t {
                Target::Step(i) if step_no.is_some_and(|n| target_no(i) <= n) => {
                    format!("kembali ke langkah {}", target_no(i))
                }
                _ => to(t),
            };
            format!("{step} diputuskan: {a}, {back}")
        }
        AuditKind::Note if step_no.is_some() => {
            format!("Catatan pada {}: {detail}", step.to_lowercase())
        }
        AuditKind::Note => format!("Catatan: {detail}"),
        AuditKind::Tick { item, ticked: true } => {
            format!("{step}: butir kelengkapan {} dicentang", item + 1)
        }
        AuditKind::Tick {
            item,
            ticked: false,
        } => format!("{step}: centang butir kelengkapan {} dihapus", item + 1),
        AuditKind::Cancel => format!("Permohonan dibatalkan: {detail}"),
        AuditKind::Edit => format!("Data permohonan diubah{}", prefixed(": ", detail)),
        AuditKind::Renumbered => match renumbering_of(detail) {
            Some((from, to)) => {
                format!("Nomor diubah dari {from} menjadi {to} karena {REASON_RENUMBERED}.")
            }
            None => format!("Nomor diubah{}", prefixed(": ", detail)),
        },
        AuditKind::Merged => format!(
            "Dua versi permohonan yang diubah terpisah digabung{}; riwayat keduanya disimpan utuh",
            prefixed(": ", detail)
        ),
    }
}

/// After an entry kept without effect in a merged history (`AuditEntry::no_effect`).
const NO_EFFECT_NOTE: &str =
    "(tidak berpengaruh: saat dua versi digabung, permohonan sudah dalam keadaan lain)";

/// Who writes the entry of a merge: the app itself, the same on every PC, so that two PCs
/// merging the same two versions write the same entry.
pub const ACTOR_APP: &str = "Aplikasi";

/// Why a case is renumbered; the only reason there is (see [`clash_order`]).
const REASON_RENUMBERED: &str =
    "nomor itu sudah dipakai permohonan lain (dibuat lebih dulu) di perangkat ini";

/// How an edit is written in the audit log: each changed field with its old value, so that a
/// mistaken edit can be undone by hand.
fn describe_edit_change(field: &str, old: &str, new: &str) -> String {
    format!("{field} \u{201c}{old}\u{201d} \u{2192} \u{201c}{new}\u{201d}")
}

fn prefixed(prefix: &str, s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("{prefix}{s}")
    }
}

/// Roman numerals of the months, as the office writes them in numbers ("JHT/0007/XI/2026").
const ROMAN_MONTHS: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

// ---------------------------------------------------------------------------------------------
// Limits: a case is kept in localStorage (about five million characters for the whole office),
// so one runaway paste must not eat the quota.
// ---------------------------------------------------------------------------------------------

pub const MAX_APPLICANT_CHARS: usize = 200;
pub const MAX_CONTACT_CHARS: usize = 200;
pub const MAX_SUBJECT_CHARS: usize = 500;
pub const MAX_NOTES_CHARS: usize = 4_000;
pub const MAX_NOTE_CHARS: usize = 2_000;
pub const MAX_REASON_CHARS: usize = 1_000;
pub const MAX_ACTOR_CHARS: usize = 100;
/// A uid becomes part of a CouchDB document id and of file contents; longer ones are not ours.
pub const MAX_UID_CHARS: usize = 96;

// ---------------------------------------------------------------------------------------------
// The model.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CaseStatus {
    Berjalan,
    Selesai,
    Ditolak,
    Dibatalkan,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 4] = [
        CaseStatus::Berjalan,
        CaseStatus::Selesai,
        CaseStatus::Ditolak,
        CaseStatus::Dibatalkan,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CaseStatus::Berjalan => LABEL_BERJALAN,
            CaseStatus::Selesai => LABEL_SELESAI,
            CaseStatus::Ditolak => LABEL_DITOLAK,
            CaseStatus::Dibatalkan => LABEL_DIBATALKAN,
        }
    }

    pub fn is_open(self) -> bool {
        self == CaseStatus::Berjalan
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepStatus {
    /// Not started (or to be done again after a decision led back to it).
    Pending,
    Running,
    Paused,
    Done,
    /// Passed over by a decision that jumped ahead.
    Skipped,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::Pending => LABEL_STEP_PENDING,
            StepStatus::Running => LABEL_STEP_RUNNING,
            StepStatus::Paused => LABEL_STEP_PAUSED,
            StepStatus::Done => LABEL_STEP_DONE,
            StepStatus::Skipped => LABEL_STEP_SKIPPED,
        }
    }
}

/// A span of work on a step; `end_ms` is `None` while the step is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub start_ms: i64,
    pub end_ms: Option<i64>,
}

impl Interval {
    /// Milliseconds of this span; an open span runs up to `now_ms`. Never negative: a span
    /// that ends before it starts (the clock was set back) counts 0.
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        let end = self.end_ms.unwrap_or(now_ms);
        end.saturating_sub(self.start_ms).max(0)
    }

    /// The working minutes of this span on the office calendar (0 for a backwards span).
    pub fn working_minutes(&self, now_ms: i64, calendar: &WorkCalendar) -> u64 {
        let end = self.end_ms.unwrap_or(now_ms);
        if end <= self.start_ms {
            return 0;
        }
        calendar.working_minutes_between(
            calendar.utc_ms_to_local(self.start_ms),
            calendar.utc_ms_to_local(end),
        )
    }
}

/// A note written by a staff member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub at_ms: i64,
    pub actor: String,
    pub text: String,
}

/// What happened to one step of the SOP in this case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepRecord {
    pub status: StepStatus,
    /// How many times the step was started (more than once when a decision led back to it).
    pub visits: u32,
    /// Every span of work, over all visits, in the order they were opened.
    pub intervals: Vec<Interval>,
    /// The last answer given, for a decision step.
    pub answer: Option<Answer>,
    /// The ticked kelengkapan items: indices into `Sop::checklist(step)`, ascending.
    pub checklist: Vec<u16>,
    pub notes: Vec<Note>,
}

impl Default for StepRecord {
    fn default() -> Self {
        StepRecord {
            status: StepStatus::Pending,
            visits: 0,
            intervals: Vec::new(),
            answer: None,
            checklist: Vec::new(),
            notes: Vec::new(),
        }
    }
}

impl StepRecord {
    /// Milliseconds worked on this step over all its visits; an open interval counts up to
    /// `now_ms`; never negative.
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        self.intervals
            .iter()
            .fold(0i64, |sum, i| sum.saturating_add(i.elapsed_ms(now_ms)))
    }

    /// Working minutes on the office calendar over all intervals.
    pub fn working_minutes(&self, now_ms: i64, calendar: &WorkCalendar) -> u64 {
        self.intervals
            .iter()
            .map(|i| i.working_minutes(now_ms, calendar))
            .sum()
    }

    pub fn is_ticked(&self, item: usize) -> bool {
        u16::try_from(item).is_ok_and(|i| self.checklist.binary_search(&i).is_ok())
    }

    /// The open interval, if the step is being worked on.
    pub fn open_interval(&self) -> Option<&Interval> {
        self.intervals.last().filter(|i| i.end_ms.is_none())
    }

    // The bookkeeping below is shared by `apply` and by `replay_step_records`, so that the
    // per-step records recomputed from the audit log are exactly those `apply` wrote.

    fn begin(&mut self, at_ms: i64, new_visit: bool) {
        if new_visit {
            self.visits += 1;
        }
        self.intervals.push(Interval {
            start_ms: at_ms,
            end_ms: None,
        });
    }

    /// Closes the open interval. A clock set back since the start gives an empty span (end =
    /// start), never a negative one.
    fn end(&mut self, at_ms: i64) {
        if let Some(open) = self.intervals.last_mut().filter(|i| i.end_ms.is_none()) {
            open.end_ms = Some(at_ms.max(open.start_ms));
        }
    }

    fn tick(&mut self, item: u16, ticked: bool) {
        match (self.checklist.binary_search(&item), ticked) {
            (Err(pos), true) => self.checklist.insert(pos, item),
            (Ok(pos), false) => {
                self.checklist.remove(pos);
            }
            _ => {}
        }
    }
}

/// The kind of an audit entry, with the data the action recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditKind {
    Create,
    Start,
    Pause,
    Resume,
    /// A plain step finished; `to` is where the case went (the next step, or done).
    Finish {
        to: Target,
    },
    /// A decision answered; `to` is where the answer led. Kept in the log so that history
    /// reads the same even if the SOP's data is corrected later.
    Decide {
        answer: Answer,
        to: Target,
    },
    /// `detail` holds the note's text.
    Note,
    Tick {
        item: u16,
        ticked: bool,
    },
    /// `detail` holds the reason.
    Cancel,
    /// `detail` lists the changed fields with old and new values.
    Edit,
    /// The case took another number because another case kept its number ([`renumber`]).
    /// `detail` is `<old number> → <new number>` (see [`renumbering_of`]); the new number is
    /// one this crate made, so it never holds the arrow and the split is unambiguous.
    Renumbered,
    /// Two versions of the case, changed apart on two PCs, were merged (`merge::merge_cases`).
    /// `detail` names both versions; the entries of both are all in the log.
    Merged,
}

/// One line of the case's history. Every action appends one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub at_ms: i64,
    pub actor: String,
    pub kind: AuditKind,
    /// The step the action was about (for a cancel: the step the case was at).
    pub step: Option<usize>,
    /// Free text: a note, a cancel reason, the changes of an edit; empty otherwise.
    pub detail: String,
    /// Kept for the record without changing the case: when two versions of the case were
    /// merged, this entry no longer fitted the merged state (e.g. both PCs finished the same
    /// step; the second finish is kept, marked, and the step is finished once). Never set by
    /// `apply`. Not part of the entry's identity: see `merge.rs`.
    pub no_effect: bool,
}

impl AuditEntry {
    /// The entry in words, with step numbers as printed in `sop` (the case's SOP).
    pub fn describe(&self, sop: &Sop) -> String {
        let no = |i: usize| sop.steps.get(i).map_or(i as u32 + 1, |s| s.no);
        let text = describe_audit(&self.kind, self.step.map(no), no, &self.detail);
        if self.no_effect {
            format!("{text} {NO_EFFECT_NOTE}")
        } else {
            text
        }
    }
}

/// What a staff member types when creating or editing a case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseFields {
    /// The person's or company's name.
    pub applicant: String,
    pub contact: String,
    pub subject: String,
    /// Free remarks about the case (editable; the step notes are a separate, dated log).
    pub notes: String,
}

/// One application being handled by the office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Stable and URL-safe ("jht-2026-0007"); also the storage key's suffix.
    pub id: String,
    /// The office's number, "JHT/0007/XI/2026".
    pub number: String,
    /// Made once when the case is created (the caller brings the randomness: the domain has
    /// none) and never changed, not even by a renumbering: the same uid on two PCs is the same
    /// case. Cases stored before uids existed get [`derived_uid`].
    pub uid: String,
    /// The numbers this case had before it was renumbered, oldest first: printed documents
    /// may still carry them, so the case list finds the case by them too.
    pub previous_numbers: Vec<String>,
    pub sop_id: String,
    pub applicant: String,
    pub contact: String,
    pub subject: String,
    pub notes: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    /// Incremented by every action; two tabs detect a stale write with it.
    pub revision: u64,
    pub status: CaseStatus,
    /// The step being worked on; `None` once the case is closed.
    pub current: Option<usize>,
    /// One record per step of the SOP, by index.
    pub steps: Vec<StepRecord>,
    /// Dated notes about the case as a whole (a step's notes are in its record).
    pub case_notes: Vec<Note>,
    pub audit: Vec<AuditEntry>,
    pub cancel_reason: Option<String>,
}

/// A change to a case. Steps are named by index, so an action replayed on a case that another
/// tab has moved on fails with a clear message instead of acting on a different step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    StartStep {
        step: usize,
    },
    PauseStep {
        step: usize,
    },
    ResumeStep {
        step: usize,
    },
    /// Finishes a plain step (a decision is answered with `Decide`).
    FinishStep {
        step: usize,
    },
    Decide {
        step: usize,
        answer: Answer,
    },
    /// A note on a step, or on the whole case when `step` is `None`.
    AddNote {
        step: Option<usize>,
        text: String,
    },
    /// Ticks or unticks a kelengkapan item (an index into `Sop::checklist(step)`).
    TickChecklist {
        step: usize,
        item: usize,
        ticked: bool,
    },
    Cancel {
        reason: String,
    },
    Edit(CaseFields),
}

/// The timer actions on a step, named in [`CaseError::WrongStepStatus`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    Start,
    Pause,
    Resume,
    /// Finishing a plain step or answering a decision.
    Finish,
}

/// Why an action was refused. `Display` gives the Indonesian message for the staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseError {
    Required {
        field: &'static str,
    },
    TooLong {
        field: &'static str,
        max: usize,
    },
    Closed {
        status: CaseStatus,
    },
    NoSuchStep {
        index: usize,
    },
    NotCurrent {
        step_no: u32,
        current_no: Option<u32>,
    },
    WrongStepStatus {
        step_no: u32,
        status: StepStatus,
        action: StepAction,
    },
    IsDecision {
        step_no: u32,
        question: String,
    },
    NotDecision {
        step_no: u32,
    },
    NoSuchItem {
        item: usize,
    },
    TickUnchanged {
        ticked: bool,
    },
    NoChange,
    WrongSop {
        case_sop: String,
        given: String,
    },
    StepsMismatch {
        sop_id: String,
        recorded: usize,
        in_sop: usize,
    },
    /// A uid that is empty, too long or holds other characters than letters, digits, `-`, `_`.
    InvalidUid {
        uid: String,
    },
}

impl std::fmt::Display for CaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            CaseError::Required { field } => msg_required(field),
            CaseError::TooLong { field, max } => msg_too_long(field, *max),
            CaseError::Closed { status } => msg_closed(*status),
            CaseError::NoSuchStep { index } => msg_no_such_step(*index),
            CaseError::NotCurrent {
                step_no,
                current_no,
            } => msg_not_current(*step_no, *current_no),
            CaseError::WrongStepStatus {
                step_no,
                status,
                action,
            } => msg_wrong_step_status(*step_no, *status, *action),
            CaseError::IsDecision { step_no, question } => msg_is_decision(*step_no, question),
            CaseError::NotDecision { step_no } => msg_not_decision(*step_no),
            CaseError::NoSuchItem { item } => msg_no_such_item(*item),
            CaseError::TickUnchanged { ticked } => msg_tick_unchanged(*ticked),
            CaseError::NoChange => MSG_NO_CHANGE.to_string(),
            CaseError::WrongSop { case_sop, given } => msg_wrong_sop(case_sop, given),
            CaseError::StepsMismatch {
                sop_id,
                recorded,
                in_sop,
            } => msg_steps_mismatch(sop_id, *recorded, *in_sop),
            CaseError::InvalidUid { uid } => msg_invalid_uid(uid),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for CaseError {}

// ---------------------------------------------------------------------------------------------
// Numbering.
// ---------------------------------------------------------------------------------------------

/// The id and number of a new case of `sop` created at `now_local` (office-local time):
/// running number = the highest number of this SOP code in the same year + 1 (gaps are not
/// filled: a number once given out is never reused), Roman month of creation, year.
///
/// `existing` may hold case numbers ("JHT/0007/XI/2026") or case ids ("jht-2026-0007"), so
/// that the ids of stored values that could not be read (quarantined) still reserve their
/// numbers. Anything else is ignored.
pub fn next_number<'a>(
    sop: &Sop,
    existing: impl Iterator<Item = &'a str>,
    now_local: NaiveDateTime,
) -> (String, String) {
    let year = now_local.year();
    let running = highest_running(&sop.code, year, existing) + 1;
    let month = ROMAN_MONTHS[now_local.month0() as usize];
    (
        case_id(&sop.code, year, running),
        format!("{}/{running:04}/{month}/{year}", sop.code),
    )
}

/// The highest running number of SOP code `code` in `year` among `existing` (numbers or ids,
/// anything else ignored); 0 when there is none.
pub fn highest_running<'a>(code: &str, year: i32, existing: impl Iterator<Item = &'a str>) -> u32 {
    let code_bytes = code.as_bytes();
    // Most numbers belong to other SOPs: reject them on their first bytes before parsing.
    let may_match = |s: &&str| {
        let b = s.as_bytes();
        b.len() > code_bytes.len()
            && b[..code_bytes.len()].eq_ignore_ascii_case(code_bytes)
            && matches!(b[code_bytes.len()], b'/' | b'-')
    };
    existing
        .filter(may_match)
        .filter_map(parse_case_number)
        .filter(|n| n.year == year && n.code.eq_ignore_ascii_case(code))
        .map(|n| n.running)
        .max()
        .unwrap_or(0)
}

fn case_id(code: &str, year: i32, running: u32) -> String {
    format!("{}-{year}-{running:04}", code.to_ascii_lowercase())
}

/// The id (storage key suffix, URL part) that goes with a number or an id: "JHT/0007/XI/2026" →
/// "jht-2026-0007". Two numbers with the same id (same code, running number and year, another
/// month) are the same number for storage: they clash.
pub fn case_id_for_number(number: &str) -> Option<String> {
    parse_case_number(number).map(|n| case_id(n.code, n.year, n.running))
}

/// The uid of a case stored before uids existed (schema 1 and 2): made from its id and its
/// creation time, so every PC that holds a copy of the same old case gives it the same uid,
/// and two old cases that got the same number at different moments get different ones.
pub fn derived_uid(id: &str, created_ms: i64) -> String {
    format!("lama-{id}-{created_ms}")
}

/// Letters, digits, `-` and `_`, 1 to [`MAX_UID_CHARS`] of them: safe in a CouchDB document id,
/// a file and a URL. A random 96-bit value in base64url (16 characters) is plenty.
pub fn is_valid_uid(uid: &str) -> bool {
    !uid.is_empty()
        && uid.len() <= MAX_UID_CHARS
        && uid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The clash rule: which of two different cases claiming the same number keeps it. The one
/// created first keeps it (`Less`: `a` keeps it); at the same millisecond the smaller uid does,
/// so every PC decides alike whatever order the cases reach it in. The other one is moved
/// with [`renumber`] to [`next_free_number`].
///
/// Equal uids are the same case, never a clash; the order is then `Equal`.
pub fn clash_order(a: &Case, b: &Case) -> std::cmp::Ordering {
    (a.created_ms, a.uid.as_str()).cmp(&(b.created_ms, b.uid.as_str()))
}

/// The id and number a case takes when it loses a clash: its own SOP code, month and year,
/// and the running number one above the highest `known` for that code and year. `known` must
/// hold everything the PC resolving the clash knows (numbers and previous numbers of its
/// cases, ids of unreadable values, the numbers the other PC reported): a number once seen is
/// never given out again.
pub fn next_free_number<'a>(
    case: &Case,
    sop: &Sop,
    known: impl Iterator<Item = &'a str>,
) -> (String, String) {
    let (code, month, year) = number_frame(case, sop);
    let own = highest_running(&code, year, std::iter::once(case.number.as_str()));
    let running = highest_running(&code, year, known).max(own) + 1;
    (
        case_id(&code, year, running),
        format!("{code}/{running:04}/{month}/{year}"),
    )
}

/// The code, Roman month and year of a case's number; from the SOP and the creation time
/// (office time) when the number is not one this app wrote.
fn number_frame(case: &Case, sop: &Sop) -> (String, String, i32) {
    let mut parts = case.number.split('/');
    if let (Some(code), Some(_), Some(month), Some(year), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) {
        if let (Some(n), true) = (
            parse_case_number(&case.number),
            ROMAN_MONTHS.contains(&month),
        ) {
            if n.code.eq_ignore_ascii_case(&sop.code) && year.parse::<i32>() == Ok(n.year) {
                return (code.to_string(), month.to_string(), n.year);
            }
        }
    }
    let local = case
        .created_ms
        .saturating_add(i64::from(WIB_OFFSET_MINUTES) * 60_000);
    let t = chrono::DateTime::from_timestamp_millis(local).unwrap_or_default();
    (
        sop.code.to_string(),
        ROMAN_MONTHS[t.month0() as usize].to_string(),
        t.year(),
    )
}

/// `case` under a new number (and the id that goes with it), for a case that lost a clash:
/// the old number joins `previous_numbers`, an audit entry says what happened and why, and
/// the revision goes up like for any change. Works on closed cases too: the number is the
/// office's bookkeeping, not a step of the SOP.
pub fn renumber(case: &Case, number: &str, now_ms: i64, actor: &str) -> Result<Case, CaseError> {
    let actor = checked_text(actor, FIELD_ACTOR, MAX_ACTOR_CHARS, true)?;
    let at_ms = record_time(now_ms);
    let mut next = case.clone();
    let entry = AuditEntry {
        at_ms,
        actor,
        kind: AuditKind::Renumbered,
        step: None,
        detail: format!("{}{RENUMBER_ARROW}{number}", case.number),
        no_effect: false,
    };
    enact_renumbering(&mut next, &entry.detail);
    next.revision = case.revision + 1;
    next.updated_ms = at_ms;
    next.audit.push(entry);
    Ok(next)
}

const RENUMBER_ARROW: &str = " \u{2192} ";

/// The old and the new number of a [`AuditKind::Renumbered`] entry's detail.
pub fn renumbering_of(detail: &str) -> Option<(&str, &str)> {
    detail.rsplit_once(RENUMBER_ARROW)
}

/// Every number a case carried before its current one, in the order its log gave them out:
/// the old and new numbers of its renumbering entries, each once, without `current`.
pub(crate) fn numbers_in_history(audit: &[AuditEntry], current: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in audit.iter().filter(|e| e.kind == AuditKind::Renumbered) {
        if let Some((from, to)) = renumbering_of(&e.detail) {
            for n in [from, to] {
                if n != current && !out.iter().any(|o| o == n) {
                    out.push(n.to_string());
                }
            }
        }
    }
    out
}

/// Moves `case` to the new number of a renumbering entry: number, id, previous numbers.
fn enact_renumbering(case: &mut Case, detail: &str) {
    let Some((from, to)) = renumbering_of(detail) else {
        return;
    };
    if !case.previous_numbers.iter().any(|n| n == from) && from != to {
        case.previous_numbers.push(from.to_string());
    }
    case.previous_numbers.retain(|n| n != to);
    case.number = to.to_string();
    if let Some(id) = case_id_for_number(to) {
        case.id = id;
    }
}

/// The parts of a case number or id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseNumber<'a> {
    pub code: &'a str,
    pub running: u32,
    pub year: i32,
}

/// Reads "JHT/0007/XI/2026" or "jht-2026-0007"; `None` for anything else.
pub fn parse_case_number(s: &str) -> Option<CaseNumber<'_>> {
    fn digits(p: &str) -> Option<u32> {
        (!p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    }
    fn code(p: &str) -> Option<&str> {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(p)
    }
    let mut parts = s.split('/');
    let first = parts.next()?;
    let (code, running, year) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(run), Some(month), Some(year), None) if ROMAN_MONTHS.contains(&month) => {
            (code(first)?, digits(run)?, digits(year)?)
        }
        (None, ..) => {
            let mut it = first.rsplitn(3, '-');
            let (run, year, c) = (it.next()?, it.next()?, it.next()?);
            (code(c)?, digits(run)?, digits(year)?)
        }
        _ => return None,
    };
    Some(CaseNumber {
        code,
        running,
        year: i32::try_from(year).ok()?,
    })
}

// ---------------------------------------------------------------------------------------------
// Creating and changing a case.
// ---------------------------------------------------------------------------------------------

/// Times are kept to the second: a timer needs no more, and whole seconds keep the stored
/// form short.
fn record_time(now_ms: i64) -> i64 {
    now_ms.div_euclid(1000) * 1000
}

fn checked_text(
    text: &str,
    field: &'static str,
    max: usize,
    required: bool,
) -> Result<String, CaseError> {
    let t = text.trim();
    if required && t.is_empty() {
        return Err(CaseError::Required { field });
    }
    if t.chars().count() > max {
        return Err(CaseError::TooLong { field, max });
    }
    Ok(t.to_string())
}

fn checked_fields(fields: &CaseFields) -> Result<CaseFields, CaseError> {
    Ok(CaseFields {
        applicant: checked_text(
            &fields.applicant,
            FIELD_APPLICANT,
            MAX_APPLICANT_CHARS,
            true,
        )?,
        contact: checked_text(&fields.contact, FIELD_CONTACT, MAX_CONTACT_CHARS, false)?,
        subject: checked_text(&fields.subject, FIELD_SUBJECT, MAX_SUBJECT_CHARS, false)?,
        notes: checked_text(&fields.notes, FIELD_NOTES, MAX_NOTES_CHARS, false)?,
    })
}

impl Case {
    /// A new case at the SOP's first step (pending). `id` and `number` come from
    /// [`next_number`]; `uid` is new randomness the caller made (see [`is_valid_uid`]): the
    /// domain has no source of it, and a uid repeated by two PCs would make two cases one.
    pub fn create(
        sop: &Sop,
        fields: &CaseFields,
        id: &str,
        number: &str,
        uid: &str,
        now_ms: i64,
        actor: &str,
    ) -> Result<Case, CaseError> {
        let actor = checked_text(actor, FIELD_ACTOR, MAX_ACTOR_CHARS, true)?;
        let fields = checked_fields(fields)?;
        if !is_valid_uid(uid) {
            return Err(CaseError::InvalidUid {
                uid: uid.to_string(),
            });
        }
        let at_ms = record_time(now_ms);
        Ok(Case {
            id: id.to_string(),
            number: number.to_string(),
            uid: uid.to_string(),
            previous_numbers: Vec::new(),
            sop_id: sop.id.to_string(),
            applicant: fields.applicant,
            contact: fields.contact,
            subject: fields.subject,
            notes: fields.notes,
            created_ms: at_ms,
            updated_ms: at_ms,
            revision: 1,
            status: CaseStatus::Berjalan,
            current: (!sop.steps.is_empty()).then_some(0),
            steps: vec![StepRecord::default(); sop.steps.len()],
            case_notes: Vec::new(),
            audit: vec![AuditEntry {
                at_ms,
                actor,
                kind: AuditKind::Create,
                step: None,
                detail: String::new(),
                no_effect: false,
            }],
            cancel_reason: None,
        })
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// The moment of the last action.
    pub fn last_activity_ms(&self) -> i64 {
        self.updated_ms
    }

    /// Milliseconds worked on one step (0 for an index out of range).
    pub fn step_elapsed_ms(&self, step: usize, now_ms: i64) -> i64 {
        self.steps.get(step).map_or(0, |s| s.elapsed_ms(now_ms))
    }

    /// Working minutes spent on one step, over all its visits, on the office calendar.
    pub fn step_working_minutes(&self, step: usize, now_ms: i64, calendar: &WorkCalendar) -> u64 {
        self.steps
            .get(step)
            .map_or(0, |s| s.working_minutes(now_ms, calendar))
    }

    /// Whether a step took longer than its mutu baku (the maximum of its printed time, in
    /// working minutes): "melewati waktu baku". A step without a fixed time never is.
    pub fn step_overdue(
        &self,
        sop: &Sop,
        step: usize,
        now_ms: i64,
        calendar: &WorkCalendar,
    ) -> bool {
        step_standard_minutes(sop, step)
            .is_some_and(|max| self.step_working_minutes(step, now_ms, calendar) > max)
    }

    /// Whether any step is over its mutu baku.
    pub fn case_overdue(&self, sop: &Sop, now_ms: i64, calendar: &WorkCalendar) -> bool {
        (0..self.steps.len()).any(|i| self.step_overdue(sop, i, now_ms, calendar))
    }

    /// Working minutes over all steps.
    pub fn case_working_minutes(&self, now_ms: i64, calendar: &WorkCalendar) -> u64 {
        self.steps
            .iter()
            .map(|s| s.working_minutes(now_ms, calendar))
            .sum()
    }

    /// Milliseconds over all steps.
    pub fn case_elapsed_ms(&self, now_ms: i64) -> i64 {
        self.steps
            .iter()
            .fold(0i64, |sum, s| sum.saturating_add(s.elapsed_ms(now_ms)))
    }
}

/// The mutu baku of a step in working minutes (the maximum of its printed range); `None` when
/// the SOP prints no fixed time for it.
pub fn step_standard_minutes(sop: &Sop, step: usize) -> Option<u64> {
    sop.steps
        .get(step)
        .and_then(|s| s.duration_parsed.work_minutes())
        .map(|(_, max)| max)
}

/// Applies `action` to `case` (whose SOP is `sop`) and returns the new case with revision + 1,
/// `updated_ms` and one more audit entry; `case` itself is left untouched.
pub fn apply(
    case: &Case,
    sop: &Sop,
    action: &Action,
    now_ms: i64,
    actor: &str,
) -> Result<Case, CaseError> {
    let actor = checked_text(actor, FIELD_ACTOR, MAX_ACTOR_CHARS, true)?;
    if case.sop_id != sop.id {
        return Err(CaseError::WrongSop {
            case_sop: case.sop_id.clone(),
            given: sop.id.to_string(),
        });
    }
    if case.steps.len() != sop.steps.len() {
        return Err(CaseError::StepsMismatch {
            sop_id: sop.id.to_string(),
            recorded: case.steps.len(),
            in_sop: sop.steps.len(),
        });
    }
    // Only a note may be added to a closed case (e.g. "surat diambil pemohon"): it changes no
    // state, and the office wants such facts recorded.
    if !case.is_open() && !matches!(action, Action::AddNote { .. }) {
        return Err(CaseError::Closed {
            status: case.status,
        });
    }
    let at_ms = record_time(now_ms);
    // The checks of the action against the case; the change itself is the entry's, made by
    // `enact`, which the replay of a merged history shares.
    let mut edited = None;
    let (kind, step, detail) = match action {
        Action::StartStep { step } => {
            let s = current_step(case, sop, *step)?;
            expect_status(
                sop,
                *step,
                s.status,
                &[StepStatus::Pending],
                StepAction::Start,
            )?;
            (AuditKind::Start, Some(*step), String::new())
        }
        Action::PauseStep { step } => {
            let s = current_step(case, sop, *step)?;
            expect_status(
                sop,
                *step,
                s.status,
                &[StepStatus::Running],
                StepAction::Pause,
            )?;
            (AuditKind::Pause, Some(*step), String::new())
        }
        Action::ResumeStep { step } => {
            let s = current_step(case, sop, *step)?;
            expect_status(
                sop,
                *step,
                s.status,
                &[StepStatus::Paused],
                StepAction::Resume,
            )?;
            (AuditKind::Resume, Some(*step), String::new())
        }
        Action::FinishStep { step } => {
            let s = current_step(case, sop, *step)?;
            if let Some(d) = &sop.steps[*step].decision {
                return Err(CaseError::IsDecision {
                    step_no: sop.steps[*step].no,
                    question: d.question.to_string(),
                });
            }
            expect_status(
                sop,
                *step,
                s.status,
                &[StepStatus::Running, StepStatus::Paused],
                StepAction::Finish,
            )?;
            let to = if step + 1 < sop.steps.len() {
                Target::Step(step + 1)
            } else {
                Target::Done
            };
            (AuditKind::Finish { to }, Some(*step), String::new())
        }
        Action::Decide { step, answer } => {
            let s = current_step(case, sop, *step)?;
            let Some(decision) = &sop.steps[*step].decision else {
                return Err(CaseError::NotDecision {
                    step_no: sop.steps[*step].no,
                });
            };
            expect_status(
                sop,
                *step,
                s.status,
                &[StepStatus::Running, StepStatus::Paused],
                StepAction::Finish,
            )?;
            let to = match (answer, decision.no) {
                (Answer::Yes, _) => Target::Step(decision.yes.index),
                (Answer::No, DecisionTarget::Step(r)) => Target::Step(r.index),
                (Answer::No, DecisionTarget::Rejected) => Target::Rejected,
            };
            (
                AuditKind::Decide {
                    answer: *answer,
                    to,
                },
                Some(*step),
                String::new(),
            )
        }
        Action::AddNote { step, text } => {
            let text = checked_text(text, FIELD_NOTE, MAX_NOTE_CHARS, true)?;
            if let Some(i) = step {
                check_index(sop, *i)?;
            }
            (AuditKind::Note, *step, text)
        }
        Action::TickChecklist { step, item, ticked } => {
            check_index(sop, *step)?;
            let item16 = u16::try_from(*item)
                .ok()
                .filter(|_| *item < sop.checklist(*step).len())
                .ok_or(CaseError::NoSuchItem { item: *item })?;
            if case.steps[*step].is_ticked(*item) == *ticked {
                return Err(CaseError::TickUnchanged { ticked: *ticked });
            }
            (
                AuditKind::Tick {
                    item: item16,
                    ticked: *ticked,
                },
                Some(*step),
                String::new(),
            )
        }
        Action::Cancel { reason } => {
            let reason = checked_text(reason, FIELD_CANCEL_REASON, MAX_REASON_CHARS, true)?;
            (AuditKind::Cancel, case.current, reason)
        }
        Action::Edit(fields) => {
            let fields = checked_fields(fields)?;
            let changes: Vec<String> = [
                (FIELD_APPLICANT, &case.applicant, &fields.applicant),
                (FIELD_CONTACT, &case.contact, &fields.contact),
                (FIELD_SUBJECT, &case.subject, &fields.subject),
                (FIELD_NOTES, &case.notes, &fields.notes),
            ]
            .into_iter()
            .filter(|(_, old, new)| old != new)
            .map(|(f, old, new)| describe_edit_change(f, old, new))
            .collect();
            if changes.is_empty() {
                return Err(CaseError::NoChange);
            }
            edited = Some(fields);
            (AuditKind::Edit, None, changes.join("; "))
        }
    };
    let entry = AuditEntry {
        at_ms,
        actor,
        kind,
        step,
        detail,
        no_effect: false,
    };
    let mut next = case.clone();
    enact(&mut next, &entry);
    // An edit's new values are not in its entry (only a description of them is): set here.
    if let Some(fields) = edited {
        next.applicant = fields.applicant;
        next.contact = fields.contact;
        next.subject = fields.subject;
        next.notes = fields.notes;
    }
    next.revision = case.revision + 1;
    next.updated_ms = at_ms;
    next.audit.push(entry);
    Ok(next)
}

/// What an audit entry does to a case once it is known to apply: the step's status and
/// record, the current step, the case's status, the number. `apply` calls it after checking
/// the action, and the replay of a merged history (`merge.rs`) after [`entry_applies`], so an
/// entry changes a case alike on both paths. An edit's new values are not in its entry: the
/// caller sets them.
pub(crate) fn enact(case: &mut Case, e: &AuditEntry) {
    let at_ms = e.at_ms;
    let step = e.step.filter(|i| *i < case.steps.len());
    match (e.kind, step) {
        (AuditKind::Start, Some(i)) => {
            let rec = &mut case.steps[i];
            rec.begin(at_ms, true);
            rec.status = StepStatus::Running;
        }
        (AuditKind::Pause, Some(i)) => {
            let rec = &mut case.steps[i];
            rec.end(at_ms);
            rec.status = StepStatus::Paused;
        }
        (AuditKind::Resume, Some(i)) => {
            let rec = &mut case.steps[i];
            rec.begin(at_ms, false);
            rec.status = StepStatus::Running;
        }
        (AuditKind::Finish { to }, Some(i)) => finish_and_move(case, i, at_ms, to),
        (AuditKind::Decide { answer, to }, Some(i)) => {
            case.steps[i].answer = Some(answer);
            finish_and_move(case, i, at_ms, to);
        }
        (AuditKind::Note, _) => {
            let note = Note {
                at_ms,
                actor: e.actor.clone(),
                text: e.detail.clone(),
            };
            match step {
                Some(i) => case.steps[i].notes.push(note),
                None => case.case_notes.push(note),
            }
        }
        (AuditKind::Tick { item, ticked }, Some(i)) => case.steps[i].tick(item, ticked),
        (AuditKind::Cancel, _) => {
            // The timer of the step being worked on stops; the step stays where it was.
            if let Some(rec) = case.current.and_then(|i| case.steps.get_mut(i)) {
                if rec.status == StepStatus::Running {
                    rec.end(at_ms);
                    rec.status = StepStatus::Paused;
                }
            }
            case.status = CaseStatus::Dibatalkan;
            case.current = None;
            case.cancel_reason = Some(e.detail.clone());
        }
        (AuditKind::Renumbered, _) => enact_renumbering(case, &e.detail),
        _ => {}
    }
}

/// Whether an entry still fits the case as it is now: the checks `apply` makes of the case's
/// state (open, the entry's step is the current one and in the right status, a tick changes
/// something, a renumbering starts from the case's number). Not those of the action's input
/// (texts, the SOP's targets), which the entry passed when it was written. The replay of a
/// merged history keeps an entry that fails this in the log, marked, without its change.
pub(crate) fn entry_applies(case: &Case, e: &AuditEntry) -> bool {
    let steps = case.steps.len();
    let open = case.is_open();
    let current_is = |allowed: &[StepStatus]| {
        e.step.is_some_and(|i| {
            case.current == Some(i)
                && case
                    .steps
                    .get(i)
                    .is_some_and(|r| allowed.contains(&r.status))
        })
    };
    let target_ok = |t: Target| !matches!(t, Target::Step(i) if i >= steps);
    match e.kind {
        // The first entry of every case; the replay starts from its state.
        AuditKind::Create => false,
        AuditKind::Start => open && current_is(&[StepStatus::Pending]),
        AuditKind::Pause => open && current_is(&[StepStatus::Running]),
        AuditKind::Resume => open && current_is(&[StepStatus::Paused]),
        AuditKind::Finish { to } | AuditKind::Decide { to, .. } => {
            open && current_is(&[StepStatus::Running, StepStatus::Paused]) && target_ok(to)
        }
        AuditKind::Note => e.step.is_none_or(|i| i < steps),
        AuditKind::Tick { item, ticked } => {
            open && e
                .step
                .and_then(|i| case.steps.get(i))
                .is_some_and(|r| r.is_ticked(usize::from(item)) != ticked)
        }
        AuditKind::Cancel | AuditKind::Edit => open,
        AuditKind::Renumbered => {
            renumbering_of(&e.detail).is_some_and(|(from, _)| from == case.number)
        }
        AuditKind::Merged => true,
    }
}

fn check_index(sop: &Sop, step: usize) -> Result<(), CaseError> {
    if step < sop.steps.len() {
        Ok(())
    } else {
        Err(CaseError::NoSuchStep { index: step })
    }
}

/// The record of `step`, which must be the current step.
fn current_step<'a>(case: &'a Case, sop: &Sop, step: usize) -> Result<&'a StepRecord, CaseError> {
    check_index(sop, step)?;
    if case.current != Some(step) {
        return Err(CaseError::NotCurrent {
            step_no: sop.steps[step].no,
            current_no: case.current.and_then(|c| sop.steps.get(c)).map(|s| s.no),
        });
    }
    Ok(&case.steps[step])
}

fn expect_status(
    sop: &Sop,
    step: usize,
    status: StepStatus,
    allowed: &[StepStatus],
    action: StepAction,
) -> Result<(), CaseError> {
    if allowed.contains(&status) {
        Ok(())
    } else {
        Err(CaseError::WrongStepStatus {
            step_no: sop.steps[step].no,
            status,
            action,
        })
    }
}

/// Closes `step` and moves the case to `to`: forward jumps mark the steps passed over as
/// skipped; a jump back (or onto the step itself) makes every step from the target to `step`
/// pending again, keeping their earlier time, so the next visit adds to it.
fn finish_and_move(case: &mut Case, step: usize, at_ms: i64, to: Target) {
    let rec = &mut case.steps[step];
    rec.end(at_ms);
    rec.status = StepStatus::Done;
    match to {
        Target::Step(t) if t > step => {
            for s in &mut case.steps[step + 1..t] {
                if s.status == StepStatus::Pending {
                    s.status = StepStatus::Skipped;
                }
            }
            case.steps[t].status = StepStatus::Pending;
            case.current = Some(t);
        }
        Target::Step(t) => {
            for s in &mut case.steps[t..=step] {
                s.status = StepStatus::Pending;
            }
            case.current = Some(t);
        }
        Target::Done => {
            case.status = CaseStatus::Selesai;
            case.current = None;
        }
        Target::Rejected => {
            case.status = CaseStatus::Ditolak;
            case.current = None;
        }
    }
}

/// The per-step records (intervals, visits, answers, ticks, step notes) and the case notes as
/// the audit log says they are, for `steps` steps. `None` when the log names a step out of
/// range. `store.rs` keeps only the log when this reproduces the case exactly.
pub fn replay_step_records(
    audit: &[AuditEntry],
    steps: usize,
) -> Option<(Vec<StepRecord>, Vec<Note>)> {
    let mut records = vec![StepRecord::default(); steps];
    let mut case_notes = Vec::new();
    for e in audit.iter().filter(|e| !e.no_effect) {
        let rec = match e.step {
            Some(i) => Some(records.get_mut(i)?),
            None => None,
        };
        match (e.kind, rec) {
            (
                AuditKind::Create | AuditKind::Edit | AuditKind::Renumbered | AuditKind::Merged,
                _,
            ) => {}
            (AuditKind::Start, Some(r)) => r.begin(e.at_ms, true),
            (AuditKind::Resume, Some(r)) => r.begin(e.at_ms, false),
            (AuditKind::Pause | AuditKind::Finish { .. } | AuditKind::Cancel, Some(r)) => {
                r.end(e.at_ms)
            }
            (AuditKind::Decide { answer, .. }, Some(r)) => {
                r.end(e.at_ms);
                r.answer = Some(answer);
            }
            (AuditKind::Tick { item, ticked }, Some(r)) => r.tick(item, ticked),
            (AuditKind::Note, rec) => {
                let note = Note {
                    at_ms: e.at_ms,
                    actor: e.actor.clone(),
                    text: e.detail.clone(),
                };
                match rec {
                    Some(r) => r.notes.push(note),
                    None => case_notes.push(note),
                }
            }
            (_, None) => {}
        }
    }
    Some((records, case_notes))
}
