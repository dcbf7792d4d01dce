//! The browser side of the windowed case list: where the list is under the viewport, how tall
//! a drawn row is, and when to look again — a page scroll, a window resize (zoom included), a
//! drawn row changing size (fonts, the browser's text size) — at most once per frame. Which
//! rows to draw is decided by `sop_domain::list_window`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use sop_domain::list_window::ListViewport;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    AddEventListenerOptions, Element, FocusOptions, HtmlElement, ResizeObserver, ScrollIntoViewOptions,
    ScrollLogicalPosition, Window,
};

/// What the list measures now, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListMeasure {
    pub view: ListViewport,
    /// The height of the first drawn row; `None` while no row is drawn.
    pub row_height: Option<f64>,
    /// The list's `row-gap`: the space between two rows.
    pub gap: f64,
}

/// Reads the list's place under the viewport, the first drawn row's height and the gap. One
/// layout at most (the reads come before any write of the frame).
pub fn measure(list: &Element) -> ListMeasure {
    let window = web_sys::window();
    let rect = list.get_bounding_client_rect();
    let height = window
        .as_ref()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let row_height = list
        .first_element_child()
        .map(|row| row.get_bounding_client_rect().height())
        .filter(|h| *h > 0.0);
    let gap = window
        .and_then(|w| w.get_computed_style(list).ok().flatten())
        .and_then(|style| style.get_property_value("row-gap").ok())
        .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
        .unwrap_or(0.0);
    ListMeasure {
        view: ListViewport {
            top: -rect.top(),
            height,
        },
        row_height,
        gap,
    }
}

/// Scrolls the whole row holding the event's target into view when the keyboard brought the
/// focus there (the browser shows only the focused link, which can leave the rest of its row
/// off screen). Not for a click: the row moving under the pointer would lose the click.
pub fn reveal_row(event: &web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if !target.matches(":focus-visible").unwrap_or(false) {
        return;
    }
    let Some(row) = target.closest("li").ok().flatten() else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    row.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether the focus leaving an element of `list` goes to another element of it (focus moving
/// from row to row).
pub fn focus_moves_within(event: &web_sys::FocusEvent, list: &Element) -> bool {
    event
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| list.contains(Some(&node)))
}

/// Runs `work` once the current script and the DOM changes it makes are done (a microtask).
pub fn after_current_update(work: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        w.queue_microtask(Closure::once_into_js(work).unchecked_ref());
    }
}

/// Gives the keyboard focus back to the link of the drawn row of case `id`, where the page is
/// (no scrolling); false when that row is not drawn.
pub fn refocus_row(list: &Element, id: &str) -> bool {
    let Some(link) = list
        .query_selector(&format!("li[data-case=\"{id}\"] a"))
        .ok()
        .flatten()
        .and_then(|a| a.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    link.focus_with_options(&options).is_ok()
}

/// Calls back with a fresh [`ListMeasure`] after every change that can move the rows; the
/// listeners go away when it is dropped.
pub struct ListWatch {
    window: Window,
    on_event: Closure<dyn FnMut()>,
    _on_frame: Rc<Closure<dyn FnMut()>>,
    frame: Rc<Cell<Option<i32>>>,
    observer: Option<ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
}

/// Starts watching `list`; `on_change` runs once at once (the first frame must already show
/// the right rows), then at most once per animation frame.
pub fn watch(list: Element, on_change: impl Fn(ListMeasure) + 'static) -> Option<ListWatch> {
    let window = web_sys::window()?;
    let frame: Rc<Cell<Option<i32>>> = Rc::new(Cell::new(None));
    // The row the size observer looks at: rows come and go as the page scrolls, so it follows
    // whichever is drawn first.
    let observed: Rc<RefCell<Option<Element>>> = Rc::new(RefCell::new(None));
    let observer_slot: Rc<RefCell<Option<ResizeObserver>>> = Rc::new(RefCell::new(None));

    let run = {
        let list = list.clone();
        let observed = observed.clone();
        let observer_slot = observer_slot.clone();
        Rc::new(move || {
            on_change(measure(&list));
            let first = list.first_element_child();
            let mut seen = observed.borrow_mut();
            if *seen != first {
                if let Some(observer) = observer_slot.borrow().as_ref() {
                    observer.disconnect();
                    if let Some(row) = &first {
                        observer.observe(row);
                    }
                }
                *seen = first;
            }
        })
    };
    let on_frame = {
        let frame = frame.clone();
        let run = run.clone();
        Rc::new(Closure::<dyn FnMut()>::new(move || {
            frame.set(None);
            run();
        }))
    };
    let schedule = {
        let frame = frame.clone();
        let window = window.clone();
        let on_frame = on_frame.clone();
        move || {
            if frame.get().is_none() {
                if let Ok(id) = window.request_animation_frame(on_frame.as_ref().as_ref().unchecked_ref()) {
                    frame.set(Some(id));
                }
            }
        }
    };
    let on_event = Closure::<dyn FnMut()>::new(schedule.clone());
    let on_resize = Closure::<dyn FnMut()>::new(schedule);
    let options = AddEventListenerOptions::new();
    options.set_passive(true);
    for event in ["scroll", "resize"] {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            on_event.as_ref().unchecked_ref(),
            &options,
        );
    }
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    *observer_slot.borrow_mut() = observer.clone();
    run();
    Some(ListWatch {
        window,
        on_event,
        _on_frame: on_frame,
        frame,
        observer,
        _on_resize: on_resize,
    })
}

impl Drop for ListWatch {
    fn drop(&mut self) {
        for event in ["scroll", "resize"] {
            let _ = self
                .window
                .remove_event_listener_with_callback(event, self.on_event.as_ref().unchecked_ref());
        }
        if let Some(id) = self.frame.take() {
            let _ = self.window.cancel_animation_frame(id);
        }
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}
