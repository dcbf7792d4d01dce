//! The machinery both layouts share. A layout is first described as a `Frame` (where the
//! columns are, how wide each symbol is, where a rejection end goes, which side a "Tidak"
//! leaves from); `build` then plans the edges, cuts them at page breaks, stacks pages, bands
//! and rows, places the symbols and routes the connectors.

use super::text::{fit, text_width, Fit, Fitted};
use super::*;
use crate::catalogue::{Answer, DecisionTarget, Target};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn flip(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    fn sign(self) -> f32 {
        match self {
            Side::Left => -1.0,
            Side::Right => 1.0,
        }
    }

    fn index(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }
}

/// Where a connector leaves its source.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Leave {
    Bottom,
    Top,
    Side(Side),
}

/// Where a connector enters its target.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Arrive {
    Top,
    /// From above, a quarter of the width off-centre (a decision looping back to itself).
    TopOffset(Side),
    Bottom,
    Side(Side),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Policy {
    Swimlane,
    Compact,
}

/// Where the "Selesai (ditolak)" end of a decision goes, in the decision's row.
struct RejectionSpot {
    side: Side,
    column: usize,
    center_x: f32,
    width: f32,
    lane: Option<usize>,
}

struct ChipSpec {
    lane: usize,
    x: f32,
    width: f32,
    height: f32,
    fitted: Fitted,
    line_height: f32,
    padding_x: f32,
}

struct Frame<'a> {
    policy: Policy,
    width: f32,
    /// Where symbols sit: the lanes (plus a spare column holding the rejection end of a
    /// one-lane SOP), or the single column of the compact layout.
    columns: Vec<Column>,
    step_column: Vec<usize>,
    step_lane: Vec<usize>,
    process_width: f32,
    decision_width: f32,
    terminator_width: f32,
    header_height: f32,
    page_margin: f32,
    /// Height above each step's symbol taken by its chip (compact) and the gap under it.
    chip_band: Vec<f32>,
    chips: Vec<Option<ChipSpec>>,
    number_x: f32,
    /// Connector labels keep right of this (off the number column).
    label_min_x: f32,
    rejection: Vec<Option<RejectionSpot>>,
    /// x of the off-page slots of tier 0 and of tier 1.
    off_page_slots: [Vec<f32>; 2],
    symbols: &'a SymbolGeometry,
}

impl Frame<'_> {
    fn width_of(&self, kind: ShapeKind) -> f32 {
        match kind {
            ShapeKind::Process => self.process_width,
            ShapeKind::Decision => self.decision_width,
            ShapeKind::Terminator => self.terminator_width,
            ShapeKind::OffPage => self.symbols.off_page_width,
        }
    }

    fn height_of(&self, kind: ShapeKind) -> f32 {
        let s = self.symbols;
        match kind {
            ShapeKind::Process => s.process_height,
            ShapeKind::Decision => s.decision_height,
            ShapeKind::Terminator => s.terminator_height,
            ShapeKind::OffPage => s.off_page_height,
        }
    }

    fn column_center(&self, column: usize) -> f32 {
        let c = self.columns[column];
        c.x + c.width / 2.0
    }

    fn column_of_x(&self, x: f32) -> usize {
        self.columns
            .iter()
            .position(|c| x < c.x + c.width)
            .unwrap_or(self.columns.len() - 1)
    }

    fn track_x(&self, column: usize, side: Side, k: usize) -> f32 {
        let c = self.columns[column];
        let insets = self.symbols.corridor_insets;
        let inset = insets[k % insets.len()];
        match side {
            Side::Left => c.x + inset,
            Side::Right => c.x + c.width - inset,
        }
    }

    /// The side a "Tidak" to step `to` leaves step `from` by: towards the target's lane
    /// (back up on the left within a lane, down on the right), never into the target's own
    /// rejection end. The compact layout keeps the right for chips and rejection ends.
    fn tidak_side(&self, from: usize, to: usize) -> Side {
        if self.policy == Policy::Compact {
            return Side::Left;
        }
        let (a, b) = (self.step_column[from], self.step_column[to]);
        let side = match b.cmp(&a) {
            std::cmp::Ordering::Less => Side::Left,
            std::cmp::Ordering::Greater => Side::Right,
            std::cmp::Ordering::Equal if to < from => Side::Left,
            std::cmp::Ordering::Equal => Side::Right,
        };
        match &self.rejection[to] {
            Some(spot) if spot.side == side => side.flip(),
            _ => side,
        }
    }

    fn self_loop_side(&self) -> Side {
        match self.policy {
            Policy::Swimlane => Side::Right,
            Policy::Compact => Side::Left,
        }
    }

    /// The corridor of a "Ya" that skips steps: away from the decision's "Tidak".
    fn skip_side(&self, tidak: Option<Side>) -> Side {
        match self.policy {
            Policy::Swimlane => tidak.map_or(Side::Right, Side::flip),
            Policy::Compact => Side::Left,
        }
    }

    /// The column whose padding carries a corridor between two columns: the outer one on
    /// `side`, so that the runs to and from it stay in free rows.
    fn corridor_column(&self, a: usize, b: usize, side: Side) -> usize {
        match (self.policy, side) {
            (Policy::Compact, _) => 0,
            (Policy::Swimlane, Side::Left) => a.min(b),
            (Policy::Swimlane, Side::Right) => a.max(b),
        }
    }
}

// ---- The two frames ----

pub(super) fn swimlane(sop: &Sop, options: &LayoutOptions) -> SwimlaneLayout {
    let g = &options.geometry;
    let lane_count = sop.lanes.len().max(1);
    let n = sop.steps.len();
    let step_lane: Vec<usize> = sop
        .steps
        .iter()
        .map(|s| s.lane_index.min(lane_count - 1))
        .collect();
    let rejects = |i: usize| {
        sop.steps[i]
            .decision
            .as_ref()
            .is_some_and(|d| d.no == DecisionTarget::Rejected)
    };
    // A one-lane SOP has no neighbouring lane for a rejection end: add a spare column.
    let spare = lane_count == 1 && (0..n).any(rejects);
    let column_count = lane_count + usize::from(spare);
    let columns: Vec<Column> = (0..column_count)
        .map(|k| Column {
            x: g.number_column_width + k as f32 * g.lane_width,
            width: g.lane_width,
        })
        .collect();
    let inner = g.lane_width - 2.0 * g.lane_padding_x;
    let center = |c: usize| columns[c].x + columns[c].width / 2.0;
    let rejection = (0..n)
        .map(|i| {
            if !rejects(i) {
                return None;
            }
            let lane = step_lane[i];
            let (side, column) = if lane + 1 < column_count {
                (Side::Right, lane + 1)
            } else {
                (Side::Left, lane.saturating_sub(1))
            };
            Some(RejectionSpot {
                side,
                column,
                center_x: center(column),
                width: inner,
                lane: (column < sop.lanes.len()).then_some(column),
            })
        })
        .collect();
    let mut off_page_slots = [Vec::new(), Vec::new()];
    for &column in &columns[..lane_count] {
        push_slots(&mut off_page_slots, column, &g.symbols);
    }

    let header_line_height = g.header_font_size * g.header_line_height_em;
    let header_room = g.lane_width - 2.0 * g.header_padding;
    let headers: Vec<Fitted> = sop
        .lanes
        .iter()
        .map(|name| {
            fit(
                name,
                &Fit {
                    font_sizes: &[g.header_font_size],
                    max_lines: &|_| g.header_max_lines.max(1),
                    capacity: &|_, _, _| header_room,
                    bold: true,
                },
            )
        })
        .collect();
    let header_lines = headers
        .iter()
        .map(|h| h.lines.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let header_height = (header_lines as f32 * header_line_height + 2.0 * g.header_padding).ceil();

    let frame = Frame {
        policy: Policy::Swimlane,
        width: g.number_column_width + column_count as f32 * g.lane_width,
        step_column: step_lane.clone(),
        step_lane,
        columns,
        process_width: inner,
        decision_width: inner,
        terminator_width: inner,
        header_height,
        page_margin: 0.0,
        chip_band: vec![0.0; n],
        chips: (0..n).map(|_| None).collect(),
        number_x: g.number_column_width / 2.0,
        label_min_x: g.number_column_width,
        rejection,
        off_page_slots,
        symbols: &g.symbols,
    };
    let mut out = build(sop, &frame, options.rows_per_page);
    out.number_column = Some(Column {
        x: 0.0,
        width: g.number_column_width,
    });
    out.lanes = headers
        .into_iter()
        .enumerate()
        .map(|(index, h)| LaneBox {
            index,
            x: frame.columns[index].x,
            width: g.lane_width,
            header_lines: h.lines,
            color_index: lane_color_index(index),
        })
        .collect();
    out.header_font_size = g.header_font_size;
    out.header_line_height = header_line_height;
    out
}

pub(super) fn compact(sop: &Sop, options: &CompactOptions) -> SwimlaneLayout {
    let g = &options.geometry;
    let s = &g.symbols;
    let n = sop.steps.len();
    let lane_count = sop.lanes.len().max(1);
    let width = options.width.max(4.0 * g.column_padding_x + 2.0 * g.margin);
    let column = Column {
        x: g.margin,
        width: width - 2.0 * g.margin,
    };
    let cx = column.x + column.width / 2.0;
    let right = column.x + column.width;
    let process_width = column.width - 2.0 * g.column_padding_x;
    // A rejection end sits right of its diamond: narrow the diamonds if it would not fit.
    let rejection_right = right - g.rejection_gap;
    let mut decision_width = g.decision_width.min(process_width);
    let room = rejection_right - g.rejection_gap - cx - g.rejection_min_width;
    if decision_width / 2.0 > room {
        decision_width = (2.0 * room).floor().max(2.0 * s.label.padding_x);
    }
    let rejection_left = cx + decision_width / 2.0 + g.rejection_gap;
    let rejection = (0..n)
        .map(|i| {
            let rejects = sop.steps[i]
                .decision
                .as_ref()
                .is_some_and(|d| d.no == DecisionTarget::Rejected);
            rejects.then_some(RejectionSpot {
                side: Side::Right,
                column: 0,
                center_x: (rejection_left + rejection_right) / 2.0,
                width: rejection_right - rejection_left,
                lane: None,
            })
        })
        .collect();
    let step_lane: Vec<usize> = sop
        .steps
        .iter()
        .map(|st| st.lane_index.min(lane_count - 1))
        .collect();

    // Chips: right of the connector coming down the column centre.
    let chip_x = cx + g.chip_offset;
    let chip_room = right - g.chip_offset - chip_x - 2.0 * g.chip_padding_x;
    let chip_line_height = g.chip_font_size * g.chip_line_height_em;
    let lane_chips: Vec<Fitted> = (0..lane_count)
        .map(|lane| {
            let name = sop.lanes.get(lane).map_or("", |l| &**l);
            fit(
                name,
                &Fit {
                    font_sizes: &[g.chip_font_size],
                    max_lines: &|_| g.chip_max_lines.max(1),
                    capacity: &|_, _, _| chip_room,
                    bold: false,
                },
            )
        })
        .collect();
    let chips: Vec<Option<ChipSpec>> = step_lane
        .iter()
        .map(|&lane| {
            let fitted = lane_chips[lane].clone();
            let text = fitted
                .lines
                .iter()
                .map(|l| text_width(l, fitted.font_size))
                .fold(0.0_f32, f32::max);
            let lines = fitted.lines.len().max(1) as f32;
            Some(ChipSpec {
                lane,
                x: chip_x,
                width: (text + 2.0 * g.chip_padding_x).ceil(),
                height: (lines * chip_line_height + 2.0 * g.chip_padding_y).ceil(),
                fitted,
                line_height: chip_line_height,
                padding_x: g.chip_padding_x,
            })
        })
        .collect();
    let chip_band = chips
        .iter()
        .map(|c| c.as_ref().map_or(0.0, |c| c.height + g.chip_gap))
        .collect();
    let mut off_page_slots = [Vec::new(), Vec::new()];
    push_slots(&mut off_page_slots, column, s);

    let frame = Frame {
        policy: Policy::Compact,
        width,
        columns: vec![column],
        step_column: vec![0; n],
        step_lane,
        process_width,
        decision_width,
        terminator_width: process_width,
        header_height: 0.0,
        page_margin: g.margin,
        chip_band,
        chips,
        // A number of up to two digits, starting at the widest symbols' left edge.
        number_x: column.x + g.column_padding_x + s.number_font_size * 0.75,
        label_min_x: 0.0,
        rejection,
        off_page_slots,
        symbols: s,
    };
    build(sop, &frame, options.rows_per_page)
}

/// Off-page slots of a column: tier 0 (next to the rows) every `off_page_pitch` from the
/// centre, tier 1 halfway between them, so that a connector to tier 1 passes between the
/// members of tier 0. Every slot keeps the whole symbol inside the column.
fn push_slots(slots: &mut [Vec<f32>; 2], column: Column, s: &SymbolGeometry) {
    let center = column.x + column.width / 2.0;
    let reach = column.width / 2.0 - s.off_page_width / 2.0 - 2.0;
    let pitch = s.off_page_pitch;
    let k_max = (reach / pitch).floor().max(0.0) as i32;
    for k in -k_max..=k_max {
        slots[0].push(center + k as f32 * pitch);
    }
    let k_max = ((reach - pitch / 2.0) / pitch).floor();
    if k_max >= 0.0 {
        let k_max = k_max as i32;
        for k in -k_max - 1..=k_max {
            slots[1].push(center + (k as f32 + 0.5) * pitch);
        }
    }
}

// ---- Planning ----

#[derive(Clone, Copy, Debug, PartialEq)]
enum EdgeTarget {
    Step(usize),
    Rejected,
}

/// A flow between two symbols before page breaks cut it.
#[derive(Clone, Copy, Debug)]
struct Edge {
    from: usize,
    to: EdgeTarget,
    kind: ConnectorKind,
    leave: Leave,
    arrive: Arrive,
    /// The side the corridor is taken on, when one is needed.
    corridor: Side,
}

fn plan_edges(sop: &Sop, frame: &Frame<'_>) -> Vec<Edge> {
    let n = sop.steps.len();
    let mut edges = Vec::with_capacity(n + 4);
    for i in 0..n {
        let next = sop.next_steps(i);
        // "Tidak" first: "Ya" must keep off its side.
        let mut tidak: Option<Edge> = None;
        for e in &next {
            if e.answer != Some(Answer::No) {
                continue;
            }
            tidak = match e.to {
                Target::Rejected => frame.rejection[i].as_ref().map(|spot| Edge {
                    from: i,
                    to: EdgeTarget::Rejected,
                    kind: ConnectorKind::No,
                    leave: Leave::Side(spot.side),
                    arrive: Arrive::Side(spot.side.flip()),
                    corridor: spot.side,
                }),
                Target::Step(j) if j == i => {
                    let side = frame.self_loop_side();
                    Some(Edge {
                        from: i,
                        to: EdgeTarget::Step(j),
                        kind: ConnectorKind::No,
                        leave: Leave::Side(side),
                        arrive: Arrive::TopOffset(side),
                        corridor: side,
                    })
                }
                Target::Step(j) if j < n => {
                    let side = frame.tidak_side(i, j);
                    Some(Edge {
                        from: i,
                        to: EdgeTarget::Step(j),
                        kind: ConnectorKind::No,
                        leave: Leave::Side(side),
                        arrive: Arrive::Side(side),
                        corridor: side,
                    })
                }
                _ => None,
            };
        }
        let tidak_side = tidak.map(|e| e.corridor);
        for e in &next {
            match (e.answer, e.to) {
                (Some(Answer::No), _) => edges.extend(tidak.take()),
                (answer, Target::Step(j)) if j < n => {
                    let kind = if answer == Some(Answer::Yes) {
                        ConnectorKind::Yes
                    } else {
                        ConnectorKind::Next
                    };
                    let edge = if j > i {
                        Edge {
                            from: i,
                            to: EdgeTarget::Step(j),
                            kind,
                            leave: Leave::Bottom,
                            arrive: Arrive::Top,
                            corridor: frame.skip_side(tidak_side),
                        }
                    } else {
                        // "Ya" back up: the side "Tidak" leaves free.
                        let side = tidak_side.map_or(Side::Left, Side::flip);
                        let arrive = if j == i {
                            Arrive::TopOffset(side)
                        } else {
                            Arrive::Side(side)
                        };
                        Edge {
                            from: i,
                            to: EdgeTarget::Step(j),
                            kind,
                            leave: Leave::Side(side),
                            arrive,
                            corridor: side,
                        }
                    };
                    edges.push(edge);
                }
                _ => {}
            }
        }
    }
    edges
}

struct OffPage {
    pair: usize,
    end: OffPageEnd,
    /// `page * 2` for the band above a page's rows, `page * 2 + 1` for the one below.
    band: usize,
    desired_x: f32,
    /// On the straight line down from its step: gets the first pick of the slots.
    natural: bool,
    x: f32,
    tier: usize,
}

/// A connector to route.
struct Part {
    from: Node,
    to: Node,
    leave: Leave,
    arrive: Arrive,
    corridor: Side,
    kind: ConnectorKind,
    labelled: bool,
}

struct Item {
    y: f32,
    height: f32,
    page: usize,
}

// ---- Building ----

fn build(sop: &Sop, frame: &Frame<'_>, rows_per_page: Option<usize>) -> SwimlaneLayout {
    let paging = Paging::new(sop.steps.len(), rows_per_page);
    let edges = plan_edges(sop, frame);
    let (parts, mut off_pages) = cut_at_page_breaks(&edges, &paging, frame);
    let band_tiers = allocate_slots(&mut off_pages, paging.count * 2, frame);
    let stack = stack_up(sop, frame, &paging, &band_tiers);
    let placed = place(sop, frame, &stack, &parts, &off_pages);
    let mut tracks = vec![[0_usize; 2]; frame.columns.len()];
    let connectors = parts
        .iter()
        .map(|part| route(part, &placed, &stack, frame, &mut tracks))
        .collect();
    let sym = frame.symbols;
    SwimlaneLayout {
        kind: match frame.policy {
            Policy::Swimlane => LayoutKind::Swimlane,
            Policy::Compact => LayoutKind::Compact,
        },
        width: frame.width,
        height: stack.height,
        number_column: None,
        lanes: Vec::new(),
        headers: stack.headers,
        header_font_size: 0.0,
        header_line_height: 0.0,
        rows: stack.rows,
        off_page_bands: stack.off_page_bands,
        shapes: placed.shapes,
        connectors,
        chips: placed.chips,
        pages: stack.pages,
        connector_font_size: sym.connector_font_size,
        number_font_size: sym.number_font_size,
    }
}

/// Which rows go on which page.
struct Paging {
    per_page: usize,
    count: usize,
}

impl Paging {
    fn new(steps: usize, rows_per_page: Option<usize>) -> Paging {
        let per_page = rows_per_page.filter(|&r| r > 0).unwrap_or(usize::MAX);
        let count = if steps == 0 {
            1
        } else {
            (steps - 1) / per_page + 1
        };
        Paging { per_page, count }
    }

    fn page_of(&self, step: usize) -> usize {
        step / self.per_page
    }

    fn steps_on(&self, page: usize, steps: usize) -> std::ops::Range<usize> {
        let first = page.saturating_mul(self.per_page);
        first..first.saturating_add(self.per_page).min(steps)
    }
}

/// The connectors to draw: every edge within a page whole, every edge across a break as two
/// parts joined by a pair of off-page connectors (their places still to be chosen).
fn cut_at_page_breaks(
    edges: &[Edge],
    paging: &Paging,
    frame: &Frame<'_>,
) -> (Vec<Part>, Vec<OffPage>) {
    let step_x = |i: usize| frame.column_center(frame.step_column[i]);
    let mut parts: Vec<Part> = Vec::with_capacity(edges.len() + 4);
    let mut off_pages: Vec<OffPage> = Vec::new();
    for e in edges {
        let whole = |to: Node| Part {
            from: Node::Step(e.from),
            to,
            leave: e.leave,
            arrive: e.arrive,
            corridor: e.corridor,
            kind: e.kind,
            labelled: e.kind != ConnectorKind::Next,
        };
        let j = match e.to {
            EdgeTarget::Rejected => {
                parts.push(whole(Node::Rejected(e.from)));
                continue;
            }
            EdgeTarget::Step(j) => j,
        };
        let (from_page, to_page) = (paging.page_of(e.from), paging.page_of(j));
        if from_page == to_page {
            parts.push(whole(Node::Step(j)));
            continue;
        }
        // Down to the band below the page, or up to the band above it; the continuation
        // starts from the facing band of the target's page.
        let forward = to_page > from_page;
        let pair = off_pages.len() / 2;
        let (out_node, in_node) = (
            Node::OffPage {
                pair,
                end: OffPageEnd::Out,
            },
            Node::OffPage {
                pair,
                end: OffPageEnd::In,
            },
        );
        off_pages.push(OffPage {
            pair,
            end: OffPageEnd::Out,
            band: from_page * 2 + usize::from(forward),
            desired_x: step_x(e.from),
            natural: e.leave == Leave::Bottom,
            x: 0.0,
            tier: 0,
        });
        off_pages.push(OffPage {
            pair,
            end: OffPageEnd::In,
            band: to_page * 2 + usize::from(!forward),
            desired_x: step_x(j),
            natural: e.arrive == Arrive::Top,
            x: 0.0,
            tier: 0,
        });
        parts.push(Part {
            arrive: if forward { Arrive::Top } else { Arrive::Bottom },
            ..whole(out_node)
        });
        parts.push(Part {
            from: in_node,
            leave: if forward { Leave::Bottom } else { Leave::Top },
            labelled: false,
            ..whole(Node::Step(j))
        });
    }
    (parts, off_pages)
}

/// The vertical order of the drawing: per page its lane headers, the band of off-page
/// connectors coming in, the rows, the band going out.
struct Stack {
    /// Rows and bands, top to bottom: connectors use their gap lines.
    items: Vec<Item>,
    row_item: Vec<usize>,
    band_item: Vec<usize>,
    headers: Vec<Band>,
    rows: Vec<RowBand>,
    off_page_bands: Vec<Band>,
    pages: Vec<(f32, f32)>,
    height: f32,
}

impl Stack {
    /// The gap line in the top padding of an item.
    fn gap_above(&self, item: usize, sym: &SymbolGeometry) -> f32 {
        self.items[item].y + sym.gap_line_offset
    }

    /// The gap line under an item: that of the next item on the same page.
    fn gap_below(&self, item: usize, sym: &SymbolGeometry) -> f32 {
        let here = &self.items[item];
        match self.items.get(item + 1) {
            Some(next) if next.page == here.page => next.y + sym.gap_line_offset,
            _ => here.y + here.height + sym.gap_line_offset,
        }
    }
}

fn stack_up(sop: &Sop, frame: &Frame<'_>, paging: &Paging, band_tiers: &[usize]) -> Stack {
    let sym = frame.symbols;
    let n = sop.steps.len();
    let mut stack = Stack {
        items: Vec::with_capacity(n + 2 * paging.count),
        row_item: vec![0; n],
        band_item: vec![usize::MAX; paging.count * 2],
        headers: Vec::with_capacity(paging.count),
        rows: Vec::with_capacity(n),
        off_page_bands: Vec::new(),
        pages: Vec::with_capacity(paging.count),
        height: 0.0,
    };
    let add_band = |stack: &mut Stack, band: usize, page: usize, y: &mut f32| {
        let tiers = band_tiers[band];
        if tiers == 0 {
            return;
        }
        let height = 2.0 * sym.row_padding_y
            + tiers as f32 * sym.off_page_height
            + (tiers - 1) as f32 * sym.off_page_tier_gap;
        stack.band_item[band] = stack.items.len();
        stack.items.push(Item {
            y: *y,
            height,
            page,
        });
        stack.off_page_bands.push(Band { y: *y, height });
        *y += height;
    };
    let mut y = 0.0_f32;
    for page in 0..paging.count {
        let start = y;
        y += frame.page_margin;
        if frame.header_height > 0.0 {
            stack.headers.push(Band {
                y,
                height: frame.header_height,
            });
            y += frame.header_height;
        }
        add_band(&mut stack, page * 2, page, &mut y);
        for i in paging.steps_on(page, n) {
            let symbol_top = y + sym.row_padding_y + frame.chip_band[i];
            let symbol_height = frame.height_of(symbol_kind(sop, i));
            let number_y = match &frame.chips[i] {
                Some(chip) => y + sym.row_padding_y + chip.height / 2.0,
                None => symbol_top + symbol_height / 2.0,
            };
            let height = symbol_top + symbol_height + sym.row_padding_y - y;
            stack.rows.push(RowBand {
                step_index: i,
                no: sop.steps[i].no,
                y,
                height,
                number_at: Point::new(frame.number_x, number_y),
            });
            stack.row_item[i] = stack.items.len();
            stack.items.push(Item { y, height, page });
            y += height;
        }
        add_band(&mut stack, page * 2 + 1, page, &mut y);
        y += frame.page_margin;
        stack.pages.push((start, y));
    }
    stack.height = y;
    stack
}

/// The symbols and, for routing, the item (row or band) and column each one is in.
struct Placed {
    /// Steps, then rejection ends, then off-page connectors (pair by pair, out then in).
    shapes: Vec<Shape>,
    item: Vec<usize>,
    column: Vec<usize>,
    rejected: Vec<usize>,
    off_page_base: usize,
    chips: Vec<LaneChip>,
}

impl Placed {
    fn index(&self, node: Node) -> usize {
        match node {
            Node::Step(i) => i,
            Node::Rejected(i) => self.rejected[i],
            Node::OffPage { pair, end } => {
                self.off_page_base + 2 * pair + usize::from(end == OffPageEnd::In)
            }
        }
    }
}

fn place(
    sop: &Sop,
    frame: &Frame<'_>,
    stack: &Stack,
    parts: &[Part],
    off_pages: &[OffPage],
) -> Placed {
    let sym = frame.symbols;
    let n = sop.steps.len();
    let capacity = n + off_pages.len() + 2;
    let mut placed = Placed {
        shapes: Vec::with_capacity(capacity),
        item: Vec::with_capacity(capacity),
        column: Vec::with_capacity(capacity),
        rejected: vec![usize::MAX; n],
        off_page_base: 0,
        chips: Vec::new(),
    };
    let push = |placed: &mut Placed, shape: Shape, item: usize, column: usize| {
        placed.shapes.push(shape);
        placed.item.push(item);
        placed.column.push(column);
    };
    for (i, row) in stack.rows.iter().enumerate() {
        let kind = symbol_kind(sop, i);
        let (w, h) = (frame.width_of(kind), frame.height_of(kind));
        let x = frame.column_center(frame.step_column[i]) - w / 2.0;
        let rect = Rect::new(x, row.y + sym.row_padding_y + frame.chip_band[i], w, h);
        let (text, printed) = label_source(&sop.steps[i]);
        let shape = labelled_shape(
            format!("s{i}"),
            Node::Step(i),
            Some(i),
            Some(frame.step_lane[i]),
            Outline::new(kind, rect),
            text,
            printed,
            &sym.label,
        );
        push(&mut placed, shape, stack.row_item[i], frame.step_column[i]);
        if let Some(chip) = &frame.chips[i] {
            placed.chips.push(LaneChip {
                step_index: i,
                lane: chip.lane,
                color_index: lane_color_index(chip.lane),
                x: chip.x,
                y: row.y + sym.row_padding_y,
                width: chip.width,
                height: chip.height,
                label_lines: chip.fitted.lines.clone(),
                font_size: chip.fitted.font_size,
                line_height: chip.line_height,
                padding_x: chip.padding_x,
                label_truncated: chip.fitted.truncated,
            });
        }
    }
    for part in parts {
        let Node::Rejected(i) = part.to else { continue };
        let Some(spot) = &frame.rejection[i] else {
            continue;
        };
        let h = sym.terminator_height;
        let cy = placed.shapes[i].center().y;
        let rect = Rect::new(
            spot.center_x - spot.width / 2.0,
            cy - h / 2.0,
            spot.width,
            h,
        );
        placed.rejected[i] = placed.shapes.len();
        let shape = labelled_shape(
            format!("r{i}"),
            Node::Rejected(i),
            None,
            spot.lane,
            Outline::new(ShapeKind::Terminator, rect),
            REJECTED_END_LABEL,
            true,
            &sym.label,
        );
        push(&mut placed, shape, stack.row_item[i], spot.column);
    }
    placed.off_page_base = placed.shapes.len();
    let off_page_style = LabelStyle {
        font_size: sym.off_page_font_size,
        min_font_size: sym.off_page_font_size - 2.0,
        line_height_em: sym.label.line_height_em,
        padding_x: sym.off_page_label_padding,
        padding_y: sym.off_page_label_padding,
        max_lines: 1,
    };
    for o in off_pages {
        let item = stack.band_item[o.band];
        let band = &stack.items[item];
        let (w, h) = (sym.off_page_width, sym.off_page_height);
        let step = o.tier as f32 * (h + sym.off_page_tier_gap);
        // Tier 0 lies next to the rows, so that later tiers reach them between its members.
        let top = if o.band % 2 == 1 {
            band.y + sym.row_padding_y + step
        } else {
            band.y + band.height - sym.row_padding_y - h - step
        };
        let end = match o.end {
            OffPageEnd::Out => "o",
            OffPageEnd::In => "i",
        };
        let shape = labelled_shape(
            format!("p{}{end}", o.pair),
            Node::OffPage {
                pair: o.pair,
                end: o.end,
            },
            None,
            None,
            Outline::new(ShapeKind::OffPage, Rect::new(o.x - w / 2.0, top, w, h)),
            &off_page_label(o.pair),
            true,
            &off_page_style,
        );
        push(&mut placed, shape, item, frame.column_of_x(o.x));
    }
    placed
}

/// The polyline of one connector: out of its source, along a gap line or straight to a
/// corridor, along the corridor, and in. `tracks` counts the corridors used per column and
/// side, so that connectors sharing a column's padding get different tracks.
fn route(
    part: &Part,
    placed: &Placed,
    stack: &Stack,
    frame: &Frame<'_>,
    tracks: &mut [[usize; 2]],
) -> Connector {
    let sym = frame.symbols;
    let (from, to) = (placed.index(part.from), placed.index(part.to));
    let (s, t) = (&placed.shapes[from], &placed.shapes[to]);
    let (sc, tc) = (s.center(), t.center());
    let (p0, lead) = match part.leave {
        Leave::Bottom => (
            Point::new(sc.x, s.y + s.height),
            Run::Gap(stack.gap_below(placed.item[from], sym)),
        ),
        Leave::Top => (
            Point::new(sc.x, s.y),
            Run::Gap(stack.gap_above(placed.item[from], sym)),
        ),
        Leave::Side(d) => (side_point(s, d), Run::Level(sc.y)),
    };
    let (end, tail) = match part.arrive {
        Arrive::Top => (
            Point::new(tc.x, t.y),
            Run::Gap(stack.gap_above(placed.item[to], sym)),
        ),
        Arrive::TopOffset(d) => {
            let x = tc.x + d.sign() * t.width / 4.0;
            let y = t.outline().top_at(x).unwrap_or(t.y);
            (
                Point::new(x, y),
                Run::Gap(stack.gap_above(placed.item[to], sym)),
            )
        }
        Arrive::Bottom => (
            Point::new(tc.x, t.y + t.height),
            Run::Gap(stack.gap_below(placed.item[to], sym)),
        ),
        Arrive::Side(d) => (side_point(t, d), Run::Level(tc.y)),
    };
    let (col_s, col_t) = (placed.column[from], placed.column[to]);
    let mut corridor = |column: usize, side: Side| {
        let k = &mut tracks[column][side.index()];
        let x = frame.track_x(column, side, *k);
        *k += 1;
        x
    };
    let mut points = Vec::with_capacity(6);
    points.push(p0);
    match (lead, tail) {
        (Run::Gap(a), Run::Gap(b)) if a == b => {
            points.extend([Point::new(p0.x, a), Point::new(end.x, a)]);
        }
        (Run::Gap(a), Run::Gap(b)) => {
            let x = corridor(
                frame.corridor_column(col_s, col_t, part.corridor),
                part.corridor,
            );
            points.extend([
                Point::new(p0.x, a),
                Point::new(x, a),
                Point::new(x, b),
                Point::new(end.x, b),
            ]);
        }
        (Run::Gap(a), Run::Level(b)) => {
            let side = match part.arrive {
                Arrive::Side(d) => d,
                _ => part.corridor,
            };
            let x = corridor(col_t, side);
            points.extend([Point::new(p0.x, a), Point::new(x, a), Point::new(x, b)]);
        }
        (Run::Level(a), Run::Gap(b)) => {
            let side = match part.leave {
                Leave::Side(d) => d,
                _ => part.corridor,
            };
            let x = corridor(col_s, side);
            points.extend([Point::new(x, a), Point::new(x, b), Point::new(end.x, b)]);
        }
        // A rejection end beside its decision.
        (Run::Level(a), Run::Level(b)) if a == b => {}
        (Run::Level(a), Run::Level(b)) => {
            let x = corridor(
                frame.corridor_column(col_s, col_t, part.corridor),
                part.corridor,
            );
            points.extend([Point::new(x, a), Point::new(x, b)]);
        }
    }
    points.push(end);
    simplify(&mut points);
    let label = match (part.labelled, part.kind) {
        (true, ConnectorKind::Yes) => Some(YES_LABEL),
        (true, ConnectorKind::No) => Some(NO_LABEL),
        _ => None,
    };
    let label_at = label.map(|text| {
        let x_range = (frame.label_min_x, frame.width);
        let size = sym.connector_font_size;
        let style = (
            size,
            size * sym.label.line_height_em,
            sym.connector_label_gap,
        );
        label_position(p0, part.leave, text, style, from, &placed.shapes, x_range)
    });
    Connector {
        from: part.from,
        to: part.to,
        points,
        label,
        label_at,
        kind: part.kind,
    }
}

/// A horizontal run a connector starts or ends with: along a gap line, or at the level of a
/// symbol's side.
#[derive(Clone, Copy)]
enum Run {
    Gap(f32),
    Level(f32),
}

/// Gives every off-page connector an `x` and a tier in its band; returns the tiers of each
/// band. Natural ones (straight below or above their step) choose first, then each takes the
/// free slot nearest its step, in the tier nearest the rows that has one. Two tiers hold
/// seven connectors per lane (more than any page break of the book needs); a third would
/// reuse tier 0's places, and connectors to it would cross tier 0.
fn allocate_slots(off_pages: &mut [OffPage], band_count: usize, frame: &Frame<'_>) -> Vec<usize> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); band_count];
    for (k, o) in off_pages.iter().enumerate() {
        members[o.band].push(k);
    }
    let mut tiers = vec![0; band_count];
    let mut taken: Vec<Vec<bool>> = Vec::new();
    for (band, list) in members.iter_mut().enumerate() {
        if list.is_empty() || frame.off_page_slots[0].is_empty() {
            continue;
        }
        list.sort_by_key(|&k| (!off_pages[k].natural, k));
        taken.clear();
        for &k in list.iter() {
            let desired = off_pages[k].desired_x;
            let mut tier = 0;
            loop {
                let slots = &frame.off_page_slots[tier % 2];
                if taken.len() <= tier {
                    taken.push(vec![false; slots.len()]);
                }
                let free = (0..slots.len())
                    .filter(|&s| !taken[tier][s])
                    .min_by(|&a, &b| {
                        (slots[a] - desired)
                            .abs()
                            .total_cmp(&(slots[b] - desired).abs())
                            .then(a.cmp(&b))
                    });
                if let Some(s) = free {
                    taken[tier][s] = true;
                    off_pages[k].x = slots[s];
                    off_pages[k].tier = tier;
                    break;
                }
                tier += 1;
            }
        }
        tiers[band] = taken.len();
    }
    tiers
}

#[allow(clippy::too_many_arguments)]
fn labelled_shape(
    id: String,
    node: Node,
    step: Option<usize>,
    lane: Option<usize>,
    outline: Outline,
    text: &str,
    printed: bool,
    style: &LabelStyle,
) -> Shape {
    let fitted = fit_label(text, printed, &outline, style);
    let r = outline.rect;
    Shape {
        id,
        node,
        step,
        kind: outline.kind,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        lane,
        line_height: fitted.font_size * style.line_height_em,
        label_lines: fitted.lines,
        font_size: fitted.font_size,
        label_padding_x: style.padding_x,
        label_padding_y: style.padding_y,
        label_truncated: fitted.truncated,
    }
}

/// The label of a symbol: a printed one may shrink one point at a time down to
/// `min_font_size`; every line must fit the outline's width at its own height.
fn fit_label(text: &str, printed: bool, outline: &Outline, style: &LabelStyle) -> Fitted {
    let mut sizes: Vec<f32> = vec![style.font_size];
    if printed {
        let mut size = style.font_size - 1.0;
        while size >= style.min_font_size {
            sizes.push(size);
            size -= 1.0;
        }
    }
    let center = outline.label_center_y();
    let inner_height = outline.inner_height(style.padding_y);
    let max_lines = |font: f32| {
        let by_height = (inner_height / (font * style.line_height_em)).floor();
        style.max_lines.min(by_height.max(1.0) as usize)
    };
    let capacity = |font: f32, n: usize, k: usize| {
        let lh = font * style.line_height_em;
        let y = center + (k as f32 - (n as f32 - 1.0) / 2.0) * lh;
        outline.inner_width_at(y, lh, style.padding_x)
    };
    fit(
        text,
        &Fit {
            font_sizes: &sizes,
            max_lines: &max_lines,
            capacity: &capacity,
            bold: false,
        },
    )
}

fn side_point(shape: &Shape, side: Side) -> Point {
    let y = shape.center().y;
    match side {
        Side::Left => Point::new(shape.x, y),
        Side::Right => Point::new(shape.x + shape.width, y),
    }
}

/// Where "Ya" / "Tidak" goes: beside the point the connector leaves from, away from its
/// symbol, in the first place that stays inside `x_range` and clear of every symbol. Beside a
/// side vertex it is pulled back over the diamond's slope when the room outside is short
/// (the last lane, or a rejection end close by in the compact layout).
fn label_position(
    p0: Point,
    leave: Leave,
    text: &str,
    (font_size, h, gap): (f32, f32, f32),
    source: usize,
    shapes: &[Shape],
    x_range: (f32, f32),
) -> Point {
    let w = text_width(text, font_size);
    // Every place tried lies within this reach of `p0`: only the symbols there matter.
    let reach = Rect::new(
        p0.x - 2.0 * w - 12.0,
        p0.y - 2.0 * h - 60.0,
        4.0 * w + 24.0,
        3.0 * h + 70.0,
    );
    let near: Vec<(usize, Rect)> = shapes
        .iter()
        .enumerate()
        .map(|(k, s)| (k, s.bounds()))
        .filter(|(_, b)| b.overlaps(&reach))
        .collect();
    let clear = |x: f32, y: f32| {
        let r = Rect::new(x, y, w, h);
        r.x >= x_range.0
            && r.right() <= x_range.1
            && r.y >= 0.0
            && near.iter().all(|(k, b)| {
                if *k == source {
                    label_clear_of(&r, &shapes[*k])
                } else {
                    !r.overlaps(b)
                }
            })
    };
    let center = |x: f32, y: f32| Point::new(x + w / 2.0, y + h / 2.0);
    let above = p0.y - gap - h;
    let first = match leave {
        Leave::Bottom => {
            for x in [p0.x + gap, p0.x - gap - w] {
                if clear(x, p0.y + gap) {
                    return center(x, p0.y + gap);
                }
            }
            return center(p0.x + gap, p0.y + gap);
        }
        Leave::Top | Leave::Side(Side::Right) => (p0.x + gap, Side::Right),
        Leave::Side(Side::Left) => (p0.x - gap - w, Side::Left),
    };
    let (x_out, side) = first;
    for y in [above, p0.y + gap] {
        if clear(x_out, y) {
            return center(x_out, y);
        }
    }
    // Pulled back towards the symbol, and lifted over its slope.
    let outline = shapes[source].outline();
    let mut shift = 1.0;
    while shift <= w + 2.0 * gap {
        let x = x_out - side.sign() * shift;
        let inner_end = if side == Side::Right { x } else { x + w };
        let slope_top = outline.top_at(inner_end).map_or(f32::INFINITY, |t| t - 1.0);
        let y = above.min(slope_top - h);
        if clear(x, y) {
            return center(x, y);
        }
        shift += 1.0;
    }
    center(x_out, above)
}

/// Whether a label box keeps out of the inside of the symbol its connector leaves: no corner
/// of the box inside the outline, no point of the outline inside the box.
fn label_clear_of(r: &Rect, s: &Shape) -> bool {
    let o = s.outline();
    let corners = [
        Point::new(r.x, r.y),
        Point::new(r.right(), r.y),
        Point::new(r.x, r.bottom()),
        Point::new(r.right(), r.bottom()),
    ];
    let c = s.center();
    let extremes = [
        Point::new(c.x, s.y),
        Point::new(c.x, s.y + s.height),
        Point::new(s.x, c.y),
        Point::new(s.x + s.width, c.y),
    ];
    let strictly_inside = |p: &Point| p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
    corners.iter().all(|p| !o.interior_contains(*p)) && !extremes.iter().any(strictly_inside)
}

/// Drops repeated points and the middle of three points on one straight run.
fn simplify(points: &mut Vec<Point>) {
    points.dedup();
    let mut i = 1;
    while i + 1 < points.len() {
        let (a, b, c) = (points[i - 1], points[i], points[i + 1]);
        let between = |p: f32, q: f32, r: f32| (p <= q && q <= r) || (p >= q && q >= r);
        let straight = (a.x == b.x && b.x == c.x && between(a.y, b.y, c.y))
            || (a.y == b.y && b.y == c.y && between(a.x, b.x, c.x));
        if straight {
            points.remove(i);
        } else {
            i += 1;
        }
    }
}
