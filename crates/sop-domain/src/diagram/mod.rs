//! The layout step of the SOP flowchart: a `Sop` becomes pure geometry (`SwimlaneLayout`) in
//! the official notation of PermenPAN-RB 35/2012 (SOP-AP); a view then maps every shape and
//! connector to inline SVG without deciding anything itself.
//!
//! Two layouts share one output type:
//! - `layout`: the printed form. A narrow number column, then one column (lane) per
//!   pelaksana with its name as a header, one row per step; the step's symbol sits in its
//!   performer's lane. With `rows_per_page` the rows are cut into pages: a page ends with
//!   off-page connectors where the flow leaves it and the next page repeats the lane headers
//!   and starts from the matching connectors.
//! - `layout_compact`: for phones. One column of symbols, each under a lane chip (the
//!   pelaksana's name and colour), connectors straight down.
//!
//! Symbols: the first and the last step are terminators (a decision stays a diamond: a
//! terminator cannot branch), decisions are diamonds, other steps rectangles. A "Tidak" that
//! ends the case goes to a "Selesai (ditolak)" terminator in the same row; every row holds one
//! step, so the neighbouring lane of that row is free.
//!
//! Connectors are orthogonal polylines ending on a symbol's border (the view adds the
//! arrowhead at the last point). Horizontal runs use the "gap lines" in the top padding of a
//! row, where no symbol ever is; vertical runs that pass other rows use "corridors", tracks
//! in a lane's side padding, where no symbol ever is either. That is what keeps every
//! connector off every symbol without any search.
//!
//! The layout is deterministic (same input, same output, same serialized bytes), linear in
//! the number of steps, and every measure comes from `Geometry` / `CompactGeometry`.

mod build;
mod geometry;
mod text;

use serde::Serialize;

use crate::catalogue::{Sop, Step};

pub use geometry::{Outline, Point, Rect, ShapeKind, BORDER_TOLERANCE, OFF_PAGE_BODY};
pub use text::{glyph_em, text_width, BOLD_FACTOR};

// ---- Text drawn on the diagram (Bahasa Indonesia) ----

/// Label of the edge a decision takes on "yes".
pub const YES_LABEL: &str = "Ya";
/// Label of the edge a decision takes on "no".
pub const NO_LABEL: &str = "Tidak";
/// Label of the terminator where a rejected case ends.
pub const REJECTED_END_LABEL: &str = "Selesai (ditolak)";
/// Header of the step-number column.
pub const NUMBER_HEADER: &str = "No";
/// Ends a label that had to be cut.
pub const ELLIPSIS: &str = "…";

/// Number of lane colours the stylesheet defines (`lane-0` … `lane-7`).
pub const LANE_PALETTE_SIZE: usize = 8;

/// The colour (CSS class index) of a lane; the palette repeats after `LANE_PALETTE_SIZE`.
pub fn lane_color_index(lane: usize) -> usize {
    lane % LANE_PALETTE_SIZE
}

/// The name of the `pair`-th pair of off-page connectors: A … Z, then AA, AB, …
pub fn off_page_label(pair: usize) -> String {
    let mut n = pair + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

// ---- Options ----

/// How the text inside symbols is set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelStyle {
    pub font_size: f32,
    /// A label printed in the book may shrink down to this size before it is cut; text
    /// derived from the step's description is cut at `font_size` (it is long anyway).
    pub min_font_size: f32,
    pub line_height_em: f32,
    pub padding_x: f32,
    pub padding_y: f32,
    pub max_lines: usize,
}

impl Default for LabelStyle {
    fn default() -> Self {
        LabelStyle {
            font_size: 11.0,
            min_font_size: 9.0,
            line_height_em: 1.2,
            padding_x: 5.0,
            padding_y: 4.0,
            max_lines: 4,
        }
    }
}

/// Measures shared by both layouts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SymbolGeometry {
    pub process_height: f32,
    pub decision_height: f32,
    pub terminator_height: f32,
    /// Free space above and below the symbol in its row; holds the gap line.
    pub row_padding_y: f32,
    /// Height of the gap line below a row's top (less than `row_padding_y`, so that the
    /// last vertical run before an arrowhead is `row_padding_y - gap_line_offset` long).
    pub gap_line_offset: f32,
    /// Distances of the corridor tracks from a column's edge (inside its side padding).
    pub corridor_insets: [f32; 2],
    pub label: LabelStyle,
    pub off_page_width: f32,
    pub off_page_height: f32,
    pub off_page_font_size: f32,
    /// Horizontal distance between off-page connectors sharing a band.
    pub off_page_pitch: f32,
    /// Vertical distance between two tiers of off-page connectors in a crowded band.
    pub off_page_tier_gap: f32,
    /// Room around the letter inside an off-page connector.
    pub off_page_label_padding: f32,
    /// Font of "Ya" / "Tidak".
    pub connector_font_size: f32,
    /// Distance of "Ya" / "Tidak" from the connector they name.
    pub connector_label_gap: f32,
    pub number_font_size: f32,
}

impl Default for SymbolGeometry {
    fn default() -> Self {
        SymbolGeometry {
            process_height: 52.0,
            decision_height: 76.0,
            terminator_height: 44.0,
            row_padding_y: 16.0,
            gap_line_offset: 7.0,
            corridor_insets: [6.0, 12.0],
            label: LabelStyle::default(),
            off_page_width: 28.0,
            off_page_height: 30.0,
            off_page_font_size: 10.0,
            off_page_pitch: 36.0,
            off_page_tier_gap: 6.0,
            off_page_label_padding: 2.0,
            connector_font_size: 10.0,
            connector_label_gap: 3.0,
            number_font_size: 11.0,
        }
    }
}

/// Measures of the swimlane layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Geometry {
    pub number_column_width: f32,
    pub lane_width: f32,
    /// Space between a lane's edge and its symbols; the corridors run in it.
    pub lane_padding_x: f32,
    /// Lane headers are bold (`BOLD_FACTOR` wider).
    pub header_font_size: f32,
    pub header_line_height_em: f32,
    pub header_padding: f32,
    /// A longer name is cut with "…" (the view shows the full name on demand).
    pub header_max_lines: usize,
    pub symbols: SymbolGeometry,
}

impl Default for Geometry {
    fn default() -> Self {
        Geometry {
            number_column_width: 36.0,
            lane_width: 152.0,
            lane_padding_x: 20.0,
            header_font_size: 11.0,
            header_line_height_em: 1.25,
            header_padding: 8.0,
            header_max_lines: 5,
            symbols: SymbolGeometry::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct LayoutOptions {
    /// `Some(n)`: print, `n` rows per page; `None` (or `Some(0)`): one page (screen).
    pub rows_per_page: Option<usize>,
    pub geometry: Geometry,
}

/// Measures of the compact (phone) layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompactGeometry {
    /// Outer margin: left and right of the column, above and below each page.
    pub margin: f32,
    /// Space between the column's edge and the widest symbols; the corridors run in it.
    pub column_padding_x: f32,
    pub decision_width: f32,
    /// Between a diamond and its "Selesai (ditolak)" terminator on the right.
    pub rejection_gap: f32,
    pub rejection_min_width: f32,
    pub chip_font_size: f32,
    pub chip_line_height_em: f32,
    pub chip_padding_x: f32,
    pub chip_padding_y: f32,
    pub chip_max_lines: usize,
    /// Between the chip band and the symbol below it.
    pub chip_gap: f32,
    /// The chip starts this far right of the connector coming down the column.
    pub chip_offset: f32,
    pub symbols: SymbolGeometry,
}

impl Default for CompactGeometry {
    fn default() -> Self {
        CompactGeometry {
            margin: 8.0,
            column_padding_x: 24.0,
            decision_width: 136.0,
            rejection_gap: 14.0,
            rejection_min_width: 64.0,
            chip_font_size: 10.0,
            chip_line_height_em: 1.2,
            chip_padding_x: 6.0,
            chip_padding_y: 3.0,
            chip_max_lines: 2,
            chip_gap: 6.0,
            chip_offset: 8.0,
            symbols: SymbolGeometry::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompactOptions {
    /// Width of the drawing (the phone's content width in CSS pixels).
    pub width: f32,
    pub rows_per_page: Option<usize>,
    pub geometry: CompactGeometry,
}

impl Default for CompactOptions {
    fn default() -> Self {
        CompactOptions {
            width: 340.0,
            rows_per_page: None,
            geometry: CompactGeometry::default(),
        }
    }
}

// ---- Output ----

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayoutKind {
    Swimlane,
    Compact,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Column {
    pub x: f32,
    pub width: f32,
}

/// A pelaksana's column. It runs the whole height; its header is drawn in every `headers`
/// band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LaneBox {
    pub index: usize,
    pub x: f32,
    pub width: f32,
    /// The name wrapped to the lane's width (bold, `header_font_size`), centred.
    pub header_lines: Vec<String>,
    pub color_index: usize,
}

/// A horizontal band: a page's lane headers, or a strip of off-page connectors.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    pub y: f32,
    pub height: f32,
}

/// The row of one step.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RowBand {
    pub step_index: usize,
    /// The number as printed.
    pub no: u32,
    pub y: f32,
    pub height: f32,
    /// Centre of the printed number (`number_font_size`).
    pub number_at: Point,
}

/// Which end of a pair of off-page connectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OffPageEnd {
    /// Where the flow leaves a page.
    Out,
    /// Where it continues.
    In,
}

/// What a shape stands for; connectors name their ends with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Node {
    /// The step at this index of `Sop::steps`.
    Step(usize),
    /// The "Selesai (ditolak)" end of the decision at this step index.
    Rejected(usize),
    /// One end of the `pair`-th pair of off-page connectors (labelled `off_page_label(pair)`).
    OffPage { pair: usize, end: OffPageEnd },
}

/// A symbol with its label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shape {
    /// Stable: "s{step index}", "r{decision step index}", "p{pair}o" / "p{pair}i".
    pub id: String,
    pub node: Node,
    pub step: Option<usize>,
    pub kind: ShapeKind,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The lane the symbol sits in (the performer's lane for a step, also in the compact
    /// layout); `None` outside every lane.
    pub lane: Option<usize>,
    /// Drawn centred, one under the other, around `label_center_y()`, `line_height` apart.
    pub label_lines: Vec<String>,
    pub font_size: f32,
    pub line_height: f32,
    pub label_padding_x: f32,
    pub label_padding_y: f32,
    /// The label was cut ("…"); the view should offer the full text.
    pub label_truncated: bool,
}

impl Shape {
    pub fn bounds(&self) -> Rect {
        Rect::new(self.x, self.y, self.width, self.height)
    }

    pub fn outline(&self) -> Outline {
        Outline::new(self.kind, self.bounds())
    }

    pub fn center(&self) -> Point {
        self.bounds().center()
    }

    /// Inside the symbol's outline or on it.
    pub fn contains(&self, p: Point) -> bool {
        self.outline().contains(p)
    }

    /// On the outline (within `BORDER_TOLERANCE`).
    pub fn border_contains(&self, p: Point) -> bool {
        self.outline().border_contains(p)
    }

    /// Strictly inside the outline.
    pub fn interior_contains(&self, p: Point) -> bool {
        self.outline().interior_contains(p)
    }

    /// Vertical centre of the label block.
    pub fn label_center_y(&self) -> f32 {
        self.outline().label_center_y()
    }

    /// Vertical centre of each label line, top to bottom.
    pub fn label_line_centers(&self) -> impl Iterator<Item = f32> + '_ {
        let n = self.label_lines.len();
        let first = self.label_center_y() - (n.saturating_sub(1) as f32) * self.line_height / 2.0;
        (0..n).map(move |k| first + k as f32 * self.line_height)
    }

    /// Room for a label line centred at height `y` (narrower towards a diamond's points).
    pub fn inner_width_at(&self, y: f32) -> f32 {
        self.outline()
            .inner_width_at(y, self.line_height, self.label_padding_x)
    }

    /// Room for the label block's height.
    pub fn inner_height(&self) -> f32 {
        self.outline().inner_height(self.label_padding_y)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnectorKind {
    /// From a step to the next one.
    Next,
    /// A decision's "Ya".
    Yes,
    /// A decision's "Tidak".
    No,
}

/// An orthogonal polyline from one symbol's border to another's; the arrowhead belongs at the
/// last point. A flow that crosses a page break is two connectors: into the page's off-page
/// connector, and out of the matching one on the other page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Connector {
    pub from: Node,
    pub to: Node,
    pub points: Vec<Point>,
    /// "Ya" / "Tidak" on the part leaving a decision.
    pub label: Option<&'static str>,
    /// Centre of the label (`connector_font_size`), beside where the connector leaves.
    pub label_at: Option<Point>,
    pub kind: ConnectorKind,
}

impl Connector {
    pub fn segments(&self) -> impl Iterator<Item = (Point, Point)> + '_ {
        self.points.windows(2).map(|w| (w[0], w[1]))
    }

    pub fn bounds(&self) -> Rect {
        let first = self.points.first().copied().unwrap_or(Point::new(0.0, 0.0));
        self.points
            .iter()
            .fold(Rect::new(first.x, first.y, 0.0, 0.0), |r, p| {
                r.union(&Rect::new(p.x, p.y, 0.0, 0.0))
            })
    }

    /// The polyline's length (for stroke-dash animation, and a check of simplicity).
    pub fn length(&self) -> f32 {
        self.segments()
            .map(|(a, b)| (b.x - a.x).abs() + (b.y - a.y).abs())
            .sum()
    }
}

/// In the compact layout: the pelaksana of a step, drawn as a small rounded label above its
/// symbol.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LaneChip {
    pub step_index: usize,
    pub lane: usize,
    pub color_index: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub label_lines: Vec<String>,
    pub font_size: f32,
    pub line_height: f32,
    pub padding_x: f32,
    pub label_truncated: bool,
}

impl LaneChip {
    pub fn bounds(&self) -> Rect {
        Rect::new(self.x, self.y, self.width, self.height)
    }
}

/// Everything the view draws, in SVG user units, (0, 0) top left.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SwimlaneLayout {
    pub kind: LayoutKind,
    pub width: f32,
    pub height: f32,
    /// The step-number column (swimlane only; the compact layout puts numbers in the chip
    /// band).
    pub number_column: Option<Column>,
    /// Swimlane only.
    pub lanes: Vec<LaneBox>,
    /// The lane-header band of each page (swimlane only).
    pub headers: Vec<Band>,
    pub header_font_size: f32,
    pub header_line_height: f32,
    pub rows: Vec<RowBand>,
    /// The strips holding off-page connectors (between a page's header and first row, and
    /// after its last row).
    pub off_page_bands: Vec<Band>,
    /// Steps first (`shapes[i]` is step `i`), then rejection ends, then off-page connectors.
    pub shapes: Vec<Shape>,
    pub connectors: Vec<Connector>,
    /// Compact only.
    pub chips: Vec<LaneChip>,
    /// `(y from, y to)` of each page; a print view cuts the SVG there.
    pub pages: Vec<(f32, f32)>,
    pub connector_font_size: f32,
    pub number_font_size: f32,
}

impl SwimlaneLayout {
    pub fn shape(&self, node: Node) -> Option<&Shape> {
        match node {
            Node::Step(i) => self.shapes.get(i).filter(|s| s.node == node),
            _ => self.shapes.iter().find(|s| s.node == node),
        }
    }

    pub fn bounds(&self) -> Rect {
        Rect::new(0.0, 0.0, self.width, self.height)
    }
}

// ---- Entry points ----

/// The SOP-AP swimlane diagram of `sop`.
pub fn layout(sop: &Sop, options: &LayoutOptions) -> SwimlaneLayout {
    build::swimlane(sop, options)
}

/// The one-column diagram of `sop` for narrow screens.
pub fn layout_compact(sop: &Sop, options: &CompactOptions) -> SwimlaneLayout {
    build::compact(sop, options)
}

/// The symbol of step `index`.
pub fn symbol_kind(sop: &Sop, index: usize) -> ShapeKind {
    if sop.is_decision(index) {
        ShapeKind::Decision
    } else if index == 0 || index + 1 == sop.steps.len() {
        ShapeKind::Terminator
    } else {
        ShapeKind::Process
    }
}

/// The text inside a step's symbol and whether the book prints it: the printed label, else a
/// decision's question, else the step's description (then usually cut).
pub fn label_source(step: &Step) -> (&str, bool) {
    if let Some(label) = &step.label {
        (label, true)
    } else if let Some(d) = &step.decision {
        (&d.question, true)
    } else {
        (&step.text, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_page_labels_run_like_spreadsheet_columns() {
        let check = |pair: usize, expect: &str| assert_eq!(off_page_label(pair), expect);
        check(0, "A");
        check(25, "Z");
        check(26, "AA");
        check(27, "AB");
        check(701, "ZZ");
        check(702, "AAA");
    }

    #[test]
    fn lane_colours_cycle() {
        let got: Vec<usize> = (0..10).map(lane_color_index).collect();
        assert_eq!(got, [0, 1, 2, 3, 4, 5, 6, 7, 0, 1]);
    }
}
