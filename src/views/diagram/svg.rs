//! The drawing itself: a `SwimlaneLayout` as SVG markup. No browser API is touched here, so
//! the same code draws at build time (the public pages) and in the staff app (the case page,
//! with live step marks).

use leptos::prelude::*;
use sop_domain::catalogue::Sop;
use sop_domain::diagram::{
    layout, layout_compact, CompactOptions, Connector, ConnectorKind, LayoutOptions, Node, Shape,
    ShapeKind, SwimlaneLayout,
};

use super::{step_dom_id, StepMark};
use crate::strings as s;

/// The two drawings of a SOP: the swimlane (one column per pelaksana) and the phone's one
/// column with lane chips. Both are in the page; CSS shows the one that fits the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Swimlane,
    Compact,
}

impl Variant {
    fn layout(self, sop: &Sop) -> SwimlaneLayout {
        match self {
            Variant::Swimlane => layout(sop, &LayoutOptions::default()),
            Variant::Compact => layout_compact(sop, &CompactOptions::default()),
        }
    }

    /// The `data-layout` value the tests and the figure's code look for.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Swimlane => "swimlane",
            Variant::Compact => "compact",
        }
    }

    pub(super) fn id_suffix(self) -> &'static str {
        match self {
            Variant::Swimlane => "",
            Variant::Compact => "-c",
        }
    }
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

fn shape_class(shape: &Shape) -> &'static str {
    match (shape.kind, shape.node) {
        (_, Node::Rejected(_)) => "dg-shape dg-shape--rejected",
        (ShapeKind::Terminator, _) => "dg-shape dg-shape--terminator",
        (ShapeKind::Decision, _) => "dg-shape dg-shape--decision",
        (ShapeKind::Process, _) => "dg-shape dg-shape--process",
        (ShapeKind::OffPage, _) => "dg-shape dg-shape--offpage",
    }
}

/// One drawing of a SOP. `marks` (the case page) colour the steps done, current, overdue.
///
/// The size is written twice: as attributes (a downloaded file and a page without CSS keep
/// it) and as the custom properties `--dg-w`/`--dg-h`, from which the stylesheet computes
/// the zoomed size (`--dg-scale`, set by the figure), so zooming never redraws the markup.
#[component]
pub fn DiagramSvg(
    sop: &'static Sop,
    variant: Variant,
    #[prop(optional, into)] marks: Option<Signal<Vec<StepMark>>>,
) -> impl IntoView {
    let l = variant.layout(sop);
    let (w, h) = (l.width, l.height);
    let marker_prefix = format!("dg-{}{}-m", sop.id, variant.id_suffix());
    let title_id = format!("dg-{}{}-title", sop.id, variant.id_suffix());
    let desc_id = format!("dg-{}{}-desc", sop.id, variant.id_suffix());
    let mark_of = move |i: usize| {
        marks.and_then(|m| m.with(|v| v.get(i).copied())).unwrap_or(StepMark::Pending)
    };
    // One highlight band per row, drawn under the symbols; the figure shows the selected one.
    let rows = l.rows.iter().map(|r| view! {
        <rect class="dg-row" data-row=r.step_index x="0" y=n(r.y) width=n(w) height=n(r.height)/>
    }).collect_view();
    let shapes = l.shapes.iter().map(|shape| {
        let path = shape_path(shape);
        let label = label_text(shape);
        let kind_class = shape_class(shape);
        match shape.step {
            Some(i) => {
                let step = &sop.steps[i];
                // The accessible name starts with the text drawn in the symbol (speech users
                // say what they see), then the step's number, performer and full text.
                let visible = shape.label_lines.join(" ");
                let aria = move || {
                    let base = format!("{visible}. {} {}, {}. {}", s::SOP_STEP, step.no, step.lane, step.text);
                    match mark_of(i).words() { Some(w) => format!("{base} ({w})"), None => base }
                };
                view! {
                    <g class=format!("{kind_class} dg-step") id=step_dom_id(sop, variant, i) data-step=i
                        tabindex="0" role="button" aria-label=aria
                        class:dg-step--done=move || mark_of(i) == StepMark::Done
                        class:dg-step--current=move || mark_of(i) == StepMark::Current
                        class:dg-step--overdue=move || mark_of(i) == StepMark::Overdue
                        class:dg-step--skipped=move || mark_of(i) == StepMark::Skipped>
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
    // The lane names stay in view while the swimlane scrolls: a copy of the header band,
    // sticky at the top of the scroll box, laid over the drawing's own header.
    let sticky = (variant == Variant::Swimlane).then(|| l.headers.first().copied()).flatten().map(|band| {
        let hh = band.y + band.height;
        let header_only = SwimlaneLayout { rows: Vec::new(), shapes: Vec::new(), connectors: Vec::new(), chips: Vec::new(), off_page_bands: Vec::new(), headers: vec![band], ..l.clone() };
        let prefix = format!("dg-{}-h", sop.id);
        view! {
            <svg class="dg dg-sticky" aria-hidden="true" viewBox=format!("0 0 {} {}", n(w), n(hh))
                width=n(w) height=n(hh) style=format!("--dg-w:{};--dg-h:{}", n(w), n(hh))>
                {backdrop(&header_only, &prefix)}
            </svg>
        }
    });
    let class = match variant {
        Variant::Swimlane => "dg dg--swimlane",
        Variant::Compact => "dg dg--compact",
    };
    view! {
        {sticky}
        <svg class=class xmlns="http://www.w3.org/2000/svg" role="group"
            viewBox=format!("0 0 {} {}", n(w), n(h)) width=n(w) height=n(h)
            style=format!("--dg-w:{};--dg-h:{}", n(w), n(h))
            aria-labelledby=format!("{title_id} {desc_id}") data-layout=variant.name()>
            <title id=title_id.clone()>{title}</title>
            <desc id=desc_id.clone()>{desc}</desc>
            {markers(&marker_prefix)}
            {backdrop(&l, &marker_prefix)}
            {rows}
            {shapes}
        </svg>
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
                .map(|sh| view! { <g class=shape_class(sh)><path d=shape_path(sh)/>{label_text(sh)}</g> })
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
