//! The rows of the case list: number, status, applicant, subject, "melewati waktu baku",
//! current step, SOP and last activity.
//!
//! Only the rows on screen and a few around them are drawn (`sop_domain::list_window`
//! decides which); the list keeps the height of all of them, so the page's scrollbar is true
//! and scrolling brings the next rows. Every row has the same height (one line per fact, cut
//! with an ellipsis; style/kasus.css), measured on the page rather than assumed, so a row's
//! place is its position times that height. 10,000 cases cost what a screenful costs.

use leptos::prelude::*;
use leptos_router::components::A;
use sop_domain::list_window::{drawn_rows, list_extent, rows_to_draw, ListViewport};
use sop_domain::store::CaseSummary;

use crate::catalogue_data::catalogue;
use crate::components::case_format::{status_class, wib};
use crate::platform::dom;
use crate::platform::list_window::{self, ListMeasure, ListWatch};
use crate::routes;
use crate::routes::href;
use crate::state::use_case_store;
use crate::strings as s;

/// Rows drawn beyond each edge of the viewport: a fast scroll shows drawn rows while the next
/// ones are made, and Tab always finds the next row drawn.
const OVERSCAN_ROWS: usize = 6;
/// A row's height before one is measured. The first frame is measured before it is painted;
/// until then the list draws only its first `OVERSCAN_ROWS` rows (it starts below the page
/// head, often below the fold), and the measurement adds what the screen shows.
const ROW_HEIGHT_GUESS: f64 = 120.0;

/// Where the list is and how big its rows are, as last measured.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Geometry {
    view: ListViewport,
    row_height: f64,
    gap: f64,
}

impl Geometry {
    fn pitch(&self) -> f64 {
        self.row_height + self.gap
    }
}

#[component]
pub fn CaseListRows(
    /// The positions in the store's list (`CaseStore::summaries`) of the cases that pass the
    /// search and filters, in list order.
    #[prop(into)]
    matches: Signal<Vec<usize>>,
    #[prop(into)] now_ms: Signal<i64>,
) -> impl IntoView {
    let store = use_case_store();
    let list = NodeRef::<leptos::html::Ol>::new();
    let geometry = RwSignal::new(Geometry {
        view: ListViewport { top: 0.0, height: 0.0 },
        row_height: ROW_HEIGHT_GUESS,
        gap: 0.0,
    });
    // The case whose row has the keyboard focus: kept drawn wherever the page scrolls.
    let focused = RwSignal::new(None::<String>);

    let count = Memo::new(move |_| matches.with(Vec::len));
    let pitch = Memo::new(move |_| geometry.with(Geometry::pitch));
    let height = Memo::new(move |_| geometry.with(|g| list_extent(count.get(), g.row_height, g.gap)));
    let window = Memo::new(move |_| geometry.with(|g| rows_to_draw(g.view, g.pitch(), count.get(), OVERSCAN_ROWS)));
    let focused_at = Memo::new(move |_| {
        focused.with(|id| {
            let id = id.as_deref()?;
            store.summaries.with(|all| matches.with(|m| m.iter().position(|&i| all.get(i).is_some_and(|s| s.id == id))))
        })
    });
    // When the drawn rows change around a row kept for the focus, `For` re-inserts rows in
    // the DOM, and a re-inserted element loses the focus: while they are redrawn, a focus
    // lost is a focus to give back (see `on:focusout`).
    let redrawing = StoredValue::new(false);
    let restoring = StoredValue::new(false);
    // Only the drawn rows are copied out of the store's list, whatever the number of matches.
    let rows = Memo::new(move |_| {
        redrawing.set_value(true);
        list_window::after_current_update(move || redrawing.set_value(false));
        let drawn = drawn_rows(window.get(), focused_at.get(), count.get());
        store.summaries.with(|all| {
            matches.with(|m| {
                drawn
                    .into_iter()
                    .filter_map(|at| Some((at, all.get(*m.get(at)?)?.clone())))
                    .collect::<Vec<(usize, CaseSummary)>>()
            })
        })
    });

    let watch = StoredValue::new_local(None::<ListWatch>);
    Effect::new(move |_| {
        let Some(el) = list.get() else { return };
        let on_measure = move |m: ListMeasure| {
            geometry.maybe_update(|g| {
                let next = Geometry { view: m.view, row_height: m.row_height.unwrap_or(g.row_height), gap: m.gap };
                let changed = next != *g;
                *g = next;
                changed
            });
        };
        watch.set_value(list_window::watch(el.into(), on_measure));
    });

    view! {
        <ol class="case-list" data-testid="case-list" node_ref=list
            style:height=move || format!("{}px", height.get())
            on:focusin=move |ev| {
                focused.set(dom::closest_data(&ev, "case"));
                if !restoring.get_value() {
                    list_window::reveal_row(&ev);
                }
            }
            on:focusout=move |ev| {
                let Some(id) = focused.get_untracked() else { return };
                // From row to row: the row that gets the focus says so (and must not be
                // dropped from the drawn rows meanwhile).
                if list.get_untracked().is_some_and(|el| list_window::focus_moves_within(&ev, &el)) {
                    return;
                }
                if !redrawing.get_value() {
                    focused.set(None);
                    return;
                }
                list_window::after_current_update(move || {
                    let Some(el) = list.get_untracked() else { return };
                    restoring.set_value(true);
                    let back = list_window::refocus_row(&el, &id);
                    restoring.set_value(false);
                    if !back {
                        // The row is gone (it no longer matches the search).
                        focused.set(None);
                    }
                });
            }>
            <For each=move || rows.get() key=|(_, r)| (r.id.clone(), r.revision)
                children=move |(_, row)| view! { <CaseRow row=row rows=rows pitch=pitch count=count now_ms=now_ms/> }/>
        </ol>
    }
}

#[component]
fn CaseRow(
    row: CaseSummary,
    /// The drawn rows with their positions in the list: a row keeps its element when cases
    /// before it come or go, only its place changes.
    rows: Memo<Vec<(usize, CaseSummary)>>,
    pitch: Memo<f64>,
    count: Memo<usize>,
    #[prop(into)] now_ms: Signal<i64>,
) -> impl IntoView {
    let sop = catalogue().sop(&row.sop_id);
    let sop_title = sop.map_or_else(|| row.sop_id.clone(), |s| s.title.to_string());
    let step = row
        .current
        .and_then(|i| sop.and_then(|sop| sop.steps.get(i).map(|st| s::kasus_step_of(st.no, sop.steps.len()))));
    let overdue_row = row.clone();
    let overdue = move || overdue_row.is_overdue(now_ms.get());
    let closed = !row.is_open();
    let store = use_case_store();
    let row_id = row.id.clone();
    // A change of this case kept only in memory (the list shows the stored state).
    let unsaved = move || store.unsaved_cases().iter().any(|(id, _)| *id == row_id);
    let id = row.id.clone();
    let at = Memo::new(move |_| rows.with(|r| r.iter().find(|(_, s)| s.id == id).map_or(0, |(at, _)| *at)));
    view! {
        <li class="case-row" class:case-row--closed=closed data-case=row.id.clone()
            aria-setsize=move || count.get() aria-posinset=move || at.get() + 1
            style:top=move || format!("{}px", at.get() as f64 * pitch.get())>
            <div class="case-row__head">
                <A href=href(&routes::case_page(&row.id)) attr:class="case-row__number mono">{row.number.clone()}</A>
                <span class=status_class(row.status)>{row.status.label()}</span>
            </div>
            <p class="case-row__who">{row.applicant.clone()}</p>
            <p class="case-row__subject">{row.subject.clone()}</p>
            <p class="case-row__state">
                {move || overdue().then(|| view! { <span class="case-overdue">{s::KASUS_OVERDUE}</span> })}
                {move || unsaved().then(|| view! { <span class="case-unsaved-badge" data-testid="unsaved-badge">{s::KASUS_UNSAVED_BADGE}</span> })}
                {step.map(|t| view! { <span class="case-row__step small muted">{t}</span> })}
            </p>
            <p class="case-row__meta small muted">
                <span class="case-row__sop">{sop_title}</span>
                <span class="case-row__when">{s::KASUS_LAST_ACTIVITY} " " {wib(row.updated_ms)}</span>
            </p>
        </li>
    }
}
