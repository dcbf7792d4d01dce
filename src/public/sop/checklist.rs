//! "Yang perlu disiapkan": the requirements as a checklist whose ticks stay on the device.
//!
//! The list is written into the page; the island around it keeps the ticks. It reads the
//! boxes from the page (the citizen bundle does not carry the requirements' text), restores
//! the stored ticks after hydration (the build wrote every box unticked) and saves each change.

use leptos::prelude::*;
use sop_domain::catalogue::Sop;

use crate::platform::{dom, dom_actions, prefs};
use crate::public::current_sop;
use crate::strings as s;

#[component]
pub fn Checklist(sop: &'static Sop) -> impl IntoView {
    let n = sop.requirements.len();
    view! {
        <section class="card checklist" aria-labelledby="perlu-disiapkan">
            <h2 id="perlu-disiapkan">{s::SOP_REQ_TITLE}</h2>
            {if n == 0 {
                view! { <p class="muted">{s::SOP_REQ_NONE}</p> }.into_any()
            } else {
                view! {
                    <p class="small muted">{s::SOP_REQ_HINT}</p>
                    <ChecklistTicks>
                        <ul class="checklist__items">
                            {sop.requirements.iter().enumerate().map(|(i, req)| {
                                let id = format!("syarat-{i}");
                                view! {
                                    <li>
                                        <input type="checkbox" id=id.clone()/>
                                        <label for=id>{req.clone()}</label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </ChecklistTicks>
                }.into_any()
            }}
        </section>
    }
}

#[island]
fn ChecklistTicks(children: Children) -> impl IntoView {
    let key = format!("siapkan:{}", current_sop().id);
    let list_ref = NodeRef::<leptos::html::Div>::new();
    // The build knows the count; the bundle counts the boxes once hydrated.
    let total = RwSignal::new(current_sop().requirements.len());
    let done = RwSignal::new(0_usize);
    let save = {
        let key = key.clone();
        move |ticks: &[bool]| {
            done.set(ticks.iter().filter(|t| **t).count());
            prefs::set_ticks(&key, ticks);
        }
    };
    {
        let key = key.clone();
        Effect::new(move |_| {
            let Some(list) = list_ref.get() else { return };
            let n = dom::checkbox_states(&list).len();
            // A stored list from an older version of the data may have another length: keep
            // what still lines up rather than discarding the citizen's ticks.
            let mut ticks = prefs::get_ticks(&key).unwrap_or_default();
            ticks.resize(n, false);
            dom::set_checkbox_states(&list, &ticks);
            total.set(n);
            done.set(ticks.iter().filter(|t| **t).count());
        });
    }
    let on_change = {
        let save = save.clone();
        move |_| {
            if let Some(list) = list_ref.get_untracked() {
                save(&dom::checkbox_states(&list));
            }
        }
    };
    let reset = move |_| {
        if let Some(list) = list_ref.get_untracked() {
            let cleared = vec![false; dom::checkbox_states(&list).len()];
            dom::set_checkbox_states(&list, &cleared);
            save(&cleared);
        }
    };
    view! {
        <div class="checklist__ticks" node_ref=list_ref on:change=on_change>{children()}</div>
        <p class="checklist__progress" role="status">{move || done.get()} " / " {move || total.get()} " " {s::SOP_REQ_DONE}</p>
        <div class="actions">
            <button type="button" class="button button--secondary"
                on:click=|_| dom_actions::print_part("print-checklist")>
                {s::ACTION_PRINT_CHECKLIST}
            </button>
            <button type="button" class="button button--ghost" on:click=reset>{s::SOP_REQ_RESET}</button>
        </div>
    }
}
