//! The report's two charts, drawn as plain SVG (no chart library): bars per month, and each
//! service's actual time against its mutu baku. The tables below them are the text
//! alternative.

use leptos::prelude::*;
use sop_domain::duration::format_minutes;
use sop_domain::report::{MonthBar, TimeBar};

use crate::strings as s;

const BAR_GROUP: f32 = 44.0;
const CHART_H: f32 = 160.0;
const AXIS_X: f32 = 28.0;
const LABEL_H: f32 = 34.0;

#[component]
pub fn MonthChart(bars: Vec<MonthBar>) -> impl IntoView {
    let max = bars.iter().map(|b| b.opened.max(b.finished).max(b.rejected).max(b.cancelled)).max().unwrap_or(0).max(1);
    let width = AXIS_X + BAR_GROUP * bars.len().max(1) as f32 + 8.0;
    let y = move |v: u32| CHART_H - CHART_H * v as f32 / max as f32;
    let series: [(&str, fn(&MonthBar) -> u32); 4] = [
        ("opened", |b| b.opened),
        ("finished", |b| b.finished),
        ("rejected", |b| b.rejected),
        ("cancelled", |b| b.cancelled),
    ];
    let groups = bars.iter().enumerate().map(|(i, b)| {
        let x0 = AXIS_X + BAR_GROUP * i as f32 + 4.0;
        // "November 2026" → "Nov 26": fits under a group of bars.
        let short = format!(
            "{} {:02}",
            b.label.chars().take(3).collect::<String>(),
            b.month.year().rem_euclid(100)
        );
        view! {
            <g>
                {series.iter().enumerate().map(|(k, (key, value))| {
                    let v = value(b);
                    view! {
                        <rect class=format!("chart-bar chart-bar--{key}") x=x0 + k as f32 * 9.0 y=y(v) width="8" height=CHART_H - y(v)>
                            <title>{format!("{}: {v}", b.label)}</title>
                        </rect>
                    }
                }).collect_view()}
                <text class="chart-label" x=x0 + 18.0 y=CHART_H + 14.0 text-anchor="middle">{short}</text>
            </g>
        }
    }).collect_view();
    view! {
        <figure class="chart">
            <figcaption><strong>{s::LAPORAN_CHART_MONTHS}</strong></figcaption>
            <div class="chart__legend small">
                <span class="legend legend--opened">{s::LAPORAN_TILE_OPENED}</span>
                <span class="legend legend--finished">{s::LAPORAN_TILE_FINISHED}</span>
                <span class="legend legend--rejected">{s::LAPORAN_TILE_REJECTED}</span>
                <span class="legend legend--cancelled">{s::LAPORAN_TILE_CANCELLED}</span>
            </div>
            <div class="chart__scroll">
                <svg class="chart__svg chart__svg--months" viewBox=format!("0 0 {width} {}", CHART_H + LABEL_H)
                    style=format!("min-width:{}px", width.min(640.0))
                    role="img" aria-label=s::LAPORAN_CHART_MONTHS_DESC>
                    <line class="chart-axis" x1=AXIS_X y1="0" x2=AXIS_X y2=CHART_H/>
                    <line class="chart-axis" x1=AXIS_X y1=CHART_H x2=width y2=CHART_H/>
                    <text class="chart-label" x=AXIS_X - 4.0 y="10" text-anchor="end">{max}</text>
                    <text class="chart-label" x=AXIS_X - 4.0 y=CHART_H text-anchor="end">"0"</text>
                    {groups}
                </svg>
            </div>
        </figure>
    }
}

const ROW_H: f32 = 26.0;
const NAME_W: f32 = 64.0;
const PLOT_W: f32 = 300.0;

#[component]
pub fn TimeChart(bars: Vec<TimeBar>) -> impl IntoView {
    if bars.is_empty() {
        return ().into_any();
    }
    let max = bars.iter().map(|b| b.p90_minutes.max(b.standard_minutes.unwrap_or(0))).max().unwrap_or(1).max(1) as f32;
    let x = move |m: u64| NAME_W + PLOT_W * m as f32 / max;
    let height = ROW_H * bars.len() as f32 + 8.0;
    let rows = bars.iter().enumerate().map(|(i, b)| {
        let y0 = 4.0 + ROW_H * i as f32;
        let over = b.standard_minutes.is_some_and(|s| b.median_minutes > s);
        let title = format!(
            "{}: {} {}, {} {}{}",
            b.code, s::LAPORAN_LEGEND_MEDIAN, format_minutes(b.median_minutes), s::LAPORAN_LEGEND_P90, format_minutes(b.p90_minutes),
            b.standard_minutes.map(|m| format!(", {} {}", s::LAPORAN_LEGEND_STANDARD, format_minutes(m))).unwrap_or_default()
        );
        view! {
            <g>
                <title>{title}</title>
                <text class="chart-label" x=NAME_W - 6.0 y=y0 + 14.0 text-anchor="end">{b.code.clone()}</text>
                <rect class="chart-bar chart-bar--median" class:chart-bar--over=over x=NAME_W y=y0 + 4.0 width=x(b.median_minutes) - NAME_W height="14"/>
                <line class="chart-p90" x1=x(b.p90_minutes) y1=y0 + 1.0 x2=x(b.p90_minutes) y2=y0 + 21.0/>
                {b.standard_minutes.map(|m| view! {
                    <line class="chart-standard" x1=x(m) y1=y0 x2=x(m) y2=y0 + 22.0/>
                })}
            </g>
        }
    }).collect_view();
    view! {
        <figure class="chart">
            <figcaption><strong>{s::LAPORAN_CHART_TIME}</strong></figcaption>
            <div class="chart__legend small">
                <span class="legend legend--median">{s::LAPORAN_LEGEND_MEDIAN}</span>
                <span class="legend legend--p90">{s::LAPORAN_LEGEND_P90}</span>
                <span class="legend legend--standard">{s::LAPORAN_LEGEND_STANDARD}</span>
            </div>
            <svg class="chart__svg chart__svg--fluid" viewBox=format!("0 0 {} {height}", NAME_W + PLOT_W + 8.0)
                role="img" aria-label=s::LAPORAN_CHART_TIME_DESC>
                {rows}
            </svg>
        </figure>
    }.into_any()
}
