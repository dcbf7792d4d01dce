//! `/laporan`: the monthly report — services delivered and time against mutu baku — from the
//! cases in this browser. The aggregation is `sop_domain::report` (pure, tested natively);
//! this page picks the period and scope (kept in the URL), draws tables and simple SVG
//! charts, and exports the same tables as CSV.

mod charts;
mod tables;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use sop_domain::locale::format_datetime;
use sop_domain::report::{monthly_report, report_csv, Report, ReportQuery, YearMonth};

use crate::catalogue_data::{calendar, catalogue};
use crate::platform::{clock, dom_actions, files, perf};
use crate::routes::Route;
use crate::state::use_case_store;
use crate::strings as s;

/// The report's period and scope as they appear in the URL (`?dari=&sampai=&unit=&sop=`).
#[derive(Clone, Debug, PartialEq)]
struct LaporanQuery {
    from: YearMonth,
    to: YearMonth,
    unit: String,
    sop: String,
}

impl LaporanQuery {
    /// Without parameters: January to the current month of this year.
    fn from_url(get: impl Fn(&str) -> Option<String>, now_ms: i64) -> LaporanQuery {
        let this_month = YearMonth::of_ms(now_ms, calendar());
        let january = YearMonth::new(this_month.year(), 1).unwrap_or(this_month);
        let month = |k: &str, default| get(k).and_then(|v| YearMonth::parse(&v)).unwrap_or(default);
        LaporanQuery {
            from: month("dari", january),
            to: month("sampai", this_month),
            unit: get("unit").unwrap_or_default(),
            sop: get("sop").unwrap_or_default(),
        }
    }

    /// The route without the base path (for `use_navigate`).
    fn to_url(&self) -> String {
        Route::new("/laporan")
            .param("dari", self.from.to_string())
            .param("sampai", self.to.to_string())
            .param_if_set("unit", &self.unit)
            .param_if_set("sop", &self.sop)
            .build()
    }

    fn report_query(&self) -> ReportQuery {
        ReportQuery {
            from: self.from,
            to: self.to,
            unit_group: (!self.unit.is_empty()).then(|| self.unit.clone()),
            sop_id: (!self.sop.is_empty()).then(|| self.sop.clone()),
        }
    }
}

/// A computed report with what it was computed from.
#[derive(Clone, PartialEq)]
struct Computed {
    report: Report,
    cases: usize,
    unreadable: usize,
}

#[component]
pub fn LaporanPage() -> impl IntoView {
    let store = use_case_store();
    store.ensure_loaded();
    let now_ms = clock::now_ms();
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        let m = query_map.read();
        LaporanQuery::from_url(|k| m.get(k), now_ms)
    });
    let navigate = use_navigate();
    let go = move |next: LaporanQuery| navigate(&next.to_url(), Default::default());

    let computed = Memo::new(move |_| {
        let q = query.get();
        let rq = q.report_query();
        // Only the cases that can touch the period are read: created before it ends and
        // still open or active after it begins (a closed case's last activity is at or after
        // its closing).
        let start_ms = calendar().local_to_utc_ms(rq.from.first_day().and_hms_opt(0, 0, 0).unwrap_or_default());
        let end_ms = rq
            .to
            .succ()
            .map(|m| calendar().local_to_utc_ms(m.first_day().and_hms_opt(0, 0, 0).unwrap_or_default()))
            .unwrap_or(i64::MAX);
        let ids: Vec<String> = store.summaries.with(|list| {
            list.iter()
                .filter(|c| c.created_ms < end_ms && (c.is_open() || c.updated_ms >= start_ms))
                .map(|c| c.id.clone())
                .collect()
        });
        let (cases, unreadable) = perf::measure("lsk:report-read", || store.read_cases(&ids));
        let report = perf::measure("lsk:report", || {
            monthly_report(cases.iter(), catalogue(), calendar(), &rq, clock::now_ms())
        });
        Computed { report, cases: cases.len(), unreadable }
    });

    let export = move |_| {
        computed.with_untracked(|c| {
            let q = query.get_untracked();
            files::download(&format!("laporan-sop-{}-{}.csv", q.from, q.to), files::MIME_CSV, &report_csv(&c.report));
        });
    };
    let printing = crate::app::use_printing();

    view! {
        <section class="page-head laporan-head">
            <div class="laporan-print-head" aria-hidden="true">
                <p><strong>{s::PRINT_GOV}</strong><br/>{s::PRINT_OFFICE}</p>
                <p><strong>{s::LAPORAN_PRINT_TITLE}</strong></p>
                <p>{s::LAPORAN_PERIOD} ": " {move || format!("{} – {}", query.get().from.label(), query.get().to.label())}
                    " · " {s::LAPORAN_PRINTED_AT} " " {format_datetime(calendar().utc_ms_to_local(now_ms))}</p>
            </div>
            <h1>{s::LAPORAN_TITLE}</h1>
            <p class="lead">{s::LAPORAN_INTRO}</p>
            <Filters query=query go=go/>
            <div class="actions laporan-actions">
                <button type="button" class="button" on:click=export>{s::LAPORAN_EXPORT}</button>
                <button type="button" class="button button--secondary" on:click=move |_| dom_actions::print_with(printing)>{s::LAPORAN_PRINT}</button>
            </div>
        </section>
        {move || computed.with(|c| {
            let r = &c.report;
            view! {
                <p class="small muted" data-testid="report-basis">
                    {s::LAPORAN_BASED_ON} " " {c.cases} " " {s::LAPORAN_CASES}
                    {(c.unreadable > 0).then(|| format!(" ({} {})", c.unreadable, s::LAPORAN_UNREADABLE))}
                </p>
                {r.truncated.then(|| view! { <p class="notice notice--warn">{s::LAPORAN_TRUNCATED}</p> })}
                {(c.cases == 0).then(|| view! { <p class="notice notice--ok">{s::LAPORAN_EMPTY}</p> })}
                <tables::Tiles counts=r.total.range/>
                <charts::MonthChart bars=r.month_chart()/>
                <tables::CountsTables report=r.clone()/>
                <charts::TimeChart bars=r.time_chart()/>
                <tables::PerformanceTable report=r.clone()/>
                <tables::StepsTable report=r.clone()/>
                <tables::RecordsSection report=r.clone()/>
            }
        })}
    }
}

#[component]
fn Filters(query: Memo<LaporanQuery>, go: impl Fn(LaporanQuery) + Clone + 'static) -> impl IntoView {
    let set = move |f: fn(&mut LaporanQuery, String)| {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let mut next = query.get_untracked();
            f(&mut next, event_target_value(&ev));
            go(next);
        }
    };
    view! {
        <form class="laporan-filters search" aria-label=s::LAPORAN_FILTERS on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="laporan-dari">{s::LAPORAN_FROM}</label>
                <input id="laporan-dari" type="month" prop:value=move || query.get().from.to_string()
                    on:change=set(|q, v| if let Some(m) = YearMonth::parse(&v) { q.from = m })/>
            </div>
            <div class="field">
                <label for="laporan-sampai">{s::LAPORAN_TO}</label>
                <input id="laporan-sampai" type="month" prop:value=move || query.get().to.to_string()
                    on:change=set(|q, v| if let Some(m) = YearMonth::parse(&v) { q.to = m })/>
            </div>
            <div class="field">
                <label for="laporan-unit">{s::LAPORAN_UNIT}</label>
                <select id="laporan-unit" prop:value=move || query.get().unit on:change=set(|q, v| { q.unit = v; q.sop.clear(); })>
                    <option value="">{s::LAPORAN_UNIT_ALL}</option>
                    {catalogue().units.iter().map(|u| view! {
                        <option value=u.id.clone() selected=move || query.get().unit == u.id>{u.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="laporan-sop">{s::LAPORAN_SOP}</label>
                <select id="laporan-sop" prop:value=move || query.get().sop on:change=set(|q, v| q.sop = v)>
                    <option value="">{s::LAPORAN_SOP_ALL}</option>
                    {move || {
                        let unit = query.get().unit;
                        catalogue().sops.iter().filter(|sop| unit.is_empty() || sop.unit_group == unit).map(|sop| view! {
                            <option value=sop.id.clone() selected=move || query.get().sop == sop.id>{format!("{} — {}", sop.code, sop.title)}</option>
                        }).collect_view()
                    }}
                </select>
            </div>
        </form>
    }
}
