//! "Yang perlu disiapkan": the requirements as a checklist whose ticks stay on the device.
//!
//! The list is in the page's HTML; the island keeps the ticks. They are restored after
//! hydration (the build rendered every box unticked).

use leptos::prelude::*;

use crate::platform::{dom_actions, prefs};
use crate::public::current_sop;
use crate::strings as s;

#[island]
pub fn Checklist() -> impl IntoView {
    let sop = current_sop();
    let key = format!("siapkan:{}", sop.id);
    let n = sop.requirements.len();
    let ticks = RwSignal::new(vec![false; n]);
    let restored = RwSignal::new(false);
    {
        let key = key.clone();
        Effect::new(move |_| {
            // A stored list from an older version of the data may have another length: keep
            // what still lines up rather than discarding the citizen's ticks.
            let mut stored = prefs::get_ticks(&key).unwrap_or_default();
            stored.resize(n, false);
            ticks.set(stored);
            restored.set(true);
        });
    }
    Effect::new(move |_| {
        let current = ticks.get();
        // Nothing to save before the stored ticks are back (that would erase them).
        if restored.get_untracked() {
            prefs::set_ticks(&key, &current);
        }
    });
    let done = move || ticks.with(|t| t.iter().filter(|b| **b).count());

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
                        <button type="button" class="button button--secondary"
                            on:click=|_| dom_actions::print_part("print-checklist")>
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
