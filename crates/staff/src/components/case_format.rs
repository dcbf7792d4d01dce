//! How case facts read on screen: times in WIB, running clocks, step times against the mutu
//! baku, status classes, kelengkapan items. Plain functions, no views.

use sop_domain::case::{step_standard_minutes, Case, CaseStatus, StepStatus};
use sop_domain::catalogue::{DecisionTarget, Sop, Step};
use sop_domain::duration::format_minutes;
use sop_domain::locale::format_datetime;

use crate::catalogue_data::calendar;
use crate::strings as s;

/// "8 Desember 2026 14.30 WIB".
pub fn wib(ms: i64) -> String {
    format!("{} {}", format_datetime(calendar().utc_ms_to_local(ms)), s::KASUS_WIB)
}

/// A running clock: "00:04:09", "3 hari 01:10:05" (wall-clock time, office hours or not).
pub fn clock_text(ms: i64) -> String {
    let secs = ms.max(0) / 1000;
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let hms = format!("{:02}:{:02}:{:02}", rest / 3600, rest % 3600 / 60, rest % 60);
    if days > 0 {
        format!("{days} {} {hms}", s::KASUS_DAYS)
    } else {
        hms
    }
}

/// The class modifier of a case status badge.
pub fn status_class(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Berjalan => "case-status case-status--berjalan",
        CaseStatus::Selesai => "case-status case-status--selesai",
        CaseStatus::Ditolak => "case-status case-status--ditolak",
        CaseStatus::Dibatalkan => "case-status case-status--dibatalkan",
    }
}

/// The URL value of a status filter.
pub fn status_slug(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Berjalan => "berjalan",
        CaseStatus::Selesai => "selesai",
        CaseStatus::Ditolak => "ditolak",
        CaseStatus::Dibatalkan => "dibatalkan",
    }
}

pub fn step_status_slug(status: StepStatus) -> &'static str {
    match status {
        StepStatus::Pending => "pending",
        StepStatus::Running => "running",
        StepStatus::Paused => "paused",
        StepStatus::Done => "done",
        StepStatus::Skipped => "skipped",
    }
}

/// A step's working time against its mutu baku, in words, and whether it is over:
/// ("1 jam 10 menit dari 5 menit — melewati waktu baku", true).
pub fn step_time_text(case: &Case, sop: &Sop, step: usize, now_ms: i64) -> (String, bool) {
    let worked = case.step_working_minutes(step, now_ms, calendar());
    match step_standard_minutes(sop, step) {
        Some(max) => {
            let over = worked > max;
            let mut text = format!("{} {} {} {}", s::KASUS_WORKED, format_minutes(worked), s::KASUS_OF_STANDARD, format_minutes(max));
            text.push_str(if over { s::KASUS_OVER_STANDARD } else { s::KASUS_WITHIN_STANDARD });
            (text, over)
        }
        None => (format!("{} {} {}", s::KASUS_WORKED, format_minutes(worked), s::KASUS_NO_STANDARD), false),
    }
}

/// Where answering "Tidak" at this decision leads, in words ("kembali ke langkah 1",
/// "permohonan ditolak").
pub fn no_target_text(step_index: usize, step: &Step) -> Option<String> {
    let d = step.decision.as_ref()?;
    Some(match d.no {
        DecisionTarget::Rejected => s::KASUS_GOES_REJECTED.to_string(),
        DecisionTarget::Step(r) if r.index <= step_index => format!("{} {}", s::KASUS_GOES_BACK_TO, r.no),
        DecisionTarget::Step(r) => format!("{} {}", s::KASUS_GOES_TO, r.no),
    })
}

/// Where "Ya" leads.
pub fn yes_target_text(step: &Step) -> Option<String> {
    let d = step.decision.as_ref()?;
    Some(format!("{} {}", s::KASUS_GOES_TO, d.yes.no))
}

/// The kelengkapan items ticked on a step. The domain's `TickChecklist` counts items in the
/// SOP's `requirements` (and refuses any other index), so those are the items; the step's own
/// `inputs` are shown beside them as text. Kept in one function so the source of the items
/// can change in one place.
pub fn checklist_items(sop: &Sop, step: usize) -> Vec<String> {
    sop.checklist(step).into_iter().map(str::to_string).collect()
}
