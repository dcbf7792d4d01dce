//! Reading and validating `data/` (feature `loader`: build time and `sopctl` only, never the
//! wasm app, so the TOML parser stays out of the browser bundle).
//!
//! Two stages, as in ripgrep's low-level/high-level arguments: the TOML is first read into
//! plain "raw" structs that only mirror the file (every key optional, so that a missing key is
//! reported by us, by name, together with the others, instead of serde stopping at the first),
//! then validated once into the rich types of `catalogue.rs`. After this module, nothing checks
//! the data again: the app trusts the catalogue.
//!
//! Validation never stops at the first problem. The office's staff edit these files by hand,
//! and one run of `sopctl check` should list everything to fix, each line naming the file,
//! the SOP, the step and what is wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::calendar::{CalendarData, WorkCalendar};
use crate::catalogue::{List, Text, 
    normalize_number, Audience, Catalogue, Correction, Decision, DecisionTarget, Related, Sop,
    Step, StepRef, Unit,
};
use crate::correction_place::{self, Place};
use crate::duration;

/// One problem in the data, located as precisely as we can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file, as `data_dir` joined with its relative path (so `sopctl check data` prints
    /// `data/sops/jht.toml`).
    pub file: PathBuf,
    /// 1-based line and column, for TOML syntax and type errors.
    pub line_col: Option<(usize, usize)>,
    /// The SOP's id, when known.
    pub sop: Option<String>,
    /// The step's printed number, when the problem is in a step.
    pub step: Option<u32>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, col)) = self.line_col {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ":")?;
        if let Some(sop) = &self.sop {
            write!(f, " SOP \"{sop}\"")?;
            if self.step.is_some() {
                write!(f, ",")?;
            } else {
                write!(f, ":")?;
            }
        }
        if let Some(step) = self.step {
            write!(f, " step {step}:")?;
        }
        write!(f, " {}", self.message)
    }
}

/// Every problem found in one load, in file order. Display prints one line per error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadErrors(pub Vec<LoadError>);

impl LoadErrors {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, LoadError> {
        self.0.iter()
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// The optional file that fixes the SOPs' order in the catalogue (see `docs/catalogue.md`).
pub const ORDER_FILE: &str = "ORDER";

/// Reads `units.toml`, `holidays.toml` and every `sops/*.toml` of `data_dir`, validates them
/// and computes the findings.
pub fn load_dir(data_dir: &Path) -> Result<Catalogue, LoadErrors> {
    let mut errors = Vec::new();

    let units = load_units(&data_dir.join("units.toml"), &mut errors);
    let calendar = load_calendar(&data_dir.join("holidays.toml"), &mut errors);

    let sops_dir = data_dir.join("sops");
    let files = list_sop_files(&sops_dir, &mut errors);

    // Stage 1: read every file into raw structs (all of them, so that cross-file checks such as
    // "related id exists" know every id even when some other file is broken).
    let mut raws: Vec<(PathBuf, RawSop)> = Vec::new();
    // Ids of the files that could not be read into raw structs: still known, so that other
    // files naming them in `related` do not get errors of their own (one error, one fix).
    let mut unread_ids: BTreeSet<String> = BTreeSet::new();
    for path in files {
        match read_sop_file(&path, &mut errors) {
            Ok(raw) => raws.push((path, raw)),
            Err(id) => {
                unread_ids.extend(id.or_else(|| {
                    path.file_stem()
                        .and_then(|s| s.to_str())
                        .map(str::to_string)
                }));
            }
        }
    }

    // Ids and codes across files.
    let mut known_ids: BTreeSet<String> = unread_ids;
    let mut id_files: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut code_files: BTreeMap<String, Vec<(PathBuf, String)>> = BTreeMap::new();
    for (path, raw) in &raws {
        if let Some(id) = &raw.id {
            known_ids.insert(id.clone());
            id_files.entry(id.clone()).or_default().push(path.clone());
        }
        if let Some(code) = &raw.code {
            code_files
                .entry(code.clone())
                .or_default()
                .push((path.clone(), raw.id.clone().unwrap_or_default()));
        }
    }
    for (id, paths) in &id_files {
        if paths.len() > 1 {
            for p in &paths[1..] {
                errors.push(LoadError {
                    file: p.clone(),
                    line_col: None,
                    sop: Some(id.clone()),
                    step: None,
                    message: format!("id \"{id}\" is also used by {}", paths[0].display()),
                });
            }
        }
    }
    for (code, users) in &code_files {
        if users.len() > 1 {
            for (p, id) in &users[1..] {
                errors.push(LoadError {
                    file: p.clone(),
                    line_col: None,
                    sop: Some(id.clone()).filter(|s| !s.is_empty()),
                    step: None,
                    message: format!(
                        "code \"{code}\" is also used by SOP \"{}\" ({}); case codes must be unique",
                        users[0].1,
                        users[0].0.display()
                    ),
                });
            }
        }
    }

    // Stage 2: validate each file into a Sop.
    let unit_ids: Vec<String> = units.iter().map(|u| u.id.to_string()).collect();
    let mut sops = Vec::new();
    for (path, raw) in raws {
        let mut v = Validator {
            file: &path,
            sop: raw.id.clone(),
            errors: &mut errors,
        };
        if let Some(sop) = v.sop(raw, &unit_ids, &known_ids) {
            sops.push(sop);
        }
    }

    let order_path = sops_dir.join(ORDER_FILE);
    if order_path.exists() {
        apply_order(&order_path, &mut sops, &known_ids, &mut errors);
    }

    if !errors.is_empty() {
        // Report file by file (in name order), whatever stage found the problem; the sort is
        // stable, so each file's errors keep the order of its keys. units.toml and
        // holidays.toml come first.
        errors.sort_by_key(|e| (e.file.starts_with(&sops_dir), e.file.clone()));
        return Err(LoadErrors(errors));
    }
    let findings = crate::findings::find(&sops, &units);
    Ok(Catalogue {
        sops: sops.into(),
        units: units.into(),
        calendar: calendar.expect("no error means the calendar loaded"),
        findings: findings.into(),
    })
}

// ---------------------------------------------------------------------------------------------
// Files

fn read_text(path: &Path, errors: &mut Vec<LoadError>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.push(LoadError {
                file: path.to_path_buf(),
                line_col: None,
                sop: None,
                step: None,
                message: format!("cannot read the file: {e}"),
            });
            None
        }
    }
}

/// `sops/*.toml`, sorted by file name so that the catalogue does not depend on the order the
/// file system lists them in. Editor backups and hidden files (".#jht.toml") are skipped.
fn list_sop_files(dir: &Path, errors: &mut Vec<LoadError>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError {
                file: dir.to_path_buf(),
                line_col: None,
                sop: None,
                step: None,
                message: format!("cannot list the SOP files: {e}"),
            });
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.') && name.ends_with(".toml") && p.is_file()
        })
        .collect();
    files.sort();
    if files.is_empty() {
        errors.push(LoadError {
            file: dir.to_path_buf(),
            line_col: None,
            sop: None,
            step: None,
            message: "no SOP files (*.toml) found".to_string(),
        });
    }
    files
}

/// 1-based (line, column) of a byte offset; the column counts characters.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary_compat(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// A toml error as one line: its message without the source excerpt, located by its span.
fn toml_error(
    path: &Path,
    text: &str,
    sop: Option<String>,
    what: &str,
    e: &toml::de::Error,
) -> LoadError {
    let message = e.message().trim().replace('\n', " ");
    LoadError {
        file: path.to_path_buf(),
        line_col: e.span().map(|s| line_col(text, s.start)),
        sop,
        step: None,
        message: format!("{what}: {message}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Units and calendar

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnits {
    units: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    id: String,
    name: String,
    short: String,
}

fn load_units(path: &Path, errors: &mut Vec<LoadError>) -> Vec<Unit> {
    let Some(text) = read_text(path, errors) else {
        return Vec::new();
    };
    let raw: RawUnits = match toml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            errors.push(toml_error(path, &text, None, "invalid units file", &e));
            return Vec::new();
        }
    };
    let mut err = |message: String| {
        errors.push(LoadError {
            file: path.to_path_buf(),
            line_col: None,
            sop: None,
            step: None,
            message,
        })
    };
    let mut seen = BTreeSet::new();
    let mut units = Vec::new();
    for u in raw.units {
        if !is_slug(&u.id) {
            err(format!(
                "unit id \"{}\" must be lowercase letters, digits and '-'",
                u.id
            ));
        }
        if !seen.insert(u.id.clone()) {
            err(format!("unit id \"{}\" is listed twice", u.id));
        }
        if u.name.trim().is_empty() || u.short.trim().is_empty() {
            err(format!(
                "unit \"{}\" needs a non-empty name and short name",
                u.id
            ));
        }
        units.push(Unit {
            id: u.id.into(),
            name: u.name.into(),
            short: u.short.into(),
        });
    }
    if units.is_empty() {
        err("no units listed".to_string());
    }
    units
}

fn load_calendar(path: &Path, errors: &mut Vec<LoadError>) -> Option<CalendarData> {
    let text = read_text(path, errors)?;
    match toml::from_str::<CalendarData>(&text) {
        // The calendar's own rules (an 8-hour day, no duplicate dates, ...) live in
        // WorkCalendar::new; running it here turns a broken calendar into a build error
        // instead of a failure in the browser.
        Ok(c) => match WorkCalendar::new(c.clone()) {
            Ok(_) => Some(c),
            Err(e) => {
                errors.push(LoadError {
                    file: path.to_path_buf(),
                    line_col: None,
                    sop: None,
                    step: None,
                    message: e.to_string(),
                });
                None
            }
        },
        Err(e) => {
            errors.push(toml_error(path, &text, None, "invalid calendar file", &e));
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Raw SOP files: a mirror of the format, every key optional

const SOP_KEYS: &[&str] = &[
    "id",
    "code",
    "number",
    "title",
    "unit",
    "unit_group",
    "audience",
    "aliases",
    "created",
    "revised",
    "effective",
    "approved_by",
    "legal_basis",
    "related",
    "warning",
    "qualifications",
    "equipment",
    "records",
    "requirements",
    "lanes",
    "stated_total",
    "steps",
    "corrections",
];
const STEP_KEYS: &[&str] = &[
    "no",
    "text",
    "lane",
    "lane_inferred",
    "inputs",
    "duration",
    "output",
    "note",
    "label",
    "decision",
];
const DECISION_KEYS: &[&str] = &["question", "yes", "no"];
/// Owned catalogue texts from the strings read out of TOML.
fn texts(list: Vec<String>) -> List<Text> {
    list.into_iter().map(Text::from).collect::<Vec<_>>().into()
}

const CORRECTION_KEYS: &[&str] = &["where", "printed", "corrected", "why"];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSop {
    id: Option<String>,
    code: Option<String>,
    number: Option<String>,
    title: Option<String>,
    unit: Option<String>,
    unit_group: Option<String>,
    audience: Option<String>,
    aliases: Option<Vec<String>>,
    created: Option<String>,
    revised: Option<String>,
    effective: Option<String>,
    approved_by: Option<String>,
    legal_basis: Option<Vec<String>>,
    related: Option<Vec<String>>,
    warning: Option<String>,
    qualifications: Option<Vec<String>>,
    equipment: Option<Vec<String>>,
    records: Option<Vec<String>>,
    requirements: Option<Vec<String>>,
    lanes: Option<Vec<String>>,
    stated_total: Option<String>,
    steps: Option<Vec<RawStep>>,
    corrections: Option<Vec<RawCorrection>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    no: Option<u32>,
    text: Option<String>,
    lane: Option<String>,
    lane_inferred: Option<bool>,
    inputs: Option<String>,
    duration: Option<String>,
    output: Option<String>,
    note: Option<String>,
    label: Option<String>,
    decision: Option<RawDecision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    question: Option<String>,
    yes: Option<RawTarget>,
    no: Option<RawTarget>,
}

/// `yes`/`no` of a decision: a step number or a word ("rejected").
#[derive(Deserialize)]
#[serde(untagged)]
enum RawTarget {
    Number(i64),
    Word(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorrection {
    #[serde(rename = "where")]
    where_: Option<String>,
    printed: Option<String>,
    corrected: Option<String>,
    why: Option<String>,
}

/// Reads one SOP file into its raw form. Syntax errors stop there (one error, with its line);
/// unknown keys are all reported before giving up on the file. On failure, returns the id the
/// file declares, if it could be read.
fn read_sop_file(path: &Path, errors: &mut Vec<LoadError>) -> Result<RawSop, Option<String>> {
    let Some(text) = read_text(path, errors) else {
        return Err(None);
    };
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            errors.push(toml_error(path, &text, None, "invalid TOML", &e));
            return Err(None);
        }
    };
    let sop = table.get("id").and_then(|v| v.as_str()).map(str::to_string);
    let before = errors.len();
    unknown_keys(path, sop.as_deref(), &table, errors);
    if errors.len() > before {
        return Err(sop);
    }
    match toml::from_str::<RawSop>(&text) {
        Ok(raw) => Ok(raw),
        Err(e) => {
            errors.push(toml_error(path, &text, sop.clone(), "wrong value", &e));
            Err(sop)
        }
    }
}

/// Every key the format does not know, with where it is, and the known key it may be a typo of.
fn unknown_keys(path: &Path, sop: Option<&str>, table: &toml::Table, errors: &mut Vec<LoadError>) {
    let mut err = |step: Option<u32>, place: &str, key: &str, known: &[&str]| {
        let hint = closest(key, known.iter().copied())
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        errors.push(LoadError {
            file: path.to_path_buf(),
            line_col: None,
            sop: sop.map(str::to_string),
            step,
            message: format!("unknown key `{key}`{place}{hint}"),
        });
    };
    for key in table.keys() {
        if !SOP_KEYS.contains(&key.as_str()) {
            err(None, "", key, SOP_KEYS);
        }
    }
    if let Some(steps) = table.get("steps").and_then(|v| v.as_array()) {
        for (i, s) in steps.iter().enumerate() {
            let Some(t) = s.as_table() else { continue };
            let no = t
                .get("no")
                .and_then(|v| v.as_integer())
                .and_then(|n| u32::try_from(n).ok());
            let place = if no.is_some() {
                String::new()
            } else {
                format!(" in the {} [[steps]] entry", ordinal(i + 1))
            };
            for key in t.keys() {
                if !STEP_KEYS.contains(&key.as_str()) {
                    err(no, &place, key, STEP_KEYS);
                }
            }
            if let Some(d) = t.get("decision").and_then(|v| v.as_table()) {
                for key in d.keys() {
                    if !DECISION_KEYS.contains(&key.as_str()) {
                        err(no, &format!("{place} in `decision`"), key, DECISION_KEYS);
                    }
                }
            }
        }
    }
    if let Some(cs) = table.get("corrections").and_then(|v| v.as_array()) {
        for (i, c) in cs.iter().enumerate() {
            let Some(t) = c.as_table() else { continue };
            for key in t.keys() {
                if !CORRECTION_KEYS.contains(&key.as_str()) {
                    err(
                        None,
                        &format!(" in the {} [[corrections]] entry", ordinal(i + 1)),
                        key,
                        CORRECTION_KEYS,
                    );
                }
            }
        }
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate at most two edits (or a third of `word`) away: typo suggestions.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .map(|c| (levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

// ---------------------------------------------------------------------------------------------
// Validation: raw → Sop

/// lowercase letters and digits in groups joined by single '-': "kartu-ak1".
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A-Z and 0-9, 2 to 6 characters: "JHT", "AK1".
pub fn is_code(s: &str) -> bool {
    (2..=6).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

struct Validator<'a> {
    file: &'a Path,
    sop: Option<String>,
    errors: &'a mut Vec<LoadError>,
}

impl Validator<'_> {
    fn err(&mut self, step: Option<u32>, message: impl Into<String>) {
        self.errors.push(LoadError {
            file: self.file.to_path_buf(),
            line_col: None,
            sop: self.sop.clone(),
            step,
            message: message.into(),
        });
    }

    /// A key that must be present ("" or [] say "not printed" explicitly).
    fn required<T: Default>(&mut self, value: Option<T>, key: &str) -> T {
        match value {
            Some(v) => v,
            None => {
                self.err(None, format!("missing key `{key}`"));
                T::default()
            }
        }
    }

    /// A key that must be present and not blank.
    fn required_text(&mut self, value: Option<String>, key: &str) -> String {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            self.err(None, format!("`{key}` is empty"));
        }
        self.required(value, key)
    }

    fn date(&mut self, value: &str, key: &str) -> Option<chrono::NaiveDate> {
        if value.is_empty() {
            return None;
        }
        let ok = value.len() == 10
            && value.as_bytes()[4] == b'-'
            && value.as_bytes()[7] == b'-'
            && value.chars().filter(|c| c.is_ascii_digit()).count() == 8;
        match chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(d) if ok => Some(d),
            _ => {
                self.err(
                    None,
                    format!("`{key}` = \"{value}\" is not an ISO date (YYYY-MM-DD) nor \"\""),
                );
                None
            }
        }
    }

    fn sop(
        &mut self,
        raw: RawSop,
        unit_ids: &[String],
        known_ids: &BTreeSet<String>,
    ) -> Option<Sop> {
        let before = self.errors.len();

        let id = self.required(raw.id, "id");
        if !id.is_empty() {
            if !is_slug(&id) {
                self.err(None, format!("id \"{id}\" must be lowercase letters, digits and '-' (e.g. \"kartu-ak1\")"));
            }
            let stem = self.file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if stem != id {
                self.err(None, format!("id \"{id}\" does not match the file name: the file must be named \"{id}.toml\""));
            }
        }
        let code = self.required(raw.code, "code");
        if !code.is_empty() && !is_code(&code) {
            self.err(
                None,
                format!("code \"{code}\" must be 2 to 6 characters A-Z or 0-9 (e.g. \"JHT\")"),
            );
        }
        let number = self.required(raw.number, "number");
        let title = self.required_text(raw.title, "title");
        let unit = self.required_text(raw.unit, "unit");
        let unit_group = self.required(raw.unit_group, "unit_group");
        if !unit_group.is_empty() && !unit_ids.contains(&unit_group) {
            self.err(
                None,
                format!(
                    "unit_group \"{unit_group}\" is not a unit of units.toml ({})",
                    unit_ids.join(", ")
                ),
            );
        }
        let audience_raw = self.required(raw.audience, "audience");
        let audience = Audience::parse(&audience_raw);
        if audience.is_none() && !audience_raw.is_empty() {
            self.err(
                None,
                format!("audience \"{audience_raw}\" must be \"public\" or \"internal\""),
            );
        }
        let aliases = self.required(raw.aliases, "aliases");
        for a in &aliases {
            if a.trim().is_empty() {
                self.err(None, "an alias is empty");
            } else if *a != a.to_lowercase() {
                self.err(None, format!("alias \"{a}\" must be lowercase"));
            }
        }
        let created_raw = self.required(raw.created, "created");
        let created = self.date(&created_raw, "created");
        let revised_raw = self.required(raw.revised, "revised");
        let revised = self.date(&revised_raw, "revised");
        let effective_raw = self.required(raw.effective, "effective");
        let effective = self.date(&effective_raw, "effective");
        let approved_by = self.required(raw.approved_by, "approved_by");
        let legal_basis = self.required(raw.legal_basis, "legal_basis");
        let related_raw = self.required(raw.related, "related");
        let warning = self.required(raw.warning, "warning");
        let qualifications = self.required(raw.qualifications, "qualifications");
        let equipment = self.required(raw.equipment, "equipment");
        let records = self.required(raw.records, "records");
        // Only where the SOP says what the applicant must bring: optional.
        let requirements = raw.requirements.unwrap_or_default();
        for (key, list) in [
            ("legal_basis", &legal_basis),
            ("qualifications", &qualifications),
            ("equipment", &equipment),
            ("records", &records),
            ("requirements", &requirements),
        ] {
            if list.iter().any(|s| s.trim().is_empty()) {
                self.err(None, format!("`{key}` has an empty entry"));
            }
        }

        let related = self.related(related_raw, &id, known_ids);

        let lanes = self.required(raw.lanes, "lanes");
        self.lanes(&lanes);

        let stated_total = self.required(raw.stated_total, "stated_total");
        let stated_total_parsed = match duration::parse(&stated_total) {
            Ok(d) => d,
            Err(e) => {
                self.err(None, format!("stated_total: {e}"));
                duration::Duration::None
            }
        };

        let raw_steps = self.required(raw.steps, "steps");
        let steps = self.steps(raw_steps, &lanes);

        let corrections = self.corrections(raw.corrections.unwrap_or_default(), &steps);

        if self.errors.len() > before {
            return None;
        }
        let timed: Vec<(u32, &duration::Duration)> =
            steps.iter().map(|s| (s.no, &s.duration_parsed)).collect();
        let total = duration::total(&timed);
        let stated_comparison = duration::compare_stated(&stated_total, &total);
        Some(Sop {
            number_normalized: normalize_number(&number).into(),
            id: id.into(),
            code: code.into(),
            number: number.into(),
            title: title.into(),
            unit: unit.into(),
            unit_group: unit_group.into(),
            audience: audience?,
            aliases: texts(aliases),
            created,
            revised,
            effective,
            approved_by: approved_by.into(),
            legal_basis: texts(legal_basis),
            related: related.into(),
            warning: warning.into(),
            qualifications: texts(qualifications),
            equipment: texts(equipment),
            records: texts(records),
            requirements: texts(requirements),
            lanes: texts(lanes),
            steps: steps.into(),
            stated_total: stated_total.into(),
            stated_total_parsed,
            total,
            stated_comparison,
            corrections: corrections.into(),
        })
    }

    fn related(
        &mut self,
        raw: Vec<String>,
        own_id: &str,
        known_ids: &BTreeSet<String>,
    ) -> Vec<Related> {
        let mut out = Vec::new();
        for text in raw {
            if text.trim().is_empty() {
                self.err(None, "a `related` entry is empty");
                continue;
            }
            // An entry without spaces in lowercase slug form is meant as an id; printed names
            // ("SOP Rapat Internal") always have spaces or capitals.
            if is_slug(&text) {
                if known_ids.contains(&text) {
                    out.push(Related {
                        sop_id: Some(text.clone().into()),
                        text: text.into(),
                    });
                } else {
                    let hint = closest(
                        &text,
                        known_ids
                            .iter()
                            .map(String::as_str)
                            .filter(|k| *k != own_id),
                    )
                    .map(|k| format!(" (did you mean \"{k}\"?)"))
                    .unwrap_or_default();
                    self.err(
                        None,
                        format!("related entry \"{text}\" looks like a SOP id, but no SOP has that id{hint}"),
                    );
                }
            } else {
                out.push(Related { text: text.into(), sop_id: None });
            }
        }
        out
    }

    fn lanes(&mut self, lanes: &[String]) {
        if lanes.is_empty() {
            self.err(
                None,
                "`lanes` is empty: a SOP needs at least one PELAKSANA column",
            );
        }
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for lane in lanes {
            if lane.trim().is_empty() {
                self.err(None, "a lane is empty");
                continue;
            }
            if lane.trim() != lane {
                self.err(
                    None,
                    format!("lane \"{lane}\" has leading or trailing spaces"),
                );
            }
            if !seen.insert(lane.trim().to_lowercase()) {
                self.err(None, format!("lane \"{lane}\" is listed twice"));
            }
        }
    }

    fn steps(&mut self, raw: Vec<RawStep>, lanes: &[String]) -> Vec<Step> {
        if raw.is_empty() {
            self.err(
                None,
                "`steps` is empty: a SOP needs at least one [[steps]] entry",
            );
            return Vec::new();
        }
        // Numbers first, since decisions refer to them.
        let nos: Vec<Option<u32>> = raw.iter().map(|s| s.no).collect();
        let mut count: BTreeMap<u32, usize> = BTreeMap::new();
        for n in nos.iter().flatten() {
            *count.entry(*n).or_default() += 1;
        }
        let mut steps = Vec::new();
        let n_steps = raw.len();
        for (i, s) in raw.into_iter().enumerate() {
            let no = match s.no {
                Some(0) => {
                    self.err(Some(0), "step numbers start at 1");
                    0
                }
                Some(n) => n,
                None => {
                    self.err(
                        None,
                        format!("the {} [[steps]] entry has no `no`", ordinal(i + 1)),
                    );
                    0
                }
            };
            let step = Some(no).filter(|_| s.no.is_some());
            let missing = |v: &Option<String>, key: &str, this: &mut Self| {
                if v.is_none() {
                    this.err(step, format!("missing key `{key}`"));
                }
            };
            missing(&s.text, "text", self);
            missing(&s.lane, "lane", self);
            missing(&s.duration, "duration", self);
            if s.text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                self.err(step, "`text` is empty");
            }
            let text = s.text.unwrap_or_default();
            let lane_given = s.lane.is_some();
            let lane = s.lane.unwrap_or_default();
            let lane_index = lanes.iter().position(|l| *l == lane);
            if lane_given && lane.trim().is_empty() {
                self.err(step, "`lane` is empty");
            } else if lane_given && lane_index.is_none() {
                self.err(
                    step,
                    format!(
                        "lane \"{lane}\" is not one of the SOP's lanes ({})",
                        lanes.join(", ")
                    ),
                );
            }
            let duration_printed = s.duration.unwrap_or_default();
            let duration_parsed = match duration::parse(&duration_printed) {
                Ok(d) => d,
                Err(e) => {
                    self.err(step, format!("duration: {e}"));
                    duration::Duration::None
                }
            };
            let label = s.label;
            if label.as_deref().is_some_and(|l| l.trim().is_empty()) {
                self.err(step, "`label` is empty (leave it out instead)");
            }
            let decision = s
                .decision
                .and_then(|d| self.decision(d, step, i, n_steps, &nos, &count));
            steps.push(Step {
                no,
                text: text.into(),
                lane: lane.into(),
                lane_index: lane_index.unwrap_or(0),
                lane_inferred: s.lane_inferred.unwrap_or(false),
                inputs: s.inputs.unwrap_or_default().into(),
                duration: duration_printed.into(),
                duration_parsed,
                output: s.output.unwrap_or_default().into(),
                note: s.note.unwrap_or_default().into(),
                label: label.map(Text::from),
                decision,
            });
        }
        steps
    }

    /// Resolves a decision's targets to step indices. `nos` are the printed numbers of all the
    /// SOP's steps, `count` how often each is printed.
    fn decision(
        &mut self,
        d: RawDecision,
        step: Option<u32>,
        index: usize,
        n_steps: usize,
        nos: &[Option<u32>],
        count: &BTreeMap<u32, usize>,
    ) -> Option<Decision> {
        let before = self.errors.len();
        let question = d.question.unwrap_or_default();
        if question.trim().is_empty() {
            self.err(
                step,
                "decision has no question (`question` is missing or empty)",
            );
        }
        let target = |this: &mut Self, n: i64, which: &str| -> Option<StepRef> {
            let Ok(n) = u32::try_from(n) else {
                this.err(
                    step,
                    format!("decision `{which}` = {n} is not a step number"),
                );
                return None;
            };
            match count.get(&n).copied().unwrap_or(0) {
                0 => {
                    this.err(
                        step,
                        format!("decision `{which}` points to step {n}, but there is no step {n}"),
                    );
                    None
                }
                1 => {
                    let index = nos.iter().position(|x| *x == Some(n)).expect("counted");
                    Some(StepRef { index, no: n })
                }
                k => {
                    this.err(
                        step,
                        format!("decision `{which}` points to step {n}, but {k} steps are numbered {n}: the target is ambiguous"),
                    );
                    None
                }
            }
        };
        let yes = match d.yes {
            None => {
                if index + 1 < n_steps {
                    Some(StepRef {
                        index: index + 1,
                        no: nos[index + 1].unwrap_or(0),
                    })
                } else {
                    self.err(
                        step,
                        "decision `yes` defaults to the next step, but this is the last step",
                    );
                    None
                }
            }
            Some(RawTarget::Number(n)) => target(self, n, "yes"),
            Some(RawTarget::Word(w)) => {
                self.err(
                    step,
                    format!("decision `yes` = \"{w}\" must be a step number"),
                );
                None
            }
        };
        let no = match d.no {
            None => {
                self.err(step, "decision has no `no` (a step number or \"rejected\")");
                None
            }
            Some(RawTarget::Number(n)) => target(self, n, "no").map(DecisionTarget::Step),
            Some(RawTarget::Word(w)) if w == "rejected" => Some(DecisionTarget::Rejected),
            Some(RawTarget::Word(w)) => {
                self.err(
                    step,
                    format!("decision `no` = \"{w}\" must be a step number or \"rejected\""),
                );
                None
            }
        };
        if self.errors.len() > before {
            return None;
        }
        Some(Decision {
            question: question.into(),
            yes: yes?,
            no: no?,
        })
    }

    fn corrections(&mut self, raw: Vec<RawCorrection>, steps: &[Step]) -> Vec<Correction> {
        let mut out = Vec::new();
        for (i, c) in raw.into_iter().enumerate() {
            let nth = ordinal(i + 1);
            for (v, key) in [
                (&c.where_, "where"),
                (&c.printed, "printed"),
                (&c.corrected, "corrected"),
                (&c.why, "why"),
            ] {
                if v.is_none() {
                    self.err(
                        None,
                        format!("the {nth} [[corrections]] entry has no `{key}`"),
                    );
                }
            }
            let mut where_ = c.where_.unwrap_or_default();
            let why = c.why.unwrap_or_default();
            let place = correction_place::parse(&where_);
            let step_no = place.as_ref().ok().and_then(Place::step_no);
            if where_.trim().is_empty() {
                self.err(
                    None,
                    format!("the {nth} [[corrections]] entry has an empty `where`"),
                );
            } else {
                match place.and_then(|p| check_place(p, steps).map(|()| p)) {
                    // The catalogue holds the canonical text ("langkah 8,kolom waktu" →
                    // "Langkah 8, kolom Waktu").
                    Ok(p) => where_ = p.to_string(),
                    Err(problem) => self.err(
                        step_no,
                        format!("correction `where` = \"{where_}\": {problem}"),
                    ),
                }
            }
            if why.trim().is_empty() {
                self.err(
                    step_no,
                    format!(
                        "the {nth} [[corrections]] entry (where = \"{where_}\") has an empty `why`"
                    ),
                );
            }
            out.push(Correction {
                where_: where_.into(),
                printed: c.printed.unwrap_or_default().into(),
                corrected: c.corrected.unwrap_or_default().into(),
                why: why.into(),
            });
        }
        out
    }
}

/// Whether a correction's place exists in this SOP: the step is printed, a "keputusan" is on
/// a decision step, a "teks simbol" on a step with a label. `Err` says what is wrong.
fn check_place(place: Place, steps: &[Step]) -> Result<(), String> {
    let Some(no) = place.step_no() else {
        return Ok(());
    };
    let numbered: Vec<&Step> = steps.iter().filter(|s| s.no == no).collect();
    if numbered.is_empty() {
        return Err(format!("there is no step {no}"));
    }
    match place {
        Place::Decision(_) if !numbered.iter().any(|s| s.decision.is_some()) => Err(format!(
            "step {no} is not a decision (it has no `decision`), so it has no \"keputusan\""
        )),
        Place::Label(_) if !numbered.iter().any(|s| s.label.is_some()) => Err(format!(
            "step {no} has no text in its symbol (no `label`), so it has no \"teks simbol\""
        )),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Order

/// Reorders `sops` as listed in `sops/ORDER`: one id per line, `#` comments and blank lines
/// ignored. Every SOP must be listed exactly once, so that a new file is not silently put last.
fn apply_order(
    path: &Path,
    sops: &mut [Sop],
    known_ids: &BTreeSet<String>,
    errors: &mut Vec<LoadError>,
) {
    let Some(text) = read_text(path, errors) else {
        return;
    };
    let mut err = |line: Option<usize>, message: String| {
        errors.push(LoadError {
            file: path.to_path_buf(),
            line_col: line.map(|l| (l, 1)),
            sop: None,
            step: None,
            message,
        })
    };
    let mut order: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let id = line.split('#').next().unwrap_or("").trim();
        if id.is_empty() {
            continue;
        }
        if !known_ids.contains(id) {
            err(Some(i + 1), format!("\"{id}\" is not the id of a SOP file"));
        } else if order.iter().any(|o| o == id) {
            err(Some(i + 1), format!("\"{id}\" is listed twice"));
        } else {
            order.push(id.to_string());
        }
    }
    for id in known_ids {
        if !order.contains(id) {
            err(
                None,
                format!("SOP \"{id}\" is not listed; add it where it belongs in the book's order"),
            );
        }
    }
    sops.sort_by_key(|s| order.iter().position(|o| *o == s.id).unwrap_or(usize::MAX));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_codes() {
        assert!(is_slug("kartu-ak1"));
        assert!(is_slug("jht"));
        for bad in [
            "",
            "Jht",
            "kartu_ak1",
            "-jht",
            "jht-",
            "kartu--ak1",
            "jht sop",
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(is_code("JHT") && is_code("AK1") && is_code("RENJA"));
        for bad in ["J", "jht", "TOOLONG", "J-H"] {
            assert!(!is_code(bad), "{bad}");
        }
    }

    #[test]
    fn line_and_column_of_an_offset() {
        let text = "a = 1\nbé = \"x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // Columns count characters, not bytes.
        assert_eq!(line_col(text, 9), (2, 3));
        assert_eq!(line_col(text, 999), (3, 1));
    }

    #[test]
    fn correction_places_must_exist() {
        let step = |no, label: Option<&str>, decision: bool| Step {
            no,
            text: String::new().into(),
            lane: String::new().into(),
            lane_index: 0,
            lane_inferred: false,
            inputs: String::new().into(),
            duration: String::new().into(),
            duration_parsed: duration::Duration::None,
            output: String::new().into(),
            note: String::new().into(),
            label: label.map(|l| Text::from(l.to_string())),
            decision: decision.then(|| Decision {
                question: "Lengkap?".into(),
                yes: StepRef { index: 1, no: 2 },
                no: DecisionTarget::Rejected,
            }),
        };
        let steps = [step(1, Some("Mulai"), false), step(2, None, true)];
        let check = |text: &str| check_place(correction_place::parse(text).unwrap(), &steps);
        for ok in [
            "Tabel langkah",
            "Langkah 2",
            "Langkah 1, kolom Waktu",
            "Langkah 2, keputusan",
            "Langkah 1, teks simbol",
            "Pelaksana",
            "Identitas SOP, Dasar Hukum",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            check("Langkah 3, kolom Kegiatan"),
            Err("there is no step 3".to_string())
        );
        assert_eq!(
            check("Langkah 1, keputusan"),
            Err("step 1 is not a decision (it has no `decision`), so it has no \"keputusan\"".to_string())
        );
        assert_eq!(
            check("Langkah 2, teks simbol"),
            Err("step 2 has no text in its symbol (no `label`), so it has no \"teks simbol\"".to_string())
        );
    }

    #[test]
    fn typo_suggestions() {
        assert_eq!(closest("titel", SOP_KEYS.iter().copied()), Some("title"));
        assert_eq!(
            closest("lane_infered", STEP_KEYS.iter().copied()),
            Some("lane_inferred")
        );
        assert_eq!(closest("zzz", SOP_KEYS.iter().copied()), None);
    }

    #[test]
    fn error_display_names_file_sop_and_step() {
        let e = LoadError {
            file: PathBuf::from("data/sops/jht.toml"),
            line_col: None,
            sop: Some("jht".into()),
            step: Some(4),
            message: "lane \"Pengawas\" is not one of the SOP's lanes (Pemohon)".into(),
        };
        assert_eq!(
            e.to_string(),
            "data/sops/jht.toml: SOP \"jht\", step 4: lane \"Pengawas\" is not one of the SOP's lanes (Pemohon)"
        );
        let e = LoadError { step: None, ..e };
        assert_eq!(e.to_string(), "data/sops/jht.toml: SOP \"jht\": lane \"Pengawas\" is not one of the SOP's lanes (Pemohon)");
        let e = LoadError {
            sop: None,
            line_col: Some((3, 7)),
            message: "invalid TOML: x".into(),
            ..e
        };
        assert_eq!(e.to_string(), "data/sops/jht.toml:3:7: invalid TOML: x");
    }
}
