//! Taking in a case from elsewhere (a hand-over file, a backup; later a sync): is it a case
//! this PC has (the same uid), and does its number clash with another case here?
//!
//! **The same case** (same uid, wherever it is stored here): a version that holds everything
//! the stored one holds replaces it; one the stored version already holds is refused as older;
//! two versions changed apart are merged (`merge::merge_cases`), nothing refused.
//!
//! **A number clash** (another case, another uid, is stored under the number's id): the rule
//! of `case::clash_order` — the case created first keeps the number (at the same millisecond,
//! the smaller uid). The other one, be it the incoming case or the stored one, takes the next
//! free number of its SOP and year here (`case::next_free_number`: above every number this PC
//! knows, previous numbers and unreadable values' ids included, and above the highest number
//! the sending PC reported). It keeps its history: a `Renumbered` entry and its old number in
//! `previous_numbers`, by which the case list still finds it.
//!
//! **Both PCs end up alike.** The renumbering entry is dated at the renumbered case's last
//! change and written by `case::ACTOR_APP`, so two PCs renumbering the same version write the
//! same entry. A hand-over file carries what the sender knew ([`SenderNumbers`]): the highest
//! number it had given for the case's SOP and year, and where it keeps the cases it renumbered.
//! So when PC A and PC B each send the other their case with the same number, both take the
//! same decision and give the same new number, in whichever order the files are exported and
//! imported.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::case::{
    case_id_for_number, clash_order, next_free_number, parse_case_number, renumber, Case, ACTOR_APP,
};
use crate::catalogue::{Catalogue, Sop};
use crate::merge::{compare_versions, merge_cases, Versions};

use super::files::ImportError;

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia).
// ---------------------------------------------------------------------------------------------

fn msg_renumbering(r: &Renumbering) -> String {
    let Renumbering {
        sop_title,
        from,
        to,
        moved,
        renumbered_applicant,
        kept_applicant,
    } = r;
    match moved {
        Moved::Incoming => format!(
            "Nomor {from} (SOP {sop_title}) di perangkat ini sudah dipakai permohonan lain a.n. {kept_applicant} yang dibuat lebih dulu. Permohonan dari berkas a.n. {renumbered_applicant} disimpan dengan nomor baru {to}; nomor {from} tetap tercatat padanya dan tetap dapat dicari."
        ),
        Moved::Stored => format!(
            "Nomor {from} (SOP {sop_title}) dipakai dua permohonan yang berbeda. Permohonan dari berkas a.n. {kept_applicant} dibuat lebih dulu, jadi nomor itu miliknya; permohonan a.n. {renumbered_applicant} yang sudah ada di perangkat ini diberi nomor baru {to}; nomor {from} tetap tercatat padanya dan tetap dapat dicari."
        ),
    }
}

fn msg_merged(number: &str) -> String {
    format!(
        "Permohonan {number} diubah di dua tempat. Kedua versi digabung; riwayat keduanya disimpan utuh. Periksa hasilnya."
    )
}

fn msg_unknown_sop(sop_id: &str) -> String {
    format!("SOP \u{201c}{sop_id}\u{201d} tidak ada dalam katalog")
}

// ---------------------------------------------------------------------------------------------
// What the receiving PC knows, and what the sending PC knew.
// ---------------------------------------------------------------------------------------------

/// The cases of the PC taking a case in. The app implements it over its index (numbers and
/// previous numbers are in the summaries) and its storage; a slice of cases implements it for
/// cases held in memory.
pub trait CaseLookup {
    /// Every number and id given out here: the numbers and previous numbers of the stored
    /// cases, the ids of stored values that could not be read, new cases not saved yet.
    fn known_numbers(&self) -> Vec<String>;
    /// The stored cases stored under one of `ids`, or whose number or one of whose previous
    /// numbers has one of these ids (`case::case_id_for_number`).
    fn cases_with_ids(&self, ids: &[String]) -> Vec<Case>;
}

impl CaseLookup for [Case] {
    fn known_numbers(&self) -> Vec<String> {
        self.iter()
            .flat_map(|c| std::iter::once(&c.number).chain(&c.previous_numbers))
            .cloned()
            .collect()
    }

    fn cases_with_ids(&self, ids: &[String]) -> Vec<Case> {
        self.iter()
            .filter(|c| {
                let has = |id: &str| ids.iter().any(|i| i == id);
                has(&c.id)
                    || std::iter::once(&c.number)
                        .chain(&c.previous_numbers)
                        .filter_map(|n| case_id_for_number(n))
                        .any(|id| has(&id))
            })
            .cloned()
            .collect()
    }
}

/// What the sending PC knew of its numbers when it wrote a file, so that the receiving PC
/// gives a renumbered case the number the sender would give it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SenderNumbers {
    /// The highest running number per SOP code (upper case) and year.
    highest: BTreeMap<(String, i32), u32>,
    /// uid → number of the cases the sender renumbered.
    moved: BTreeMap<String, String>,
}

impl SenderNumbers {
    /// From the numbers the sender knows (as for `CaseLookup::known_numbers`) and the uid and
    /// number of each case it renumbered (the cases with previous numbers).
    pub fn new<'a>(
        known: impl IntoIterator<Item = &'a str>,
        renumbered: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> SenderNumbers {
        let mut out = SenderNumbers::default();
        for n in known.into_iter().filter_map(parse_case_number) {
            let top = out
                .highest
                .entry((n.code.to_ascii_uppercase(), n.year))
                .or_default();
            *top = (*top).max(n.running);
        }
        out.moved = renumbered
            .into_iter()
            .map(|(uid, number)| (uid.to_string(), number.to_string()))
            .collect();
        out
    }

    /// What the cases themselves tell: for a backup, whose cases are all its PC had.
    pub fn of_cases(cases: &[Case]) -> SenderNumbers {
        SenderNumbers::new(
            cases.known_numbers().iter().map(String::as_str),
            cases
                .iter()
                .filter(|c| !c.previous_numbers.is_empty())
                .map(|c| (c.uid.as_str(), c.number.as_str())),
        )
    }

    /// Only what concerns `case`'s SOP code and year: what a hand-over file carries.
    pub(super) fn for_case(&self, case: &Case) -> SenderNumbers {
        let Some(frame) = parse_case_number(&case.number) else {
            return SenderNumbers::default();
        };
        let same_frame = |number: &str| {
            parse_case_number(number)
                .is_some_and(|n| n.year == frame.year && n.code.eq_ignore_ascii_case(frame.code))
        };
        SenderNumbers {
            highest: self
                .highest
                .iter()
                .filter(|((code, year), _)| {
                    *year == frame.year && code.eq_ignore_ascii_case(frame.code)
                })
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            moved: self
                .moved
                .iter()
                .filter(|(_, number)| same_frame(number))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// The highest numbers as ids ("jht-2026-0007"), to count with the numbers known here.
    fn highest_ids(&self) -> impl Iterator<Item = String> + '_ {
        self.highest.iter().map(|((code, year), running)| {
            format!("{}-{year}-{running:04}", code.to_ascii_lowercase())
        })
    }

    /// `{"highest": ["jht-2026-0007"], "moved": {"<uid>": "JHT/0009/XII/2026"}}`; `None` when
    /// there is nothing to say.
    pub(super) fn to_json(&self) -> Option<Value> {
        if self.highest.is_empty() && self.moved.is_empty() {
            return None;
        }
        let mut m = Map::new();
        m.insert(
            "highest".into(),
            Value::from(self.highest_ids().collect::<Vec<_>>()),
        );
        m.insert(
            "moved".into(),
            Value::Object(
                self.moved
                    .iter()
                    .map(|(uid, number)| (uid.clone(), Value::from(number.as_str())))
                    .collect(),
            ),
        );
        Some(Value::Object(m))
    }

    /// Read leniently: these are hints for a better number, never a reason to refuse a file.
    pub(super) fn from_json(value: Option<&Value>) -> SenderNumbers {
        let Some(v) = value else {
            return SenderNumbers::default();
        };
        let highest = v
            .get("highest")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str);
        let moved = v
            .get("moved")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(uid, n)| Some((uid.as_str(), n.as_str()?)));
        SenderNumbers::new(highest, moved)
    }
}

// ---------------------------------------------------------------------------------------------
// The plan.
// ---------------------------------------------------------------------------------------------

/// What happens to the incoming case; each holds the case as it will be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Not known here.
    New(Case),
    /// A newer version of a case known here (it holds everything the stored one holds).
    Updated(Case),
    /// Changed here and there apart: both versions merged.
    Merged(Case),
    /// Already stored exactly so.
    Unchanged,
}

/// One write of a plan, in order. Check each with `check_write` just before (the stored
/// revision `replaces`, 0 for none), then `plan_save`; for a move also `plan_remove` the old
/// id afterwards (saving first: a failure in between leaves two copies, never none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseWrite {
    Save {
        case: Case,
        replaces: u64,
    },
    /// The case moves to a new id (it was renumbered, or its merged number changed).
    Move {
        case: Case,
        from_id: String,
        from_created_ms: i64,
        replaces: u64,
    },
}

/// Which of the two cases of a clash took a new number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// The case being imported.
    Incoming,
    /// The case that was stored here.
    Stored,
}

/// A number clash resolved by an import, for the message to the staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renumbering {
    pub sop_title: String,
    /// The number both cases claimed.
    pub from: String,
    /// The new number of the case that was created later.
    pub to: String,
    pub moved: Moved,
    pub renumbered_applicant: String,
    pub kept_applicant: String,
}

impl Renumbering {
    /// The Indonesian message: both numbers, the SOP, which case keeps the number and why.
    pub fn message(&self) -> String {
        msg_renumbering(self)
    }
}

/// What importing one case does: the outcome for the incoming case, the writes in order, and
/// the clashes resolved on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    pub outcome: ImportOutcome,
    pub writes: Vec<CaseWrite>,
    pub renumbered: Vec<Renumbering>,
}

impl ImportPlan {
    fn unchanged() -> ImportPlan {
        ImportPlan {
            outcome: ImportOutcome::Unchanged,
            writes: Vec::new(),
            renumbered: Vec::new(),
        }
    }

    /// The incoming case as it will be stored; `None` when nothing changes.
    pub fn case(&self) -> Option<&Case> {
        match &self.outcome {
            ImportOutcome::New(c) | ImportOutcome::Updated(c) | ImportOutcome::Merged(c) => Some(c),
            ImportOutcome::Unchanged => None,
        }
    }

    /// What to tell the staff beyond "imported" (Indonesian): a merge, each renumbering.
    pub fn notices(&self) -> Vec<String> {
        let merged = match &self.outcome {
            ImportOutcome::Merged(c) => Some(msg_merged(&c.number)),
            _ => None,
        };
        merged
            .into_iter()
            .chain(self.renumbered.iter().map(Renumbering::message))
            .collect()
    }
}

/// Decides what importing `incoming` (read and checked against the catalogue) does on the PC
/// `here` describes; `sender` is what the file says its PC knew (`SenderNumbers::default()`
/// when it says nothing). Pure: the plan's writes are for the caller to make, and two PCs
/// given the same cases and numbers plan the same. See the module for the rules.
pub fn decide_import(
    incoming: Case,
    sender: &SenderNumbers,
    here: &(impl CaseLookup + ?Sized),
    catalogue: &Catalogue,
) -> Result<ImportPlan, ImportError> {
    let sop = sop_of(catalogue, &incoming)?;
    let incoming_numbers: Vec<String> = std::iter::once(&incoming.number)
        .chain(&incoming.previous_numbers)
        .cloned()
        .collect();
    let mut ids: Vec<String> = incoming_numbers
        .iter()
        .filter_map(|n| case_id_for_number(n))
        .collect();
    ids.push(incoming.id.clone());
    // The same case may be stored under another number here (renumbered here, or there): its
    // numbers and the incoming one's share at least the number it was created with.
    let stored = here
        .cases_with_ids(&ids)
        .into_iter()
        .filter(|c| c.uid == incoming.uid)
        .min_by(|a, b| a.id.cmp(&b.id));

    let (outcome, mut candidate): (fn(Case) -> ImportOutcome, Case) = match &stored {
        None => (ImportOutcome::New, incoming),
        Some(s) => match compare_versions(&incoming, s) {
            Versions::Same => return Ok(ImportPlan::unchanged()),
            Versions::SecondIsNewer => {
                return Err(ImportError::Older {
                    number: incoming.number,
                    file_revision: incoming.revision,
                    stored_revision: s.revision,
                })
            }
            Versions::FirstIsNewer => (ImportOutcome::Updated, incoming),
            Versions::Diverged => (
                ImportOutcome::Merged,
                merge_cases(s, &incoming, sop).map_err(|e| ImportError::BadContent {
                    reason: e.to_string(),
                })?,
            ),
        },
    };

    let mut writes = Vec::new();
    let mut renumbered = Vec::new();
    let holder = here
        .cases_with_ids(std::slice::from_ref(&candidate.id))
        .into_iter()
        .filter(|c| c.uid != candidate.uid)
        .find(|c| {
            c.id == candidate.id || case_id_for_number(&c.number).as_ref() == Some(&candidate.id)
        });
    if let Some(holder) = holder {
        let holder_sop = sop_of(catalogue, &holder)?;
        let (loser, loser_sop, winner, moved) = if clash_order(&candidate, &holder).is_lt() {
            (&holder, holder_sop, &candidate, Moved::Stored)
        } else {
            (&candidate, sop, &holder, Moved::Incoming)
        };
        // Every number given out anywhere we know of; gathered only on a clash, which is
        // rare, while a sync takes in thousands of cases one by one.
        let known: Vec<String> = here
            .known_numbers()
            .into_iter()
            .chain(sender.highest_ids())
            .chain(incoming_numbers)
            .collect();
        let to = free_number(loser, loser_sop, sender, here, &known);
        let renumbered_case = renumber(loser, &to, loser.updated_ms, ACTOR_APP).map_err(|e| {
            ImportError::BadContent {
                reason: e.to_string(),
            }
        })?;
        renumbered.push(Renumbering {
            sop_title: loser_sop.title.to_string(),
            from: loser.number.clone(),
            to: to.clone(),
            moved,
            renumbered_applicant: loser.applicant.clone(),
            kept_applicant: winner.applicant.clone(),
        });
        match moved {
            Moved::Stored => writes.push(CaseWrite::Move {
                case: renumbered_case,
                from_id: holder.id.clone(),
                from_created_ms: holder.created_ms,
                replaces: holder.revision,
            }),
            Moved::Incoming => candidate = renumbered_case,
        }
    }
    writes.push(match &stored {
        Some(s) if s.id != candidate.id => CaseWrite::Move {
            case: candidate.clone(),
            from_id: s.id.clone(),
            from_created_ms: s.created_ms,
            replaces: s.revision,
        },
        Some(s) => CaseWrite::Save {
            case: candidate.clone(),
            replaces: s.revision,
        },
        None => CaseWrite::Save {
            case: candidate.clone(),
            replaces: 0,
        },
    });
    Ok(ImportPlan {
        outcome: outcome(candidate),
        writes,
        renumbered,
    })
}

fn sop_of<'c>(catalogue: &'c Catalogue, case: &Case) -> Result<&'c Sop, ImportError> {
    catalogue
        .sop(&case.sop_id)
        .ok_or_else(|| ImportError::BadContent {
            reason: msg_unknown_sop(&case.sop_id),
        })
}

/// The number the case that lost a clash takes here: where the sender already put it, if
/// that number is of the same SOP and year and free here, else the next free one.
fn free_number(
    loser: &Case,
    sop: &Sop,
    sender: &SenderNumbers,
    here: &(impl CaseLookup + ?Sized),
    known: &[String],
) -> String {
    let (_, next) = next_free_number(loser, sop, known.iter().map(String::as_str));
    let Some(there) = sender.moved.get(&loser.uid) else {
        return next;
    };
    let (Some(there_id), Some(frame), Some(wanted)) = (
        case_id_for_number(there),
        parse_case_number(&next),
        parse_case_number(there),
    ) else {
        return next;
    };
    let same_frame = wanted.year == frame.year && wanted.code.eq_ignore_ascii_case(frame.code);
    // Free: not the number in dispute, and no number known here has its id, except the
    // loser's own previous numbers (it may return to a number it had on the sender).
    let taken = case_id_for_number(&loser.number).as_ref() == Some(&there_id)
        || here
            .known_numbers()
            .iter()
            .filter(|n| !loser.previous_numbers.contains(n))
            .filter_map(|n| case_id_for_number(n))
            .any(|id| id == there_id);
    if same_frame && !taken {
        there.clone()
    } else {
        next
    }
}
