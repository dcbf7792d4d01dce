//! The diagram layout rules, checked on every real SOP (both layouts, screen and print) and on
//! small in-memory SOPs for the cases the book has few or none of.
//!
//! `problems` re-derives each rule from the output alone (outlines, borders, exact
//! segment–rectangle crossings, the text metric), so a layout bug shows up as a named rule
//! broken by a named shape or connector.

use std::collections::BTreeSet;

use sop_domain::catalogue::{Audience, Decision, DecisionTarget, Sop, Step, StepRef, Target};
use sop_domain::diagram::{
    layout, layout_compact, text_width, CompactOptions, ConnectorKind, LayoutKind, LayoutOptions,
    Node, OffPageEnd, Point, Shape, ShapeKind, SwimlaneLayout, BOLD_FACTOR, NO_LABEL,
    REJECTED_END_LABEL, YES_LABEL,
};
use sop_domain::duration::{Duration, StatedComparison, Total};

/// Symbols keep at least this far apart.
const SYMBOL_MARGIN: f32 = 4.0;
const EPS: f32 = 1e-3;

// ---- The rules ----

/// Every rule `layout` breaks for `sop`, one line each; empty when all hold.
fn problems(sop: &Sop, l: &SwimlaneLayout, rows_per_page: Option<usize>) -> Vec<String> {
    let mut out = Vec::new();
    let mut fail = |msg: String| out.push(format!("{} ({:?}): {msg}", sop.id, l.kind));
    let n = sop.steps.len();
    let bounds = l.bounds();

    // Symbols: one per step, the right kind, inside the drawing, apart from each other.
    for (i, _) in sop.steps.iter().enumerate() {
        match l.shape(Node::Step(i)) {
            None => fail(format!("step {i} has no symbol")),
            Some(s) => {
                let expect = if sop.is_decision(i) {
                    ShapeKind::Decision
                } else if i == 0 || i + 1 == n {
                    ShapeKind::Terminator
                } else {
                    ShapeKind::Process
                };
                if s.kind != expect || s.step != Some(i) {
                    fail(format!(
                        "{}: {:?} for step {i}, expected {expect:?}",
                        s.id, s.kind
                    ));
                }
            }
        }
    }
    for (a_i, a) in l.shapes.iter().enumerate() {
        let b = a.bounds();
        if b.x < -EPS
            || b.y < -EPS
            || b.right() > bounds.right() + EPS
            || b.bottom() > bounds.bottom() + EPS
        {
            fail(format!("{} lies outside the drawing", a.id));
        }
        for other in &l.shapes[a_i + 1..] {
            if b.too_close(&other.bounds(), SYMBOL_MARGIN) {
                fail(format!("{} and {} overlap", a.id, other.id));
            }
        }
    }
    let ids: BTreeSet<&str> = l.shapes.iter().map(|s| s.id.as_str()).collect();
    if ids.len() != l.shapes.len() {
        fail("shape ids repeat".into());
    }

    // Each step symbol in its performer's lane (compact: in the one column) and its row.
    let step_xs: BTreeSet<i64> = (0..n)
        .filter_map(|i| l.shape(Node::Step(i)))
        .map(|s| (s.center().x * 100.0).round() as i64)
        .collect();
    for (i, step) in sop.steps.iter().enumerate() {
        let Some(s) = l.shape(Node::Step(i)) else {
            continue;
        };
        if s.lane != Some(step.lane_index) {
            fail(format!(
                "{}: lane {:?}, performer's lane is {}",
                s.id, s.lane, step.lane_index
            ));
        }
        let b = s.bounds();
        match l.kind {
            LayoutKind::Swimlane => match l.lanes.get(step.lane_index) {
                Some(lane) if b.x >= lane.x - EPS && b.right() <= lane.x + lane.width + EPS => {}
                _ => fail(format!("{} is outside lane {}", s.id, step.lane_index)),
            },
            LayoutKind::Compact => {
                if step_xs.len() != 1 || b.x < 0.0 || b.right() > l.width {
                    fail(format!("{} is not in the single column", s.id));
                }
            }
        }
        match l.rows.iter().find(|r| r.step_index == i) {
            Some(r) if b.y >= r.y - EPS && b.bottom() <= r.y + r.height + EPS => {
                if r.no != step.no {
                    fail(format!(
                        "row {i} shows number {} instead of {}",
                        r.no, step.no
                    ));
                }
            }
            _ => fail(format!("{} is outside its row", s.id)),
        }
    }
    if l.rows.iter().map(|r| r.step_index).collect::<Vec<_>>() != (0..n).collect::<Vec<_>>() {
        fail("rows are not the steps in order".into());
    }

    // Labels fit their symbols, line by line (diamonds are narrower away from the middle).
    for s in &l.shapes {
        label_problems(s, &mut fail);
    }

    // Lanes and their headers (swimlane); chips (compact).
    match l.kind {
        LayoutKind::Swimlane => {
            if l.lanes.len() != sop.lanes.len() {
                fail(format!(
                    "{} lanes for {} pelaksana",
                    l.lanes.len(),
                    sop.lanes.len()
                ));
            }
            let g = LayoutOptions::default().geometry;
            let header_height = l.headers.first().map_or(0.0, |h| h.height);
            if l.headers.len() != l.pages.len() {
                fail("not one header band per page".into());
            }
            for lane in &l.lanes {
                let room = lane.width - 2.0 * g.header_padding;
                if lane.header_lines.is_empty() {
                    fail(format!("lane {} has no header", lane.index));
                }
                for line in &lane.header_lines {
                    if text_width(line, l.header_font_size) * BOLD_FACTOR > room + EPS {
                        fail(format!(
                            "header line {line:?} is wider than lane {}",
                            lane.index
                        ));
                    }
                }
                if lane.header_lines.len() as f32 * l.header_line_height
                    > header_height - 2.0 * g.header_padding + EPS
                {
                    fail(format!(
                        "header of lane {} is taller than its band",
                        lane.index
                    ));
                }
            }
        }
        LayoutKind::Compact => {
            if l.chips.len() != n {
                fail(format!("{} chips for {n} steps", l.chips.len()));
            }
            for chip in &l.chips {
                let lane = sop.steps[chip.step_index].lane_index;
                if chip.lane != lane || chip.color_index != lane % 8 {
                    fail(format!(
                        "chip of step {} names lane {}",
                        chip.step_index, chip.lane
                    ));
                }
                let cb = chip.bounds();
                if cb.right() > l.width + EPS || chip.label_lines.is_empty() {
                    fail(format!(
                        "chip of step {} is empty or too wide",
                        chip.step_index
                    ));
                }
                for line in &chip.label_lines {
                    if text_width(line, chip.font_size) > chip.width - 2.0 * chip.padding_x + EPS {
                        fail(format!("chip line {line:?} overflows"));
                    }
                }
                if let Some(s) = l.shapes.iter().find(|s| s.bounds().overlaps(&cb)) {
                    fail(format!(
                        "chip of step {} overlaps {}",
                        chip.step_index, s.id
                    ));
                }
                for c in &l.connectors {
                    if c.segments().any(|(a, b)| cb.segment_crosses_interior(a, b)) {
                        fail(format!(
                            "a connector crosses the chip of step {}",
                            chip.step_index
                        ));
                    }
                }
            }
        }
    }

    // Connectors: orthogonal, border to border, through no symbol.
    for (k, c) in l.connectors.iter().enumerate() {
        let name = format!("connector {k} {:?}→{:?}", c.from, c.to);
        let (Some(from), Some(to)) = (l.shape(c.from), l.shape(c.to)) else {
            fail(format!("{name}: an end has no shape"));
            continue;
        };
        if c.points.len() < 2 {
            fail(format!("{name}: fewer than two points"));
            continue;
        }
        let (first, last) = (c.points[0], *c.points.last().unwrap());
        if !from.border_contains(first) {
            fail(format!(
                "{name} does not start on the border of {}: {first:?}",
                from.id
            ));
        }
        if !to.border_contains(last) {
            fail(format!(
                "{name} does not end on the border of {}: {last:?}",
                to.id
            ));
        }
        for (a, b) in c.segments() {
            if a == b || (a.x != b.x && a.y != b.y) {
                fail(format!(
                    "{name}: segment {a:?}–{b:?} is not a horizontal or vertical run"
                ));
            }
            for s in &l.shapes {
                if s.node != c.from && s.node != c.to && s.bounds().segment_crosses_interior(a, b) {
                    fail(format!("{name} crosses {}", s.id));
                }
            }
            for own in [from, to] {
                if enters(own, a, b, first, last) {
                    fail(format!("{name} runs through its own end {}", own.id));
                }
            }
            if !bounds.contains(a) || !bounds.contains(b) {
                fail(format!("{name} leaves the drawing"));
            }
        }
        let labelled = c.kind != ConnectorKind::Next && matches!(c.from, Node::Step(_));
        let expect = match c.kind {
            ConnectorKind::Yes => Some(YES_LABEL),
            ConnectorKind::No => Some(NO_LABEL),
            ConnectorKind::Next => None,
        };
        if labelled && (c.label != expect || c.label_at.is_none()) {
            fail(format!("{name}: label {:?}, expected {expect:?}", c.label));
        }
        // "Ya" / "Tidak" stay in the drawing and off every symbol.
        if let (Some(text), Some(at)) = (c.label, c.label_at) {
            let (w, h) = (
                text_width(text, l.connector_font_size),
                l.connector_font_size,
            );
            let corners = [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)]
                .map(|(dx, dy)| Point::new(at.x + dx * w / 2.0, at.y + dy * h / 2.0));
            if corners.iter().any(|p| !bounds.contains(*p)) {
                fail(format!("{name}: label {text:?} leaves the drawing"));
            }
            if let Some(number) = l.number_column {
                if at.x - w / 2.0 < number.x + number.width {
                    fail(format!(
                        "{name}: label {text:?} runs into the number column"
                    ));
                }
            }
            let label_box = sop_domain::diagram::Rect::new(at.x - w / 2.0, at.y - h / 2.0, w, h);
            for s in &l.shapes {
                let on = if s.node == c.from {
                    corners.iter().any(|p| s.interior_contains(*p))
                } else {
                    label_box.overlaps(&s.bounds())
                };
                if on {
                    fail(format!("{name}: label {text:?} lies on {}", s.id));
                }
            }
        }
    }

    // Every flow of the SOP is drawn exactly once, through off-page pairs where it must be.
    let mut used = vec![false; l.connectors.len()];
    for i in 0..n {
        for edge in sop.next_steps(i) {
            let target = match edge.to {
                Target::Done => continue,
                Target::Step(j) => Node::Step(j),
                Target::Rejected => Node::Rejected(i),
            };
            let kind = match edge.answer {
                None => ConnectorKind::Next,
                Some(sop_domain::catalogue::Answer::Yes) => ConnectorKind::Yes,
                Some(sop_domain::catalogue::Answer::No) => ConnectorKind::No,
            };
            let mut at = Node::Step(i);
            let mut hops = 0;
            loop {
                let found = l
                    .connectors
                    .iter()
                    .enumerate()
                    .find(|(k, c)| !used[*k] && c.from == at && c.kind == kind);
                let Some((k, c)) = found else {
                    fail(format!(
                        "no {kind:?} connector from {at:?} towards {target:?}"
                    ));
                    break;
                };
                used[k] = true;
                hops += 1;
                match c.to {
                    Node::OffPage {
                        pair,
                        end: OffPageEnd::Out,
                    } if hops == 1 => {
                        at = Node::OffPage {
                            pair,
                            end: OffPageEnd::In,
                        };
                    }
                    reached => {
                        if reached != target {
                            fail(format!(
                                "{kind:?} from step {i} reaches {reached:?}, not {target:?}"
                            ));
                        }
                        break;
                    }
                }
            }
        }
    }
    if used.iter().any(|u| !u) {
        fail("connectors that stand for no flow of the SOP".into());
    }

    // Rejection ends: in the decision's row, in another lane, labelled.
    for s in l
        .shapes
        .iter()
        .filter(|s| matches!(s.node, Node::Rejected(_)))
    {
        let Node::Rejected(i) = s.node else { continue };
        let decision = l.shape(Node::Step(i)).unwrap();
        if s.step.is_some()
            || s.kind != ShapeKind::Terminator
            || s.label_lines.join(" ") != REJECTED_END_LABEL
        {
            fail(format!("{} is not a 'Selesai (ditolak)' terminator", s.id));
        }
        if (s.center().y - decision.center().y).abs() > EPS {
            fail(format!("{} is not in the row of its decision", s.id));
        }
        if l.kind == LayoutKind::Swimlane && s.lane == decision.lane {
            fail(format!("{} shares its decision's lane", s.id));
        }
    }

    // Pages: contiguous, the right number, nothing drawn across a cut.
    let per_page = rows_per_page.filter(|&r| r > 0).unwrap_or(usize::MAX);
    let expect_pages = if per_page == usize::MAX {
        1
    } else {
        n.div_ceil(per_page).max(1)
    };
    if l.pages.len() != expect_pages {
        fail(format!("{} pages, expected {expect_pages}", l.pages.len()));
    }
    let mut y = 0.0;
    for &(from, to) in &l.pages {
        if (from - y).abs() > EPS || to <= from {
            fail(format!("page ({from}, {to}) does not follow {y}"));
        }
        y = to;
    }
    if (y - l.height).abs() > EPS {
        fail("pages do not end at the drawing's bottom".into());
    }
    let page_of = |y0: f32, y1: f32| {
        l.pages
            .iter()
            .position(|&(a, b)| y0 >= a - EPS && y1 <= b + EPS)
    };
    for s in &l.shapes {
        if page_of(s.y, s.y + s.height).is_none() {
            fail(format!("{} is cut by a page break", s.id));
        }
    }
    for (k, c) in l.connectors.iter().enumerate() {
        let b = c.bounds();
        match page_of(b.y, b.bottom()) {
            None => fail(format!("connector {k} runs across a page break")),
            Some(p) => {
                let header_bottom = l.headers.get(p).map_or(0.0, |h| h.y + h.height);
                if b.y < header_bottom {
                    fail(format!("connector {k} runs into the lane headers"));
                }
            }
        }
    }
    for r in &l.rows {
        if page_of(r.y, r.y + r.height) != Some(r.step_index / per_page) {
            fail(format!("row {} is on the wrong page", r.step_index));
        }
    }
    for out_shape in l.shapes.iter().filter(|s| {
        matches!(
            s.node,
            Node::OffPage {
                end: OffPageEnd::Out,
                ..
            }
        )
    }) {
        let Node::OffPage { pair, .. } = out_shape.node else {
            continue;
        };
        match l.shape(Node::OffPage {
            pair,
            end: OffPageEnd::In,
        }) {
            Some(in_shape)
                if in_shape.label_lines == out_shape.label_lines
                    && !in_shape.label_lines.is_empty() =>
            {
                if page_of(in_shape.y, in_shape.y) == page_of(out_shape.y, out_shape.y) {
                    fail(format!(
                        "{} and {} are on the same page",
                        out_shape.id, in_shape.id
                    ));
                }
            }
            _ => fail(format!("{} has no matching continuation", out_shape.id)),
        }
    }
    if rows_per_page.is_none() && l.shapes.iter().any(|s| s.kind == ShapeKind::OffPage) {
        fail("off-page connectors on a single page".into());
    }
    out
}

/// Whether the segment `a`–`b` of a connector passes through the inside of `shape`, one of
/// its own ends (it may only touch it where it starts or ends).
fn enters(shape: &Shape, a: Point, b: Point, first: Point, last: Point) -> bool {
    let steps = ((b.x - a.x).abs() + (b.y - a.y).abs()).ceil() as usize * 4;
    (1..steps).any(|k| {
        let t = k as f32 / steps as f32;
        let p = Point::new(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
        let near_end = |q: Point| (p.x - q.x).abs() + (p.y - q.y).abs() < 0.3;
        shape.interior_contains(p) && !near_end(first) && !near_end(last)
    })
}

fn label_problems(s: &Shape, fail: &mut impl FnMut(String)) {
    if s.label_lines.is_empty() {
        fail(format!("{} has no label", s.id));
    }
    if s.font_size < 8.0 {
        fail(format!("{} label set at {}", s.id, s.font_size));
    }
    if s.label_lines.len() as f32 * s.line_height > s.inner_height() + EPS {
        fail(format!(
            "{}: {} lines do not fit its height",
            s.id,
            s.label_lines.len()
        ));
    }
    let outline = s.outline();
    let cx = s.center().x;
    for (line, y) in s.label_lines.iter().zip(s.label_line_centers()) {
        let w = text_width(line, s.font_size);
        if w > s.inner_width_at(y) + EPS {
            fail(format!(
                "{}: {line:?} ({w:.1}) is wider than the room at y={y}",
                s.id
            ));
        }
        // The same, seen from the outline: the line's box lies inside the symbol.
        let h = s.line_height / 2.0;
        for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
            let corner = Point::new(cx + dx * w / 2.0, y + dy * h);
            if !outline.contains(corner) {
                fail(format!("{}: {line:?} sticks out at {corner:?}", s.id));
            }
        }
    }
}

fn assert_no_problems(found: Vec<String>) {
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

fn swimlane(sop: &Sop, rows_per_page: Option<usize>) -> SwimlaneLayout {
    layout(
        sop,
        &LayoutOptions {
            rows_per_page,
            ..LayoutOptions::default()
        },
    )
}

fn compact(sop: &Sop, rows_per_page: Option<usize>) -> SwimlaneLayout {
    layout_compact(
        sop,
        &CompactOptions {
            rows_per_page,
            ..CompactOptions::default()
        },
    )
}

/// Both layouts, checked and checked for determinism.
fn check_all_layouts(sop: &Sop, pagings: &[Option<usize>]) -> Vec<String> {
    let mut found = Vec::new();
    for &rows_per_page in pagings {
        for make in [swimlane, compact] {
            let a = make(sop, rows_per_page);
            let b = make(sop, rows_per_page);
            if a != b || serde_json::to_string(&a).unwrap() != serde_json::to_string(&b).unwrap() {
                found.push(format!(
                    "{} ({:?}, {rows_per_page:?}): not deterministic",
                    sop.id, a.kind
                ));
            }
            found.extend(
                problems(sop, &a, rows_per_page)
                    .into_iter()
                    .map(|p| format!("[rows_per_page {rows_per_page:?}] {p}")),
            );
        }
    }
    found
}

// ---- In-memory SOPs ----

enum No {
    Step(usize),
    Rejected,
}

/// A step of a fixture: lane index, text, and an optional decision (yes, no) by step index.
struct F(usize, &'static str, Option<(usize, No)>);

fn fixture(id: &str, lanes: &[&str], steps: Vec<F>) -> Sop {
    let step_ref = |index: usize| StepRef {
        index,
        no: index as u32 + 1,
    };
    let steps = steps
        .into_iter()
        .enumerate()
        .map(|(i, F(lane, text, decision))| Step {
            no: i as u32 + 1,
            text: text.to_string().into(),
            lane: lanes[lane].to_string().into(),
            lane_index: lane,
            lane_inferred: false,
            inputs: String::new().into(),
            duration: String::new().into(),
            duration_parsed: Duration::None,
            output: String::new().into(),
            note: String::new().into(),
            label: None,
            decision: decision.map(|(yes, no)| Decision {
                question: "Berkas lengkap dan benar?".to_string().into(),
                yes: step_ref(yes),
                no: match no {
                    No::Step(j) => DecisionTarget::Step(step_ref(j)),
                    No::Rejected => DecisionTarget::Rejected,
                },
            }),
        })
        .collect();
    Sop {
        id: id.to_string().into(),
        code: "FX".to_string().into(),
        number: String::new().into(),
        number_normalized: String::new().into(),
        title: id.to_string().into(),
        unit: "Dinas".to_string().into(),
        unit_group: "sekretariat".to_string().into(),
        audience: Audience::Public,
        aliases: Vec::new().into(),
        created: None,
        revised: None,
        effective: None,
        approved_by: String::new().into(),
        legal_basis: Vec::new().into(),
        related: Vec::new().into(),
        warning: String::new().into(),
        qualifications: Vec::new().into(),
        equipment: Vec::new().into(),
        records: Vec::new().into(),
        requirements: Vec::new().into(),
        lanes: lanes.iter().map(|s| s.to_string().into()).collect(),
        steps,
        stated_total: String::new().into(),
        stated_total_parsed: Duration::None,
        total: Total::default(),
        stated_comparison: StatedComparison::NotPrinted,
        corrections: Vec::new().into(),
    }
}

const LANES: [&str; 4] = [
    "Pemohon",
    "Pengawas Tenaga Kerja Ahli Muda",
    "Kepala Bidang Hubungan Industrial dan Jamsostek",
    "Kepala Dinas Perindustrian, Transmigrasi dan Tenaga Kerja",
];

fn connector(
    l: &SwimlaneLayout,
    from: Node,
    kind: ConnectorKind,
) -> &sop_domain::diagram::Connector {
    l.connectors
        .iter()
        .find(|c| c.from == from && c.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} connector from {from:?}"))
}

#[test]
fn fixtures_follow_the_rules_in_every_layout() {
    let sops = [
        fixture(
            "one-lane",
            &["Petugas"],
            vec![
                F(0, "Menerima berkas", None),
                F(0, "Memeriksa berkas", Some((2, No::Rejected))),
                F(0, "Mencatat", None),
                F(0, "Menyerahkan", None),
            ],
        ),
        fixture("one-step", &["Petugas"], vec![F(0, "Selesai", None)]),
        fixture("no-steps", &["Petugas"], vec![]),
        fixture(
            "back-to-start",
            &LANES,
            vec![
                F(0, "Pemohon mengajukan permohonan", None),
                F(3, "Kepala Dinas mendisposisikan", None),
                F(2, "Kabid memerintahkan pemeriksaan", None),
                F(1, "Pengawas memeriksa berkas", Some((4, No::Step(0)))),
                F(1, "Pengawas menyusun konsep", None),
                F(0, "Pemohon menerima surat", None),
            ],
        ),
        fixture(
            "reject-rightmost",
            &LANES,
            vec![
                F(0, "Pemohon mengajukan", None),
                F(3, "Kepala Dinas memeriksa", Some((2, No::Rejected))),
                F(3, "Kepala Dinas menandatangani", None),
                F(0, "Pemohon menerima", None),
            ],
        ),
        fixture(
            "skips",
            &LANES,
            vec![
                F(0, "Mulai", None),
                F(1, "Periksa", Some((2, No::Step(4)))),
                F(2, "Konsep", None),
                F(3, "Tanda tangan", Some((5, No::Step(3)))),
                F(1, "Perbaiki", None),
                F(1, "Arsip", None),
                F(0, "Selesai", None),
            ],
        ),
        fixture(
            "loops",
            &LANES,
            vec![
                F(1, "Mulai", Some((1, No::Step(0)))),
                F(1, "Input data", Some((2, No::Step(1)))),
                F(2, "Cetak", None),
                F(2, "Periksa", Some((4, No::Step(1)))),
                F(3, "Selesai", None),
            ],
        ),
    ];
    let mut found = Vec::new();
    for sop in &sops {
        found.extend(check_all_layouts(
            sop,
            &[None, Some(8), Some(3), Some(2), Some(1)],
        ));
    }
    assert_no_problems(found);
}

#[test]
fn tidak_back_to_step_one_leaves_the_diamond_side_and_enters_the_target_side() {
    let sop = fixture(
        "back",
        &LANES,
        vec![
            F(0, "Pemohon mengajukan", None),
            F(2, "Kabid memeriksa", None),
            F(1, "Pengawas memeriksa", Some((3, No::Step(0)))),
            F(1, "Pengawas menyusun", None),
            F(0, "Pemohon menerima", None),
        ],
    );
    for l in [swimlane(&sop, None), compact(&sop, None)] {
        let diamond = l.shape(Node::Step(2)).unwrap();
        let start = l.shape(Node::Step(0)).unwrap();
        let c = connector(&l, Node::Step(2), ConnectorKind::No);
        assert_eq!(c.to, Node::Step(0));
        assert_eq!(c.label, Some(NO_LABEL));
        let (first, last) = (c.points[0], *c.points.last().unwrap());
        // Leaves a side vertex of the diamond, enters the terminator's side at its middle.
        assert_eq!(first.y, diamond.center().y, "{:?}", l.kind);
        assert!(first.x == diamond.x || first.x == diamond.x + diamond.width);
        assert_eq!(last.y, start.center().y);
        assert!(last.x == start.x || last.x == start.x + start.width);
        // The "Ya" goes straight on from the bottom vertex.
        let yes = connector(&l, Node::Step(2), ConnectorKind::Yes);
        assert_eq!(
            yes.points[0],
            Point::new(diamond.center().x, diamond.y + diamond.height)
        );
        assert_eq!(yes.to, Node::Step(3));
        assert_no_problems(problems(&sop, &l, None));
    }
}

#[test]
fn rejection_end_goes_to_a_free_neighbouring_lane_left_only_from_the_rightmost() {
    // (decision lane, lane count, expected side: +1 right, -1 left)
    let check = |lane: usize, lanes: usize, expect: f32| {
        let sop = fixture(
            "reject",
            &LANES[..lanes],
            vec![
                F(0, "Mulai", None),
                F(lane, "Periksa", Some((2, No::Rejected))),
                F(lane, "Proses", None),
                F(0, "Selesai", None),
            ],
        );
        let l = swimlane(&sop, None);
        let decision = l.shape(Node::Step(1)).unwrap();
        let end = l.shape(Node::Rejected(1)).unwrap();
        let side = (end.center().x - decision.center().x).signum();
        assert_eq!(side, expect, "decision in lane {lane} of {lanes}");
        assert_eq!(end.step, None);
        if lanes > 1 {
            assert_eq!(end.lane, Some((lane as f32 + expect) as usize));
        }
        let c = connector(&l, Node::Step(1), ConnectorKind::No);
        assert_eq!(c.to, Node::Rejected(1));
        assert_eq!(c.points.len(), 2, "a straight run to the end beside it");
        assert_no_problems(problems(&sop, &l, None));

        let compact = compact(&sop, None);
        let end = compact.shape(Node::Rejected(1)).unwrap();
        assert!(end.center().x > compact.shape(Node::Step(1)).unwrap().center().x);
        assert_no_problems(problems(&sop, &compact, None));
    };
    check(3, 4, -1.0);
    check(0, 4, 1.0);
    check(1, 4, 1.0);
    check(1, 2, -1.0);
    check(0, 1, 1.0); // one lane: a spare column on the right
}

#[test]
fn tidak_to_a_later_step_goes_round_the_steps_between() {
    let sop = fixture(
        "later",
        &LANES,
        vec![
            F(0, "Mulai", None),
            F(1, "Perlu kunjungan?", Some((2, No::Step(4)))),
            F(1, "Siapkan kendaraan", None),
            F(1, "Kunjungan lapangan", None),
            F(2, "Dokumentasi", None),
            F(0, "Selesai", None),
        ],
    );
    for l in [swimlane(&sop, None), compact(&sop, None)] {
        let c = connector(&l, Node::Step(1), ConnectorKind::No);
        assert_eq!(c.to, Node::Step(4));
        let target = l.shape(Node::Step(4)).unwrap();
        let last = *c.points.last().unwrap();
        assert_eq!(last.y, target.center().y, "enters the side ({:?})", l.kind);
        assert_no_problems(problems(&sop, &l, None));
    }
}

#[test]
fn page_breaks_end_in_matching_off_page_connectors() {
    let sop = fixture(
        "pages",
        &LANES,
        vec![
            F(0, "Mulai", None),
            F(1, "Satu", None),
            F(2, "Dua", None),
            F(3, "Tiga", None),
            F(1, "Periksa", Some((5, No::Step(0)))),
            F(0, "Selesai", None),
        ],
    );
    for l in [swimlane(&sop, Some(2)), compact(&sop, Some(2))] {
        assert_eq!(l.pages.len(), 3);
        // 1→2 and 3→4 cross a break; so does "Tidak" 4 → 0, back two pages.
        let outs: Vec<&Shape> = l
            .shapes
            .iter()
            .filter(|s| {
                matches!(
                    s.node,
                    Node::OffPage {
                        end: OffPageEnd::Out,
                        ..
                    }
                )
            })
            .collect();
        assert_eq!(outs.len(), 3, "{:?}", l.kind);
        let labels: Vec<String> = outs.iter().map(|s| s.label_lines.concat()).collect();
        assert_eq!(labels, ["A", "B", "C"]);
        // The break after step 1: an off-page connector below it on page 1, the matching one
        // above step 2 on page 2.
        let first = connector(&l, Node::Step(1), ConnectorKind::Next);
        let Node::OffPage {
            pair,
            end: OffPageEnd::Out,
        } = first.to
        else {
            panic!(
                "step 1 does not end in an off-page connector: {:?}",
                first.to
            );
        };
        let out = l.shape(first.to).unwrap();
        let cont = l
            .shape(Node::OffPage {
                pair,
                end: OffPageEnd::In,
            })
            .unwrap();
        let (s1, s2) = (
            l.shape(Node::Step(1)).unwrap(),
            l.shape(Node::Step(2)).unwrap(),
        );
        assert!(out.y > s1.y + s1.height && out.y + out.height <= l.pages[0].1);
        assert!(cont.y >= l.pages[1].0 && cont.y + cont.height < s2.y);
        let onward = connector(&l, cont.node, ConnectorKind::Next);
        assert_eq!(onward.to, Node::Step(2));
        // The "Tidak" back to step 0 leaves page 3 upwards and comes back on page 1.
        let back = connector(&l, Node::Step(4), ConnectorKind::No);
        let back_out = l.shape(back.to).unwrap();
        assert!(back_out.y >= l.pages[2].0 && back_out.y < l.shape(Node::Step(4)).unwrap().y);
        assert_no_problems(problems(&sop, &l, Some(2)));
    }
    let screen = swimlane(&sop, None);
    assert_eq!(screen.pages, vec![(0.0, screen.height)]);
    assert_eq!(swimlane(&sop, Some(0)), screen);
}

#[test]
fn a_crowded_page_break_stacks_off_page_connectors_in_tiers() {
    // One lane, many decisions all jumping back across the same break.
    let sop = fixture(
        "crowded",
        &["Petugas"],
        vec![
            F(0, "Mulai", None),
            F(0, "Proses", None),
            F(0, "Cek 1", Some((3, No::Step(0)))),
            F(0, "Cek 2", Some((4, No::Step(0)))),
            F(0, "Cek 3", Some((5, No::Step(1)))),
            F(0, "Cek 4", Some((6, No::Step(0)))),
            F(0, "Selesai", None),
        ],
    );
    assert_no_problems(check_all_layouts(&sop, &[Some(2)]));
}

#[test]
fn long_labels_and_names_are_wrapped_and_cut() {
    let sop = fixture(
        "long",
        &["Kepala Dinas Perindustrian, Transmigrasi dan Tenaga Kerja Kabupaten Katingan Provinsi Kalimantan Tengah Republik Indonesia"],
        vec![
            F(0, "Pemohon mengajukan Surat Permohonan secara tertulis kepada Bupati Cq. Kepala Dinas Transmigrasi dan Tenaga Kerja Kab Katingan dengan dilengkapi persyaratan", None),
            F(0, "Pendaftaran/Pengesahan/Pencatatan/Penerbitan/Penandatanganan", None),
            F(0, "Kemnakertranskabkatinganprovinsikalimantantengah", Some((3, No::Rejected))),
            F(0, "WWWWWWWW MMMMMMMM 88888888", None),
        ],
    );
    for l in [swimlane(&sop, None), compact(&sop, None)] {
        let first = l.shape(Node::Step(0)).unwrap();
        assert!(first.label_truncated && first.label_lines.last().unwrap().ends_with('…'));
        assert_no_problems(problems(&sop, &l, None));
    }
    let l = swimlane(&sop, None);
    assert!(l.lanes[0].header_lines.len() > 1);
}

#[test]
fn compact_width_is_a_parameter() {
    let sop = fixture(
        "narrow",
        &LANES,
        vec![
            F(0, "Mulai", None),
            F(1, "Periksa", Some((2, No::Rejected))),
            F(2, "Proses", Some((3, No::Step(1)))),
            F(0, "Selesai", None),
        ],
    );
    for width in [280.0, 340.0, 480.0] {
        let l = layout_compact(
            &sop,
            &CompactOptions {
                width,
                ..CompactOptions::default()
            },
        );
        assert_eq!(l.width, width);
        assert_no_problems(problems(&sop, &l, None));
    }
}

// ---- The real catalogue ----

#[cfg(feature = "loader")]
mod real {
    use super::*;
    use sop_domain::catalogue::Catalogue;
    use std::path::Path;
    use std::sync::OnceLock;
    use std::time::Instant;

    fn catalogue() -> &'static Catalogue {
        static C: OnceLock<Catalogue> = OnceLock::new();
        C.get_or_init(|| {
            let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
            sop_domain::loader::load_dir(data).unwrap_or_else(|e| panic!("data/: {e}"))
        })
    }

    #[test]
    fn every_real_sop_follows_the_rules() {
        let c = catalogue();
        assert_eq!(c.sops.len(), 22);
        let mut found = Vec::new();
        for sop in c.sops.iter() {
            found.extend(check_all_layouts(sop, &[None, Some(8)]));
        }
        assert_no_problems(found);
    }

    #[test]
    fn every_real_sop_survives_small_pages() {
        let mut found = Vec::new();
        for sop in catalogue().sops.iter() {
            found.extend(check_all_layouts(
                sop,
                &[Some(1), Some(2), Some(3), Some(5)],
            ));
        }
        assert_no_problems(found);
    }

    #[test]
    fn the_book_s_decisions_are_drawn_where_they_point() {
        let c = catalogue();
        // jht: "Tidak" back to the applicant (step 1) from step 4, on the left.
        let jht = swimlane(c.sop("jht").unwrap(), None);
        let back = connector(&jht, Node::Step(3), ConnectorKind::No);
        assert_eq!(back.to, Node::Step(0));
        assert!(back.points[0].x < jht.shape(Node::Step(3)).unwrap().center().x);
        // pkb: "Tidak" ends the case beside the decision.
        let pkb = swimlane(c.sop("pkb").unwrap(), None);
        assert!(pkb.shape(Node::Rejected(3)).is_some());
        // kartu-ak1: step 3 asks again until the data is in ("Tidak" to itself).
        let ak1 = swimlane(c.sop("kartu-ak1").unwrap(), None);
        let again = connector(&ak1, Node::Step(2), ConnectorKind::No);
        assert_eq!(again.to, Node::Step(2));
        // pelatihan-blk with 8 rows a page: 3 pages, 2 pairs of off-page connectors.
        let blk = swimlane(c.sop("pelatihan-blk").unwrap(), Some(8));
        assert_eq!(blk.pages.len(), 3);
        let pairs = blk
            .shapes
            .iter()
            .filter(|s| s.kind == ShapeKind::OffPage)
            .count();
        assert_eq!(pairs, 4);
    }

    /// Not a test of speed (timings vary): prints them for the report. The machine may be busy,
    /// so each figure is the fastest of many short batches.
    /// `cargo test -p sop-domain --features loader --release --test diagram_layout timing -- --nocapture`
    #[test]
    fn timing_is_printed() {
        fn fastest(f: impl Fn()) -> f64 {
            (0..40)
                .map(|_| {
                    let started = Instant::now();
                    for _ in 0..10 {
                        f();
                    }
                    started.elapsed().as_secs_f64() * 1e6 / 10.0
                })
                .fold(f64::INFINITY, f64::min)
        }
        let c = catalogue();
        let options = LayoutOptions::default();
        let compact_options = CompactOptions::default();
        let swim = |sop: &Sop| {
            fastest(|| {
                std::hint::black_box(layout(std::hint::black_box(sop), &options));
            })
        };
        let small = |sop: &Sop| {
            fastest(|| {
                std::hint::black_box(layout_compact(std::hint::black_box(sop), &compact_options));
            })
        };
        let mut times: Vec<f64> = c.sops.iter().map(swim).collect();
        times.sort_by(f64::total_cmp);
        let mut compact_times: Vec<f64> = c.sops.iter().map(small).collect();
        compact_times.sort_by(f64::total_cmp);
        let blk = c.sop("pelatihan-blk").unwrap();
        println!(
            "layout: pelatihan-blk {:.1} µs (compact {:.1} µs); median over {} SOPs {:.1} µs (compact {:.1} µs)",
            swim(blk),
            small(blk),
            times.len(),
            times[times.len() / 2],
            compact_times[compact_times.len() / 2],
        );
    }
}

/// The rules above can fail: a geometry that breaks one is caught by name.
#[test]
fn the_rules_catch_a_broken_geometry() {
    let sop = fixture(
        "broken",
        &LANES,
        vec![
            F(0, "Pemohon mengajukan permohonan", None),
            F(0, "Pemohon melengkapi berkas", None),
            F(1, "Pengawas memeriksa", Some((3, No::Step(0)))),
            F(3, "Kepala Dinas memeriksa", Some((4, No::Rejected))),
            F(0, "Pemohon menerima", None),
        ],
    );
    let check = |tweak: fn(&mut LayoutOptions), expect: &str| {
        let mut options = LayoutOptions::default();
        tweak(&mut options);
        let found = problems(&sop, &layout(&sop, &options), None);
        assert!(
            found.iter().any(|p| p.contains(expect)),
            "expected {expect:?} among {found:#?}"
        );
    };
    // Corridors through the symbols.
    check(
        |o| o.geometry.symbols.corridor_insets = [60.0, 60.0],
        "crosses",
    );
    // Gap lines below the top of the symbols.
    check(
        |o| o.geometry.symbols.gap_line_offset = 30.0,
        "runs through its own end",
    );
    // Labels allowed to run over the outline.
    check(|o| o.geometry.symbols.label.padding_x = -30.0, "sticks out");
    // Symbols wider than their lane.
    check(|o| o.geometry.lane_padding_x = -10.0, "outside lane");
    // Rows that give the symbols no room.
    check(|o| o.geometry.symbols.row_padding_y = -20.0, "overlap");
    // Headers that do not wrap.
    check(|o| o.geometry.header_padding = -40.0, "wider than lane");
}
