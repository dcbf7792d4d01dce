//! Parsing the SOP book's printed durations ("15 Menit", "1 s/d 3 hari", "Sesuai MOU", ...)
//! into ranges, and summing them into per-SOP totals in working time.
//!
//! - `parse(printed) -> Result<Duration, DurationError>` never panics on any input;
//! - `Duration::work_minutes()` gives the (min, max) in working minutes, per the rules in
//!   `docs/catalogue.md`, section "Durations and working time";
//! - `total(&[(step_no, &Duration)]) -> Total` sums a SOP's steps;
//! - `format_minutes`, `format_range`, `Duration::describe` say it in plain Indonesian;
//! - `compare_stated` checks the printed JUMLAH WAKTU PELAYANAN against the sum.

use serde::{Deserialize, Serialize};

use crate::catalogue::{List, Text};

pub use crate::calendar::{WORKDAY_MINUTES, WORKWEEK_DAYS};

/// Minutes in one working hour.
pub const HOUR_MINUTES: u64 = 60;

/// A duration longer than this (five years of working days) is a typo, not an SOP step.
/// Keeping a cap also keeps every sum far away from `u64` overflow.
pub const MAX_WORK_MINUTES: u64 = 5 * 52 * WORKWEEK_DAYS * WORKDAY_MINUTES;

/// The unit a duration was printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Minute,
    Hour,
    /// Hari: one working day.
    Day,
    /// Minggu: five working days.
    Week,
}

/// One step's time as printed, parsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Duration {
    /// No time printed.
    None,
    /// A time that is not fixed ("Sesuai MOU"): kept as printed text.
    Unspecified { text: Text },
    /// A range (min == max for a single value) of one or more parts, e.g. "2 minggu, 5 hari".
    Range {
        parts: List<Part>,
        /// "sertifikat" for "10 menit/ sertifikat": the time is per item.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per_item: Option<Text>,
        /// Anything in parentheses that is not a number word, e.g. "160-260jp".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        remark: Option<Text>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub min: u32,
    pub max: u32,
    pub unit: TimeUnit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationError {
    pub printed: String,
    pub reason: String,
}

impl std::fmt::Display for DurationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot read the duration {:?}: {}",
            self.printed, self.reason
        )
    }
}

impl std::error::Error for DurationError {}

impl TimeUnit {
    /// Working minutes in `n` of this unit. Hours that are a whole multiple of 24 are whole
    /// working days: the office writes "24 jam" for "within a day", not for three days of
    /// eight office hours.
    pub fn work_minutes(self, n: u32) -> u64 {
        let n = u64::from(n);
        match self {
            TimeUnit::Minute => n,
            TimeUnit::Hour if n > 0 && n.is_multiple_of(24) => (n / 24) * WORKDAY_MINUTES,
            TimeUnit::Hour => n * HOUR_MINUTES,
            TimeUnit::Day => n * WORKDAY_MINUTES,
            TimeUnit::Week => n * WORKWEEK_DAYS * WORKDAY_MINUTES,
        }
    }

    fn word(self) -> &'static str {
        match self {
            TimeUnit::Minute => "menit",
            TimeUnit::Hour => "jam",
            TimeUnit::Day => "hari kerja",
            TimeUnit::Week => "minggu",
        }
    }
}

impl Part {
    /// (min, max) working minutes of this part. Each end is converted on its own, so the
    /// "n×24 jam" rule can make a range like "12 s/d 24 jam" non-monotonic; the ends are then
    /// ordered so that min <= max always holds.
    pub fn work_minutes(&self) -> (u64, u64) {
        let a = self.unit.work_minutes(self.min);
        let b = self.unit.work_minutes(self.max);
        (a.min(b), a.max(b))
    }
}

impl Duration {
    /// Working minutes (min, max); `None` for a step without a time or with a time that is not
    /// fixed. A per-item time counts one item.
    pub fn work_minutes(&self) -> Option<(u64, u64)> {
        match self {
            Duration::None | Duration::Unspecified { .. } => None,
            Duration::Range { parts, .. } => {
                let mut min = 0u64;
                let mut max = 0u64;
                for p in parts.iter() {
                    let (a, b) = p.work_minutes();
                    min = min.saturating_add(a);
                    max = max.saturating_add(b);
                }
                Some((min, max))
            }
        }
    }

    /// The item name when the time is per item ("sertifikat", "dokumen").
    pub fn per_item(&self) -> Option<&str> {
        match self {
            Duration::Range { per_item, .. } => per_item.as_deref(),
            _ => None,
        }
    }

    /// The step's time in plain Indonesian, in the units it was printed in.
    pub fn describe(&self) -> String {
        match self {
            Duration::None => "Tidak dicantumkan".to_string(),
            Duration::Unspecified { text } => format!("{text} (tidak tetap)"),
            Duration::Range {
                parts,
                per_item,
                remark,
            } => {
                let mut out = parts
                    .iter()
                    .map(describe_part)
                    .collect::<Vec<_>>()
                    .join(", ");
                if let Some(item) = per_item {
                    out.push_str(" per ");
                    out.push_str(item);
                }
                if let Some(r) = remark {
                    out.push_str(" (");
                    out.push_str(r);
                    out.push(')');
                }
                out
            }
        }
    }
}

fn describe_part(p: &Part) -> String {
    let value = if p.min == p.max {
        p.min.to_string()
    } else {
        format!("{}–{}", p.min, p.max)
    };
    let mut s = format!("{value} {}", p.unit.word());
    // Say what the 24-hour convention means, since "24 jam" reads like a full day and night.
    if p.unit == TimeUnit::Hour && p.min > 0 && p.min.is_multiple_of(24) && p.max.is_multiple_of(24)
    {
        let (a, b) = (p.min / 24, p.max / 24);
        let days = if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        };
        s.push_str(&format!(" ({days} hari kerja)"));
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// Parses a duration as printed in the SOP book. Never panics.
pub fn parse(printed: &str) -> Result<Duration, DurationError> {
    let err = |reason: String| DurationError {
        printed: printed.to_string(),
        reason,
    };
    let trimmed = printed.trim();
    if trimmed.is_empty() || trimmed == "-" || trimmed == "–" || trimmed == "—" {
        return Ok(Duration::None);
    }
    let mut p = Parser::new(trimmed);
    if p.peek().is_some_and(|c| !c.is_ascii_digit()) {
        let first = p.peek_word();
        if first == "sesuai" {
            return Ok(Duration::Unspecified {
                text: trimmed.to_string().into(),
            });
        }
        return Err(err(
            "a duration starts with a number (or is \"Sesuai ...\")".to_string(),
        ));
    }
    let d = p.duration().map_err(err)?;
    if let Some((_, max)) = d.work_minutes() {
        if max > MAX_WORK_MINUTES {
            return Err(err(format!(
                "longer than {} working days: surely a typo",
                MAX_WORK_MINUTES / WORKDAY_MINUTES
            )));
        }
    }
    Ok(d)
}

/// Numbers above this are rejected before any arithmetic, so that every later multiplication
/// stays small.
const MAX_NUMBER: u32 = 1_000_000;

struct Parser {
    /// The printed text with each char lowercased where that keeps one char per char, so that
    /// indices stay aligned with `orig` (remarks are kept as printed).
    low: Vec<char>,
    orig: Vec<char>,
    pos: usize,
}

impl Parser {
    fn new(s: &str) -> Self {
        let orig: Vec<char> = s.chars().collect();
        let low = orig
            .iter()
            .map(|&c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(one), None) => one,
                    _ => c,
                }
            })
            .map(|c| match c {
                // Dashes of every width mean the same in a range.
                '–' | '—' | '‐' | '‑' | '−' => '-',
                other => other,
            })
            .collect();
        Parser { low, orig, pos: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.low.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.low.len()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn peek_word(&self) -> String {
        self.low[self.pos..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect()
    }

    fn take_word(&mut self) -> String {
        let w = self.peek_word();
        self.pos += w.chars().count();
        w
    }

    /// Consumes `s` if the text continues with it.
    fn eat(&mut self, s: &str) -> bool {
        let n = s.chars().count();
        if self.pos + n <= self.low.len()
            && self.low[self.pos..self.pos + n]
                .iter()
                .copied()
                .eq(s.chars())
        {
            self.pos += n;
            true
        } else {
            false
        }
    }

    /// Consumes the word `w` only when it is a whole word (not the start of a longer one).
    fn eat_word(&mut self, w: &str) -> bool {
        if self.peek_word() == w {
            self.pos += w.chars().count();
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> Result<u32, String> {
        let start = self.pos;
        let mut n: u32 = 0;
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            let digit = c as u32 - '0' as u32;
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(digit))
                .filter(|&n| n <= MAX_NUMBER)
                .ok_or_else(|| "number too large".to_string())?;
            self.pos += 1;
        }
        if self.pos == start {
            return Err(match self.peek() {
                Some(c) => format!("expected a number at {c:?}"),
                None => "expected a number at the end".to_string(),
            });
        }
        if matches!(self.peek(), Some(',') | Some('.'))
            && self.low.get(self.pos + 1).is_some_and(char::is_ascii_digit)
        {
            return Err("decimal numbers are not supported: write minutes instead".to_string());
        }
        Ok(n)
    }

    /// Reads "( ... )" and returns its content as printed, or None if no '(' follows.
    fn parenthesised(&mut self) -> Result<Option<String>, String> {
        if self.peek() != Some('(') {
            return Ok(None);
        }
        let open = self.pos;
        let Some(len) = self.low[open + 1..].iter().position(|&c| c == ')') else {
            return Err("a '(' is never closed".to_string());
        };
        let content: String = self.orig[open + 1..open + 1 + len].iter().collect();
        self.pos = open + 2 + len;
        Ok(Some(content.trim().to_string()))
    }

    /// A number with its optional spelled-out words, e.g. `5 (Lima)`. A parenthesis that holds
    /// something other than words is a remark.
    fn number_with_words(&mut self, remark: &mut Option<String>) -> Result<u32, String> {
        let n = self.number()?;
        let save = self.pos;
        self.skip_ws();
        match self.parenthesised()? {
            None => self.pos = save,
            Some(content) => {
                let is_words = !content.is_empty()
                    && content
                        .chars()
                        .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-');
                if is_words {
                    match number_words_value(&content) {
                        Some(v) if v == u64::from(n) => {}
                        Some(v) => {
                            return Err(format!(
                                "the digits say {n} but the words \"({content})\" say {v}"
                            ))
                        }
                        None => {
                            return Err(format!(
                                "\"({content})\" after {n} is not an Indonesian number word"
                            ))
                        }
                    }
                } else {
                    add_remark(remark, content);
                }
            }
        }
        Ok(n)
    }

    fn range_separator(&mut self) -> bool {
        let save = self.pos;
        self.skip_ws();
        let found = self.eat("s/d")
            || self.eat("s.d.")
            || self.eat("s.d")
            || self.eat("-")
            || self.eat_word("sd")
            || (self.eat_word("sampai") && {
                let save2 = self.pos;
                self.skip_ws();
                if !self.eat_word("dengan") {
                    self.pos = save2;
                }
                true
            })
            || self.eat_word("hingga");
        if !found {
            self.pos = save;
        }
        found
    }

    fn unit(&mut self) -> Result<TimeUnit, String> {
        self.skip_ws();
        let w = self.take_word();
        let unit = match w.as_str() {
            // "merit" is how the OCR of the book reads "menit".
            "menit" | "merit" | "mnt" => TimeUnit::Minute,
            "jam" => TimeUnit::Hour,
            "hari" => {
                let save = self.pos;
                self.skip_ws();
                if !self.eat_word("kerja") {
                    self.pos = save;
                }
                TimeUnit::Day
            }
            "minggu" | "pekan" => TimeUnit::Week,
            "" => {
                return Err(match self.peek() {
                    Some(c) => format!("expected a unit (menit, jam, hari, minggu) at {c:?}"),
                    None => "no unit (menit, jam, hari, minggu)".to_string(),
                })
            }
            other => return Err(format!("unknown unit {other:?}")),
        };
        Ok(unit)
    }

    fn part(&mut self, remark: &mut Option<String>) -> Result<Part, String> {
        let min = self.number_with_words(remark)?;
        let max = if self.range_separator() {
            self.skip_ws();
            self.number_with_words(remark)?
        } else {
            min
        };
        let unit = self.unit()?;
        if min > max {
            return Err(format!("the range {min}–{max} runs backwards"));
        }
        Ok(Part { min, max, unit })
    }

    fn item_name(&mut self) -> Result<String, String> {
        self.skip_ws();
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphabetic() || c == ' ') {
            self.pos += 1;
        }
        let name: String = self.low[start..self.pos]
            .iter()
            .collect::<String>()
            .trim()
            .to_string();
        if name.is_empty() {
            return Err("'per' or '/' names no item".to_string());
        }
        Ok(name)
    }

    fn duration(&mut self) -> Result<Duration, String> {
        let mut parts = Vec::new();
        let mut per_item: Option<String> = None;
        let mut remark: Option<String> = None;
        parts.push(self.part(&mut remark)?);
        loop {
            self.skip_ws();
            if self.at_end() {
                break;
            }
            if self.eat(",") || self.eat("+") || self.eat_word("dan") {
                self.skip_ws();
                parts.push(self.part(&mut remark)?);
            } else if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                // "2 jam 35 menit": parts may follow each other without a separator.
                parts.push(self.part(&mut remark)?);
            } else if self.eat("/") || self.eat_word("per") {
                if per_item.is_some() {
                    return Err("two 'per item' clauses".to_string());
                }
                per_item = Some(self.item_name()?);
            } else if let Some(content) = self.parenthesised()? {
                add_remark(&mut remark, content);
            } else {
                let rest: String = self.orig[self.pos..].iter().collect();
                return Err(format!("unexpected text {rest:?}"));
            }
        }
        Ok(Duration::Range {
            parts: parts.into(),
            per_item: per_item.map(Text::from),
            remark: remark.map(Text::from),
        })
    }
}

fn add_remark(remark: &mut Option<String>, content: String) {
    if content.is_empty() {
        return;
    }
    match remark {
        Some(r) => {
            r.push_str("; ");
            r.push_str(&content);
        }
        None => *remark = Some(content),
    }
}

/// The value of Indonesian number words ("lima", "dua puluh sembilan", "sebelas",
/// "seratus dua belas", "dua ribu"), or None when the text is not such words.
pub fn number_words_value(text: &str) -> Option<u64> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() {
        return None;
    }
    if tokens == ["nol"] {
        return Some(0);
    }
    let digit_of = |t: &str| -> Option<u64> {
        Some(match t {
            "satu" => 1,
            "dua" => 2,
            "tiga" => 3,
            "empat" => 4,
            "lima" => 5,
            "enam" => 6,
            "tujuh" => 7,
            "delapan" => 8,
            "sembilan" => 9,
            _ => return None,
        })
    };
    let mut thousands: Option<u64> = None;
    let mut group: u64 = 0;
    let mut pending: Option<u64> = None;
    // The smallest magnitude used so far in this group: each word must be smaller than the last,
    // which rejects "lima dua" or "dua puluh tiga ratus".
    let mut last: u64 = u64::MAX;
    for t in tokens {
        if let Some(d) = digit_of(t) {
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
            continue;
        }
        let (mult, scale) = match t {
            "puluh" | "belas" | "ratus" => {
                let d = pending.take()?;
                if d < 2 {
                    return None; // "satu puluh" is written "sepuluh"
                }
                (d, t)
            }
            "sepuluh" | "sebelas" | "seratus" | "seribu" if pending.is_none() => (1, t),
            "ribu" => (pending.take().unwrap_or(0), t),
            _ => return None,
        };
        match scale {
            "puluh" | "sepuluh" if last > 10 => {
                group += mult * 10;
                // "sepuluh satu" is not a number, "dua puluh satu" is.
                last = if t == "sepuluh" { 1 } else { 10 };
            }
            "belas" | "sebelas" if last > 10 => {
                group += 10 + if t == "sebelas" { 1 } else { mult };
                last = 1;
            }
            "ratus" | "seratus" if last > 100 => {
                group += mult * 100;
                last = 100;
            }
            "ribu" | "seribu" if thousands.is_none() => {
                // "dua puluh satu ribu": the group so far, with its last digit, counts thousands.
                if (mult > 0 && last <= 1) || (t == "seribu" && group != 0) {
                    return None;
                }
                let g = group + mult;
                if g == 0 {
                    return None;
                }
                thousands = Some(g * 1000);
                group = 0;
                last = u64::MAX;
            }
            _ => return None,
        }
    }
    if let Some(d) = pending {
        if last <= 1 {
            return None;
        }
        group += d;
    }
    Some(thousands.unwrap_or(0) + group)
}

// ---------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------

/// The sum of a SOP's steps. `min_minutes`/`max_minutes` only count the steps with a fixed time;
/// the other lists say which steps were left out or counted for one item, so the UI can say so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Total {
    pub min_minutes: u64,
    pub max_minutes: u64,
    /// Steps whose time is not fixed ("Sesuai MOU"): not in the sum.
    pub unspecified_steps: List<u32>,
    /// Steps with no printed time: not in the sum.
    pub untimed_steps: List<u32>,
    /// Steps whose time is per item: counted once.
    pub per_item_steps: List<u32>,
}

impl Total {
    /// True when every step has a fixed time that does not depend on a number of items.
    pub fn is_complete(&self) -> bool {
        self.unspecified_steps.is_empty()
            && self.untimed_steps.is_empty()
            && self.per_item_steps.is_empty()
    }

    /// The total in plain Indonesian, with what it leaves out.
    pub fn describe(&self) -> String {
        let mut s = format_range(self.min_minutes, self.max_minutes);
        let mut notes = Vec::new();
        if !self.per_item_steps.is_empty() {
            notes.push(format!(
                "untuk 1 item pada langkah {}",
                join_steps(&self.per_item_steps)
            ));
        }
        if !self.untimed_steps.is_empty() {
            notes.push(format!(
                "langkah {} tanpa waktu",
                join_steps(&self.untimed_steps)
            ));
        }
        if !self.unspecified_steps.is_empty() {
            notes.push(format!(
                "langkah {} tidak tetap",
                join_steps(&self.unspecified_steps)
            ));
        }
        if !notes.is_empty() {
            s.push_str(" (");
            s.push_str(&notes.join("; "));
            s.push(')');
        }
        s
    }
}

fn join_steps(steps: &[u32]) -> String {
    steps
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sums a SOP's steps, given as (step number as printed, parsed duration).
pub fn total(steps: &[(u32, &Duration)]) -> Total {
    let mut t = Total::default();
    for &(no, d) in steps {
        match d {
            Duration::None => t.untimed_steps.to_mut().push(no),
            Duration::Unspecified { .. } => t.unspecified_steps.to_mut().push(no),
            Duration::Range { per_item, .. } => {
                if per_item.is_some() {
                    t.per_item_steps.to_mut().push(no);
                }
                if let Some((a, b)) = d.work_minutes() {
                    t.min_minutes = t.min_minutes.saturating_add(a);
                    t.max_minutes = t.max_minutes.saturating_add(b);
                }
            }
        }
    }
    t
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// Working minutes in plain Indonesian: "29 menit", "2 jam 35 menit", "7 hari kerja",
/// "1 hari kerja 2 jam". Weeks are not used: "15 hari kerja" is clearer than "3 minggu" when
/// holidays can stretch a week.
pub fn format_minutes(m: u64) -> String {
    if m == 0 {
        return "0 menit".to_string();
    }
    let days = m / WORKDAY_MINUTES;
    let hours = (m % WORKDAY_MINUTES) / HOUR_MINUTES;
    let minutes = m % HOUR_MINUTES;
    let mut out = Vec::new();
    if days > 0 {
        out.push(format!("{days} hari kerja"));
    }
    if hours > 0 {
        out.push(format!("{hours} jam"));
    }
    if minutes > 0 {
        out.push(format!("{minutes} menit"));
    }
    out.join(" ")
}

/// A range of working minutes: "15–33 hari kerja", "30–45 menit", "1–3 jam"; one value when
/// min == max; "30 menit – 1 jam" when the ends need different units.
pub fn format_range(min: u64, max: u64) -> String {
    let (min, max) = (min.min(max), min.max(max));
    if min == max {
        return format_minutes(min);
    }
    if max < HOUR_MINUTES {
        return format!("{min}–{max} menit");
    }
    if min > 0 && min % WORKDAY_MINUTES == 0 && max % WORKDAY_MINUTES == 0 {
        return format!(
            "{}–{} hari kerja",
            min / WORKDAY_MINUTES,
            max / WORKDAY_MINUTES
        );
    }
    if min > 0 && min % HOUR_MINUTES == 0 && max % HOUR_MINUTES == 0 && max < WORKDAY_MINUTES {
        return format!("{}–{} jam", min / HOUR_MINUTES, max / HOUR_MINUTES);
    }
    format!("{} – {}", format_minutes(min), format_minutes(max))
}

/// A range for a quick read (lists, summaries): an end of a day or more is rounded UP to whole
/// working days, so "57 hari kerja 1 jam 41 menit" reads "58 hari kerja" — the citizen is told
/// the latest day, never an optimistic one. Shorter ends stay exact.
pub fn format_range_approx(min: u64, max: u64) -> String {
    let (min, max) = (min.min(max), min.max(max));
    let days_up = |m: u64| m.div_ceil(WORKDAY_MINUTES);
    if min >= WORKDAY_MINUTES {
        let (a, b) = (days_up(min), days_up(max));
        return if a == b { format!("{a} hari kerja") } else { format!("{a}–{b} hari kerja") };
    }
    if max >= WORKDAY_MINUTES {
        return format!("{} – {} hari kerja", format_minutes(min), days_up(max));
    }
    format_range(min, max)
}

// ---------------------------------------------------------------------------------------------
// The printed total
// ---------------------------------------------------------------------------------------------

/// How the printed JUMLAH WAKTU PELAYANAN compares with the sum of the steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StatedComparison {
    Agrees,
    Disagrees {
        stated_min: u64,
        stated_max: u64,
        computed_min: u64,
        computed_max: u64,
    },
    /// Printed, but not a fixed duration this parser reads.
    Unparseable,
    NotPrinted,
}

/// Compares the printed total with the computed one. Only exact agreement of both ends counts:
/// a SOP that promises "7 hari" while its steps add up to 8 is something the office must fix.
pub fn compare_stated(stated: &str, total: &Total) -> StatedComparison {
    let parsed = match parse(stated) {
        Ok(Duration::None) => return StatedComparison::NotPrinted,
        Ok(d) => d,
        Err(_) => return StatedComparison::Unparseable,
    };
    let Some((stated_min, stated_max)) = parsed.work_minutes() else {
        return StatedComparison::Unparseable;
    };
    if stated_min == total.min_minutes && stated_max == total.max_minutes {
        StatedComparison::Agrees
    } else {
        StatedComparison::Disagrees {
            stated_min,
            stated_max,
            computed_min: total.min_minutes,
            computed_max: total.max_minutes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use TimeUnit::*;

    const D: u64 = WORKDAY_MINUTES;

    fn one(n: u32, unit: TimeUnit) -> Duration {
        range(n, n, unit)
    }

    fn range(min: u32, max: u32, unit: TimeUnit) -> Duration {
        Duration::Range {
            parts: vec![Part { min, max, unit }].into(),
            per_item: None,
            remark: None,
        }
    }

    fn per(n: u32, unit: TimeUnit, item: &str) -> Duration {
        Duration::Range {
            parts: vec![Part {
                min: n,
                max: n,
                unit,
            }].into(),
            per_item: Some(item.to_string().into()),
            remark: None,
        }
    }

    /// Every duration form in the brief and every distinct string in the Waktu / Lama Proses /
    /// Waktu Pelaksanaan columns and JUMLAH WAKTU PELAYANAN rows of
    /// shared/source/sop-dpttk-katingan-2025.txt, with the working minutes it stands for.
    #[test]
    fn every_printed_form() {
        type Row = (&'static str, Duration, Option<(u64, u64)>);
        let table: Vec<Row> = vec![
            ("15 Menit", one(15, Minute), Some((15, 15))),
            ("15 menit", one(15, Minute), Some((15, 15))),
            ("5 (Lima)menit", one(5, Minute), Some((5, 5))),
            ("5 (Lima) menit", one(5, Minute), Some((5, 5))),
            ("3 (tiga)menit", one(3, Minute), Some((3, 3))),
            ("2 (dua) menit", one(2, Minute), Some((2, 2))),
            (
                "29 (dua puluh sembilan) menit",
                one(29, Minute),
                Some((29, 29)),
            ),
            ("35 merit", one(35, Minute), Some((35, 35))),
            ("20 merit", one(20, Minute), Some((20, 20))),
            ("25 merit", one(25, Minute), Some((25, 25))),
            ("10 merit", one(10, Minute), Some((10, 10))),
            ("1 s/d 3 hari", range(1, 3, Day), Some((D, 3 * D))),
            ("30 s/d 45 menit", range(30, 45, Minute), Some((30, 45))),
            ("1 s/d 10 hari", range(1, 10, Day), Some((D, 10 * D))),
            ("1 s/d 30 hari", range(1, 30, Day), Some((D, 30 * D))),
            ("3 s/d 7 hari", range(3, 7, Day), Some((3 * D, 7 * D))),
            ("1 s/d 7 hari", range(1, 7, Day), Some((D, 7 * D))),
            ("1 s/d 3 jam", range(1, 3, Hour), Some((60, 180))),
            (
                "2 (dua) minggu, 5 (lima) hari",
                Duration::Range {
                    parts: vec![
                        Part {
                            min: 2,
                            max: 2,
                            unit: Week,
                        },
                        Part {
                            min: 5,
                            max: 5,
                            unit: Day,
                        },
                    ].into(),
                    per_item: None,
                    remark: None,
                },
                Some((15 * D, 15 * D)),
            ),
            (
                "20-33 hari (160-260jp)",
                Duration::Range {
                    parts: vec![Part {
                        min: 20,
                        max: 33,
                        unit: Day,
                    }].into(),
                    per_item: None,
                    remark: Some("160-260jp".to_string().into()),
                },
                Some((20 * D, 33 * D)),
            ),
            ("24 jam", one(24, Hour), Some((D, D))),
            ("24 Jam", one(24, Hour), Some((D, D))),
            ("1 Minggu", one(1, Week), Some((5 * D, 5 * D))),
            ("1 (satu) minggu", one(1, Week), Some((5 * D, 5 * D))),
            (
                "10 menit/ sertifikat",
                per(10, Minute, "sertifikat"),
                Some((10, 10)),
            ),
            (
                "1 menit/ sertifikat",
                per(1, Minute, "sertifikat"),
                Some((1, 1)),
            ),
            (
                "5 menit/ sertifikat",
                per(5, Minute, "sertifikat"),
                Some((5, 5)),
            ),
            (
                "15 Menit / dokumen",
                per(15, Minute, "dokumen"),
                Some((15, 15)),
            ),
            ("10menit", one(10, Minute), Some((10, 10))),
            ("120 Menit", one(120, Minute), Some((120, 120))),
            ("120 menit", one(120, Minute), Some((120, 120))),
            ("30 Hari", one(30, Day), Some((30 * D, 30 * D))),
            ("1 Hari", one(1, Day), Some((D, D))),
            ("1 hari", one(1, Day), Some((D, D))),
            ("1 (satu) hari", one(1, Day), Some((D, D))),
            ("2 (dua) hari", one(2, Day), Some((2 * D, 2 * D))),
            ("1 Jam", one(1, Hour), Some((60, 60))),
            ("1 jam", one(1, Hour), Some((60, 60))),
            ("2 jam", one(2, Hour), Some((120, 120))),
            (
                "Sesuai MOU",
                Duration::Unspecified {
                    text: "Sesuai MOU".to_string().into(),
                },
                None,
            ),
            ("", Duration::None, None),
            ("   ", Duration::None, None),
            ("\t\n", Duration::None, None),
            ("7 (tujuh) hari", one(7, Day), Some((7 * D, 7 * D))),
            ("8 (delapan) hari", one(8, Day), Some((8 * D, 8 * D))),
            ("7 hari", one(7, Day), Some((7 * D, 7 * D))),
            ("2 hari", one(2, Day), Some((2 * D, 2 * D))),
            ("14 hari", one(14, Day), Some((14 * D, 14 * D))),
            ("60 menit", one(60, Minute), Some((60, 60))),
            ("60 Menit", one(60, Minute), Some((60, 60))),
            ("90 menit", one(90, Minute), Some((90, 90))),
            ("3 jam", one(3, Hour), Some((180, 180))),
            ("1 menit", one(1, Minute), Some((1, 1))),
            ("2 menit", one(2, Minute), Some((2, 2))),
            ("2 Menit", one(2, Minute), Some((2, 2))),
            ("3 menit", one(3, Minute), Some((3, 3))),
            ("5 menit", one(5, Minute), Some((5, 5))),
            ("10 menit", one(10, Minute), Some((10, 10))),
            ("10 Menit", one(10, Minute), Some((10, 10))),
            ("20 Menit", one(20, Minute), Some((20, 20))),
            ("25 Menit", one(25, Minute), Some((25, 25))),
            ("30 menit", one(30, Minute), Some((30, 30))),
            ("30 Menit", one(30, Minute), Some((30, 30))),
        ];
        for (printed, expected, minutes) in table {
            let got = parse(printed).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(got, expected, "{printed:?}");
            assert_eq!(got.work_minutes(), minutes, "{printed:?}");
        }
    }

    #[test]
    fn other_accepted_forms() {
        assert_eq!(
            parse("1 (satu) s/d 3 (tiga) hari").unwrap(),
            range(1, 3, Day)
        );
        assert_eq!(parse("1–3 hari kerja").unwrap(), range(1, 3, Day));
        assert_eq!(parse("1 sampai dengan 3 hari").unwrap(), range(1, 3, Day));
        assert_eq!(
            parse("2 jam 35 menit").unwrap().work_minutes(),
            Some((155, 155))
        );
        assert_eq!(
            parse("1 hari kerja 2 jam").unwrap().work_minutes(),
            Some((D + 120, D + 120))
        );
        assert_eq!(
            parse("48 jam").unwrap().work_minutes(),
            Some((2 * D, 2 * D))
        );
        assert_eq!(
            parse("10 menit per sertifikat").unwrap(),
            per(10, Minute, "sertifikat")
        );
        assert_eq!(parse("-").unwrap(), Duration::None);
        assert_eq!(parse("\u{a0}5\u{a0}menit\u{a0}").unwrap(), one(5, Minute));
        assert_eq!(
            parse("Sesuai kebutuhan").unwrap(),
            Duration::Unspecified {
                text: "Sesuai kebutuhan".to_string().into()
            }
        );
    }

    #[test]
    fn number_words_must_agree_with_digits() {
        let e = parse("5 (enam) menit").unwrap_err();
        assert!(e.reason.contains("say 6"), "{e}");
        assert!(parse("29 (dua puluh delapan) menit").is_err());
        assert!(parse("2 (dua) minggu, 5 (empat) hari").is_err());
        assert!(
            parse("5 (lma) menit").is_err(),
            "a misspelt number word is not silently a remark"
        );
        assert!(parse("1 (satu) s/d 3 (dua) hari").is_err());
    }

    #[test]
    fn indonesian_number_words() {
        let cases = [
            ("satu", 1),
            ("Lima", 5),
            ("sepuluh", 10),
            ("sebelas", 11),
            ("dua belas", 12),
            ("sembilan belas", 19),
            ("dua puluh", 20),
            ("dua puluh sembilan", 29),
            ("tiga puluh", 30),
            ("sembilan puluh sembilan", 99),
            ("seratus", 100),
            ("seratus dua belas", 112),
            ("dua ratus enam puluh", 260),
            ("seribu", 1000),
            ("dua ribu lima", 2005),
            ("dua puluh ribu", 20_000),
            ("nol", 0),
        ];
        for (words, n) in cases {
            assert_eq!(number_words_value(words), Some(n), "{words}");
        }
        for bad in [
            "",
            "lima dua",
            "satu puluh",
            "dua puluh tiga ratus",
            "sepuluh satu",
            "belas",
            "jam",
            "puluh",
        ] {
            assert_eq!(number_words_value(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_duration() {
        for bad in [
            "menit",
            "lima menit",
            "5",
            "5 bulan",
            "5 menitan",
            "3 s/d 1 hari",
            "1,5 jam",
            "1.5 jam",
            "99999999999999999999 menit",
            "4294967296 menit",
            "1000000 minggu",
            "5 menit (",
            "5 menit / ",
            "5 menit xyz",
            "5 menit / a / b",
            "s/d 3 hari",
            "١٢ menit",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn describes_steps() {
        let d = |s: &str| parse(s).unwrap().describe();
        assert_eq!(d("5 (Lima)menit"), "5 menit");
        assert_eq!(d("1 s/d 3 hari"), "1–3 hari kerja");
        assert_eq!(d("10 menit/ sertifikat"), "10 menit per sertifikat");
        assert_eq!(d("Sesuai MOU"), "Sesuai MOU (tidak tetap)");
        assert_eq!(d(""), "Tidak dicantumkan");
        assert_eq!(d("2 (dua) minggu, 5 (lima) hari"), "2 minggu, 5 hari kerja");
        assert_eq!(d("20-33 hari (160-260jp)"), "20–33 hari kerja (160-260jp)");
        assert_eq!(d("24 jam"), "24 jam (1 hari kerja)");
        assert_eq!(d("1 s/d 3 jam"), "1–3 jam");
    }

    #[test]
    fn formats_minutes_and_ranges() {
        assert_eq!(format_minutes(29), "29 menit");
        assert_eq!(format_minutes(155), "2 jam 35 menit");
        assert_eq!(format_minutes(7 * D), "7 hari kerja");
        assert_eq!(format_minutes(D + 120), "1 hari kerja 2 jam");
        assert_eq!(format_minutes(0), "0 menit");
        assert_eq!(format_minutes(60), "1 jam");
        assert_eq!(format_range(15 * D, 33 * D), "15–33 hari kerja");
        assert_eq!(format_range(30, 45), "30–45 menit");
        assert_eq!(format_range(60, 180), "1–3 jam");
        assert_eq!(format_range(29, 29), "29 menit");
        assert_eq!(format_range(30, 60), "30 menit – 1 jam");
        assert_eq!(format_range(45, 30), "30–45 menit");
    }

    fn steps(ds: &[Duration]) -> Vec<(u32, &Duration)> {
        ds.iter()
            .enumerate()
            .map(|(i, d)| (i as u32 + 1, d))
            .collect()
    }

    #[test]
    fn jht_like_total() {
        let printed = [
            "",
            "5 (Lima)menit",
            "5 (Lima)menit",
            "3 (tiga)menit",
            "5 (Lima) menit",
            "5 (Lima) menit",
            "2 (dua) menit",
            "2 (dua) menit",
            "2 (dua) menit",
        ];
        let ds: Vec<Duration> = printed.iter().map(|s| parse(s).unwrap()).collect();
        let t = total(&steps(&ds));
        assert_eq!((t.min_minutes, t.max_minutes), (29, 29));
        assert_eq!(t.untimed_steps, vec![1]);
        assert!(t.unspecified_steps.is_empty() && t.per_item_steps.is_empty());
        assert_eq!(
            compare_stated("29 (dua puluh sembilan) menit", &t),
            StatedComparison::Agrees
        );
        assert_eq!(t.describe(), "29 menit (langkah 1 tanpa waktu)");
    }

    #[test]
    fn pp_like_total() {
        let printed = [
            "1 (satu) hari",
            "1 (satu) hari",
            "1 (satu) hari",
            "1 (satu) minggu",
            "1 (satu) minggu",
            "1 (satu) hari",
            "1 (satu) hari",
        ];
        let ds: Vec<Duration> = printed.iter().map(|s| parse(s).unwrap()).collect();
        let t = total(&steps(&ds));
        assert_eq!((t.min_minutes, t.max_minutes), (15 * D, 15 * D));
        assert_eq!(format_range(t.min_minutes, t.max_minutes), "15 hari kerja");
        assert!(t.is_complete());
        assert_eq!(
            compare_stated("2 (dua) minggu, 5 (lima) hari", &t),
            StatedComparison::Agrees
        );
    }

    #[test]
    fn lks_like_total_disagrees_with_print() {
        let printed = [
            "1 (satu) hari",
            "1 (satu) hari",
            "2 (dua) hari",
            "1 (satu) hari",
            "1 (satu) hari",
            "1 (satu) hari",
            "1 (satu) hari",
        ];
        let ds: Vec<Duration> = printed.iter().map(|s| parse(s).unwrap()).collect();
        let t = total(&steps(&ds));
        assert_eq!(t.max_minutes, 8 * D);
        assert_eq!(
            compare_stated("7 (tujuh) hari", &t),
            StatedComparison::Disagrees {
                stated_min: 7 * D,
                stated_max: 7 * D,
                computed_min: 8 * D,
                computed_max: 8 * D
            }
        );
        assert_eq!(compare_stated("", &t), StatedComparison::NotPrinted);
        assert_eq!(
            compare_stated("Sesuai MOU", &t),
            StatedComparison::Unparseable
        );
        assert_eq!(
            compare_stated("tujuh hari", &t),
            StatedComparison::Unparseable
        );
    }

    #[test]
    fn blk_like_total_with_ranges_and_per_item() {
        let printed = [
            "24 jam",
            "30 Hari",
            "15 Menit / dokumen",
            "24 jam",
            "120 Menit",
            "24 Jam",
            "60 Menit",
            "10 Menit",
            "24 jam",
            "1 hari",
            "60 menit",
            "1 hari",
            "1 jam",
            "20-33 hari (160-260jp)",
            "90 menit",
            "1 jam",
            "90 menit",
            "10 menit/ sertifikat",
            "1 menit/ sertifikat",
            "5 menit/ sertifikat",
        ];
        let ds: Vec<Duration> = printed.iter().map(|s| parse(s).unwrap()).collect();
        let t = total(&steps(&ds));
        assert_eq!(t.per_item_steps, vec![3, 18, 19, 20]);
        let fixed_days = 4 + 30 + 2; // four "24 jam", "30 Hari", two "1 hari"
        let fixed_minutes = 15 + 120 + 60 + 10 + 60 + 60 + 90 + 60 + 90 + 10 + 1 + 5;
        assert_eq!(t.min_minutes, (fixed_days + 20) * D + fixed_minutes);
        assert_eq!(t.max_minutes, (fixed_days + 33) * D + fixed_minutes);
        assert!(
            t.describe()
                .contains("untuk 1 item pada langkah 3, 18, 19, 20"),
            "{}",
            t.describe()
        );
    }

    #[test]
    fn serde_shape_is_stable() {
        let d = parse("10 menit/ sertifikat").unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"range","parts":[{"min":10,"max":10,"unit":"minute"}],"per_item":"sertifikat"}"#
        );
        assert_eq!(serde_json::from_str::<Duration>(&json).unwrap(), d);
        let c = StatedComparison::Disagrees {
            stated_min: 1,
            stated_max: 2,
            computed_min: 3,
            computed_max: 4,
        };
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.starts_with(r#"{"status":"disagrees""#), "{json}");
    }

    fn unit_strategy() -> impl Strategy<Value = (TimeUnit, &'static str)> {
        prop_oneof![
            Just((Minute, "menit")),
            Just((Minute, "Menit")),
            Just((Minute, "merit")),
            Just((Hour, "jam")),
            Just((Day, "hari")),
            Just((Day, "Hari")),
            Just((Week, "minggu")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn parse_never_panics(s in any::<String>()) {
            let _ = parse(&s);
        }

        #[test]
        fn parse_never_panics_on_near_misses(
            s in "[0-9 ()/sd,.\\-–a-zA-Z\u{a0}é١]{0,40}"
        ) {
            if let Ok(d) = parse(&s) {
                let _ = d.describe();
                if let Some((a, b)) = d.work_minutes() {
                    prop_assert!(a <= b && b <= MAX_WORK_MINUTES);
                }
            }
        }

        #[test]
        fn canonical_forms_round_trip(
            // At most 260 weeks, the longest duration accepted.
            a in 0u32..130,
            extra in 0u32..130,
            (unit, word) in unit_strategy(),
            sep in prop_oneof![Just(" s/d "), Just("-"), Just(" – "), Just(" sampai ")],
            item in prop::option::of(prop_oneof![Just("sertifikat"), Just("dokumen")]),
        ) {
            let b = a + extra;
            let mut s = if a == b { format!("{a} {word}") } else { format!("{a}{sep}{b} {word}") };
            if let Some(item) = item {
                s.push_str(&format!(" / {item}"));
            }
            let d = parse(&s).unwrap();
            prop_assert_eq!(
                &d,
                &Duration::Range {
                    parts: vec![Part { min: a, max: b, unit }].into(),
                    per_item: item.map(|i| i.to_string().into()),
                    remark: None,
                }
            );
            // What describe prints reads back as the same duration (the 24-hour note aside).
            if unit != Hour {
                prop_assert_eq!(parse(&d.describe()).unwrap(), d);
            }
        }

        #[test]
        fn formatted_minutes_read_back(m in 0u64..(400 * WORKDAY_MINUTES)) {
            let text = format_minutes(m);
            prop_assert_eq!(parse(&text).unwrap().work_minutes(), Some((m, m)), "{}", text);
        }

        #[test]
        fn formatted_single_unit_ranges_read_back(a in 1u64..200, extra in 1u64..200, scale in prop_oneof![Just(1u64), Just(60), Just(WORKDAY_MINUTES)]) {
            let (min, max) = (a * scale, (a + extra) * scale);
            let text = format_range(min, max);
            if !text.contains(" – ") {
                prop_assert_eq!(parse(&text).unwrap().work_minutes(), Some((min, max)), "{}", text);
            }
        }

        #[test]
        fn number_words_agree_with_their_value(n in 1u64..1000) {
            let words = spell(n);
            prop_assert_eq!(number_words_value(&words), Some(n), "{}", words);
            let printed = format!("{n} ({words}) menit");
            prop_assert_eq!(parse(&printed).unwrap().work_minutes(), Some((n, n)));
        }
    }

    /// Spells 1..=999 in Indonesian, independently of the parser.
    fn spell(n: u64) -> String {
        const ONES: [&str; 10] = [
            "", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        ];
        let mut out = Vec::new();
        let (h, rest) = (n / 100, n % 100);
        match h {
            0 => {}
            1 => out.push("seratus".to_string()),
            _ => out.push(format!("{} ratus", ONES[h as usize])),
        }
        match rest {
            0 => {}
            10 => out.push("sepuluh".to_string()),
            11 => out.push("sebelas".to_string()),
            12..=19 => out.push(format!("{} belas", ONES[(rest - 10) as usize])),
            1..=9 => out.push(ONES[rest as usize].to_string()),
            _ => {
                out.push(format!("{} puluh", ONES[(rest / 10) as usize]));
                if rest % 10 > 0 {
                    out.push(ONES[(rest % 10) as usize].to_string());
                }
            }
        }
        out.join(" ")
    }
}

#[cfg(test)]
mod approx_tests {
    use super::*;

    #[test]
    fn summaries_round_days_up_and_keep_short_times_exact() {
        let day = WORKDAY_MINUTES;
        for (min, max, expect) in [
            (29, 29, "29 menit"),
            (125, 260, "2 jam 5 menit – 4 jam 20 menit"),
            (15 * day, 15 * day, "15 hari kerja"),
            (57 * day + 101, 70 * day + 101, "58–71 hari kerja"),
            (4 * day + 100, 12 * day + 100, "5–13 hari kerja"),
            (125, 2 * day, "2 jam 5 menit – 2 hari kerja"),
            (day, day + 1, "1–2 hari kerja"),
        ] {
            assert_eq!(format_range_approx(min, max), expect, "{min}..{max}");
        }
    }
}
