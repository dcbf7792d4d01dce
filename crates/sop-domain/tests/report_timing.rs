//! The report over 10,000 synthetic cases: checked against counts taken independently, and
//! timed. The timing is printed, not asserted (machines differ); for the native figure run
//! `cargo test -p sop-domain --features loader --release --test report_timing -- --nocapture`.

#![cfg(feature = "loader")]

#[path = "report_support.rs"]
mod support;

use std::time::Instant;

use sop_domain::case::{Case, CaseStatus};
use sop_domain::report::{closed_at_ms, monthly_report, report_csv, ReportQuery, YearMonth};
use support::{calendar, catalogue, shifted, wib, Walk, DAY};

const CASES: usize = 10_000;

/// A few shapes written through the case API, all created on Mon 5 Jan 2026 09:00.
fn templates() -> Vec<Case> {
    let t0 = wib(2026, 1, 5, 9, 0);
    let jht = [0, 5, 5, 3, 5, 5, 2, 2, 2];
    let mut pp = Walk::open("pengesahan-pp", 1, "PT Contoh", "Pengesahan PP", t0);
    for d in [5, 6, 7, 8, 9, 12, 13] {
        pp = pp.at(wib(2026, 1, d, 8, 0)).work(470);
    }
    vec![
        Walk::open("jht", 1, "Ani", "Klaim JHT", t0)
            .plan(&jht)
            .done(),
        Walk::open("jht", 2, "Budi", "Klaim JHT", t0)
            .plan(&[0, 7, 5])
            .work_no(4)
            .at(t0 + DAY)
            .plan(&jht)
            .done(),
        Walk::open("jht", 3, "Citra", "Klaim JHT", t0)
            .plan(&[0, 5, 5, 3, 5, 30, 2, 2, 2])
            .done(),
        pp.done(),
        Walk::open("pengesahan-pp", 2, "CV Contoh", "Pengesahan PP", t0)
            .plan(&[400, 480, 480, 2000])
            .work_no(60)
            .done(),
        Walk::open("kenaikan-pangkat", 1, "Sari", "Kenaikan pangkat", t0)
            .plan(&[35, 20, 25, 15, 25, 10, 20, 10])
            .done(),
        Walk::open("pelatihan-blk", 1, "Dodi", "Pelatihan las", t0)
            .plan(&[10; 20])
            .done(),
        Walk::open("jht", 4, "Dedi", "Klaim JHT", t0)
            .start()
            .at(t0 + 2 * DAY)
            .cancel("Ditarik pemohon")
            .done(),
        Walk::open("jht", 5, "Eko", "Klaim JHT", t0)
            .plan(&[0, 5])
            .start()
            .done(),
        Walk::open("pengesahan-pp", 3, "PT Lama", "Pengesahan PP", t0)
            .plan(&[480, 480])
            .done(),
    ]
}

/// 10,000 cases spread over January 2025 – December 2026 (whole weeks, so weekdays stay).
fn synthetic() -> Vec<Case> {
    let templates = templates();
    (0..CASES)
        .map(|k| {
            let template = &templates[k % templates.len()];
            let weeks = ((k * 7919) % 100) as i64 - 52;
            let running = k as u32 + 1;
            shifted(
                template,
                weeks * 7 * DAY,
                format!("{}-{running:05}", template.id),
                format!("{}/{running:05}", template.number),
            )
        })
        .collect()
}

#[test]
fn ten_thousand_cases() {
    let cases = synthetic();
    let query = ReportQuery::months(
        YearMonth::new(2026, 1).unwrap(),
        YearMonth::new(2026, 12).unwrap(),
    );
    let now = wib(2027, 1, 15, 10, 0);
    let (cat, cal) = (catalogue(), calendar());

    let mut best = f64::MAX;
    let mut report = None;
    for _ in 0..5 {
        let started = Instant::now();
        let r = monthly_report(&cases, cat, cal, &query, now);
        best = best.min(started.elapsed().as_secs_f64() * 1000.0);
        report = Some(r);
    }
    let r = report.unwrap();
    let started = Instant::now();
    let csv = report_csv(&r);
    let csv_ms = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "monthly_report over {CASES} cases, 12 months: {best:.2} ms (best of 5); report_csv: {csv_ms:.2} ms, {} bytes",
        csv.len()
    );

    // Counted again the simple way: opened and closed per status in 2026.
    let in_2026 = |ms: i64| YearMonth::of_ms(ms, cal).year() == 2026;
    let opened = cases.iter().filter(|c| in_2026(c.created_ms)).count() as u32;
    let closed_as = |status: CaseStatus| {
        cases
            .iter()
            .filter(|c| c.status == status && closed_at_ms(c).is_some_and(in_2026))
            .count() as u32
    };
    assert_eq!(r.total.range.opened, opened);
    assert_eq!(r.total.range.finished, closed_as(CaseStatus::Selesai));
    assert_eq!(r.total.range.rejected, closed_as(CaseStatus::Ditolak));
    assert_eq!(r.total.range.cancelled, closed_as(CaseStatus::Dibatalkan));
    let running_now = cases.iter().filter(|c| c.status.is_open()).count() as u32;
    assert_eq!(r.total.range.running, running_now);
    let finished: u32 = r.performance_rows().map(|p| p.finished).sum();
    assert_eq!(finished, r.total.range.finished);
}
