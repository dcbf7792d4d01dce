//! The swimlane diagram of a SOP. The geometry comes from `sop_domain::diagram` (pure,
//! tested natively); `svg` only maps shapes to SVG, and `figure` adds the interaction
//! (highlight with the step's mutu baku on hover/focus/tap, keyboard, zoom and fit,
//! downloads).
//!
//! The drawing is plain markup, so the site generator writes it into the public pages at
//! build time (both variants: the swimlane and the phone's one-column drawing; CSS shows the
//! one that fits), and the figure reaches it only through events and classes. The staff's
//! case page draws the same markup with live step marks.

mod figure;
mod svg;

pub use figure::DiagramFigure;
pub use svg::{DiagramSvg, PrintDiagram, Variant, PRINT_ROWS_PER_PAGE};

use sop_domain::catalogue::Sop;

use crate::strings as s;

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
    let base = if sop.number_normalized.is_empty() { &*sop.id } else { &*sop.number_normalized };
    let cleaned: String = base
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    format!("SOP-{}", cleaned.trim_matches('-'))
}

/// The DOM id of a step's symbol in one variant of the drawing.
pub fn step_dom_id(sop: &Sop, variant: Variant, index: usize) -> String {
    format!("dg-{}{}-s{index}", sop.id, variant.id_suffix())
}
