//! The monthly report over hand-built cases of the real catalogue, walked through the case API
//! with explicit times, from November 2026 to February 2027 (across the year end).
//!
//! The expected numbers are worked out by hand in the comments of `scenario()`. Office hours
//! are 08:00–16:00 WIB; the mutu baku of JHT is 29 menit (step 1 has no time, so it is
//! partial), of Pengesahan PP 15 hari = 7,200 minutes, of Kenaikan Pangkat 155 minutes.

#![cfg(feature = "loader")]

#[path = "report_support.rs"]
mod support;

use chrono::NaiveDate;
use sop_domain::case::{Case, CaseStatus};
use sop_domain::report::{
    closed_at_ms, monthly_report, percentile_nearest_rank, CountTable, Counts, MonthState, Report,
    ReportQuery, Scope, YearMonth, MAX_REPORT_MONTHS,
};
use support::{calendar, catalogue, wib, Walk};

fn ym(y: i32, m: u32) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

/// November 2026 to February 2027.
fn range_query() -> ReportQuery {
    ReportQuery::months(ym(2026, 11), ym(2027, 2))
}

/// Working minutes of a whole day: 480 on a working day, 0 otherwise. Asked of the calendar
/// so the test stays right when the holidays of 2027 are added to the data.
fn day(y: i32, m: u32, d: u32) -> u64 {
    let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    if calendar().is_working_day(date) {
        480
    } else {
        0
    }
}

/// JHT at its mutu baku: step 1 (no time) instantly, then the printed minutes.
const JHT_AT_STANDARD: [i64; 9] = [0, 5, 5, 3, 5, 5, 2, 2, 2];

struct Scenario {
    cases: Vec<Case>,
    /// Elapsed working minutes of case C (depends on whether 1 January 2027 is a holiday).
    c_elapsed: u64,
    h_elapsed: u64,
}

fn scenario() -> Scenario {
    let mut cases = Vec::with_capacity(12);
    // A: JHT opened Mon 2 Nov 09:00, finished 09:29 at exactly the mutu baku (29 ≤ 29). A
    // note added in December must not move its closing month.
    cases.push(
        Walk::open("jht", 1, "Ani Lestari", "Klaim JHT", wib(2026, 11, 2, 9, 0))
            .plan(&JHT_AT_STANDARD)
            .at(wib(2026, 12, 5, 10, 0))
            .note("Surat diambil pemohon")
            .done(),
    );
    // A2: the same applicant spelled differently, Tue 3 Nov, 29 minutes.
    cases.push(
        Walk::open(
            "jht",
            2,
            "ANI  LESTARI",
            "Klaim JHT kedua",
            wib(2026, 11, 3, 9, 0),
        )
        .plan(&JHT_AT_STANDARD)
        .done(),
    );
    // B: opened Mon 30 Nov 15:00, step 2 takes 10 minutes (5 over), the rest on Tue 1 Dec
    // from 09:00: closed 09:24. Elapsed 60 + 84 = 144 > 29. Running over the standard at the
    // end of November (60 minutes by then).
    cases.push(
        Walk::open(
            "jht",
            3,
            "Budi Santoso",
            "Klaim JHT",
            wib(2026, 11, 30, 15, 0),
        )
        .plan(&[0, 10])
        .at(wib(2026, 12, 1, 9, 0))
        .plan(&[5, 3, 5, 5, 2, 2, 2])
        .done(),
    );
    // C: opened Wed 30 Dec 14:00; step 4 "Berkas lengkap?" answered Tidak at 14:13, back to
    // step 1; everything again on Mon 4 Jan 2027 from 09:00, closed 09:29. Steps 1–4 visited
    // twice: step 2 and 3 take 10 minutes (5 over each), step 4 takes 6 (3 over).
    cases.push(
        Walk::open(
            "jht",
            4,
            "Citra Dewi",
            "Klaim JHT",
            wib(2026, 12, 30, 14, 0),
        )
        .plan(&[0, 5, 5])
        .work_no(3)
        .at(wib(2027, 1, 4, 9, 0))
        .plan(&JHT_AT_STANDARD)
        .done(),
    );
    let c_elapsed = 120 + day(2026, 12, 31) + day(2027, 1, 1) + 89;
    // D: opened Mon 7 Dec 10:00, step 1 started, cancelled at 10:20 (20 minutes, within).
    cases.push(
        Walk::open("jht", 5, "Dedi", "Klaim JHT", wib(2026, 12, 7, 10, 0))
            .start()
            .at(wib(2026, 12, 7, 10, 20))
            .cancel("Pemohon mengurus sendiri ke BPJS")
            .done(),
    );
    // E: opened Mon 26 Oct (before the range), step 1 started and never finished: running
    // and over the standard at the end of every month of the range, never "opened" in it.
    cases.push(
        Walk::open("jht", 6, "Eko", "Klaim JHT", wib(2026, 10, 26, 9, 0))
            .start()
            .done(),
    );
    // F: opened and closed in October: in no month of the range.
    cases.push(
        Walk::open("jht", 7, "Fajar", "Klaim JHT", wib(2026, 10, 5, 9, 0))
            .plan(&JHT_AT_STANDARD)
            .done(),
    );
    // G: opened in March 2027, after the range.
    cases.push(
        Walk::open("jht", 8, "Gita", "Klaim JHT", wib(2027, 3, 1, 9, 0))
            .plan(&JHT_AT_STANDARD)
            .done(),
    );
    // H: Pengesahan PP opened Mon 21 Dec 08:00, steps 1–4 an hour each, then nothing until
    // Tue 5 Jan 10:00, when "Berkas memenuhi syarat?" is answered Tidak at 10:30: ditolak in
    // January. Elapsed 480 (21 Dec) + the working days 22 Dec–4 Jan + 5 Jan until 10:30, below
    // 7,200. 5 January 2027 is Isra Mikraj (SKB for 2027), so that day adds no working time
    // (it added 150 minutes, 08:00–10:30, while 2027 had no holidays in the data).
    cases.push(
        Walk::open(
            "pengesahan-pp",
            1,
            "PT Maju Jaya",
            "Pengesahan PP",
            wib(2026, 12, 21, 8, 0),
        )
        .plan(&[60, 60, 60, 60])
        .at(wib(2027, 1, 5, 10, 0))
        .work_no(30)
        .done(),
    );
    let between: u64 =
        (22..=31).map(|d| day(2026, 12, d)).sum::<u64>() + day(2027, 1, 1) + day(2027, 1, 4);
    let h_elapsed = 480 + between + if day(2027, 1, 5) > 0 { 150 } else { 0 };
    // I: Pengesahan PP, one full office day per step on Mon 2 – Tue 10 Nov: 7 × 480 = 3,360.
    let mut i = Walk::open(
        "pengesahan-pp",
        2,
        "CV Sinar",
        "Pengesahan PP",
        wib(2026, 11, 2, 8, 0),
    );
    for d in [2, 3, 4, 5, 6, 9, 10] {
        i = i.at(wib(2026, 11, d, 8, 0)).work(480);
    }
    cases.push(i.done());
    // K: Kenaikan Pangkat (Sekretariat), Mon 14 Dec 09:00, step 1 takes 50 (15 over): 170.
    cases.push(
        Walk::open(
            "kenaikan-pangkat",
            1,
            "Sari, S.E.",
            "Kenaikan pangkat III/b",
            wib(2026, 12, 14, 9, 0),
        )
        .plan(&[50, 20, 20, 15, 25, 10, 20, 10])
        .done(),
    );
    // A case whose SOP is not in the catalogue.
    let mut unknown = cases[0].clone();
    unknown.sop_id = "hilang".to_string();
    cases.push(unknown);
    Scenario {
        cases,
        c_elapsed,
        h_elapsed,
    }
}

fn now_feb() -> i64 {
    wib(2027, 2, 15, 10, 0)
}

fn report(cases: &[Case], query: &ReportQuery, now_ms: i64) -> Report {
    monthly_report(cases, catalogue(), calendar(), query, now_ms)
}

/// `[opened, finished, rejected, cancelled, running, running_overdue, closed_overdue]`.
type Row = [u32; 7];
const ZERO: Row = [0; 7];

fn check_table(t: &CountTable, months: &[Row], range: Row) {
    let got: Vec<Row> = t.months.iter().map(Counts::cells).collect();
    assert_eq!(got, months, "months of {}", t.label);
    assert_eq!(t.range.cells(), range, "whole range of {}", t.label);
}

fn sop_table<'r>(r: &'r Report, id: &str) -> &'r CountTable {
    &r.sops
        .iter()
        .find(|s| s.sop_id == id)
        .unwrap_or_else(|| panic!("{id} in the report"))
        .counts
}

#[test]
fn months_across_the_year_end_are_all_present_in_order() {
    let r = report(&[], &range_query(), now_feb());
    let labels: Vec<&str> = r.months.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "November 2026",
            "Desember 2026",
            "Januari 2027",
            "Februari 2027"
        ]
    );
    let states: Vec<MonthState> = r.months.iter().map(|m| m.state).collect();
    use MonthState::*;
    assert_eq!(states, [Ended, Ended, Ended, Current]);
    // Months are WIB calendar months: 1 January 2027 00:00 WIB is 31 December 17:00 UTC.
    assert_eq!(r.months[2].start_ms, wib(2027, 1, 1, 0, 0));
    assert_eq!(r.months[1].end_ms, r.months[2].start_ms);
    assert_eq!(r.months[3].as_of_ms, now_feb());
    // No case at all: every month is there, with zeros.
    check_table(&r.total, &[ZERO; 4], ZERO);
    assert!(r.sops.is_empty());
    assert_eq!(r.units.len(), catalogue().units.len());
}

#[test]
fn counts_per_month_for_all_units_and_sops() {
    let s = scenario();
    let r = report(&s.cases, &range_query(), now_feb());
    assert_eq!(r.unknown_sop_cases, 1);
    check_table(
        &r.total,
        &[
            [4, 3, 0, 0, 2, 2, 0],
            [4, 2, 0, 1, 3, 2, 2],
            [0, 1, 1, 0, 1, 1, 1],
            [0, 0, 0, 0, 1, 1, 0],
        ],
        [8, 6, 1, 1, 1, 1, 3],
    );
    let units: Vec<&Scope> = r.units.iter().map(|u| &u.scope).collect();
    let hi = Scope::Unit("bidang-hi".into());
    let sekretariat = Scope::Unit("sekretariat".into());
    assert!(units.contains(&&hi) && units.contains(&&sekretariat));
    let unit = |scope: &Scope| r.units.iter().find(|u| u.scope == *scope).unwrap();
    check_table(
        unit(&hi),
        &[
            [4, 3, 0, 0, 2, 2, 0],
            [3, 1, 0, 1, 3, 2, 1],
            [0, 1, 1, 0, 1, 1, 1],
            [0, 0, 0, 0, 1, 1, 0],
        ],
        [7, 5, 1, 1, 1, 1, 2],
    );
    check_table(
        unit(&sekretariat),
        &[ZERO, [1, 1, 0, 0, 0, 0, 1], ZERO, ZERO],
        [1, 1, 0, 0, 0, 0, 1],
    );
    // SOPs with activity only, in catalogue order.
    let ids: Vec<&str> = r.sops.iter().map(|s| s.sop_id.as_str()).collect();
    assert_eq!(ids, ["kenaikan-pangkat", "jht", "pengesahan-pp"]);
    check_table(
        sop_table(&r, "jht"),
        &[
            [3, 2, 0, 0, 2, 2, 0],
            [2, 1, 0, 1, 2, 2, 1],
            [0, 1, 0, 0, 1, 1, 1],
            [0, 0, 0, 0, 1, 1, 0],
        ],
        [5, 4, 0, 1, 1, 1, 2],
    );
    // H runs over the year end without passing the 15-day mutu baku, then is rejected.
    check_table(
        sop_table(&r, "pengesahan-pp"),
        &[
            [1, 1, 0, 0, 0, 0, 0],
            [1, 0, 0, 0, 1, 0, 0],
            [0, 0, 1, 0, 0, 0, 0],
            ZERO,
        ],
        [2, 1, 1, 0, 0, 0, 0],
    );
    assert_eq!(
        sop_table(&r, "jht").label,
        "JHT \u{2013} Surat Keterangan Jaminan Hari Tua"
    );
    // The bar chart reads the totals.
    let bars: Vec<(String, [u32; 4])> = r
        .month_chart()
        .into_iter()
        .map(|b| {
            (
                b.month.to_string(),
                [b.opened, b.finished, b.rejected, b.cancelled],
            )
        })
        .collect();
    let expect: Vec<(String, [u32; 4])> = [
        ("2026-11", [4, 3, 0, 0]),
        ("2026-12", [4, 2, 0, 1]),
        ("2027-01", [0, 1, 1, 0]),
        ("2027-02", [0, 0, 0, 0]),
    ]
    .into_iter()
    .map(|(m, c)| (m.to_string(), c))
    .collect();
    assert_eq!(bars, expect);
}

#[test]
fn the_current_month_counts_as_of_now_and_later_months_are_empty() {
    let s = scenario();
    // Only the cases that exist on 10 December 2026 at noon: A, A2, B, D, E, F, I.
    let existing: Vec<Case> = s
        .cases
        .iter()
        .filter(|c| c.sop_id != "hilang")
        .filter(|c| {
            [
                "jht-2026-0001",
                "jht-2026-0002",
                "jht-2026-0003",
                "jht-2026-0005",
                "jht-2026-0006",
                "jht-2026-0007",
                "pp-2026-0002",
            ]
            .contains(&c.id.as_str())
        })
        .cloned()
        .collect();
    assert_eq!(existing.len(), 7);
    let now = wib(2026, 12, 10, 12, 0);
    let r = report(&existing, &range_query(), now);
    use MonthState::*;
    let states: Vec<MonthState> = r.months.iter().map(|m| m.state).collect();
    assert_eq!(states, [Ended, Current, Future, Future]);
    check_table(
        &r.total,
        &[[4, 3, 0, 0, 2, 2, 0], [1, 1, 0, 1, 1, 1, 1], ZERO, ZERO],
        [5, 4, 0, 1, 1, 1, 1],
    );
}

#[test]
fn unit_and_sop_filters() {
    let s = scenario();
    let q = |unit: Option<&str>, sop: Option<&str>| ReportQuery {
        unit_group: unit.map(str::to_string),
        sop_id: sop.map(str::to_string),
        ..range_query()
    };
    let r = report(&s.cases, &q(Some("sekretariat"), None), now_feb());
    let only_kp = [ZERO, [1, 1, 0, 0, 0, 0, 1], ZERO, ZERO];
    check_table(&r.total, &only_kp, [1, 1, 0, 0, 0, 0, 1]);
    assert_eq!(r.units.len(), 1);
    assert_eq!(r.units[0].scope, Scope::Unit("sekretariat".into()));
    assert_eq!(r.sops.len(), 1);
    assert_eq!(r.sops[0].sop_id, "kenaikan-pangkat");
    // The cases of the other units are left out, not counted as unknown.
    assert_eq!(r.unknown_sop_cases, 1);

    let r = report(&s.cases, &q(None, Some("pengesahan-pp")), now_feb());
    assert_eq!(r.sops.len(), 1);
    assert_eq!(r.total.months, r.sops[0].counts.months);
    assert_eq!(r.units.len(), 1);
    assert_eq!(r.units[0].months, r.sops[0].counts.months);

    // A SOP asked for by id is there even without cases, with zeros and no times.
    let r = report(&s.cases, &q(None, Some("npd")), now_feb());
    assert_eq!(r.sops.len(), 1);
    check_table(&r.sops[0].counts, &[ZERO; 4], ZERO);
    assert_eq!(r.sops[0].performance.finished, 0);
    assert_eq!(r.sops[0].performance.median_minutes, None);
    assert!(r.time_chart().is_empty());

    // Filters that exclude each other: nothing, but every month still present.
    let r = report(&s.cases, &q(Some("sekretariat"), Some("jht")), now_feb());
    assert!(r.sops.is_empty() && r.units.is_empty());
    check_table(&r.total, &[ZERO; 4], ZERO);
}

#[test]
fn time_performance_against_the_mutu_baku() {
    let s = scenario();
    let r = report(&s.cases, &range_query(), now_feb());
    let perf = |id: &str| r.performance_rows().find(|p| p.sop_id == id).unwrap();
    // JHT finished in the range: A 29, A2 29, B 144, C. Nearest rank over 4 values: the
    // median is rank 2 (29), the 90th percentile rank 4 (C). Within 29: A and A2.
    assert!(s.c_elapsed > 144);
    let jht = perf("jht");
    assert_eq!(jht.finished, 4);
    assert_eq!(jht.standard_minutes, Some(29));
    assert!(jht.standard_partial, "step 1 of JHT has no printed time");
    assert_eq!(jht.median_minutes, Some(29));
    assert_eq!(jht.p90_minutes, Some(s.c_elapsed));
    assert_eq!(jht.within_standard, Some(2));
    assert_eq!(jht.within_standard_permille(), Some(500));
    assert_eq!(jht.median_permille_of_standard(), Some(1000));
    // Pengesahan PP: only I finished (H was rejected), 3,360 of 7,200.
    let pp = perf("pengesahan-pp");
    assert_eq!(
        (
            pp.finished,
            pp.median_minutes,
            pp.p90_minutes,
            pp.within_standard
        ),
        (1, Some(3360), Some(3360), Some(1))
    );
    assert!(!pp.standard_partial);
    assert_eq!(pp.median_permille_of_standard(), Some(467));
    let kp = perf("kenaikan-pangkat");
    assert_eq!(
        (
            kp.finished,
            kp.median_minutes,
            kp.standard_minutes,
            kp.within_standard_permille()
        ),
        (1, Some(170), Some(155), Some(0))
    );
    let chart: Vec<(String, u64, u64, Option<u64>)> = r
        .time_chart()
        .into_iter()
        .map(|b| (b.code, b.median_minutes, b.p90_minutes, b.standard_minutes))
        .collect();
    assert_eq!(
        chart,
        [
            ("KP".to_string(), 170, 170, Some(155)),
            ("JHT".to_string(), 29, s.c_elapsed, Some(29)),
            ("PP".to_string(), 3360, 3360, Some(7200)),
        ]
    );
}

#[test]
fn steps_where_time_is_lost_sorted_by_overrun_frequency() {
    let s = scenario();
    let r = report(&s.cases, &range_query(), now_feb());
    let jht = r.sops.iter().find(|s| s.sop_id == "jht").unwrap();
    // (step no, standard, worked, overran, median overrun, revisited)
    type StepLine = (u32, Option<u64>, u32, u32, Option<u64>, u32);
    let got: Vec<StepLine> = jht
        .steps
        .iter()
        .map(|s| {
            (
                s.step_no,
                s.standard_minutes,
                s.worked,
                s.overran,
                s.median_overrun_minutes,
                s.revisited,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // B and C: 10 minutes of 5.
            (2, Some(5), 4, 2, Some(5), 1),
            // C: two visits of 5 minutes.
            (3, Some(5), 4, 1, Some(5), 1),
            // C: two visits of 3 minutes.
            (4, Some(3), 4, 1, Some(3), 1),
            // No time printed: never over, but C came back to it.
            (1, None, 4, 0, None, 1),
            (5, Some(5), 4, 0, None, 0),
            (6, Some(5), 4, 0, None, 0),
            (7, Some(2), 4, 0, None, 0),
            (8, Some(2), 4, 0, None, 0),
            (9, Some(2), 4, 0, None, 0),
        ]
    );
    let kp = r
        .sops
        .iter()
        .find(|s| s.sop_id == "kenaikan-pangkat")
        .unwrap();
    assert_eq!(
        (
            kp.steps[0].step_no,
            kp.steps[0].overran,
            kp.steps[0].median_overrun_minutes
        ),
        (1, 1, Some(15))
    );
    // Every step of I stayed within its time (a whole day for a 1-hari step is not over).
    let pp = r.sops.iter().find(|s| s.sop_id == "pengesahan-pp").unwrap();
    assert_eq!(pp.steps.len(), 7);
    assert!(pp.steps.iter().all(|s| s.overran == 0 && s.worked == 1));
}

#[test]
fn records_list_the_cases_closed_each_month() {
    let s = scenario();
    let r = report(&s.cases, &range_query(), now_feb());
    let jht = r.sops.iter().find(|s| s.sop_id == "jht").unwrap();
    assert_eq!(
        jht.records.headings,
        ["Jumlah pemohon yang dilayani tiap bulan."]
    );
    // (month, served, distinct applicants, [(number, status, elapsed, over)])
    type Line = (&'static str, CaseStatus, u64, bool);
    let expect: [(&str, u32, u32, Vec<Line>); 4] = [
        (
            "2026-11",
            2,
            1,
            vec![
                ("JHT/0001/XI/2026", CaseStatus::Selesai, 29, false),
                ("JHT/0002/XI/2026", CaseStatus::Selesai, 29, false),
            ],
        ),
        (
            "2026-12",
            1,
            1,
            vec![
                ("JHT/0003/XI/2026", CaseStatus::Selesai, 144, true),
                ("JHT/0005/XI/2026", CaseStatus::Dibatalkan, 20, false),
            ],
        ),
        (
            "2027-01",
            1,
            1,
            vec![("JHT/0004/XI/2026", CaseStatus::Selesai, s.c_elapsed, true)],
        ),
        ("2027-02", 0, 0, vec![]),
    ];
    for (month, (m, served, applicants, lines)) in jht.records.months.iter().zip(expect) {
        assert_eq!(month.month.to_string(), m);
        assert_eq!(
            (month.served, month.applicants),
            (served, applicants),
            "{m}"
        );
        let got: Vec<(&str, CaseStatus, u64, bool)> = month
            .lines
            .iter()
            .map(|l| {
                (
                    l.number.as_str(),
                    l.status,
                    l.elapsed_minutes,
                    l.over_standard,
                )
            })
            .collect();
        assert_eq!(got, lines, "{m}");
    }
    let b = &jht.records.months[1].lines[0];
    assert_eq!(b.applicant, "Budi Santoso");
    assert_eq!(
        b.closed,
        NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(9, 24, 0)
            .unwrap()
    );
    // A rejected case was served too (the office answered).
    let pp = r.sops.iter().find(|s| s.sop_id == "pengesahan-pp").unwrap();
    let jan = &pp.records.months[2];
    assert_eq!(jan.served, 1);
    assert_eq!(jan.lines[0].status, CaseStatus::Ditolak);
    assert_eq!(jan.lines[0].elapsed_minutes, s.h_elapsed);
    assert!(!jan.lines[0].over_standard);
}

#[test]
fn closing_time_is_the_closing_action_not_a_later_note() {
    let s = scenario();
    let a = &s.cases[0];
    assert_eq!(closed_at_ms(a), Some(wib(2026, 11, 2, 9, 29)));
    assert!(a.updated_ms > wib(2026, 12, 1, 0, 0));
    let d = s.cases.iter().find(|c| c.id == "jht-2026-0005").unwrap();
    assert_eq!(closed_at_ms(d), Some(wib(2026, 12, 7, 10, 20)));
    let e = s.cases.iter().find(|c| c.id == "jht-2026-0006").unwrap();
    assert_eq!(closed_at_ms(e), None);
}

#[test]
fn query_is_normalised() {
    // Reversed months are swapped.
    let r = report(
        &[],
        &ReportQuery::months(ym(2027, 2), ym(2026, 11)),
        now_feb(),
    );
    assert_eq!((r.query.from, r.query.to), (ym(2026, 11), ym(2027, 2)));
    assert_eq!(r.months.len(), 4);
    assert!(!r.truncated);
    // A mistyped year is cut to ten years.
    let r = report(
        &[],
        &ReportQuery::months(ym(2020, 1), ym(2202, 6)),
        now_feb(),
    );
    assert!(r.truncated);
    assert_eq!(r.months.len(), MAX_REPORT_MONTHS);
    assert_eq!(r.query.to, ym(2029, 12));
    // One month.
    let r = report(
        &[],
        &ReportQuery::months(ym(2026, 12), ym(2026, 12)),
        now_feb(),
    );
    assert_eq!(r.months.len(), 1);
}

#[test]
fn year_month_reads_and_writes() {
    let check = |text: &str, expect: Option<(i32, u32)>| {
        let got = YearMonth::parse(text);
        assert_eq!(got.map(|m| (m.year(), m.month())), expect, "{text:?}");
        if let Some(m) = got {
            assert_eq!(m.to_string(), text.trim());
        }
    };
    check("2026-11", Some((2026, 11)));
    check("2027-01", Some((2027, 1)));
    check(" 2026-12 ", Some((2026, 12)));
    check("2026-13", None);
    check("2026-00", None);
    check("2026-1", None);
    check("26-11", None);
    check("2026/11", None);
    check("", None);
    assert_eq!(ym(2026, 12).succ(), Some(ym(2027, 1)));
    assert_eq!(ym(9999, 12).succ(), None);
    assert!(ym(2026, 12) < ym(2027, 1));
    assert_eq!(ym(2027, 1).label(), "Januari 2027");
    assert_eq!(
        YearMonth::of_ms(wib(2027, 1, 1, 0, 0), calendar()),
        ym(2027, 1)
    );
    assert_eq!(
        YearMonth::of_ms(wib(2026, 12, 31, 23, 59), calendar()),
        ym(2026, 12)
    );
}

#[test]
fn nearest_rank_percentiles() {
    // (sorted values, percent, expected)
    let check = |values: &[u64], p: u32, expect: Option<u64>| {
        assert_eq!(
            percentile_nearest_rank(values, p),
            expect,
            "p{p} of {values:?}"
        );
    };
    check(&[], 50, None);
    // n = 1: every percentile is the value.
    for p in [0, 1, 50, 90, 100] {
        check(&[7], p, Some(7));
    }
    // n = 2: the median is the lower value (rank ⌈1.0⌉ = 1), p90 the upper (⌈1.8⌉ = 2).
    check(&[10, 20], 50, Some(10));
    check(&[10, 20], 51, Some(20));
    check(&[10, 20], 90, Some(20));
    // n = 10: median rank 5, p90 rank 9, p100 rank 10, p0 the minimum.
    let ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    check(&ten, 50, Some(5));
    check(&ten, 90, Some(9));
    check(&ten, 91, Some(10));
    check(&ten, 100, Some(10));
    check(&ten, 0, Some(1));
    check(&ten, 250, Some(10));
    // Ties: the value is the tied one whatever its rank among equals.
    check(&[3, 3, 3, 8], 50, Some(3));
    check(&[3, 3, 3, 8], 75, Some(3));
    check(&[3, 3, 3, 8], 76, Some(8));
    check(&[1, 4, 4, 4, 4, 4, 4, 4, 4, 9], 90, Some(4));
    // n = 3: median rank 2.
    check(&[29, 144, 600], 50, Some(144));
}
