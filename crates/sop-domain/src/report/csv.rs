//! The report's tables as CSV for Excel with the Indonesian locale: UTF-8 with BOM, `;`
//! between cells, CRLF, decimal comma, dates `dd/mm/yyyy HH:MM` in office time, cells that
//! Excel would run as a formula prefixed with `'`. Durations are whole working minutes (exact,
//! and the numbers the view formats).
//! The cell rules are `crate::excel_csv`'s, shared with the case-list CSV.

use chrono::{Datelike, NaiveDateTime, Timelike};

use super::{
    PerformanceRow, Report, COUNT_HEADERS, LABEL_NO, LABEL_NO_STANDARD, LABEL_STANDARD_PARTIAL,
    LABEL_WHOLE_RANGE, LABEL_YES, PERFORMANCE_HEADERS, RECORD_COUNT_HEADERS, RECORD_LINE_HEADERS,
    STEP_HEADERS, TITLE_COUNTS, TITLE_PERFORMANCE, TITLE_RECORD_COUNTS, TITLE_RECORD_LINES,
    TITLE_STEPS,
};

use crate::excel_csv::{push_row, BOM, CRLF};

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

/// Tenths of a percent with a decimal comma: 833 → "83,3".
fn percent(permille: Option<u32>) -> String {
    permille.map_or_else(String::new, |p| format!("{},{}", p / 10, p % 10))
}

/// `dd/mm/yyyy HH:MM`, written by hand: chrono's `format` parses the pattern on every call,
/// and a year of records has thousands of dates.
fn local_time(t: NaiveDateTime) -> String {
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}",
        t.day(),
        t.month(),
        t.year(),
        t.hour(),
        t.minute()
    )
}

fn performance_note(p: &PerformanceRow) -> &'static str {
    match (p.standard_minutes, p.standard_partial) {
        (None, _) => LABEL_NO_STANDARD,
        (Some(_), true) => LABEL_STANDARD_PARTIAL,
        (Some(_), false) => "",
    }
}

fn write_counts(out: &mut String, r: &Report) {
    push_row(out, COUNT_HEADERS);
    for t in r.count_tables() {
        let rows = r
            .months
            .iter()
            .map(|m| m.label.as_str())
            .zip(&t.months)
            .chain(std::iter::once((LABEL_WHOLE_RANGE, &t.range)));
        for (month, c) in rows {
            let numbers = c.cells().map(|n| n.to_string());
            push_row(
                out,
                [t.label.as_str(), month]
                    .into_iter()
                    .chain(numbers.iter().map(String::as_str)),
            );
        }
    }
}

fn write_performance(out: &mut String, r: &Report) {
    push_row(out, PERFORMANCE_HEADERS);
    for p in r.performance_rows() {
        push_row(
            out,
            [
                p.code.clone(),
                p.title.clone(),
                p.finished.to_string(),
                opt(p.standard_minutes),
                opt(p.median_minutes),
                opt(p.p90_minutes),
                opt(p.within_standard),
                percent(p.within_standard_permille()),
                percent(p.median_permille_of_standard()),
                performance_note(p).to_string(),
            ],
        );
    }
}

fn write_steps(out: &mut String, r: &Report) {
    push_row(out, STEP_HEADERS);
    for s in r.step_rows() {
        push_row(
            out,
            [
                s.code.clone(),
                s.step_no.to_string(),
                s.step_text.clone(),
                opt(s.standard_minutes),
                s.worked.to_string(),
                s.overran.to_string(),
                opt(s.median_overrun_minutes),
                s.revisited.to_string(),
            ],
        );
    }
}

fn write_record_counts(out: &mut String, r: &Report) {
    push_row(out, RECORD_COUNT_HEADERS);
    for s in &r.sops {
        for (m, rm) in r.months.iter().zip(&s.records.months) {
            push_row(
                out,
                [
                    s.code.as_str(),
                    s.title.as_str(),
                    m.label.as_str(),
                    &rm.served.to_string(),
                    &rm.applicants.to_string(),
                ],
            );
        }
    }
}

fn write_record_lines(out: &mut String, r: &Report) {
    push_row(out, RECORD_LINE_HEADERS);
    for s in &r.sops {
        let has_standard = s.performance.standard_minutes.is_some();
        for (m, rm) in r.months.iter().zip(&s.records.months) {
            for l in &rm.lines {
                let over = match (has_standard, l.over_standard) {
                    (false, _) => "",
                    (true, true) => LABEL_YES,
                    (true, false) => LABEL_NO,
                };
                push_row(
                    out,
                    [
                        s.code.as_str(),
                        s.title.as_str(),
                        m.label.as_str(),
                        &l.number,
                        &l.applicant,
                        &l.subject,
                        &local_time(l.created),
                        &local_time(l.closed),
                        l.status.label(),
                        &l.elapsed_minutes.to_string(),
                        over,
                    ],
                );
            }
        }
    }
}

/// Writes one table (header and rows) of the report.
type WriteTable = fn(&mut String, &Report);

fn standalone(r: &Report, write: WriteTable) -> String {
    let mut out = String::with_capacity(4096);
    out.push(BOM);
    write(&mut out, r);
    out
}

/// The counts tables (all, units, SOPs), each month then the whole range: [`COUNT_HEADERS`].
pub fn counts_csv(r: &Report) -> String {
    standalone(r, write_counts)
}

/// One row per SOP: [`PERFORMANCE_HEADERS`].
pub fn performance_csv(r: &Report) -> String {
    standalone(r, write_performance)
}

/// One row per step worked on, SOP by SOP: [`STEP_HEADERS`].
pub fn steps_csv(r: &Report) -> String {
    standalone(r, write_steps)
}

/// The Pencatatan & Pendataan tables: the counts per SOP and month, then the closed cases.
pub fn records_csv(r: &Report) -> String {
    let mut out = standalone(r, write_record_counts);
    out.push_str(CRLF);
    write_record_lines(&mut out, r);
    out
}

/// Every table of the report in one file, each under its title and followed by an empty line,
/// in the order the page shows them.
pub fn report_csv(r: &Report) -> String {
    let sections: [(&str, WriteTable); 5] = [
        (TITLE_COUNTS, write_counts),
        (TITLE_PERFORMANCE, write_performance),
        (TITLE_STEPS, write_steps),
        (TITLE_RECORD_COUNTS, write_record_counts),
        (TITLE_RECORD_LINES, write_record_lines),
    ];
    let mut out = String::with_capacity(16 * 1024);
    out.push(BOM);
    for (title, write) in sections {
        push_row(&mut out, [title]);
        write(&mut out, r);
        out.push_str(CRLF);
    }
    out
}
