//! "Berapa lama": the total in plain words and the finish date if the citizen applies today.
//!
//! The total is content (written at build time); the estimate depends on the moment of
//! viewing, so it is an island that fills its reserved box after hydration.

use leptos::prelude::*;
use sop_domain::catalogue::Sop;
use sop_domain::duration::{format_range, format_range_approx, StatedComparison};
use sop_domain::locale::{format_date_long, format_time};

use crate::catalogue_data::calendar;
use crate::platform::clock;
use crate::public::current_sop;
use crate::strings as s;

/// The finish estimate for an application made at `now_ms`, in words.
fn estimate_text(sop: &Sop, now_ms: i64) -> String {
    let total = &sop.total;
    let (earliest, latest) = calendar().finish_estimate(now_ms, total.min_minutes, total.max_minutes);
    if earliest == latest {
            format!("{} {} {}", format_date_long(earliest.date()), s::SOP_TIME_AT, format_time(earliest))
        } else if earliest.date() == latest.date() {
            format!(
                "{} {} {}–{}",
                format_date_long(earliest.date()),
                s::SOP_TIME_AT,
                format_time(earliest),
                format_time(latest)
            )
        } else {
            format!(
                "{} {} {} {}",
                s::SOP_TIME_BETWEEN,
                format_date_long(earliest.date()),
                s::SOP_TIME_AND,
                format_date_long(latest.date())
            )
    }
}

/// The holidays whose date waits for the sidang isbat, by name with their dates:
/// "Idulfitri 1448 Hijriah (10 dan 11 Maret 2027) dan Iduladha 1448 Hijriah (17 Mei 2027)".
fn estimated_holidays() -> Option<String> {
    let mut named: Vec<(String, Vec<chrono::NaiveDate>)> = Vec::new();
    for h in calendar().holidays().iter().filter(|h| h.estimated) {
        match named.iter_mut().find(|(n, _)| *n == *h.name) {
            Some((_, dates)) => dates.push(h.date),
            None => named.push((h.name.to_string(), vec![h.date])),
        }
    }
    let parts: Vec<String> = named
        .into_iter()
        .map(|(name, dates)| {
            let days: Vec<String> = dates.iter().map(|d| format_date_long(*d)).collect();
            format!("{name} ({})", join_and(&days))
        })
        .collect();
    (!parts.is_empty()).then(|| join_and(&parts))
}

/// "a", "a dan b", "a, b dan c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), s::SOP_TIME_AND),
    }
}

/// "Jika diajukan hari ini": "…" in the HTML, the estimate once the bundle runs. Its box
/// keeps one height whatever it says, so filling it moves nothing else on the page.
#[island]
fn Estimate() -> impl IntoView {
    let sop = current_sop();
    let estimate = RwSignal::new(None::<String>);
    Effect::new(move |_| estimate.set(Some(estimate_text(sop, clock::now_ms()))));
    view! {
        <div class="timing__estimate-box">
            <p class="timing__estimate" data-testid="sop-estimate">{move || estimate.get().unwrap_or_else(|| "…".to_string())}</p>
        </div>
    }
}

#[component]
pub fn Timing(sop: &'static Sop) -> impl IntoView {
    let total = &sop.total;
    let has_time = total.max_minutes > 0;
    let notes = [
        (s::SOP_TIME_UNSPECIFIED, &total.unspecified_steps),
        (s::SOP_TIME_UNTIMED, &total.untimed_steps),
        (s::SOP_TIME_PER_ITEM, &total.per_item_steps),
    ]
    .into_iter()
    .filter(|(_, steps)| !steps.is_empty())
    .map(|(label, steps)| {
        let list = steps.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        view! { <li>{label} ": " {s::SOP_TIME_STEPS} " " {list}</li> }
    })
    .collect_view();
    let exact = format_range(total.min_minutes, total.max_minutes);
    let differs = matches!(sop.stated_comparison, StatedComparison::Disagrees { .. });

    view! {
        <section class="card timing" aria-labelledby="berapa-lama">
            <h2 id="berapa-lama">{s::SOP_TIME_TITLE}</h2>
            <p class="timing__label">{s::SOP_TIME_TOTAL}</p>
            <p class="timing__total" data-testid="sop-total">
                {if has_time { format_range_approx(total.min_minutes, total.max_minutes) } else { s::SOP_TIME_UNTIMED.to_string() }}
            </p>
            {(has_time && exact != format_range_approx(total.min_minutes, total.max_minutes)).then(|| view! {
                <p class="small muted">{s::SOP_TIME_EXACT} ": " {exact.clone()}</p>
            })}
            <ul class="timing__notes">{notes}</ul>
            {(!sop.stated_total.is_empty()).then(|| view! {
                <p class="timing__stated">{s::SOP_TIME_STATED} ": " <span class="mono">{sop.stated_total.clone()}</span></p>
            })}
            {differs.then(|| view! { <p class="notice notice--warn">{s::SOP_TIME_STATED_DIFFERS}</p> })}
            <p class="timing__label">{s::SOP_TIME_ESTIMATE}</p>
            {if has_time {
                view! { <Estimate/> }.into_any()
            } else {
                view! { <p class="timing__estimate">{s::SOP_TIME_ESTIMATE_NONE}</p> }.into_any()
            }}
            <p class="small muted">{s::SOP_TIME_RULES} " " {s::SOP_TIME_BEYOND_HOLIDAYS} " "
                {calendar().coverage().1} {s::SOP_TIME_BEYOND_HOLIDAYS_TAIL}</p>
            {estimated_holidays().map(|dates| view! {
                <p class="small muted" data-testid="sop-estimated-holidays">{s::sop_time_estimated_holidays(&dates)}</p>
            })}
        </section>
    }
}
