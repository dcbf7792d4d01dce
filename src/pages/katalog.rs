//! `/`: the catalogue with instant search. The query and filters live in the URL
//! (`?q=&unit=&jenis=`), so a search can be shared and the back button restores it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use sop_domain::catalogue::Audience;
use sop_domain::duration::format_range_approx;
use sop_domain::search::{highlight, Filter, Hit};

use crate::catalogue_data::{catalogue, search_index};
use crate::platform::dom::href;
use crate::routes::{self, Route};
use crate::strings as s;

/// The catalogue page's state as it appears in the URL.
#[derive(Clone, Debug, Default, PartialEq)]
struct KatalogQuery {
    q: String,
    unit: String,
    jenis: String,
}

impl KatalogQuery {
    /// The route of this state, without the base path (what `use_navigate` takes; `<A>`
    /// needs `href(..)` around it).
    fn to_url(&self) -> String {
        Route::new("/")
            .param_if_set("q", &self.q)
            .param_if_set("unit", &self.unit)
            .param_if_set("jenis", &self.jenis)
            .build()
    }

    fn filter(&self) -> Filter {
        Filter {
            unit_group: (!self.unit.is_empty()).then(|| self.unit.clone()),
            audience: Audience::parse(&self.jenis),
        }
    }
}

#[component]
pub fn KatalogPage() -> impl IntoView {
    let query_map = use_query_map();
    let state = Memo::new(move |_| {
        let m = query_map.read();
        KatalogQuery {
            q: m.get("q").unwrap_or_default(),
            unit: m.get("unit").unwrap_or_default(),
            jenis: m.get("jenis").unwrap_or_default(),
        }
    });
    let navigate = use_navigate();
    // Typing replaces the history entry (the back button should not replay every keystroke);
    // changing a filter adds one.
    let go = move |next: KatalogQuery, replace: bool| {
        navigate(&next.to_url(), NavigateOptions { replace, scroll: false, ..Default::default() });
    };
    let go_typing = go.clone();
    let go_unit = go.clone();
    let go_jenis = go.clone();
    let go_reset = go.clone();

    let hits = Memo::new(move |_| {
        let st = state.get();
        // The first paint lists the catalogue without building the search index; the index
        // is built on the first query (a few milliseconds), keeping start-up short.
        if st.q.trim().is_empty() {
            let filter = st.filter();
            return catalogue()
                .sops
                .iter()
                .enumerate()
                .filter(|(_, sop)| filter.unit_group.as_ref().is_none_or(|u| &sop.unit_group == u)
                    && filter.audience.is_none_or(|a| sop.audience == a))
                .map(|(sop_index, _)| Hit { sop_index, score: 0, matched_terms: Vec::new(), fields: Vec::new() })
                .collect();
        }
        search_index().search(&st.q, &st.filter())
    });

    view! {
        <section class="page-head katalog-head">
            <h1>{s::KATALOG_TITLE}</h1>
            <p class="lead">{s::KATALOG_INTRO}</p>
            <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
                <label class="search__label" for="cari">{s::SEARCH_LABEL}</label>
                <input id="cari" class="search__input" type="search" autocomplete="off" spellcheck="false"
                    placeholder=s::SEARCH_PLACEHOLDER
                    prop:value=move || state.get().q
                    on:input=move |ev| {
                        let mut next = state.get_untracked();
                        next.q = event_target_value(&ev);
                        go_typing(next, true);
                    }/>
                <div class="search__filters">
                    <div class="field">
                        <label for="filter-unit">{s::FILTER_UNIT}</label>
                        <select id="filter-unit" prop:value=move || state.get().unit
                            on:change=move |ev| {
                                let mut next = state.get_untracked();
                                next.unit = event_target_value(&ev);
                                go_unit(next, false);
                            }>
                            <option value="">{s::FILTER_UNIT_ALL}</option>
                            {catalogue().units.iter().map(|u| view! {
                                <option value=u.id.clone() selected=move || state.get().unit == u.id>{u.name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-jenis">{s::FILTER_AUDIENCE}</label>
                        <select id="filter-jenis" prop:value=move || state.get().jenis
                            on:change=move |ev| {
                                let mut next = state.get_untracked();
                                next.jenis = event_target_value(&ev);
                                go_jenis(next, false);
                            }>
                            <option value="">{s::FILTER_AUDIENCE_ALL}</option>
                            <option value="public" selected=move || state.get().jenis == "public">{s::AUDIENCE_PUBLIC}</option>
                            <option value="internal" selected=move || state.get().jenis == "internal">{s::AUDIENCE_INTERNAL}</option>
                        </select>
                    </div>
                </div>
            </form>
        </section>
        <section class="results" aria-live="polite" aria-label=s::KATALOG_TITLE>
            <p class="results__count" data-testid="result-count">
                {move || hits.with(Vec::len)} " " {s::RESULTS_COUNT}
                {move || { let q = state.get().q; (!q.trim().is_empty()).then(|| format!(" {} “{}”", s::RESULTS_FOR, q.trim())) }}
            </p>
            {move || {
                let list = hits.get();
                if list.is_empty() {
                    let st = state.get();
                    let tips = search_index().suggestions(&st.q, &st.filter());
                    let go_reset = go_reset.clone();
                    view! {
                        <div class="empty card">
                            <h2>{s::EMPTY_TITLE}</h2>
                            <p>{s::EMPTY_HINT}</p>
                            {(!tips.is_empty()).then(|| view! {
                                <p>{s::EMPTY_TRY} " "
                                    {tips.into_iter().map(|t| {
                                        let url = href(&KatalogQuery { q: t.clone(), ..Default::default() }.to_url());
                                        view! { <A href=url attr:class="suggestion">{t}</A> " " }
                                    }).collect_view()}
                                </p>
                            })}
                            <button type="button" class="button button--secondary"
                                on:click=move |_| go_reset(KatalogQuery::default(), false)>{s::FILTER_RESET}</button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <ol class="results__list">
                            {list.into_iter().map(|hit| view! { <ResultItem hit=hit/> }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
}

fn marked(text: &str, terms: &[String]) -> impl IntoView {
    highlight(text, terms)
        .into_iter()
        .map(|(seg, hit)| if hit { view! { <mark>{seg}</mark> }.into_any() } else { seg.into_any() })
        .collect_view()
}

#[component]
fn ResultItem(hit: Hit) -> impl IntoView {
    let sop = &catalogue().sops[hit.sop_index];
    let unit = catalogue().unit_of(sop).map(|u| u.short.clone()).unwrap_or_default();
    let time = if sop.total.max_minutes > 0 {
        format_range_approx(sop.total.min_minutes, sop.total.max_minutes)
    } else {
        s::RESULT_NO_TIME.to_string()
    };
    let other_fields: Vec<&str> = hit
        .fields
        .iter()
        .filter(|f| !matches!(f, sop_domain::search::Field::Title))
        .map(|f| f.label())
        .collect();
    let title_terms = hit.matched_terms.clone();
    let number = if sop.number.is_empty() { s::SOP_NUMBER_NONE.to_string() } else { sop.number_normalized.clone() };
    view! {
        <li class="result card" data-sop=sop.id.clone()>
            <h2 class="result__title">
                <A href=href(&routes::sop_page(&sop.id))>{marked(&sop.title, &title_terms)}</A>
            </h2>
            <p class="result__number mono">{marked(&number, &hit.matched_terms)}</p>
            <p class="result__meta">
                <span class="badge" class:badge--internal=sop.audience == Audience::Internal>{
                    if sop.audience == Audience::Public { s::AUDIENCE_PUBLIC } else { s::AUDIENCE_INTERNAL }
                }</span>
                " " <span>{unit}</span>
            </p>
            <p class="result__facts">
                <span><strong>{s::RESULT_TIME} ": "</strong>{time}</span>
                <span>{sop.steps.len()} " " {s::RESULT_STEPS}</span>
            </p>
            {(!hit.matched_terms.is_empty() && !other_fields.is_empty()).then(|| view! {
                <p class="result__matched small muted">{s::RESULT_MATCHED_IN} ": " {other_fields.join(", ")}</p>
            })}
        </li>
    }
}
