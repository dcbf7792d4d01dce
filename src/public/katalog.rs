//! `/`: the catalogue with instant search. Public services come first; the office's internal
//! procedures are a separate group. The query and filters live in the URL (`?q=&unit=&jenis=`),
//! so a search can be shared and the back button restores it.
//!
//! The whole list is in the page's HTML (the build renders it); the search is an island that
//! adopts that markup and only redraws the list once there is something to search for.

use leptos::prelude::*;
use sop_domain::catalogue::{Audience, Sop};
use sop_domain::duration::format_range_approx;
use sop_domain::search::{highlight, Filter, Hit};

use crate::catalogue_data::{catalogue, search_index};
use crate::platform::url;
use crate::routes::{self, href, Route};
use crate::strings as s;

/// The catalogue page's state as it appears in the URL.
#[derive(Clone, Debug, Default, PartialEq)]
struct KatalogQuery {
    q: String,
    unit: String,
    jenis: String,
}

impl KatalogQuery {
    fn from_pairs(pairs: &[(String, String)]) -> KatalogQuery {
        let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
        KatalogQuery { q: get("q"), unit: get("unit"), jenis: get("jenis") }
    }

    /// The route of this state, without the base path.
    fn to_route(&self) -> String {
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

    fn is_searching(&self) -> bool {
        !self.q.trim().is_empty()
    }
}

#[component]
pub fn KatalogPage() -> impl IntoView {
    view! {
        <section class="page-head katalog-head">
            <h1>{s::KATALOG_TITLE}</h1>
            <p class="lead">{s::KATALOG_INTRO}</p>
        </section>
        <KatalogSearch/>
    }
}

/// The search form and the list: rendered at build time with the whole catalogue (no query),
/// hydrated in the browser.
#[island]
fn KatalogSearch() -> impl IntoView {
    // Starts as the build rendered it; the address (a shared search, the back button) and
    // text typed before the bundle arrived are applied after hydration.
    let state = RwSignal::new(KatalogQuery::default());
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let unit_ref = NodeRef::<leptos::html::Select>::new();
    let jenis_ref = NodeRef::<leptos::html::Select>::new();

    // Shows a state that did not come from these controls (address, back button, reset) in
    // them.
    let show_in_controls = move |st: &KatalogQuery| {
        if let Some(el) = input_ref.get_untracked() {
            el.set_value(&st.q);
        }
        if let Some(el) = unit_ref.get_untracked() {
            el.set_value(&st.unit);
        }
        if let Some(el) = jenis_ref.get_untracked() {
            el.set_value(&st.jenis);
        }
    };
    let from_address = move || {
        let st = KatalogQuery::from_pairs(&url::query_pairs());
        show_in_controls(&st);
        state.set(st);
    };
    Effect::new(move |_| {
        let mut st = KatalogQuery::from_pairs(&url::query_pairs());
        let typed = input_ref.get_untracked().map(|el| el.value()).unwrap_or_default();
        if st.q.is_empty() && !typed.trim().is_empty() {
            st.q = typed;
            url::set_url(&href(&st.to_route()), true);
        }
        show_in_controls(&st);
        if st != KatalogQuery::default() {
            state.set(st);
        }
        url::on_popstate(from_address);
    });

    // Typing replaces the history entry (the back button should not replay every keystroke);
    // changing a filter adds one.
    let go = move |next: KatalogQuery, replace: bool| {
        url::set_url(&href(&next.to_route()), replace);
        state.set(next);
    };

    let hits = Memo::new(move |_| {
        let st = state.get();
        // Browsing lists the catalogue without building the search index; the index is built
        // on the first query (a few milliseconds), keeping start-up short.
        if !st.is_searching() {
            let filter = st.filter();
            return catalogue()
                .sops
                .iter()
                .enumerate()
                .filter(|(_, sop)| filter.unit_group.as_ref().is_none_or(|u| *sop.unit_group == **u)
                    && filter.audience.is_none_or(|a| sop.audience == a))
                .map(|(sop_index, _)| Hit { sop_index, score: 0, matched_terms: Vec::new(), fields: Vec::new() })
                .collect::<Vec<_>>();
        }
        search_index().search(&st.q, &st.filter())
    });

    view! {
        <form class="search" role="search" action=href("/") method="get" on:submit=|ev| ev.prevent_default()>
            <label class="search__label" for="cari">{s::SEARCH_LABEL}</label>
            <input id="cari" name="q" class="search__input" type="search" autocomplete="off" spellcheck="false"
                placeholder=s::SEARCH_PLACEHOLDER node_ref=input_ref
                on:input=move |ev| {
                    let mut next = state.get_untracked();
                    next.q = event_target_value(&ev);
                    go(next, true);
                }/>
            <div class="search__filters">
                <div class="field">
                    <label for="filter-unit">{s::FILTER_UNIT}</label>
                    <select id="filter-unit" name="unit" node_ref=unit_ref
                        on:change=move |ev| {
                            let mut next = state.get_untracked();
                            next.unit = event_target_value(&ev);
                            go(next, false);
                        }>
                        <option value="">{s::FILTER_UNIT_ALL}</option>
                        {catalogue().units.iter().map(|u| view! {
                            <option value=u.id.clone()>{u.name.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-jenis">{s::FILTER_AUDIENCE}</label>
                    <select id="filter-jenis" name="jenis" node_ref=jenis_ref
                        on:change=move |ev| {
                            let mut next = state.get_untracked();
                            next.jenis = event_target_value(&ev);
                            go(next, false);
                        }>
                        <option value="">{s::FILTER_AUDIENCE_ALL}</option>
                        <option value="public">{s::AUDIENCE_PUBLIC}</option>
                        <option value="internal">{s::AUDIENCE_INTERNAL}</option>
                    </select>
                </div>
            </div>
        </form>
        <section class="results" aria-live="polite" aria-label=s::KATALOG_TITLE>
            <p class="results__count" data-testid="result-count">
                {move || hits.with(Vec::len)} " " {s::RESULTS_COUNT}
                {move || { let q = state.get().q; (!q.trim().is_empty()).then(|| format!(" {} “{}”", s::RESULTS_FOR, q.trim())) }}
            </p>
            {move || {
                let list = hits.get();
                let st = state.get();
                if list.is_empty() {
                    let tips = search_index().suggestions(&st.q, &st.filter());
                    view! {
                        <div class="empty card">
                            <h2>{s::EMPTY_TITLE}</h2>
                            <p>{s::EMPTY_HINT}</p>
                            {(!tips.is_empty()).then(|| view! {
                                <p>{s::EMPTY_TRY} " "
                                    {tips.into_iter().map(|t| {
                                        let next = KatalogQuery { q: t.clone(), ..Default::default() };
                                        let link = href(&next.to_route());
                                        view! {
                                            <a href=link class="suggestion" on:click=move |ev| {
                                                ev.prevent_default();
                                                show_in_controls(&next);
                                                go(next.clone(), false);
                                            }>{t}</a> " "
                                        }
                                    }).collect_view()}
                                </p>
                            })}
                            <button type="button" class="button button--secondary"
                                on:click=move |_| {
                                    let empty = KatalogQuery::default();
                                    show_in_controls(&empty);
                                    go(empty, false);
                                }>{s::FILTER_RESET}</button>
                        </div>
                    }.into_any()
                } else if st.is_searching() {
                    view! {
                        <h2 class="visually-hidden">{s::RESULTS_HEADING}</h2>
                        <ol class="results__list">
                            {list.into_iter().map(|hit| view! { <ResultItem hit=hit/> }).collect_view()}
                        </ol>
                    }.into_any()
                } else {
                    grouped(list).into_any()
                }
            }}
        </section>
    }
}

/// Browsing: public services first, the office's internal procedures after them, each under
/// its own heading.
fn grouped(list: Vec<Hit>) -> impl IntoView {
    let (public, internal): (Vec<Hit>, Vec<Hit>) =
        list.into_iter().partition(|h| catalogue().sops[h.sop_index].audience == Audience::Public);
    let group = |id: &'static str, title: &'static str, note: Option<&'static str>, hits: Vec<Hit>, internal: bool| {
        (!hits.is_empty()).then(|| view! {
            <section class="results__group" class:results__group--internal=internal aria-labelledby=id>
                <h2 class="results__group-title" id=id>{title}</h2>
                {note.map(|n| view! { <p class="small muted">{n}</p> })}
                <ol class="results__list">
                    {hits.into_iter().map(|hit| view! { <ResultItem hit=hit/> }).collect_view()}
                </ol>
            </section>
        })
    };
    view! {
        {group("grup-publik", s::GROUP_PUBLIC, None, public, false)}
        {group("grup-internal", s::GROUP_INTERNAL, Some(s::GROUP_INTERNAL_NOTE), internal, true)}
    }
}

/// `text` with the matched words in `<mark>`: plain inline runs, so the title reads and wraps
/// as one text.
fn marked(text: &str, terms: &[String]) -> impl IntoView {
    highlight(text, terms)
        .into_iter()
        .map(|(seg, hit)| if hit { view! { <mark>{seg}</mark> }.into_any() } else { seg.into_any() })
        .collect_view()
}

fn time_text(sop: &Sop) -> String {
    if sop.total.max_minutes > 0 {
        format_range_approx(sop.total.min_minutes, sop.total.max_minutes)
    } else {
        s::RESULT_NO_TIME.to_string()
    }
}

#[component]
fn ResultItem(hit: Hit) -> impl IntoView {
    let sop = &catalogue().sops[hit.sop_index];
    let unit = catalogue().unit_of(sop).map(|u| u.short.clone()).unwrap_or_default();
    let other_fields: Vec<&str> = hit
        .fields
        .iter()
        .filter(|f| !matches!(f, sop_domain::search::Field::Title))
        .map(|f| f.label())
        .collect();
    let number = if sop.number.is_empty() { s::SOP_NUMBER_NONE.into() } else { sop.number_normalized.clone() };
    view! {
        <li class="result card" data-sop=sop.id.clone()>
            <h3 class="result__title">
                <a href=href(&routes::sop_page(&sop.id))>{marked(&sop.title, &hit.matched_terms)}</a>
            </h3>
            <p class="result__number mono">{marked(&number, &hit.matched_terms)}</p>
            <p class="result__meta">
                <span class="badge" class:badge--internal=sop.audience == Audience::Internal>{
                    if sop.audience == Audience::Public { s::AUDIENCE_PUBLIC } else { s::AUDIENCE_INTERNAL }
                }</span>
                " " <span>{unit}</span>
            </p>
            <p class="result__facts">
                <span><strong>{s::RESULT_TIME} ": "</strong>{time_text(sop)}</span>
                <span>{sop.steps.len()} " " {s::RESULT_STEPS}</span>
            </p>
            {(!hit.matched_terms.is_empty() && !other_fields.is_empty()).then(|| view! {
                <p class="result__matched small muted">{s::RESULT_MATCHED_IN} ": " {other_fields.join(", ")}</p>
            })}
        </li>
    }
}
