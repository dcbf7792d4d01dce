//! Computing the report: one pass over the cases, each case's facts (months of creation and
//! closing, elapsed working time) derived once, then added to the months they touch.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{NaiveDateTime, NaiveTime};

use crate::calendar::WorkCalendar;
use crate::case::{step_standard_minutes, AuditKind, Case, CaseStatus};
use crate::catalogue::{Catalogue, Sop, Target};

use super::{
    month_index, CountTable, Counts, MonthInfo, MonthState, PerformanceRow, RecordLine,
    RecordMonth, Records, Report, ReportQuery, Scope, SopReport, StepOverrunRow, YearMonth,
    LABEL_ALL_SERVICES, MAX_REPORT_MONTHS,
};

/// The nearest-rank `percent`-th percentile of `sorted` (ascending): the value at rank
/// ⌈percent·n/100⌉, at least 1. `None` for an empty slice. Percentages above 100 count as 100.
pub fn percentile_nearest_rank(sorted: &[u64], percent: u32) -> Option<u64> {
    debug_assert!(
        sorted.windows(2).all(|w| w[0] <= w[1]),
        "values must be sorted"
    );
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len() as u64;
    let rank = (u64::from(percent.min(100)) * n).div_ceil(100).max(1);
    sorted.get((rank - 1) as usize).copied()
}

/// When a closed case was closed: the time of the audit entry that closed it (the last step
/// finished, a "Tidak" ending *ditolak*, the cancellation), never before its creation. `None`
/// for a running case. A case whose log lacks that entry (repaired by hand) falls back to its
/// last activity.
pub fn closed_at_ms(case: &Case) -> Option<i64> {
    if case.status.is_open() {
        return None;
    }
    let closing = case.audit.iter().rev().find(|e| match e.kind {
        AuditKind::Finish { to } | AuditKind::Decide { to, .. } => {
            matches!(to, Target::Done | Target::Rejected)
        }
        AuditKind::Cancel => true,
        _ => false,
    });
    Some(
        closing
            .map_or(case.updated_ms, |e| e.at_ms)
            .max(case.created_ms),
    )
}

/// FNV-1a: the SOP of each case is looked up by its id, and std's SipHash (built against
/// hash flooding, which a catalogue of 22 fixed keys cannot suffer) was a tenth of the run.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The months of the report, with the instants their running counts describe.
struct Window {
    /// Month index of the first month.
    first: i64,
    months: Vec<MonthInfo>,
    /// `as_of_ms` of each month in office time.
    as_of_local: Vec<NaiveDateTime>,
    /// `months[..live]` have begun at `now_ms`.
    live: usize,
}

impl Window {
    fn last(&self) -> i64 {
        self.first + self.months.len() as i64 - 1
    }

    fn last_live(&self) -> i64 {
        self.first + self.live as i64 - 1
    }
}

/// The query with `from <= to` and at most `MAX_REPORT_MONTHS` months; whether it was cut.
fn normalise(query: &ReportQuery) -> (ReportQuery, bool) {
    let mut q = query.clone();
    if q.from > q.to {
        std::mem::swap(&mut q.from, &mut q.to);
    }
    let max_to = q.from.index() + MAX_REPORT_MONTHS as i64 - 1;
    let truncated = q.to.index() > max_to;
    if truncated {
        q.to = YearMonth::from_index(max_to).unwrap_or(q.to);
    }
    (q, truncated)
}

fn window(query: &ReportQuery, calendar: &WorkCalendar, now_ms: i64) -> Window {
    let midnight = |m: YearMonth| m.first_day().and_time(NaiveTime::MIN);
    let now_local = calendar.utc_ms_to_local(now_ms);
    let mut w = Window {
        first: query.from.index(),
        months: Vec::new(),
        as_of_local: Vec::new(),
        live: 0,
    };
    for m in (query.from.index()..=query.to.index()).map_while(YearMonth::from_index) {
        let start_local = midnight(m);
        let end_local = m.succ().map_or(NaiveDateTime::MAX, midnight);
        let start_ms = calendar.local_to_utc_ms(start_local);
        let end_ms = calendar.local_to_utc_ms(end_local);
        let (state, as_of_ms, as_of_local) = if now_ms < start_ms {
            (MonthState::Future, start_ms, start_local)
        } else if now_ms < end_ms {
            (MonthState::Current, now_ms, now_local)
        } else {
            (MonthState::Ended, end_ms, end_local)
        };
        if state != MonthState::Future {
            w.live += 1;
        }
        w.months.push(MonthInfo {
            month: m,
            label: m.label(),
            start_ms,
            end_ms,
            as_of_ms,
            state,
        });
        w.as_of_local.push(as_of_local);
    }
    w
}

#[derive(Default)]
struct StepAcc {
    worked: u32,
    revisited: u32,
    overruns: Vec<u64>,
}

/// What is gathered for one SOP while the cases are read.
struct SopAcc<'c> {
    sop: &'c Sop,
    standard: Option<u64>,
    step_standards: Vec<Option<u64>>,
    counts: Vec<Counts>,
    finished_minutes: Vec<u64>,
    within: u32,
    steps: Vec<StepAcc>,
    lines: Vec<Vec<RecordLine>>,
}

impl<'c> SopAcc<'c> {
    fn new(sop: &'c Sop, months: usize) -> SopAcc<'c> {
        SopAcc {
            sop,
            standard: (sop.total.max_minutes > 0).then_some(sop.total.max_minutes),
            step_standards: (0..sop.steps.len())
                .map(|i| step_standard_minutes(sop, i))
                .collect(),
            counts: vec![Counts::default(); months],
            finished_minutes: Vec::new(),
            within: 0,
            steps: (0..sop.steps.len()).map(|_| StepAcc::default()).collect(),
            lines: vec![Vec::new(); months],
        }
    }

    /// A case closed in month slot `m` after `elapsed` working minutes.
    fn add_closing(
        &mut self,
        case: &Case,
        m: usize,
        created: NaiveDateTime,
        (closed_ms, closed): (i64, NaiveDateTime),
        elapsed: u64,
        calendar: &WorkCalendar,
    ) {
        let over = self.standard.is_some_and(|s| elapsed > s);
        let c = &mut self.counts[m];
        match case.status {
            CaseStatus::Selesai => c.finished += 1,
            CaseStatus::Ditolak => c.rejected += 1,
            CaseStatus::Dibatalkan => c.cancelled += 1,
            CaseStatus::Berjalan => {}
        }
        if over {
            c.closed_overdue += 1;
        }
        self.lines[m].push(RecordLine {
            case_id: case.id.clone(),
            number: case.number.clone(),
            applicant: case.applicant.clone(),
            subject: case.subject.clone(),
            status: case.status,
            created,
            closed,
            elapsed_minutes: elapsed,
            over_standard: over,
        });
        if case.status == CaseStatus::Selesai {
            self.finished_minutes.push(elapsed);
            if self.standard.is_some() && !over {
                self.within += 1;
            }
            self.add_steps(case, closed_ms, calendar);
        }
    }

    fn add_steps(&mut self, case: &Case, closed_ms: i64, calendar: &WorkCalendar) {
        let per_step = case
            .steps
            .iter()
            .zip(&self.step_standards)
            .zip(&mut self.steps);
        for ((rec, standard), acc) in per_step {
            if rec.intervals.is_empty() {
                continue;
            }
            acc.worked += 1;
            if rec.visits > 1 {
                acc.revisited += 1;
            }
            if let Some(standard) = *standard {
                // A closed case has no open interval; `closed_ms` only bounds a damaged one.
                let worked = rec.working_minutes(closed_ms, calendar);
                if worked > standard {
                    acc.overruns.push(worked - standard);
                }
            }
        }
    }
}

/// Computes the monthly report (see the module documentation for every definition). Cases of
/// SOPs outside the query are skipped; cases of SOPs unknown to the catalogue are counted in
/// `unknown_sop_cases`. `query.from > query.to` is read with the two swapped.
pub fn monthly_report<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    catalogue: &Catalogue,
    calendar: &WorkCalendar,
    query: &ReportQuery,
    now_ms: i64,
) -> Report {
    let (query, truncated) = normalise(query);
    let win = window(&query, calendar, now_ms);
    let n = win.months.len();
    let selected = catalogue.sops.iter().filter(|s| {
        query.unit_group.as_ref().is_none_or(|u| *u == s.unit_group)
            && query.sop_id.as_ref().is_none_or(|id| *id == s.id)
    });
    let mut accs: Vec<SopAcc> = selected.map(|s| SopAcc::new(s, n)).collect();
    // Every catalogue SOP maps to its slot in `accs`, or to `None` when the query leaves it
    // out, so that an absent key means a SOP the catalogue does not know.
    let mut slot_of: FnvMap<&str, Option<usize>> = catalogue
        .sops
        .iter()
        .map(|s| (&*s.id, None))
        .collect();
    for (i, acc) in accs.iter().enumerate() {
        slot_of.insert(&*acc.sop.id, Some(i));
    }

    let (first, last, last_live) = (win.first, win.last(), win.last_live());
    let mut unknown_sop_cases = 0;
    for case in cases {
        let slot = match slot_of.get(case.sop_id.as_str()) {
            None => {
                unknown_sop_cases += 1;
                continue;
            }
            Some(None) => continue,
            Some(Some(i)) => *i,
        };
        let created = calendar.utc_ms_to_local(case.created_ms);
        let created_m = month_index(created);
        if created_m > last {
            continue;
        }
        let closed = closed_at_ms(case).map(|ms| {
            let local = calendar.utc_ms_to_local(ms);
            (ms, local, month_index(local))
        });
        if closed.is_some_and(|(_, _, m)| m < first) {
            continue;
        }
        let acc = &mut accs[slot];
        if created_m >= first {
            acc.counts[(created_m - first) as usize].opened += 1;
        }
        if let Some((ms, local, m)) = closed.filter(|c| c.2 <= last) {
            let elapsed = calendar.working_minutes_between(created, local);
            let slot_m = (m - first) as usize;
            acc.add_closing(case, slot_m, created, (ms, local), elapsed, calendar);
        }
        // Running at the end of every month from its creation to the month before its closing
        // (or the last month that has begun); overdue from the first month-end past the mutu
        // baku on, since elapsed time only grows.
        let run_to = closed.map_or(last_live, |c| (c.2 - 1).min(last_live));
        let mut overdue = false;
        for m in created_m.max(first)..=run_to {
            let i = (m - first) as usize;
            if case.created_ms > win.months[i].as_of_ms {
                continue;
            }
            let c = &mut acc.counts[i];
            c.running += 1;
            if let Some(standard) = acc.standard {
                overdue = overdue
                    || calendar.working_minutes_between(created, win.as_of_local[i]) > standard;
                if overdue {
                    c.running_overdue += 1;
                }
            }
        }
    }

    build(
        catalogue,
        query,
        truncated,
        win,
        accs,
        now_ms,
        unknown_sop_cases,
    )
}

fn build(
    catalogue: &Catalogue,
    query: ReportQuery,
    truncated: bool,
    win: Window,
    accs: Vec<SopAcc>,
    now_ms: i64,
    unknown_sop_cases: usize,
) -> Report {
    let n = win.months.len();
    let live = win.live;
    let sum = |scope: Scope, label: String, pick: &dyn Fn(&SopAcc) -> bool| {
        let mut months = vec![Counts::default(); n];
        for acc in accs.iter().filter(|a| pick(a)) {
            for (t, c) in months.iter_mut().zip(&acc.counts) {
                t.add(c);
            }
        }
        table(scope, label, months, live)
    };
    let total = sum(Scope::All, LABEL_ALL_SERVICES.to_string(), &|_| true);
    let units = catalogue
        .units
        .iter()
        .filter(|u| accs.iter().any(|a| a.sop.unit_group == u.id))
        .map(|u| {
            sum(Scope::Unit(u.id.to_string()), u.short.to_string(), &|a: &SopAcc| {
                a.sop.unit_group == u.id
            })
        })
        .collect();
    let sops = accs
        .into_iter()
        .filter(|a| {
            a.counts.iter().any(|c| !c.is_zero()) || query.sop_id.as_deref() == Some(&*a.sop.id)
        })
        .map(|a| sop_report(a, &win))
        .collect();
    Report {
        query,
        now_ms,
        truncated,
        months: win.months,
        total,
        units,
        sops,
        unknown_sop_cases,
    }
}

/// A counts table whose whole-range row sums the flows and takes the stocks of the last month
/// that has begun (`live` months have).
fn table(scope: Scope, label: String, months: Vec<Counts>, live: usize) -> CountTable {
    let mut range = Counts::default();
    for c in &months {
        range.opened += c.opened;
        range.finished += c.finished;
        range.rejected += c.rejected;
        range.cancelled += c.cancelled;
        range.closed_overdue += c.closed_overdue;
    }
    if let Some(c) = live.checked_sub(1).and_then(|i| months.get(i)) {
        range.running = c.running;
        range.running_overdue = c.running_overdue;
    }
    CountTable {
        scope,
        label,
        months,
        range,
    }
}

fn sop_report(mut a: SopAcc, win: &Window) -> SopReport {
    let sop = a.sop;
    a.finished_minutes.sort_unstable();
    let performance = PerformanceRow {
        sop_id: sop.id.to_string(),
        code: sop.code.to_string(),
        title: sop.title.to_string(),
        finished: a.finished_minutes.len() as u32,
        standard_minutes: a.standard,
        standard_partial: a.standard.is_some() && !sop.total.is_complete(),
        median_minutes: percentile_nearest_rank(&a.finished_minutes, 50),
        p90_minutes: percentile_nearest_rank(&a.finished_minutes, 90),
        within_standard: a.standard.map(|_| a.within),
    };
    let mut steps: Vec<StepOverrunRow> = a
        .steps
        .iter_mut()
        .enumerate()
        .filter(|(_, s)| s.worked > 0)
        .map(|(i, s)| {
            s.overruns.sort_unstable();
            StepOverrunRow {
                sop_id: sop.id.to_string(),
                code: sop.code.to_string(),
                step_index: i,
                step_no: sop.steps[i].no,
                step_text: sop.steps[i].text.to_string(),
                standard_minutes: a.step_standards[i],
                worked: s.worked,
                overran: s.overruns.len() as u32,
                median_overrun_minutes: percentile_nearest_rank(&s.overruns, 50),
                revisited: s.revisited,
            }
        })
        .collect();
    steps.sort_by(|x, y| {
        y.overran
            .cmp(&x.overran)
            .then(y.median_overrun_minutes.cmp(&x.median_overrun_minutes))
            .then(y.revisited.cmp(&x.revisited))
            .then(x.step_index.cmp(&y.step_index))
    });
    let months = win
        .months
        .iter()
        .zip(a.lines)
        .map(|(m, lines)| record_month(m.month, lines))
        .collect();
    let label = format!("{} \u{2013} {}", sop.code, sop.title);
    SopReport {
        sop_id: sop.id.to_string(),
        code: sop.code.to_string(),
        title: sop.title.to_string(),
        unit_group: sop.unit_group.to_string(),
        counts: table(Scope::Sop(sop.id.to_string()), label, a.counts, win.live),
        performance,
        steps,
        records: Records {
            headings: sop.records.iter().map(|r| r.to_string()).collect(),
            months,
        },
    }
}

fn record_month(month: YearMonth, mut lines: Vec<RecordLine>) -> RecordMonth {
    lines.sort_by(|x, y| {
        x.closed
            .cmp(&y.closed)
            .then_with(|| x.number.cmp(&y.number))
    });
    let is_served = |l: &&RecordLine| matches!(l.status, CaseStatus::Selesai | CaseStatus::Ditolak);
    let mut names: Vec<String> = lines
        .iter()
        .filter(is_served)
        .map(|l| normalise_name(&l.applicant))
        .collect();
    let served = names.len() as u32;
    names.sort_unstable();
    names.dedup();
    RecordMonth {
        month,
        served,
        applicants: names.len() as u32,
        lines,
    }
}

/// An applicant's name for counting distinct applicants: "PT  Maju Jaya" and "pt maju jaya"
/// are the same applicant.
fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}
