//! The diagram benchmark page (built only with `--features bench`, by scripts/bench.sh): lays
//! out and renders every SOP's swimlane diagram in its frame with the app's own components
//! (the one drawing mermaid is compared with), times each render (layout + DOM + the browser's style and layout), and leaves the results in
//! `window.__diagramBench` for scripts/bench/diagrams.mjs.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use layanan_sop::catalogue_data::catalogue;
use layanan_sop::views::diagram::{DiagramFigure, DiagramSvg, Variant};

const REPEATS: usize = 15;

fn main() {
    console_error_panic_hook::set_once();
    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let performance = window.performance().expect("performance");
    let stage: web_sys::HtmlElement = document
        .get_element_by_id("stage")
        .expect("#stage")
        .unchecked_into();
    let mut rows = Vec::new();
    for sop in catalogue().sops.iter() {
        let mut times = Vec::with_capacity(REPEATS);
        let mut svg_bytes = 0;
        for _ in 0..REPEATS {
            let t0 = performance.now();
            let handle = leptos::mount::mount_to(stage.clone(), move || {
                view! {
                    <DiagramFigure sop=sop>
                        <DiagramSvg sop=sop variant=Variant::Swimlane/>
                    </DiagramFigure>
                }
            });
            // Reading a size forces the browser's style and layout of what was built.
            let _ = stage.offset_height();
            times.push(performance.now() - t0);
            svg_bytes = stage
                .query_selector("svg[data-layout=swimlane]")
                .ok()
                .flatten()
                .map(|svg| svg.outer_html().len())
                .unwrap_or(0);
            drop(handle);
        }
        rows.push(format!(
            "{{\"id\":\"{}\",\"steps\":{},\"lanes\":{},\"svgBytes\":{},\"times\":[{}]}}",
            sop.id,
            sop.steps.len(),
            sop.lanes.len(),
            svg_bytes,
            times.iter().map(|t| format!("{t:.3}")).collect::<Vec<_>>().join(",")
        ));
    }
    let json = format!("[{}]", rows.join(","));
    let _ = js_sys::Reflect::set(&window, &"__diagramBench".into(), &json.into());
}
