//! Monthly reports: the services delivered and their time against the mutu baku, computed from
//! the cases the office tracks. Pure: the app passes the cases, the catalogue, the calendar, a
//! [`ReportQuery`] and `now_ms`; [`monthly_report`] returns plain rows that the view and the
//! CSV export ([`report_csv`] and the per-table functions) both read, so they always agree.
//!
//! # Definitions (also in `docs/reports.md`)
//!
//! Months are calendar months in office time (WIB, the calendar's offset): month *m* holds the
//! instants from 1 *m* 00:00 up to, not including, 1 *m+1* 00:00.
//!
//! - **Closing time** of a closed case: the time of the audit entry that closed it (the last
//!   step finished, a "Tidak" that ends *ditolak*, the cancellation), not `updated_ms`, since a
//!   note can be added after closing. Never before the creation (a clock set back).
//! - **Elapsed working time** of a case up to an instant: working minutes on the office
//!   calendar from its creation to that instant ([`WorkCalendar::working_minutes_between`]).
//!   Chosen over the sum of the steps' timed intervals because the applicant waits for the
//!   whole span: a file that lies in a tray between two steps is time lost, and the step sum
//!   would hide it. Where the time goes step by step is the separate step table.
//! - **Mutu baku** of a SOP: `Sop::total.max_minutes` (the sum of the steps' printed maxima).
//!   A SOP without any timed step has none and is never overdue. When the total leaves steps
//!   out (no time printed, "Sesuai MOU", per item), [`PerformanceRow::standard_partial`] says
//!   so: the elapsed time includes those steps, so such a SOP looks slower than it is.
//! - **Counts of month m** ([`Counts`]): `opened` = created in *m*; `finished` / `rejected` /
//!   `cancelled` = closed in *m* as selesai / ditolak / dibatalkan; `running` = created before
//!   the end of *m* and not closed before it (a case open for three months is running in each);
//!   `running_overdue` = of those, the ones whose elapsed working time at the end of *m* is
//!   over the mutu baku; `closed_overdue` = closed in *m* (any status) with an elapsed working
//!   time at closing over the mutu baku. For the current month "the end" is `now_ms`; a month
//!   that has not begun has no running cases. (The case list's "melewati waktu baku" is per
//!   step; these compare the whole case with the SOP's mutu baku.)
//! - **Whole range** ([`CountTable::range`]): the flows (opened, finished, rejected, cancelled,
//!   closed_overdue) are summed over the months; the stocks (running, running_overdue) are
//!   those of the last month that has begun.
//! - **Time performance** ([`PerformanceRow`]): over the cases *finished* (selesai) in the
//!   range, their elapsed working time from creation to closing: median, 90th percentile, and
//!   how many are within the mutu baku (elapsed ≤ standard).
//! - **Percentiles** are nearest-rank: the *p*-th percentile of *n* sorted values is the value
//!   at rank ⌈p·n/100⌉ (1-based, at least 1). Always the time of an actual case, never an
//!   average of two; the median of two values is the smaller one.
//! - **Steps** ([`StepOverrunRow`]): over the same finished cases, a step overran when its
//!   working time over all its visits (a "Tidak" that leads back adds a visit) is over the
//!   step's printed maximum, as `Case::step_overdue` decides; the overrun is the difference.
//!   Every step some finished case worked on is listed; one without a fixed time never
//!   overruns but still shows its revisits. Sorted by how many cases overran, then by the
//!   median overrun, then by revisits, then by step order.
//! - **Records** ([`Records`]): per month, the cases closed in it (any status, by closing
//!   time); `served` counts those selesai or ditolak (the office gave an answer), `applicants`
//!   the distinct applicant names among them (case and spacing ignored).

mod aggregate;
mod csv;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::calendar::WorkCalendar;
use crate::case::CaseStatus;

pub use aggregate::{closed_at_ms, monthly_report, percentile_nearest_rank};
pub use csv::{counts_csv, performance_csv, records_csv, report_csv, steps_csv};

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia): table titles, column headers and labels. The view shows
// the same headers as the CSV.
// ---------------------------------------------------------------------------------------------

pub const TITLE_COUNTS: &str = "Rekap permohonan per bulan";
pub const TITLE_PERFORMANCE: &str = "Waktu layanan terhadap mutu baku";
pub const TITLE_STEPS: &str = "Langkah yang melewati mutu baku";
pub const TITLE_RECORD_COUNTS: &str = "Pencatatan dan pendataan: jumlah per bulan";
pub const TITLE_RECORD_LINES: &str = "Pencatatan dan pendataan: daftar permohonan yang ditutup";

/// The scope of the table over every SOP in the query.
pub const LABEL_ALL_SERVICES: &str = "Semua layanan";
/// The month column of the whole-range row.
pub const LABEL_WHOLE_RANGE: &str = "Seluruh periode";
/// The count the SOPs' Pencatatan & Pendataan asks for most ("Jumlah pemohon yang dilayani").
pub const LABEL_SERVED: &str = "Jumlah pemohon yang dilayani";
pub const LABEL_DISTINCT_APPLICANTS: &str = "Jumlah pemohon (nama berbeda)";
pub const LABEL_YES: &str = "Ya";
pub const LABEL_NO: &str = "Tidak";
/// Next to a mutu baku that leaves steps out.
pub const LABEL_STANDARD_PARTIAL: &str = "mutu baku tidak mencakup semua langkah";
/// Where a SOP prints no timed step.
pub const LABEL_NO_STANDARD: &str = "tanpa mutu baku";

/// Columns of the counts tables: scope, month, then [`Counts::cells`].
pub const COUNT_HEADERS: [&str; 9] = [
    "Cakupan",
    "Bulan",
    "Dibuka",
    "Selesai",
    "Ditolak",
    "Dibatalkan",
    "Berjalan di akhir bulan",
    "Berjalan melewati mutu baku",
    "Ditutup melewati mutu baku",
];

pub const PERFORMANCE_HEADERS: [&str; 10] = [
    "Kode",
    "SOP",
    "Selesai",
    "Mutu baku (menit kerja)",
    "Median (menit kerja)",
    "Persentil 90 (menit kerja)",
    "Selesai dalam mutu baku",
    "Dalam mutu baku (%)",
    "Median / mutu baku (%)",
    "Catatan",
];

pub const STEP_HEADERS: [&str; 8] = [
    "Kode",
    "Langkah",
    "Uraian langkah",
    "Mutu baku langkah (menit kerja)",
    "Dikerjakan (permohonan)",
    "Melewati mutu baku (permohonan)",
    "Median kelebihan (menit kerja)",
    "Diulang (permohonan)",
];

pub const RECORD_COUNT_HEADERS: [&str; 5] = [
    "Kode",
    "SOP",
    "Bulan",
    LABEL_SERVED,
    LABEL_DISTINCT_APPLICANTS,
];

pub const RECORD_LINE_HEADERS: [&str; 11] = [
    "Kode",
    "SOP",
    "Bulan ditutup",
    "Nomor",
    "Pemohon",
    "Perihal",
    "Dibuat",
    "Ditutup",
    "Status",
    "Waktu (menit kerja)",
    "Melewati mutu baku",
];

/// A report covers at most this many months (ten years): a mistyped year must not allocate
/// tables for millennia. Longer queries are cut and [`Report::truncated`] is set.
pub const MAX_REPORT_MONTHS: usize = 120;

// ---------------------------------------------------------------------------------------------
// Months and the query.
// ---------------------------------------------------------------------------------------------

/// A calendar month, ordered by time. Years 1–9999 (what a `"2026-11"` form can hold).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The month of a date (clamped to years 1–9999).
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year().clamp(1, 9999),
            month: date.month(),
        }
    }

    /// The office-time month of an instant.
    pub fn of_ms(ms: i64, calendar: &WorkCalendar) -> YearMonth {
        YearMonth::of(calendar.utc_ms_to_local(ms).date())
    }

    /// Reads `"2026-11"` (as written by `Display`, and by `<input type="month">`).
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        YearMonth::new(y.parse().ok()?, m.parse().ok()?)
    }

    pub fn first_day(self) -> NaiveDate {
        // Valid by construction: years 1–9999, months 1–12.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The next month (December 9999 has none).
    pub fn succ(self) -> Option<YearMonth> {
        YearMonth::from_index(self.index() + 1)
    }

    /// "November 2026".
    pub fn label(self) -> String {
        crate::locale::format_month(self.year, self.month)
    }

    /// Months since year 0: consecutive months have consecutive indices.
    pub(crate) fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month - 1)
    }

    pub(crate) fn from_index(i: i64) -> Option<YearMonth> {
        let year = i32::try_from(i.div_euclid(12)).ok()?;
        YearMonth::new(year, i.rem_euclid(12) as u32 + 1)
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The month index of an office-local time (same numbering as `YearMonth::index`).
pub(crate) fn month_index(t: NaiveDateTime) -> i64 {
    i64::from(t.year()) * 12 + i64::from(t.month0())
}

/// What to report on: the months `from` to `to` (both included), optionally one unit group
/// (`Unit::id`) or one SOP (`Sop::id`). Both filters may be given; a SOP must then pass both.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReportQuery {
    pub from: YearMonth,
    pub to: YearMonth,
    pub unit_group: Option<String>,
    pub sop_id: Option<String>,
}

impl ReportQuery {
    /// Every SOP, from `from` to `to`.
    pub fn months(from: YearMonth, to: YearMonth) -> ReportQuery {
        ReportQuery {
            from,
            to,
            unit_group: None,
            sop_id: None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The report.
// ---------------------------------------------------------------------------------------------

/// Whether a month is over at `now_ms`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthState {
    /// The month has ended: its running counts are as of its end.
    Ended,
    /// `now_ms` falls in the month: its running counts are as of now.
    Current,
    /// The month has not begun: nothing is running in it yet.
    Future,
}

/// One month of the range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthInfo {
    pub month: YearMonth,
    /// "November 2026".
    pub label: String,
    /// UTC milliseconds of the first instant of the month in office time.
    pub start_ms: i64,
    /// UTC milliseconds of the first instant of the next month (exclusive end).
    pub end_ms: i64,
    /// The instant the running counts describe: the month's end, or now in the current month.
    pub as_of_ms: i64,
    pub state: MonthState,
}

/// What happened in one month (see the module documentation for the exact rules).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub opened: u32,
    pub finished: u32,
    pub rejected: u32,
    pub cancelled: u32,
    pub running: u32,
    pub running_overdue: u32,
    pub closed_overdue: u32,
}

impl Counts {
    /// The numbers in the order of [`COUNT_HEADERS`] (after scope and month).
    pub fn cells(&self) -> [u32; 7] {
        [
            self.opened,
            self.finished,
            self.rejected,
            self.cancelled,
            self.running,
            self.running_overdue,
            self.closed_overdue,
        ]
    }

    pub fn closed(&self) -> u32 {
        self.finished + self.rejected + self.cancelled
    }

    /// Running over the mutu baku at the month's end plus closed over it in the month.
    pub fn overdue(&self) -> u32 {
        self.running_overdue + self.closed_overdue
    }

    pub fn is_zero(&self) -> bool {
        *self == Counts::default()
    }

    pub(crate) fn add(&mut self, o: &Counts) {
        self.opened += o.opened;
        self.finished += o.finished;
        self.rejected += o.rejected;
        self.cancelled += o.cancelled;
        self.running += o.running;
        self.running_overdue += o.running_overdue;
        self.closed_overdue += o.closed_overdue;
    }
}

/// Whose cases a counts table counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every SOP in the query.
    All,
    /// The SOPs of one unit group (`Unit::id`) in the query.
    Unit(String),
    /// One SOP (`Sop::id`).
    Sop(String),
}

/// One row per month, plus the whole range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountTable {
    pub scope: Scope,
    /// "Semua layanan", the unit's short name, or "JHT – Surat Keterangan Jaminan Hari Tua".
    pub label: String,
    /// Aligned with [`Report::months`].
    pub months: Vec<Counts>,
    /// Flows summed, stocks of the last month that has begun.
    pub range: Counts,
}

/// A SOP's time against its mutu baku, over the cases finished in the range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerformanceRow {
    pub sop_id: String,
    pub code: String,
    pub title: String,
    /// Cases finished (selesai) in the range.
    pub finished: u32,
    /// The SOP's mutu baku (`Sop::total.max_minutes`); `None` when no step has a fixed time.
    pub standard_minutes: Option<u64>,
    /// The mutu baku leaves steps out (no time, not fixed, or per item).
    pub standard_partial: bool,
    /// Elapsed working minutes, creation to closing; `None` when nothing was finished.
    pub median_minutes: Option<u64>,
    pub p90_minutes: Option<u64>,
    /// Finished within the mutu baku; `None` without a mutu baku.
    pub within_standard: Option<u32>,
}

impl PerformanceRow {
    /// The share finished within the mutu baku in tenths of a percent, rounded half up.
    pub fn within_standard_permille(&self) -> Option<u32> {
        let within = self.within_standard?;
        permille(u64::from(within), u64::from(self.finished))
    }

    /// The median as tenths of a percent of the mutu baku (1000 = exactly the standard).
    pub fn median_permille_of_standard(&self) -> Option<u32> {
        permille(self.median_minutes?, self.standard_minutes?)
    }
}

/// `part / whole` in tenths of a percent, rounded half up; `None` when `whole` is 0.
pub(crate) fn permille(part: u64, whole: u64) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let v = (u128::from(part) * 1000 + u128::from(whole) / 2) / u128::from(whole);
    Some(u32::try_from(v).unwrap_or(u32::MAX))
}

/// Where time is lost: one step of a SOP over the cases finished in the range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepOverrunRow {
    pub sop_id: String,
    pub code: String,
    /// Index into `Sop::steps`.
    pub step_index: usize,
    /// As printed.
    pub step_no: u32,
    pub step_text: String,
    /// The step's mutu baku (the maximum of its printed time); `None` when it has no fixed
    /// time (it then never overruns, but its visits still show).
    pub standard_minutes: Option<u64>,
    /// Finished cases that spent time on the step.
    pub worked: u32,
    /// Of those, the ones over the step's mutu baku.
    pub overran: u32,
    /// Median of (working time − mutu baku) over the cases that overran.
    pub median_overrun_minutes: Option<u64>,
    /// Finished cases in which the step was started more than once (sent back by a "Tidak").
    pub revisited: u32,
}

/// One case closed in a month, for the SOP's Pencatatan & Pendataan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordLine {
    pub case_id: String,
    pub number: String,
    pub applicant: String,
    pub subject: String,
    pub status: CaseStatus,
    /// Office-local times.
    pub created: NaiveDateTime,
    pub closed: NaiveDateTime,
    /// Elapsed working minutes, creation to closing.
    pub elapsed_minutes: u64,
    /// Over the SOP's mutu baku (false when it has none).
    pub over_standard: bool,
}

/// One month of a SOP's records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordMonth {
    pub month: YearMonth,
    /// Closed as selesai or ditolak in the month.
    pub served: u32,
    /// Distinct applicant names among the served.
    pub applicants: u32,
    /// Every case closed in the month, by closing time.
    pub lines: Vec<RecordLine>,
}

/// What a SOP's Pencatatan & Pendataan asks for, from the case data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Records {
    /// The SOP's `records` texts as printed (the view's headings).
    pub headings: Vec<String>,
    /// Aligned with [`Report::months`].
    pub months: Vec<RecordMonth>,
}

/// Everything about one SOP in the range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SopReport {
    pub sop_id: String,
    pub code: String,
    pub title: String,
    pub unit_group: String,
    pub counts: CountTable,
    pub performance: PerformanceRow,
    /// Steps with a fixed time, most often overrun first.
    pub steps: Vec<StepOverrunRow>,
    pub records: Records,
}

/// The monthly report. Tables are in display order: [`Report::count_tables`] gives the total,
/// the units, then the SOPs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The query as applied: `from <= to`, at most [`MAX_REPORT_MONTHS`] months.
    pub query: ReportQuery,
    pub now_ms: i64,
    /// The query asked for more than [`MAX_REPORT_MONTHS`] months; `query.to` was moved.
    pub truncated: bool,
    /// Every month of the range, in order, including empty ones.
    pub months: Vec<MonthInfo>,
    /// Every SOP in the query.
    pub total: CountTable,
    /// One per unit group holding a SOP of the query, in `Catalogue::units` order.
    pub units: Vec<CountTable>,
    /// The SOPs of the query with any case in the range (opened, closed or running), in
    /// catalogue order; the SOP asked for by `query.sop_id` is always there.
    pub sops: Vec<SopReport>,
    /// Cases of a SOP that is not in the catalogue: left out, counted so the view can say so.
    pub unknown_sop_cases: usize,
}

/// One bar group of the monthly chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthBar {
    pub month: YearMonth,
    pub label: String,
    pub opened: u32,
    pub finished: u32,
    pub rejected: u32,
    pub cancelled: u32,
}

/// One SOP of the actual-versus-standard chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeBar {
    pub sop_id: String,
    pub code: String,
    pub median_minutes: u64,
    pub p90_minutes: u64,
    pub standard_minutes: Option<u64>,
}

impl Report {
    /// The counts tables in display order: all, units, SOPs.
    pub fn count_tables(&self) -> impl Iterator<Item = &CountTable> + '_ {
        std::iter::once(&self.total)
            .chain(self.units.iter())
            .chain(self.sops.iter().map(|s| &s.counts))
    }

    /// One row per SOP of the report, in catalogue order.
    pub fn performance_rows(&self) -> impl Iterator<Item = &PerformanceRow> + '_ {
        self.sops.iter().map(|s| &s.performance)
    }

    /// The step rows of every SOP, SOP by SOP.
    pub fn step_rows(&self) -> impl Iterator<Item = &StepOverrunRow> + '_ {
        self.sops.iter().flat_map(|s| s.steps.iter())
    }

    /// Per month totals over every SOP of the query, for the bar chart.
    pub fn month_chart(&self) -> Vec<MonthBar> {
        self.months
            .iter()
            .zip(&self.total.months)
            .map(|(m, c)| MonthBar {
                month: m.month,
                label: m.label.clone(),
                opened: c.opened,
                finished: c.finished,
                rejected: c.rejected,
                cancelled: c.cancelled,
            })
            .collect()
    }

    /// Median and 90th percentile against the mutu baku, for each SOP with a finished case.
    pub fn time_chart(&self) -> Vec<TimeBar> {
        self.performance_rows()
            .filter_map(|p| {
                Some(TimeBar {
                    sop_id: p.sop_id.clone(),
                    code: p.code.clone(),
                    median_minutes: p.median_minutes?,
                    p90_minutes: p.p90_minutes?,
                    standard_minutes: p.standard_minutes,
                })
            })
            .collect()
    }
}
