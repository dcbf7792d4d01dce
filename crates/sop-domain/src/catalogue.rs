//! The validated catalogue model shared by the build-time loader and the app.
//!
//! The loader (`loader.rs`, feature `loader`) turns the plain TOML files of `data/` into these
//! types once, at build time, after checking them; the app then embeds the result as JSON and
//! trusts it. That is why every type here is plain data with `Serialize + Deserialize`, and
//! why the computed fields (parsed durations, totals, step indices) live next to the printed
//! ones: the browser never re-derives them.
//!
//! The JSON form is published as open data (`catalogue.json`), so field names are part of a
//! public schema, documented in `docs/catalogue.md` ("catalogue.json schema"). Rename nothing
//! without updating that document.

use serde::{Deserialize, Serialize};

use crate::calendar::CalendarData;
use crate::duration::{Duration, StatedComparison, Total};
use crate::findings::Finding;

/// Everything the app knows about the office's SOPs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// In catalogue order (see `docs/catalogue.md`, "SOP order").
    pub sops: Vec<Sop>,
    pub units: Vec<Unit>,
    pub calendar: CalendarData,
    /// Inconsistencies the data reveals, computed by `findings::find`.
    pub findings: Vec<Finding>,
}

impl Catalogue {
    pub fn sop(&self, id: &str) -> Option<&Sop> {
        self.sops.iter().find(|s| s.id == id)
    }

    /// The SOP whose case code is `code` (case numbers such as `JHT/0007/XI/2026` start with it).
    pub fn sop_by_code(&self, code: &str) -> Option<&Sop> {
        self.sops.iter().find(|s| s.code.eq_ignore_ascii_case(code))
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The unit group a SOP belongs to.
    pub fn unit_of(&self, sop: &Sop) -> Option<&Unit> {
        self.unit(&sop.unit_group)
    }

    /// The SOPs of one unit group, in catalogue order.
    pub fn sops_in_unit<'a>(&'a self, unit_id: &'a str) -> impl Iterator<Item = &'a Sop> + 'a {
        self.sops.iter().filter(move |s| s.unit_group == unit_id)
    }

    /// The findings about one SOP (those with `sop_id == id`).
    pub fn findings_for<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |f| f.sop_id.as_deref() == Some(id))
    }
}

/// An organisational unit used to group SOPs (`data/units.toml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub short: String,
}

/// Who uses a SOP: citizens/companies apply (`public`), or staff follow it (`internal`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Public,
    Internal,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Internal => "internal",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        match s {
            "public" => Some(Audience::Public),
            "internal" => Some(Audience::Internal),
            _ => None,
        }
    }
}

/// One SOP: every key of `data/sops/<id>.toml` plus what is computed from them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sop {
    pub id: String,
    pub code: String,
    /// Nomor SOP exactly as printed; "" if none printed.
    pub number: String,
    /// `number` with all whitespace removed ("53 / DPTTK / TU - 1 / I / 2025" →
    /// "53/DPTTK/TU-1/I/2025"), for display in lists and for search; "" if none printed.
    pub number_normalized: String,
    pub title: String,
    pub unit: String,
    pub unit_group: String,
    pub audience: Audience,
    pub aliases: Vec<String>,
    /// ISO dates; `None` where the book prints none.
    pub created: Option<chrono::NaiveDate>,
    pub revised: Option<chrono::NaiveDate>,
    pub effective: Option<chrono::NaiveDate>,
    pub approved_by: String,
    pub legal_basis: Vec<String>,
    pub related: Vec<Related>,
    pub warning: String,
    pub qualifications: Vec<String>,
    pub equipment: Vec<String>,
    pub records: Vec<String>,
    pub requirements: Vec<String>,
    /// The PELAKSANA columns, in printed order.
    pub lanes: Vec<String>,
    pub steps: Vec<Step>,
    /// JUMLAH WAKTU PELAYANAN as printed; "" if not printed.
    pub stated_total: String,
    /// `stated_total` parsed (`Duration::None` when not printed).
    pub stated_total_parsed: Duration,
    /// The sum of the steps' durations.
    pub total: Total,
    /// How the printed total compares with `total` (`not_printed` when there is none).
    pub stated_comparison: StatedComparison,
    pub corrections: Vec<Correction>,
}

/// One entry of Keterkaitan: a SOP of this catalogue or a SOP known only by its printed name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// The entry as written in the data file (an id, or the printed name).
    pub text: String,
    /// The id of the related SOP when it is in this catalogue.
    pub sop_id: Option<String>,
}

/// One row of the procedure table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The number as printed (gaps and repeats are kept; see the findings).
    pub no: u32,
    pub text: String,
    pub lane: String,
    /// Index of `lane` in the SOP's `lanes`.
    pub lane_index: usize,
    /// True when the performer was deduced (the symbol's column was lost in the extraction).
    pub lane_inferred: bool,
    pub inputs: String,
    /// The time as printed ("" if none).
    pub duration: String,
    pub duration_parsed: Duration,
    pub output: String,
    pub note: String,
    /// The short text printed inside the flowchart symbol, when the source shows it.
    pub label: Option<String>,
    pub decision: Option<Decision>,
}

impl Step {
    /// The Kelengkapan cell as a list: the book separates items with commas or semicolons.
    pub fn kelengkapan_items(&self) -> Vec<&str> {
        self.inputs
            .split([',', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// A step that asks a yes/no question; each answer leads somewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub question: String,
    /// Where "Ya" goes (the next step unless the file says otherwise).
    pub yes: StepRef,
    /// Where "Tidak" goes: a step, or the case ends *ditolak*.
    pub no: DecisionTarget,
}

/// A step named both ways: `index` into `Sop::steps` (what code uses, always unambiguous) and
/// the printed `no` (what people read).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRef {
    pub index: usize,
    pub no: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionTarget {
    Step(StepRef),
    /// The case ends rejected (e.g. a *surat penolakan* is sent).
    Rejected,
}

/// A place where the data differs from the printed book, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// A key path such as `steps[1].duration` (`steps[N]` uses the step's printed `no`).
    #[serde(rename = "where")]
    pub where_: String,
    pub printed: String,
    pub corrected: String,
    pub why: String,
}

/// Where a step leads, for the case state machine and the diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The step at this index of `Sop::steps`.
    Step(usize),
    /// The case ends rejected.
    Rejected,
    /// The case is complete (after the last step).
    Done,
}

/// The answer an edge stands for, when it leaves a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
}

/// One successor of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub to: Target,
    /// `Some` on the two edges leaving a decision.
    pub answer: Option<Answer>,
}

impl Sop {
    /// Index of the first step printed with number `no`. (Repeated numbers are reported as
    /// findings; decisions never target a repeated number, the loader checks that.)
    pub fn step_index(&self, no: u32) -> Option<usize> {
        self.steps.iter().position(|s| s.no == no)
    }

    pub fn lane_index(&self, name: &str) -> Option<usize> {
        self.lanes.iter().position(|l| l == name)
    }

    /// Whether the step at `step_idx` is a decision.
    pub fn is_decision(&self, step_idx: usize) -> bool {
        self.steps
            .get(step_idx)
            .is_some_and(|s| s.decision.is_some())
    }

    /// The successors of the step at `step_idx`: the next step (or `Done` after the last one);
    /// for a decision, the "Ya" edge then the "Tidak" edge. Empty for an index out of range.
    pub fn next_steps(&self, step_idx: usize) -> Vec<Edge> {
        let Some(step) = self.steps.get(step_idx) else {
            return Vec::new();
        };
        match &step.decision {
            None => {
                let to = if step_idx + 1 < self.steps.len() {
                    Target::Step(step_idx + 1)
                } else {
                    Target::Done
                };
                vec![Edge { to, answer: None }]
            }
            Some(d) => {
                let no = match d.no {
                    DecisionTarget::Step(r) => Target::Step(r.index),
                    DecisionTarget::Rejected => Target::Rejected,
                };
                vec![
                    Edge {
                        to: Target::Step(d.yes.index),
                        answer: Some(Answer::Yes),
                    },
                    Edge {
                        to: no,
                        answer: Some(Answer::No),
                    },
                ]
            }
        }
    }

    /// What the staff tick off at a step on the case page: the step's kelengkapan items; a
    /// first step that prints none checks the SOP's requirements instead (what the applicant
    /// brings). Ticks are stored as indices into this list.
    pub fn checklist(&self, step_idx: usize) -> Vec<&str> {
        let Some(step) = self.steps.get(step_idx) else {
            return Vec::new();
        };
        let items = step.kelengkapan_items();
        if items.is_empty() && step_idx == 0 {
            self.requirements.iter().map(String::as_str).collect()
        } else {
            items
        }
    }

    /// The step whose index is `step_idx`, by printed number, for messages.
    pub fn step(&self, step_idx: usize) -> Option<&Step> {
        self.steps.get(step_idx)
    }

    /// The year printed as the number's last group of four digits ("…/I/2025" → 2025).
    pub fn number_year(&self) -> Option<i32> {
        number_year(&self.number)
    }
}

/// `number` with all whitespace removed.
pub fn normalize_number(number: &str) -> String {
    number.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The last group of exactly four digits in a SOP number, read as a year.
pub fn number_year(number: &str) -> Option<i32> {
    let mut last = None;
    let mut run = String::new();
    for c in number.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            if run.len() == 4 {
                last = run.parse().ok();
            }
            run.clear();
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_normalization_and_year() {
        assert_eq!(
            normalize_number("53 / DPTTK / TU - 1 / I / 2025"),
            "53/DPTTK/TU-1/I/2025"
        );
        assert_eq!(number_year("53 / DPTTK / TU - 1 / I / 2025"), Some(2025));
        assert_eq!(number_year("02 / DPTTK-BLK / I / 2025"), Some(2025));
        assert_eq!(number_year("52/DPTTK/TU-171/2025"), Some(2025));
        assert_eq!(number_year(""), None);
        assert_eq!(number_year("12345"), None);
    }
}
