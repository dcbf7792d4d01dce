//! The swimlane diagram of a SOP as inline SVG. The geometry comes from
//! `sop_domain::diagram` (pure, tested natively); this view only maps shapes to SVG and adds
//! the interaction: highlight on hover/focus/tap with the step's mutu baku, keyboard
//! navigation, zoom and fit-to-width, downloads, and the case states.

use leptos::prelude::*;
use sop_domain::catalogue::Sop;
use sop_domain::diagram::{
    layout, layout_compact, CompactOptions, Connector, ConnectorKind, LayoutOptions, Node, Shape,
    ShapeKind, SwimlaneLayout,
};

use crate::platform::dom::{focus_id, media_query};
use crate::platform::{files, image};
use crate::strings as s;

/// The diagram's styles: the page links style/diagram.css; a downloaded SVG or PNG carries
/// the same rules inside it, so it looks like the page.
const DIAGRAM_CSS: &str = include_str!("../../style/diagram.css");

/// The markup of a drawing as a standalone file: the live SVG plus its styles.
fn standalone_svg(svg: &web_sys::Element) -> Option<String> {
    let markup = image::serialize(svg)?;
    let close = markup.find('>')?;
    Some(format!("{}<style>{}</style>{}", &markup[..=close], DIAGRAM_CSS, &markup[close + 1..]))
}

const ZOOM_STEP: f64 = 1.25;
const ZOOM_MIN: f64 = 0.3;
const ZOOM_MAX: f64 = 3.0;
/// A PNG twice the drawing's size stays sharp when printed or zoomed.
const PNG_SCALE: f64 = 2.0;

/// How a step looks on the case page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepMark {
    Pending,
    Done,
    Current,
    Overdue,
    Skipped,
}

impl StepMark {
    fn class(self) -> &'static str {
        match self {
            StepMark::Pending => "",
            StepMark::Done => " dg-step--done",
            StepMark::Current => " dg-step--current",
            StepMark::Overdue => " dg-step--overdue",
            StepMark::Skipped => " dg-step--skipped",
        }
    }

    fn words(self) -> Option<&'static str> {
        match self {
            StepMark::Pending => None,
            StepMark::Done => Some(s::DIAGRAM_STEP_DONE),
            StepMark::Current => Some(s::DIAGRAM_STEP_CURRENT),
            StepMark::Overdue => Some(s::DIAGRAM_STEP_OVERDUE),
            StepMark::Skipped => Some(s::DIAGRAM_STEP_SKIPPED),
        }
    }
}

/// "SOP-53-DPTTK-TU-1-I-2025": a file name from the SOP's number (its id when none is printed).
pub fn file_stem(sop: &Sop) -> String {
    let base = if sop.number_normalized.is_empty() { sop.id.as_str() } else { sop.number_normalized.as_str() };
    let cleaned: String = base
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    format!("SOP-{}", cleaned.trim_matches('-'))
}

fn n(v: f32) -> String {
    // One decimal is plenty for screen and print, and keeps the markup short.
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{}", r as i64) } else { format!("{r:.1}") }
}

/// The outline of a symbol as a path, so every symbol is styled alike (`.dg-shape path`).
fn shape_path(shape: &Shape) -> String {
    let (x, y, w, h) = (shape.x, shape.y, shape.width, shape.height);
    match shape.kind {
        ShapeKind::Process => format!("M{} {}h{}v{}h{}Z", n(x), n(y), n(w), n(h), n(-w)),
        ShapeKind::Terminator => {
            let r = h / 2.0;
            format!(
                "M{} {}H{}A{r} {r} 0 0 1 {} {}H{}A{r} {r} 0 0 1 {} {}Z",
                n(x + r), n(y), n(x + w - r), n(x + w - r), n(y + h), n(x + r), n(x + r), n(y),
                r = n(r)
            )
        }
        ShapeKind::Decision => {
            let (cx, cy) = (x + w / 2.0, y + h / 2.0);
            format!("M{} {}L{} {}L{} {}L{} {}Z", n(cx), n(y), n(x + w), n(cy), n(cx), n(y + h), n(x), n(cy))
        }
        ShapeKind::OffPage => {
            let body = y + h * sop_domain::diagram::OFF_PAGE_BODY;
            format!("M{} {}H{}V{}L{} {}L{} {}Z", n(x), n(y), n(x + w), n(body), n(x + w / 2.0), n(y + h), n(x), n(body))
        }
    }
}

fn label_text(shape: &Shape) -> impl IntoView {
    let cx = shape.center().x;
    let font = n(shape.font_size);
    // A space ends every line but the last, so the text reads (and is named, for assistive
    // technology) as words, not as "Pelatihanmelalui".
    let count = shape.label_lines.len();
    let lines: Vec<_> = shape
        .label_line_centers()
        .zip(shape.label_lines.iter().enumerate().map(|(k, l)| if k + 1 < count { format!("{l} ") } else { l.clone() }))
        .collect();
    view! {
        <text class="dg-label" font-size=font>
            {lines.into_iter().map(|(y, line)| view! { <tspan x=n(cx) y=n(y)>{line}</tspan> }).collect_view()}
        </text>
    }
}

fn connector_view(c: &Connector, marker_prefix: &str, label_size: f32) -> impl IntoView {
    let (class, marker) = match c.kind {
        ConnectorKind::Next => ("dg-conn", format!("url(#{marker_prefix}-a)")),
        ConnectorKind::Yes => ("dg-conn dg-conn--yes", format!("url(#{marker_prefix}-y)")),
        ConnectorKind::No => ("dg-conn dg-conn--no", format!("url(#{marker_prefix}-n)")),
    };
    let points = c.points.iter().map(|p| format!("{},{}", n(p.x), n(p.y))).collect::<Vec<_>>().join(" ");
    let label = c.label.zip(c.label_at).map(|(text, at)| {
        let class = match c.kind {
            ConnectorKind::No => "dg-conn-label dg-conn-label--no",
            ConnectorKind::Yes => "dg-conn-label dg-conn-label--yes",
            ConnectorKind::Next => "dg-conn-label",
        };
        view! { <text class=class x=n(at.x) y=n(at.y) font-size=n(label_size)>{text}</text> }
    });
    view! {
        <polyline class=class points=points marker-end=marker/>
        {label}
    }
}

fn markers(prefix: &str) -> impl IntoView {
    let marker = |suffix: &str, class: &'static str| {
        view! {
            <marker id=format!("{prefix}-{suffix}") viewBox="0 0 10 10" refX="9" refY="5"
                markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
                <path class=class d="M0 0L10 5L0 10Z"/>
            </marker>
        }
    };
    view! {
        <defs>
            {marker("a", "dg-arrow")}
            {marker("y", "dg-arrow dg-arrow--yes")}
            {marker("n", "dg-arrow dg-arrow--no")}
        </defs>
    }
}

/// The static part of the drawing: lanes, headers, numbers, bands, chips and connectors.
fn backdrop(l: &SwimlaneLayout, marker_prefix: &str) -> impl IntoView {
    let height = l.height;
    let lanes = l.lanes.iter().map(|lane| {
        let class = if lane.index % 2 == 1 { "dg-lane dg-lane--alt" } else { "dg-lane" };
        view! { <rect class=class x=n(lane.x) y="0" width=n(lane.width) height=n(height)/> }
    }).collect_view();
    let numcol = l.number_column.map(|c| view! {
        <rect class="dg-numcol" x=n(c.x) y="0" width=n(c.width) height=n(height)/>
    });
    let bands = l.off_page_bands.iter().map(|b| view! {
        <rect class="dg-band" x="0" y=n(b.y) width=n(l.width) height=n(b.height)/>
    }).collect_view();
    let numbers = l.rows.iter().filter(|_| l.number_column.is_some()).map(|r| view! {
        <text class="dg-num" x=n(r.number_at.x) y=n(r.number_at.y) font-size=n(l.number_font_size)>{r.no}</text>
    }).collect_view();
    let headers = l.headers.iter().map(|band| {
        let lh = l.header_line_height;
        l.lanes.iter().map(|lane| {
            let k = lane.header_lines.len() as f32;
            let first = band.y + band.height / 2.0 - (k - 1.0) * lh / 2.0;
            let cx = lane.x + lane.width / 2.0;
            view! {
                <rect class="dg-header" x=n(lane.x) y=n(band.y) width=n(lane.width) height=n(band.height)/>
                <text class="dg-header-text" font-size=n(l.header_font_size)>
                    {lane.header_lines.iter().enumerate().map(|(i, line)| view! {
                        <tspan x=n(cx) y=n(first + i as f32 * lh)>{line.clone()}</tspan>
                    }).collect_view()}
                </text>
            }
        }).collect_view()
    }).collect_view();
    let chips = l.chips.iter().map(|c| {
        let lines = c.label_lines.len() as f32;
        let first = c.y + c.height / 2.0 - (lines - 1.0) * c.line_height / 2.0;
        view! {
            <rect class=format!("dg-chip dg-chip--{}", c.color_index) x=n(c.x) y=n(c.y) width=n(c.width) height=n(c.height) rx="6"/>
            <text class=format!("dg-chip-text dg-chip-text--{}", c.color_index) font-size=n(c.font_size)>
                {c.label_lines.iter().enumerate().map(|(i, line)| view! {
                    <tspan x=n(c.x + c.padding_x) y=n(first + i as f32 * c.line_height)>{line.clone()}</tspan>
                }).collect_view()}
            </text>
        }
    }).collect_view();
    let connectors = l.connectors.iter().map(|c| connector_view(c, marker_prefix, l.connector_font_size)).collect_view();
    view! { {lanes}{numcol}{bands}{numbers}{headers}{chips}{connectors} }
}

#[component]
pub fn SwimlaneDiagram(
    sop: &'static Sop,
    /// Done / current / overdue marks per step (the case page).
    #[prop(optional, into)]
    marks: Option<Signal<Vec<StepMark>>>,
    /// What "open the step" does (Enter, double click); by default, jump to the step on the
    /// SOP page.
    #[prop(optional, into)]
    on_open: Option<Callback<usize>>,
) -> impl IntoView {
    let phone = media_query("(max-width: 480px)");
    let wide = StoredValue::new(layout(sop, &LayoutOptions::default()));
    let compact = StoredValue::new(layout_compact(sop, &CompactOptions::default()));
    let selected = RwSignal::new(None::<usize>);
    let scale = RwSignal::new(1.0_f64);
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let id_prefix = format!("dg-{}", sop.id);
    let title_id = format!("{id_prefix}-title");
    let desc_id = format!("{id_prefix}-desc");
    let step_count = sop.steps.len();

    let navigate = leptos_router::hooks::use_navigate();
    let open = Callback::new(move |i: usize| match on_open {
        Some(cb) => cb.run(i),
        // The router adds the base path itself.
        None => navigate(&crate::routes::sop_step(sop, i), Default::default()),
    });
    let step_dom_id = {
        let p = id_prefix.clone();
        move |i: usize| format!("{p}-s{i}")
    };
    let on_key = {
        let step_dom_id = step_dom_id.clone();
        move |i: usize, ev: web_sys::KeyboardEvent| {
            let target = match ev.key().as_str() {
                "ArrowDown" | "ArrowRight" => Some((i + 1).min(step_count - 1)),
                "ArrowUp" | "ArrowLeft" => Some(i.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(step_count - 1),
                "Enter" | " " => {
                    ev.prevent_default();
                    open.run(i);
                    None
                }
                _ => None,
            };
            if let Some(t) = target {
                ev.prevent_default();
                selected.set(Some(t));
                focus_id(&step_dom_id(t));
            }
        }
    };

    let fit = move || {
        let Some(el) = scroll_ref.get_untracked() else { return };
        let l = if phone.get_untracked() { compact.get_value() } else { wide.get_value() };
        let avail = f64::from(el.client_width()).max(200.0);
        scale.set((avail / f64::from(l.width)).clamp(ZOOM_MIN, ZOOM_MAX));
    };

    let download_svg = move |_| {
        selected.set(None);
        request_animation_frame(move || {
            if let Some(svg) = svg_ref.get_untracked().and_then(|el| standalone_svg(&el)) {
                files::download(&format!("{}.svg", file_stem(sop)), "image/svg+xml;charset=utf-8", &svg);
            }
        });
    };
    let download_png = move |_| {
        selected.set(None);
        request_animation_frame(move || {
            let l = if phone.get_untracked() { compact.get_value() } else { wide.get_value() };
            if let Some(svg) = svg_ref.get_untracked().and_then(|el| standalone_svg(&el)) {
                image::svg_to_png_download(&svg, f64::from(l.width), f64::from(l.height), PNG_SCALE, &format!("{}.png", file_stem(sop)));
            }
        });
    };

    let drawing = move || {
        let is_phone = phone.get();
        let l = if is_phone { compact.get_value() } else { wide.get_value() };
        let (w, h) = (l.width, l.height);
        let marker_prefix = format!("{id_prefix}-m");
        let rows: Vec<_> = l.rows.clone();
        let row_highlight = move || {
            selected.get().and_then(|i| rows.iter().find(|r| r.step_index == i).copied()).map(|r| view! {
                <rect class="dg-row dg-row--selected" x="0" y=n(r.y) width=n(w) height=n(r.height)/>
            })
        };
        let shapes = l.shapes.iter().map(|shape| {
            let path = shape_path(shape);
            let label = label_text(shape);
            let kind_class = match (shape.kind, shape.node) {
                (_, Node::Rejected(_)) => "dg-shape dg-shape--rejected",
                (ShapeKind::Terminator, _) => "dg-shape dg-shape--terminator",
                (ShapeKind::Decision, _) => "dg-shape dg-shape--decision",
                (ShapeKind::Process, _) => "dg-shape dg-shape--process",
                (ShapeKind::OffPage, _) => "dg-shape dg-shape--offpage",
            };
            match shape.step {
                Some(i) => {
                    let step = &sop.steps[i];
                    let on_key = on_key.clone();
                    let class = move || {
                        let mark = marks.map(|m| m.with(|v| v.get(i).copied().unwrap_or(StepMark::Pending))).unwrap_or(StepMark::Pending);
                        let sel = if selected.get() == Some(i) { " dg-step--selected" } else { "" };
                        format!("{kind_class} dg-step{}{sel}", mark.class())
                    };
                    // The accessible name starts with the text drawn in the symbol (speech
                    // users say what they see), then the step's number, performer and full text.
                    let visible = shape.label_lines.join(" ");
                    let aria = move || {
                        let mark = marks.and_then(|m| m.with(|v| v.get(i).copied())).and_then(StepMark::words);
                        let base = format!("{visible}. {} {}, {}. {}", s::SOP_STEP, step.no, step.lane, step.text);
                        match mark { Some(w) => format!("{base} ({w})"), None => base }
                    };
                    view! {
                        <g class=class id=step_dom_id(i) data-step=i tabindex="0" role="button" aria-label=aria
                            on:mouseenter=move |_| selected.set(Some(i))
                            on:focus=move |_| selected.set(Some(i))
                            on:click=move |_| selected.set(Some(i))
                            on:dblclick=move |_| open.run(i)
                            on:keydown=move |ev| on_key(i, ev)>
                            <path d=path/>
                            {label}
                        </g>
                    }.into_any()
                }
                None => view! { <g class=kind_class aria-hidden="true"><path d=path/>{label}</g> }.into_any(),
            }
        }).collect_view();
        let title = format!("{} {}", s::DIAGRAM_TITLE, sop.title);
        let desc = format!(
            "{} {}, {} {}: {}. {}",
            sop.steps.len(), s::DIAGRAM_DESC_STEPS, sop.lanes.len(), s::DIAGRAM_DESC_LANES, sop.lanes.join(", "), s::DIAGRAM_DESC_ALT
        );
        // The phone variant fills the width (CSS); the swimlane has a size the zoom sets.
        let width = move || (!is_phone).then(|| n((f64::from(w) * scale.get()) as f32));
        let height = move || (!is_phone).then(|| n((f64::from(h) * scale.get()) as f32));
        // The lane names stay in view while the diagram scrolls: a copy of the header band,
        // sticky at the top of the scroll box, laid over the drawing's own header.
        let sticky = (!is_phone).then(|| l.headers.first().copied()).flatten().map(|band| {
            let hh = band.y + band.height;
            let header_only = SwimlaneLayout { rows: Vec::new(), shapes: Vec::new(), connectors: Vec::new(), chips: Vec::new(), off_page_bands: Vec::new(), headers: vec![band], ..l.clone() };
            let marker_prefix = format!("{id_prefix}-h");
            view! {
                <svg class="dg dg-sticky" aria-hidden="true" viewBox=format!("0 0 {} {}", n(w), n(hh))
                    width=move || n((f64::from(w) * scale.get()) as f32)
                    height=move || n((f64::from(hh) * scale.get()) as f32)
                    style=move || format!("margin-bottom:-{}px", n((f64::from(hh) * scale.get()) as f32))>
                    {backdrop(&header_only, &marker_prefix)}
                </svg>
            }
        });
        view! {
            {sticky}
            <svg node_ref=svg_ref class="dg" xmlns="http://www.w3.org/2000/svg" role="group"
                viewBox=format!("0 0 {} {}", n(w), n(h)) width=width height=height
                aria-labelledby=format!("{title_id} {desc_id}") data-layout=if is_phone { "compact" } else { "swimlane" }>
                <title id=title_id.clone()>{title}</title>
                <desc id=desc_id.clone()>{desc}</desc>
                {markers(&marker_prefix)}
                {backdrop(&l, &marker_prefix)}
                {row_highlight}
                {shapes}
            </svg>
        }
    };

    let details = move || match selected.get() {
        None => view! { <p class="small muted">{s::DIAGRAM_HINT}</p> }.into_any(),
        Some(i) => {
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
                <button type="button" class="button button--secondary" on:click=move |_| open.run(i)>{s::DIAGRAM_OPEN_STEP}</button>
            }.into_any()
        }
    };

    view! {
        <figure class="diagram" data-sop=sop.id.clone()>
            <div class="diagram__toolbar" role="toolbar" aria-label=s::DIAGRAM_TOOLBAR>
                // The phone variant always fills the width: zooming is the browser's pinch.
                <Show when=move || !phone.get()>
                    <button type="button" class="button button--secondary diagram__zoom" aria-label=s::DIAGRAM_ZOOM_OUT
                        on:click=move |_| scale.update(|k| *k = (*k / ZOOM_STEP).max(ZOOM_MIN))>"−"</button>
                    <button type="button" class="button button--secondary diagram__zoom" aria-label=s::DIAGRAM_ZOOM_IN
                        on:click=move |_| scale.update(|k| *k = (*k * ZOOM_STEP).min(ZOOM_MAX))>"+"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| fit()>{s::DIAGRAM_FIT}</button>
                </Show>
                <button type="button" class="button button--ghost" on:click=download_svg>{s::DIAGRAM_DOWNLOAD_SVG}</button>
                <button type="button" class="button button--ghost" on:click=download_png>{s::DIAGRAM_DOWNLOAD_PNG}</button>
            </div>
            <div class="diagram__scroll" class:diagram__scroll--compact=move || phone.get() node_ref=scroll_ref>{drawing}</div>
            <figcaption class="diagram__details" aria-live="polite">{details}</figcaption>
        </figure>
    }
}

/// The diagram for the printed SOP-AP form: laid out `PRINT_ROWS_PER_PAGE` rows to a page
/// with off-page connectors at the breaks, one SVG per page, no interaction.
pub const PRINT_ROWS_PER_PAGE: usize = 8;

#[component]
pub fn PrintDiagram(sop: &'static Sop) -> impl IntoView {
    let l = layout(sop, &LayoutOptions { rows_per_page: Some(PRINT_ROWS_PER_PAGE), ..Default::default() });
    let pages = l.pages.clone();
    let count = pages.len();
    pages
        .into_iter()
        .enumerate()
        .map(|(k, (y0, y1))| {
            // Each page draws only what lies on it; the layout never lets a symbol or a
            // connector cross a page cut.
            let on_page = |y: f32| y >= y0 - 0.5 && y < y1 + 0.5;
            let page = SwimlaneLayout {
                rows: l.rows.iter().filter(|r| on_page(r.y)).copied().collect(),
                shapes: Vec::new(),
                connectors: l.connectors.iter().filter(|c| c.points.first().is_some_and(|p| on_page(p.y))).cloned().collect(),
                headers: l.headers.iter().filter(|b| on_page(b.y)).copied().collect(),
                off_page_bands: l.off_page_bands.iter().filter(|b| on_page(b.y)).copied().collect(),
                ..l.clone()
            };
            let shapes = l
                .shapes
                .iter()
                .filter(|sh| on_page(sh.y))
                .map(|sh| {
                    let class = match (sh.kind, sh.node) {
                        (_, Node::Rejected(_)) => "dg-shape dg-shape--rejected",
                        (ShapeKind::Terminator, _) => "dg-shape dg-shape--terminator",
                        (ShapeKind::Decision, _) => "dg-shape dg-shape--decision",
                        (ShapeKind::Process, _) => "dg-shape dg-shape--process",
                        (ShapeKind::OffPage, _) => "dg-shape dg-shape--offpage",
                    };
                    view! { <g class=class><path d=shape_path(sh)/>{label_text(sh)}</g> }
                })
                .collect_view();
            let prefix = format!("dgp-{}-{k}", sop.id);
            view! {
                <svg class="dg dg-print-page" xmlns="http://www.w3.org/2000/svg" role="img"
                    aria-label=format!("{} {} ({}/{})", s::DIAGRAM_TITLE, sop.title, k + 1, count)
                    viewBox=format!("0 {} {} {}", n(y0), n(l.width), n(y1 - y0))
                    preserveAspectRatio="xMidYMin meet">
                    {markers(&prefix)}
                    {backdrop(&page, &prefix)}
                    {shapes}
                </svg>
            }
        })
        .collect_view()
}
