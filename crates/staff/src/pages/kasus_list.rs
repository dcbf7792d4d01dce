//! `/kasus`: the staff's case list. Search and filters live in the URL
//! (`?q=&sop=&status=&lewat=1`, and `?baru=<sop-id>` opens the new-case form with that SOP),
//! so a view can be shared and the back button restores it.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use sop_domain::case::CaseStatus;
use sop_domain::store::{filter_positions, filter_summaries, CaseFilter, StatusFilter};

use crate::catalogue_data::catalogue;
use crate::components::case_banners::CaseStorageBanners;
use crate::components::case_feedback::CaseFeedback;
use crate::components::case_format::status_slug;
use crate::components::case_list_rows::CaseListRows;
use crate::components::case_new_form::CaseNewForm;
use crate::components::case_staff::CaseStaffName;
use crate::components::case_toolbar::CaseToolbar;
use crate::platform::clock;
use crate::platform::dom::focus_id;
use crate::routes::Route;
use crate::state::{use_case_store, Feedback};
use crate::strings as s;

/// How long typing pauses before the search text goes into the address.
const TYPING_PAUSE: Duration = Duration::from_millis(400);

/// The list's state as it appears in the URL.
#[derive(Clone, Debug, Default, PartialEq)]
struct ListQuery {
    q: String,
    sop: String,
    status: String,
    overdue: bool,
    /// `Some` while the new-case form is open; the SOP to preselect ("" for none).
    new_case: Option<String>,
}

impl ListQuery {
    /// The base-less route (for `use_navigate`).
    fn to_url(&self) -> String {
        let mut route = Route::new("/kasus")
            .param_if_set("q", &self.q)
            .param_if_set("sop", &self.sop)
            .param_if_set("status", &self.status);
        if self.overdue {
            route = route.param("lewat", "1");
        }
        if let Some(sop) = &self.new_case {
            route = route.param("baru", sop.as_str());
        }
        route.build()
    }

    fn filter(&self) -> CaseFilter {
        CaseFilter {
            query: self.q.clone(),
            sop_id: (!self.sop.is_empty()).then(|| self.sop.clone()),
            status: CaseStatus::ALL
                .into_iter()
                .find(|st| status_slug(*st) == self.status)
                .map_or(StatusFilter::All, StatusFilter::Only),
            overdue_only: self.overdue,
        }
    }

    fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty() || !self.sop.is_empty() || !self.status.is_empty() || self.overdue
    }
}

#[component]
pub fn KasusListPage() -> impl IntoView {
    let store = use_case_store();
    store.ensure_loaded();
    // "#arsip" (the way out offered when the storage is full) and "#berkas" point at panels
    // below the list, which exist only once the page has rendered.
    let location = use_location();
    Effect::new(move |_| {
        let hash = location.hash.get();
        if let Some(id) = hash.strip_prefix('#').filter(|id| matches!(*id, "arsip" | "berkas")) {
            let id = id.to_string();
            request_animation_frame(move || focus_id(&id));
        }
    });
    let query_map = use_query_map();
    let state = Memo::new(move |_| {
        let m = query_map.read();
        ListQuery {
            q: m.get("q").unwrap_or_default(),
            sop: m.get("sop").unwrap_or_default(),
            status: m.get("status").unwrap_or_default(),
            overdue: m.get("lewat").is_some_and(|v| v == "1"),
            new_case: m.get("baru"),
        }
    });
    let navigate = use_navigate();
    // Typing filters at once, but the address follows only when typing pauses or the box is
    // left: a history write and the router's re-match on every keystroke were most of a
    // keystroke's cost at 10,000 cases. `typed` is the box's text the address does not hold
    // yet; `current` is the list's state with it.
    let typed = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        let mut list = state.get();
        if let Some(q) = typed.get() {
            list.q = q;
        }
        list
    });
    let typing_timer = StoredValue::new(None::<TimeoutHandle>);
    let stop_typing_timer = move || {
        if let Some(timer) = typing_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    let write_url = Callback::new(move |(next, replace): (ListQuery, bool)| {
        navigate(&next.to_url(), NavigateOptions { replace, scroll: false, ..Default::default() });
    });
    // The pending text goes into the current history entry (typing never adds one).
    let flush_typed = move || {
        stop_typing_timer();
        if typed.with_untracked(Option::is_some) {
            write_url.run((current.get_untracked(), true));
            typed.set(None);
        }
    };
    // Changing a filter adds a history entry, after the typed text is in the one before.
    let go = Callback::new(move |(next, replace): (ListQuery, bool)| {
        flush_typed();
        write_url.run((next, replace));
    });
    on_cleanup(stop_typing_timer);

    // "Melewati waktu baku" depends on the time: look again every minute.
    let now = RwSignal::new(clock::now_ms());
    let tick = set_interval_with_handle(move || now.set(clock::now_ms()), Duration::from_secs(60)).ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });

    // Positions in the store's list, not copies: the rows copy only what they draw.
    let matches = Memo::new(move |_| {
        let filter = current.with(ListQuery::filter);
        let at = now.get();
        store.summaries.with(|all| filter_positions(all, &filter, at))
    });
    let filtered_ids = Callback::new(move |()| {
        let filter = current.with_untracked(ListQuery::filter);
        store.summaries.with_untracked(|all| {
            filter_summaries(all, &filter, clock::now_ms()).into_iter().map(|s| s.id.clone()).collect::<Vec<_>>()
        })
    });
    let feedback = RwSignal::new(None::<Feedback>);
    let preselected = Signal::derive(move || state.with(|s| s.new_case.clone().filter(|id| !id.is_empty())));

    view! {
        <section class="page-head">
            <h1>{s::KASUS_TITLE}</h1>
            <p class="lead">{s::KASUS_INTRO}</p>
        </section>
        <CaseStorageBanners feedback=feedback/>
        <CaseFeedback feedback=feedback/>
        <div class="case-list-top">
            <CaseStaffName compact=true/>
            <Show when=move || state.with(|s| s.new_case.is_some())
                fallback=move || view! {
                    <div class="case-new-open">
                        <button type="button" class="button" data-testid="new-case"
                            on:click=move |_| {
                                let mut next = current.get_untracked();
                                next.new_case = Some(String::new());
                                go.run((next, false));
                            }>{s::KASUS_NEW_OPEN}</button>
                        // The file tools sit below the list, which can be long. (A "#berkas"
                        // link would resolve against <base href> and leave the page.)
                        <button type="button" class="button button--ghost" on:click=|_| focus_id("berkas")>{s::KASUS_TOOLS_JUMP}</button>
                    </div>
                }>
                <CaseNewForm preselected=preselected feedback=feedback
                    on_close=Callback::new(move |()| {
                        let mut next = current.get_untracked();
                        next.new_case = None;
                        go.run((next, true));
                    })/>
            </Show>
        </div>
        <section class="case-search" aria-labelledby="cari-permohonan-judul">
            <h2 id="cari-permohonan-judul" class="visually-hidden">{s::KASUS_SEARCH_TITLE}</h2>
            <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
                <label class="search__label" for="cari-permohonan">{s::KASUS_SEARCH_LABEL}</label>
                <input id="cari-permohonan" class="search__input" type="search" autocomplete="off" spellcheck="false"
                    placeholder=s::KASUS_SEARCH_PLACEHOLDER
                    prop:value=move || current.with(|c| c.q.clone())
                    on:input=move |ev| {
                        typed.set(Some(event_target_value(&ev)));
                        stop_typing_timer();
                        let timer = set_timeout_with_handle(flush_typed, TYPING_PAUSE).ok();
                        typing_timer.set_value(timer);
                    }
                    // Leaving the box (to a case's link, a filter) writes the address first.
                    on:blur=move |_| flush_typed()/>
                <div class="search__filters case-filters">
                    <div class="field">
                        <label for="filter-sop">{s::KASUS_FILTER_SOP}</label>
                        <select id="filter-sop" prop:value=move || state.get().sop
                            on:change=move |ev| {
                                let mut next = current.get_untracked();
                                next.sop = event_target_value(&ev);
                                go.run((next, false));
                            }>
                            <option value="">{s::KASUS_FILTER_SOP_ALL}</option>
                            {catalogue().sops.iter().map(|sop| {
                                let id = sop.id.clone();
                                let selected_id = id.clone();
                                view! { <option value=id selected=move || state.get().sop == selected_id>{sop.title.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-status">{s::KASUS_FILTER_STATUS}</label>
                        <select id="filter-status" prop:value=move || state.get().status
                            on:change=move |ev| {
                                let mut next = current.get_untracked();
                                next.status = event_target_value(&ev);
                                go.run((next, false));
                            }>
                            <option value="">{s::KASUS_FILTER_STATUS_ALL}</option>
                            {CaseStatus::ALL.into_iter().map(|st| view! {
                                <option value=status_slug(st) selected=move || state.get().status == status_slug(st)>{st.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="case-filters__check">
                        <input id="filter-lewat" type="checkbox" prop:checked=move || state.get().overdue
                            on:change=move |ev| {
                                let mut next = current.get_untracked();
                                next.overdue = event_target_checked(&ev);
                                go.run((next, false));
                            }/>
                        <label for="filter-lewat">{s::KASUS_FILTER_OVERDUE}</label>
                    </div>
                </div>
            </form>
        </section>
        <section class="case-results" aria-labelledby="hasil-permohonan">
            <h2 id="hasil-permohonan" class="case-results__count" data-testid="case-count" aria-live="polite">
                {move || s::kasus_count(matches.with(Vec::len))}
            </h2>
            {move || {
                if matches.with(|m| !m.is_empty()) {
                    return None;
                }
                let any = store.summaries.with(|l| !l.is_empty());
                Some(view! {
                    <div class="empty card">
                        <p>{if any { s::KASUS_EMPTY_FILTERED } else { s::KASUS_EMPTY }}</p>
                        {(any && current.with(ListQuery::is_filtered)).then(|| view! {
                            <button type="button" class="button button--secondary"
                                on:click=move |_| go.run((ListQuery::default(), false))>{s::KASUS_FILTER_RESET}</button>
                        })}
                    </div>
                })
            }}
            <CaseListRows matches=matches now_ms=now/>
        </section>
        <CaseToolbar feedback=feedback filtered_ids=filtered_ids/>
    }
}
