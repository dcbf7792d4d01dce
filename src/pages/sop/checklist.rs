//! "Yang perlu disiapkan": the requirements as a checklist whose ticks stay on the device.

use leptos::prelude::*;
use sop_domain::catalogue::Sop;

use crate::platform::{dom_actions, prefs};
use crate::strings as s;

#[component]
pub fn Checklist(sop: &'static Sop) -> impl IntoView {
    let key = format!("siapkan:{}", sop.id);
    let n = sop.requirements.len();
    // A stored list from an older version of the data may have another length: keep what
    // still lines up rather than discarding the citizen's ticks.
    let mut initial: Vec<bool> = prefs::get(&key).unwrap_or_default();
    initial.resize(n, false);
    let ticks = RwSignal::new(initial);
    let save_key = key.clone();
    Effect::new(move |_| {
        prefs::set(&save_key, &ticks.get());
    });
    let done = move || ticks.with(|t| t.iter().filter(|b| **b).count());

    let print_checklist = move |_| {
        dom_actions::set_body_class("print-checklist", true);
        dom_actions::print();
        dom_actions::set_body_class("print-checklist", false);
    };

    view! {
        <section class="card checklist" aria-labelledby="perlu-disiapkan">
            <h2 id="perlu-disiapkan">{s::SOP_REQ_TITLE}</h2>
            {if n == 0 {
                view! { <p class="muted">{s::SOP_REQ_NONE}</p> }.into_any()
            } else {
                view! {
                    <p class="small muted">{s::SOP_REQ_HINT}</p>
                    <ul class="checklist__items">
                        {sop.requirements.iter().enumerate().map(|(i, req)| {
                            let id = format!("syarat-{i}");
                            view! {
                                <li>
                                    <input type="checkbox" id=id.clone()
                                        prop:checked=move || ticks.with(|t| t.get(i).copied().unwrap_or(false))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            ticks.update(|t| if let Some(slot) = t.get_mut(i) { *slot = on });
                                        }/>
                                    <label for=id>{req.clone()}</label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="checklist__progress" role="status">{done} " / " {n} " " {s::SOP_REQ_DONE}</p>
                    <div class="actions">
                        <button type="button" class="button button--secondary" on:click=print_checklist>
                            {s::ACTION_PRINT_CHECKLIST}
                        </button>
                        <button type="button" class="button button--ghost"
                            on:click=move |_| ticks.update(|t| t.iter_mut().for_each(|b| *b = false))>
                            {s::SOP_REQ_RESET}
                        </button>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
