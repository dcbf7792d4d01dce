//! Two versions of the same case (the same uid), changed apart on two PCs, made one again.
//!
//! A case is its audit log: every change is an entry, and the state (step statuses, timers,
//! ticks, notes, the number) is what the entries did. So a merge is the union of both logs,
//! put in one order, and replayed:
//!
//! 1. **Union.** An entry's identity is its time, actor, kind, step and detail (not its
//!    no-effect mark, which the replay sets again). The k-th copy of an identity in one log is
//!    the k-th copy in the other, so an entry both versions hold (their common past) is kept
//!    once, and two identical entries one PC wrote in the same second are both kept.
//! 2. **Order.** Each log's own order is kept (an entry never moves before one its PC wrote
//!    earlier, even when that PC's clock went backwards); where the logs leave a choice, the
//!    earlier time goes first, then a fixed order of the entries' contents. The same two
//!    versions give the same order whichever is "first": the merge is commutative. An entry
//!    the two logs hold in opposite orders (possible only after earlier merges of other pairs)
//!    is placed by the same rule.
//! 3. **Replay.** From the state of a new case, each entry is checked with the checks `apply`
//!    makes of the case's state (`case::entry_applies`) and, when it fits, enacted by the code
//!    `apply` uses (`case::enact`). An entry that no longer fits (both PCs finished the same
//!    step; a step was worked on after the other PC cancelled) stays in the log with
//!    `no_effect` set and changes nothing: nothing is lost, nothing happens twice. The per-step
//!    records the store recomputes from the log (`case::replay_step_records`) skip such
//!    entries, so the stored form stays the log alone.
//! 4. **Fields.** An edit's entry describes the change in words, not the new values, so the
//!    applicant, contact, subject and notes come from the versions: where they differ, the
//!    version whose edit of that field comes last in the merged order (and had effect) wins.
//! 5. **Mark.** One entry of kind `Merged` ends the log, naming both versions. It is dated at
//!    the later of the two versions' last changes and written by [`crate::case::ACTOR_APP`]:
//!    it depends on the two versions only, so two PCs merging the same pair get the very same
//!    case, and a sync that carries it back and forth settles instead of merging again.

use std::collections::{BTreeMap, BTreeSet};

use crate::case::{
    case_id_for_number, enact, entry_applies, numbers_in_history, renumbering_of, AuditEntry,
    AuditKind, Case, CaseStatus, StepRecord, ACTOR_APP, FIELD_APPLICANT, FIELD_CONTACT,
    FIELD_NOTES, FIELD_SUBJECT,
};
use crate::catalogue::{Answer, Sop, Target};

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia).
// ---------------------------------------------------------------------------------------------

fn msg_merge_error(e: &MergeError) -> String {
    match e {
        MergeError::DifferentCases { first, second } => format!(
            "Permohonan {first} dan {second} adalah dua permohonan yang berbeda; keduanya tidak dapat digabung."
        ),
        MergeError::WrongSop { number, sop_id } => format!(
            "Permohonan {number} tidak memakai SOP \u{201c}{sop_id}\u{201d} atau datanya tidak cocok dengan SOP itu; tidak dapat digabung."
        ),
    }
}

/// How one version is named in the merge entry: "revisi 7 (terakhir diubah oleh Rina Wati)".
fn describe_version(revision: u64, last_actor: &str) -> String {
    if last_actor.is_empty() {
        format!("revisi {revision}")
    } else {
        format!("revisi {revision} (terakhir diubah oleh {last_actor})")
    }
}

// ---------------------------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------------------------

/// Why two cases cannot be merged. `Display` is the Indonesian message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// Different uids: two cases, perhaps with one number (that is a clash, not a merge).
    DifferentCases { first: String, second: String },
    /// The versions are not both of `sop`, with one record per step.
    WrongSop { number: String, sop_id: String },
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg_merge_error(self))
    }
}

impl std::error::Error for MergeError {}

// ---------------------------------------------------------------------------------------------
// Comparing two versions.
// ---------------------------------------------------------------------------------------------

/// How two versions of one case relate, by their logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versions {
    /// Equal in every respect.
    Same,
    /// The first holds every entry of the second, and more: it is the second, changed further
    /// (a plain "newer revision").
    FirstIsNewer,
    SecondIsNewer,
    /// Each holds entries the other lacks: changed apart, to be merged.
    Diverged,
}

/// How `a` and `b` (two versions of one case) relate. Entries are compared by identity (see
/// the module), so a version that was merged before still counts as holding both.
pub fn compare_versions(a: &Case, b: &Case) -> Versions {
    if a == b {
        return Versions::Same;
    }
    let count = |c: &Case| {
        let mut m: BTreeMap<EntryKey, usize> = BTreeMap::new();
        for e in &c.audit {
            *m.entry(EntryKey::of(e)).or_default() += 1;
        }
        m
    };
    let (ca, cb) = (count(a), count(b));
    let holds = |x: &BTreeMap<EntryKey, usize>, y: &BTreeMap<EntryKey, usize>| {
        y.iter().all(|(k, n)| x.get(k).is_some_and(|m| m >= n))
    };
    match (holds(&ca, &cb), holds(&cb, &ca)) {
        // Equal logs but different cases: only a merge gives the one state both logs mean.
        (true, true) => Versions::Diverged,
        (true, false) => Versions::FirstIsNewer,
        (false, true) => Versions::SecondIsNewer,
        (false, false) => Versions::Diverged,
    }
}

// ---------------------------------------------------------------------------------------------
// Merging.
// ---------------------------------------------------------------------------------------------

/// One case from two versions of it (the same uid) changed apart: the union of both logs,
/// replayed in a deterministic order, with a `Merged` entry at the end (see the module).
/// `merge_cases(a, b)` equals `merge_cases(b, a)`, and every entry of either version is in the
/// result. No clock: the result depends on the two versions only.
///
/// The revision is above both versions' (so that the merged case replaces either copy as a
/// plain newer version) and equals the length of the log for cases made by `apply`.
pub fn merge_cases(a: &Case, b: &Case, sop: &Sop) -> Result<Case, MergeError> {
    if a.uid != b.uid {
        return Err(MergeError::DifferentCases {
            first: a.number.clone(),
            second: b.number.clone(),
        });
    }
    for c in [a, b] {
        if c.sop_id != sop.id || c.steps.len() != sop.steps.len() {
            return Err(MergeError::WrongSop {
                number: c.number.clone(),
                sop_id: sop.id.to_string(),
            });
        }
    }
    let union = Union::of(&a.audit, &b.audit);
    let order = union.order();

    let mut case = fresh_state(a, b, sop.steps.len());
    let mut created = false;
    for &node in &order {
        let mut e = union.entries[node].clone();
        let applies = if e.kind == AuditKind::Create {
            // The replay starts from the created state: the first creation is it.
            !std::mem::replace(&mut created, true)
        } else {
            entry_applies(&case, &e)
        };
        e.no_effect = !applies;
        if applies {
            enact(&mut case, &e);
        }
        case.audit.push(e);
    }

    let position: BTreeMap<usize, usize> = order.iter().enumerate().map(|(p, &n)| (n, p)).collect();
    let last_edit = |side: Side, label: &str| {
        let mut any = false;
        let mut last_effective = None;
        for (node, e) in union.entries.iter().enumerate() {
            if e.kind != AuditKind::Edit
                || !union.only_in(node, side)
                || !edit_touches(&e.detail, label)
            {
                continue;
            }
            any = true;
            let p = position[&node];
            if !case.audit[p].no_effect {
                last_effective = last_effective.max(Some(p));
            }
        }
        (any, last_effective)
    };
    let tie = (a.updated_ms, a.revision).cmp(&(b.updated_ms, b.revision));
    let field = |label: &str, va: &String, vb: &String| -> String {
        if va == vb {
            return va.clone();
        }
        let (edited_a, last_a) = last_edit(Side::First, label);
        let (edited_b, last_b) = last_edit(Side::Second, label);
        let first_wins = match (last_a, last_b) {
            (Some(x), Some(y)) => x > y,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            // Edits that had no effect do not count: the other version's value is the one
            // from before them.
            (None, None) => match (edited_a, edited_b) {
                (false, true) => true,
                (true, false) => false,
                // The logs do not explain the difference (a value changed outside `apply`):
                // the later version's, then the greater text, so that either order agrees.
                _ => tie.then_with(|| va.cmp(vb)).is_gt(),
            },
        };
        if first_wins {
            va.clone()
        } else {
            vb.clone()
        }
    };
    case.applicant = field(FIELD_APPLICANT, &a.applicant, &b.applicant);
    case.contact = field(FIELD_CONTACT, &a.contact, &b.contact);
    case.subject = field(FIELD_SUBJECT, &a.subject, &b.subject);
    case.notes = field(FIELD_NOTES, &a.notes, &b.notes);

    // The id of a version that has the merged number (both ids follow their numbers, so
    // this is the number's id), else the number's own id.
    case.id = [a, b]
        .into_iter()
        .filter(|c| c.number == case.number)
        .map(|c| c.id.clone())
        .min()
        .or_else(|| case_id_for_number(&case.number))
        .unwrap_or_else(|| a.id.clone().min(b.id.clone()));
    case.previous_numbers = numbers_in_history(&case.audit, &case.number);

    let (first, second) = {
        let last_actor = |c: &Case| c.audit.last().map_or(String::new(), |e| e.actor.clone());
        let mut v = [
            (a.revision, a.updated_ms, last_actor(a)),
            (b.revision, b.updated_ms, last_actor(b)),
        ];
        v.sort();
        (
            describe_version(v[0].0, &v[0].2),
            describe_version(v[1].0, &v[1].2),
        )
    };
    let merged_at = a.updated_ms.max(b.updated_ms);
    let merged_entries = case.audit.len() as u64;
    case.audit.push(AuditEntry {
        at_ms: merged_at,
        actor: ACTOR_APP.to_string(),
        kind: AuditKind::Merged,
        step: None,
        detail: format!("{first} dan {second}"),
        no_effect: false,
    });
    case.revision = a.revision.max(b.revision).max(merged_entries) + 1;
    case.updated_ms = merged_at;
    Ok(case)
}

/// The state a replay starts from: the case as `Case::create` made it, with its first number.
fn fresh_state(a: &Case, b: &Case, steps: usize) -> Case {
    // The first number is the old number of the first renumbering, if any; both versions
    // started from it.
    let first_number = |c: &Case| {
        c.audit
            .iter()
            .filter(|e| e.kind == AuditKind::Renumbered)
            .find_map(|e| renumbering_of(&e.detail).map(|(from, _)| from.to_string()))
            .unwrap_or_else(|| c.number.clone())
    };
    let number = first_number(a).min(first_number(b));
    Case {
        id: case_id_for_number(&number).unwrap_or_else(|| a.id.clone()),
        number,
        uid: a.uid.clone(),
        previous_numbers: Vec::new(),
        sop_id: a.sop_id.clone(),
        applicant: String::new(),
        contact: String::new(),
        subject: String::new(),
        notes: String::new(),
        created_ms: a.created_ms.min(b.created_ms),
        updated_ms: a.created_ms.min(b.created_ms),
        revision: 0,
        status: CaseStatus::Berjalan,
        current: (steps > 0).then_some(0),
        steps: vec![StepRecord::default(); steps],
        case_notes: Vec::new(),
        audit: Vec::new(),
        cancel_reason: None,
    }
}

/// Whether an edit entry's detail ("Kontak “…” → “…”; Perihal “…” → “…”") changed the field
/// named `label`. A value that itself holds "; Kontak “" could mislead it; the cost is only
/// which version's value a merge shows, never an entry.
fn edit_touches(detail: &str, label: &str) -> bool {
    detail.split("; ").any(|change| {
        change
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(" \u{201c}"))
    })
}

// ---------------------------------------------------------------------------------------------
// The union of two logs and its order.
// ---------------------------------------------------------------------------------------------

/// An entry's identity, ordered: time first (the order the replay prefers), then its
/// contents, so that the order is total and the same on every PC.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct EntryKey {
    at_ms: i64,
    kind: (u8, i64, i64),
    step: Option<usize>,
    actor: String,
    detail: String,
}

impl EntryKey {
    fn of(e: &AuditEntry) -> EntryKey {
        let target = |t: Target| match t {
            Target::Step(i) => i as i64,
            Target::Rejected => -1,
            Target::Done => -2,
        };
        let answer = |a: Answer| match a {
            Answer::Yes => 1,
            Answer::No => 0,
        };
        let kind = match e.kind {
            AuditKind::Create => (0, 0, 0),
            AuditKind::Start => (1, 0, 0),
            AuditKind::Pause => (2, 0, 0),
            AuditKind::Resume => (3, 0, 0),
            AuditKind::Finish { to } => (4, target(to), 0),
            AuditKind::Decide { answer: a, to } => (5, answer(a), target(to)),
            AuditKind::Note => (6, 0, 0),
            AuditKind::Tick { item, ticked } => (7, i64::from(item), i64::from(ticked)),
            AuditKind::Cancel => (8, 0, 0),
            AuditKind::Edit => (9, 0, 0),
            AuditKind::Renumbered => (10, 0, 0),
            AuditKind::Merged => (11, 0, 0),
        };
        EntryKey {
            at_ms: e.at_ms,
            kind,
            step: e.step,
            actor: e.actor.clone(),
            detail: e.detail.clone(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    First,
    Second,
}

/// Both logs as one graph: a node per distinct entry (identity and occurrence), an edge from
/// each entry to the next one in either log.
struct Union {
    entries: Vec<AuditEntry>,
    keys: Vec<(EntryKey, usize)>,
    in_first: Vec<bool>,
    in_second: Vec<bool>,
    next: Vec<BTreeSet<usize>>,
}

impl Union {
    fn of(first: &[AuditEntry], second: &[AuditEntry]) -> Union {
        let mut u = Union {
            entries: Vec::new(),
            keys: Vec::new(),
            in_first: Vec::new(),
            in_second: Vec::new(),
            next: Vec::new(),
        };
        let mut node_of: BTreeMap<(EntryKey, usize), usize> = BTreeMap::new();
        for (log, side) in [(first, Side::First), (second, Side::Second)] {
            let mut seen: BTreeMap<EntryKey, usize> = BTreeMap::new();
            let mut prev: Option<usize> = None;
            for e in log {
                let key = EntryKey::of(e);
                let occurrence = seen.entry(key.clone()).or_default();
                let id = (key, *occurrence);
                *occurrence += 1;
                let node = *node_of.entry(id.clone()).or_insert_with(|| {
                    u.entries.push(AuditEntry {
                        no_effect: false,
                        ..e.clone()
                    });
                    u.keys.push(id);
                    u.in_first.push(false);
                    u.in_second.push(false);
                    u.next.push(BTreeSet::new());
                    u.entries.len() - 1
                });
                match side {
                    Side::First => u.in_first[node] = true,
                    Side::Second => u.in_second[node] = true,
                }
                if let Some(p) = prev.filter(|p| *p != node) {
                    u.next[p].insert(node);
                }
                prev = Some(node);
            }
        }
        u
    }

    fn only_in(&self, node: usize, side: Side) -> bool {
        match side {
            Side::First => self.in_first[node] && !self.in_second[node],
            Side::Second => self.in_second[node] && !self.in_first[node],
        }
    }

    /// The nodes in replay order: every log's order kept, the smallest key first where both
    /// logs allow a choice. Should the logs disagree (a cycle), the smallest key among the
    /// entries left goes next, which keeps the order total and independent of which log is
    /// which.
    fn order(&self) -> Vec<usize> {
        let n = self.entries.len();
        let mut waiting_on = vec![0usize; n];
        for succ in &self.next {
            for &s in succ {
                waiting_on[s] += 1;
            }
        }
        let mut ready: BTreeSet<(&(EntryKey, usize), usize)> = (0..n)
            .filter(|&i| waiting_on[i] == 0)
            .map(|i| (&self.keys[i], i))
            .collect();
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        while order.len() < n {
            let node = match ready.pop_first() {
                Some((_, node)) => node,
                None => {
                    let Some(node) = (0..n).filter(|&i| !done[i]).min_by_key(|&i| &self.keys[i])
                    else {
                        break;
                    };
                    node
                }
            };
            if done[node] {
                continue;
            }
            done[node] = true;
            order.push(node);
            for &s in &self.next[node] {
                waiting_on[s] = waiting_on[s].saturating_sub(1);
                if waiting_on[s] == 0 && !done[s] {
                    ready.insert((&self.keys[s], s));
                }
            }
        }
        order
    }
}
