//! The interactive frame around a SOP's drawings: toolbar (zoom, fit, downloads), the scroll
//! box and the step details. It reaches the drawings (its children) only through DOM events
//! and classes, so the drawings can be plain markup written at build time: the citizen
//! bundle hydrates this frame around them (an island) and the staff app draws both.

use leptos::prelude::*;
use sop_domain::catalogue::Sop;

use super::file_stem;
use crate::platform::{dom, files, image};
use crate::strings as s;

/// The diagram's styles: the page links style/diagram.css; a downloaded SVG or PNG carries
/// the same rules inside it, so it looks like the page.
const DIAGRAM_CSS: &str = include_str!("../../../style/diagram.css");

/// Zoom in percent (whole numbers keep float formatting out of the citizen bundle).
const ZOOM_STEP_PCT: u32 = 125;
const ZOOM_MIN_PCT: u32 = 30;
const ZOOM_MAX_PCT: u32 = 300;
/// A PNG twice the drawing's size stays sharp when printed or zoomed.
const PNG_SCALE: f64 = 2.0;

/// "1.25" for 125 %: the CSS scale factor.
fn scale_css(pct: u32) -> String {
    format!("--dg-scale:{}.{:02}", pct / 100, pct % 100)
}

/// The markup of a drawing as a standalone file: the live SVG with its styles inside.
fn standalone_svg(markup: &str) -> Option<String> {
    let close = markup.find('>')?;
    Some(format!("{}<style>{}</style>{}", &markup[..=close], DIAGRAM_CSS, &markup[close + 1..]))
}

/// The step's kelengkapan, waktu and output, from the SOP (the staff app, which has it).
fn step_details(sop: &'static Sop, i: usize) -> AnyView {
    let step = &sop.steps[i];
    let field = |label: &'static str, value: &str| {
        (!value.trim().is_empty()).then(|| view! { <div><dt>{label}</dt><dd>{value.to_string()}</dd></div> })
    };
    view! {
        <p class="diagram__step"><strong>{s::SOP_STEP} " " {step.no}</strong> " · "
            <span class=format!("lane-chip lane-chip--{}", step.lane_index % 8)>{step.lane.clone()}</span></p>
        <p>{step.text.clone()}</p>
        <dl class="step__facts">
            {field(s::SOP_STEP_INPUTS, &step.inputs)}
            <div><dt>{s::SOP_STEP_TIME}</dt><dd>{step.duration_parsed.describe()}</dd></div>
            {field(s::SOP_STEP_OUTPUT, &step.output)}
        </dl>
    }
    .into_any()
}

#[component]
pub fn DiagramFigure(
    sop: &'static Sop,
    /// What "open the step" does (Enter, double click); by default, jump to the step in the
    /// page's list of steps.
    #[prop(optional, into)]
    on_open: Option<Callback<usize>>,
    /// What the details of a selected step show; by default, the step from `sop`. A SOP page
    /// shows the step as its list of steps already says it (the citizen bundle does not carry
    /// the texts).
    #[prop(optional, into)]
    details: Option<Callback<usize, AnyView>>,
    children: Children,
) -> impl IntoView {
    let selected = RwSignal::new(None::<usize>);
    let scale_pct = RwSignal::new(100_u32);
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    let step_count = sop.steps.len();

    let open = move |i: usize| match on_open {
        Some(cb) => cb.run(i),
        None => dom::go_to_listed_step(i),
    };

    // The drawings are not reactive markup: the selection is shown by classes on the
    // selected step's symbols and row band, in every variant.
    Effect::new(move |_| {
        let current = selected.get();
        if let Some(root) = scroll_ref.get() {
            dom::mark_selected_step(&root, current);
        }
    });

    let step_of = |ev: &web_sys::Event| dom::closest_data_index(ev, "step");
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(i) = step_of(&ev) else { return };
        let target = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => Some((i + 1).min(step_count - 1)),
            "ArrowUp" | "ArrowLeft" => Some(i.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(step_count - 1),
            "Enter" | " " => {
                ev.prevent_default();
                open(i);
                None
            }
            _ => None,
        };
        if let Some(t) = target {
            ev.prevent_default();
            selected.set(Some(t));
            dom::focus_sibling_step(&ev, t);
        }
    };

    let fit = move |_| {
        let Some(el) = scroll_ref.get_untracked() else { return };
        let Some((width, _)) = dom::drawing_size(&el, "svg[data-layout=swimlane]") else { return };
        let avail = el.client_width().max(200) as u32;
        scale_pct.set((avail * 100 / width.max(1)).clamp(ZOOM_MIN_PCT, ZOOM_MAX_PCT));
    };

    let download = move |png: bool| {
        selected.set(None);
        request_animation_frame(move || {
            let Some(el) = scroll_ref.get_untracked() else { return };
            // The drawing on screen: the swimlane, or the one-column variant on a phone.
            let Some((markup, (w, h))) = dom::visible_drawing(&el) else { return };
            let Some(svg) = standalone_svg(&markup) else { return };
            if png {
                image::svg_to_png_download(&svg, f64::from(w), f64::from(h), PNG_SCALE, &format!("{}.png", file_stem(sop)));
            } else {
                files::download(&format!("{}.svg", file_stem(sop)), "image/svg+xml;charset=utf-8", &svg);
            }
        });
    };

    let details = move || match selected.get() {
        None => view! { <p class="small muted">{s::DIAGRAM_HINT}</p> }.into_any(),
        Some(i) => view! {
            {match details {
                Some(cb) => cb.run(i),
                None => step_details(sop, i),
            }}
            <button type="button" class="button button--secondary" on:click=move |_| open(i)>{s::DIAGRAM_OPEN_STEP}</button>
        }.into_any(),
    };

    view! {
        <figure class="diagram" data-sop=sop.id.to_string()>
            <div class="diagram__toolbar" role="toolbar" aria-label=s::DIAGRAM_TOOLBAR>
                // The phone's drawing always fills the width (CSS hides the zoom there):
                // zooming is the browser's pinch.
                <button type="button" class="button button--secondary diagram__zoom" aria-label=s::DIAGRAM_ZOOM_OUT
                    on:click=move |_| scale_pct.update(|k| *k = (*k * 100 / ZOOM_STEP_PCT).max(ZOOM_MIN_PCT))>"−"</button>
                <button type="button" class="button button--secondary diagram__zoom" aria-label=s::DIAGRAM_ZOOM_IN
                    on:click=move |_| scale_pct.update(|k| *k = (*k * ZOOM_STEP_PCT / 100).min(ZOOM_MAX_PCT))>"+"</button>
                <button type="button" class="button button--secondary diagram__zoom" on:click=fit>{s::DIAGRAM_FIT}</button>
                <button type="button" class="button button--ghost" on:click=move |_| download(false)>{s::DIAGRAM_DOWNLOAD_SVG}</button>
                <button type="button" class="button button--ghost" on:click=move |_| download(true)>{s::DIAGRAM_DOWNLOAD_PNG}</button>
            </div>
            <div class="diagram__scroll" node_ref=scroll_ref style=move || scale_css(scale_pct.get())
                on:mouseover=move |ev| if let Some(i) = step_of(&ev) { selected.set(Some(i)) }
                on:focusin=move |ev| if let Some(i) = step_of(&ev) { selected.set(Some(i)) }
                on:click=move |ev| if let Some(i) = step_of(&ev) { selected.set(Some(i)) }
                on:dblclick=move |ev| if let Some(i) = step_of(&ev) { open(i) }
                on:keydown=on_key>
                {children()}
            </div>
            <figcaption class="diagram__details" aria-live="polite">{details}</figcaption>
        </figure>
    }
}
