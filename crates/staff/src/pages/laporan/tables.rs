//! The report's tables. Headings come from `sop_domain::report` (shared with the CSV), and
//! every number shown is the number exported; times are shown in words with the exact working
//! minutes in `data-minutes`.

use leptos::prelude::*;
use sop_domain::duration::format_minutes;
use sop_domain::locale::format_date;
use sop_domain::report::{
    Counts, CountTable, Report, COUNT_HEADERS, LABEL_DISTINCT_APPLICANTS, LABEL_NO, LABEL_NO_STANDARD,
    LABEL_SERVED, LABEL_STANDARD_PARTIAL, LABEL_WHOLE_RANGE, LABEL_YES, PERFORMANCE_HEADERS,
    RECORD_LINE_HEADERS, STEP_HEADERS, TITLE_COUNTS, TITLE_PERFORMANCE, TITLE_RECORD_COUNTS, TITLE_STEPS,
};

use crate::strings as s;

/// How many step rows "where time is lost" shows (the CSV has them all).
const STEP_ROWS_SHOWN: usize = 20;

fn permille_text(p: Option<u32>) -> String {
    p.map(|v| format!("{},{}%", v / 10, v % 10)).unwrap_or_else(|| "—".to_string())
}

fn minutes_cell(m: Option<u64>) -> impl IntoView {
    match m {
        Some(v) => view! { <td class="num" data-minutes=v>{format_minutes(v)}</td> }.into_any(),
        None => view! { <td class="num">"—"</td> }.into_any(),
    }
}

fn count_cells(c: &Counts) -> impl IntoView {
    c.cells().into_iter().map(|v| view! { <td class="num">{v}</td> }).collect_view()
}

fn count_head(first: &'static str) -> impl IntoView {
    view! {
        <thead><tr>
            <th scope="col">{first}</th>
            {COUNT_HEADERS[2..].iter().map(|h| view! { <th scope="col" class="num">{*h}</th> }).collect_view()}
        </tr></thead>
    }
}

#[component]
pub fn Tiles(counts: Counts) -> impl IntoView {
    let tiles = [
        (s::LAPORAN_TILE_OPENED, counts.opened, "opened"),
        (s::LAPORAN_TILE_FINISHED, counts.finished, "finished"),
        (s::LAPORAN_TILE_REJECTED, counts.rejected, "rejected"),
        (s::LAPORAN_TILE_CANCELLED, counts.cancelled, "cancelled"),
        (s::LAPORAN_TILE_RUNNING, counts.running, "running"),
        (s::LAPORAN_TILE_OVERDUE, counts.overdue(), "overdue"),
    ];
    view! {
        <ul class="tiles">
            {tiles.into_iter().map(|(label, n, key)| view! {
                <li class=format!("tile tile--{key}") data-testid=format!("tile-{key}")>
                    <span class="tile__n">{n}</span><span class="tile__label">{label}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

fn month_table(report: &Report, table: &CountTable, id: String) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=table.label.clone()>
            <table class="data-table" id=id>
                {count_head(COUNT_HEADERS[1])}
                <tbody>
                    {report.months.iter().zip(&table.months).map(|(m, c)| view! {
                        <tr data-month=m.month.to_string()><th scope="row">{m.label.clone()}</th>{count_cells(c)}</tr>
                    }).collect_view()}
                </tbody>
                <tfoot><tr><th scope="row">{LABEL_WHOLE_RANGE}</th>{count_cells(&table.range)}</tr></tfoot>
            </table>
        </div>
    }
}

#[component]
pub fn CountsTables(report: Report) -> impl IntoView {
    let units = report.units.iter().map(|t| view! {
        <tr><th scope="row">{t.label.clone()}</th>{count_cells(&t.range)}</tr>
    }).collect_view();
    let sops = report.sops.iter().map(|sr| view! {
        <tr data-sop=sr.sop_id.clone()><th scope="row"><span class="mono">{sr.code.clone()}</span> " " {sr.title.clone()}</th>{count_cells(&sr.counts.range)}</tr>
    }).collect_view();
    let details = report.sops.iter().filter(|sr| !sr.counts.range.is_zero()).map(|sr| view! {
        <details class="laporan-details">
            <summary>{s::LAPORAN_SOP_MONTHS} ": " {sr.title.clone()}</summary>
            {month_table(&report, &sr.counts, format!("tabel-bulan-{}", sr.sop_id))}
        </details>
    }).collect_view();
    view! {
        <section class="laporan-section" aria-labelledby="rekap-judul">
            <h2 id="rekap-judul">{TITLE_COUNTS}</h2>
            <h3>{s::LAPORAN_PER_MONTH}</h3>
            {month_table(&report, &report.total, "tabel-bulan".to_string())}
            <h3>{s::LAPORAN_PER_UNIT}</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label=s::LAPORAN_PER_UNIT>
                <table class="data-table" id="tabel-unit">{count_head(COUNT_HEADERS[0])}<tbody>{units}</tbody></table>
            </div>
            <h3>{s::LAPORAN_PER_SOP}</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label=s::LAPORAN_PER_SOP>
                <table class="data-table" id="tabel-layanan">{count_head(COUNT_HEADERS[0])}<tbody>{sops}</tbody></table>
            </div>
            {details}
        </section>
    }
}

#[component]
pub fn PerformanceTable(report: Report) -> impl IntoView {
    let rows = report.performance_rows().map(|p| {
        let note = match (p.standard_minutes, p.standard_partial) {
            (None, _) => LABEL_NO_STANDARD,
            (Some(_), true) => LABEL_STANDARD_PARTIAL,
            _ => "",
        };
        view! {
            <tr data-sop=p.sop_id.clone()>
                <td class="mono">{p.code.clone()}</td>
                <th scope="row">{p.title.clone()}</th>
                <td class="num">{p.finished}</td>
                {minutes_cell(p.standard_minutes)}
                {minutes_cell(p.median_minutes)}
                {minutes_cell(p.p90_minutes)}
                <td class="num">{p.within_standard.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</td>
                <td class="num">{permille_text(p.within_standard_permille())}</td>
                <td class="num">{permille_text(p.median_permille_of_standard())}</td>
                <td class="small">{note}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <section class="laporan-section" aria-labelledby="kinerja-judul">
            <h2 id="kinerja-judul">{TITLE_PERFORMANCE}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label=TITLE_PERFORMANCE>
                <table class="data-table" id="tabel-kinerja">
                    <thead><tr>{PERFORMANCE_HEADERS.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn StepsTable(report: Report) -> impl IntoView {
    let mut rows: Vec<_> = report.step_rows().filter(|r| r.overran > 0).collect();
    rows.sort_by(|a, b| b.overran.cmp(&a.overran).then(b.median_overrun_minutes.cmp(&a.median_overrun_minutes)));
    let body = if rows.is_empty() {
        view! { <p class="muted">{s::LAPORAN_STEPS_NONE}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=TITLE_STEPS>
                <table class="data-table" id="tabel-langkah">
                    <thead><tr>{STEP_HEADERS.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().take(STEP_ROWS_SHOWN).map(|r| view! {
                            <tr>
                                <td class="mono">{r.code.clone()}</td>
                                <td class="num">{r.step_no}</td>
                                <td>{r.step_text.clone()}</td>
                                {minutes_cell(r.standard_minutes)}
                                <td class="num">{r.worked}</td>
                                <td class="num">{r.overran}</td>
                                {minutes_cell(r.median_overrun_minutes)}
                                <td class="num">{r.revisited}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }.into_any()
    };
    view! {
        <section class="laporan-section" aria-labelledby="langkah-judul">
            <h2 id="langkah-judul">{TITLE_STEPS}</h2>
            <p class="small muted">{s::LAPORAN_STEPS_HINT}</p>
            {body}
        </section>
    }
}

#[component]
pub fn RecordsSection(report: Report) -> impl IntoView {
    let sops = report.sops.iter().filter(|sr| sr.records.months.iter().any(|m| m.served > 0 || !m.lines.is_empty())).map(|sr| {
        let lines: Vec<_> = sr.records.months.iter().flat_map(|m| m.lines.iter()).collect();
        view! {
            <article class="laporan-records card" data-sop=sr.sop_id.clone()>
                <h3>{sr.title.clone()}</h3>
                {(!sr.records.headings.is_empty()).then(|| view! {
                    <p class="small">{s::LAPORAN_RECORDS_ASKS} ": " {sr.records.headings.join("; ")}</p>
                })}
                <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{} {}", TITLE_RECORD_COUNTS, sr.code)>
                    <table class="data-table">
                        <thead><tr><th scope="col">{COUNT_HEADERS[1]}</th><th scope="col" class="num">{LABEL_SERVED}</th><th scope="col" class="num">{LABEL_DISTINCT_APPLICANTS}</th></tr></thead>
                        <tbody>
                            {sr.records.months.iter().map(|m| view! {
                                <tr><th scope="row">{m.month.label()}</th><td class="num">{m.served}</td><td class="num">{m.applicants}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <details class="laporan-details">
                    <summary>{RECORD_LINE_HEADERS[4]} " (" {lines.len()} ")"</summary>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{} {}", RECORD_LINE_HEADERS[4], sr.code)>
                        <table class="data-table">
                            <thead><tr>{[3usize, 4, 5, 7, 8, 10].iter().map(|i| view! { <th scope="col">{RECORD_LINE_HEADERS[*i]}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {lines.into_iter().map(|l| view! {
                                    <tr>
                                        <td class="mono">{l.number.clone()}</td>
                                        <td>{l.applicant.clone()}</td>
                                        <td>{l.subject.clone()}</td>
                                        <td>{format_date(l.closed.date())}</td>
                                        <td>{l.status.label()}</td>
                                        <td>{if l.over_standard { LABEL_YES } else { LABEL_NO }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </details>
            </article>
        }
    }).collect_view();
    view! {
        <section class="laporan-section" aria-labelledby="catatan-judul">
            <h2 id="catatan-judul">{TITLE_RECORD_COUNTS}</h2>
            <p class="small muted">{s::LAPORAN_RECORDS_HINT}</p>
            {sops}
        </section>
    }
}
