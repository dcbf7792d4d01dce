//! The validated catalogue written as Rust source, for the web crate's build.rs: the browser
//! bundles then hold the catalogue as a `static` that borrows from the binary, so nothing is
//! parsed, allocated or copied at start-up (see `catalogue::Text`).
//!
//! Every struct is written with all its fields by name, so a field added to the model without
//! a line here fails the web build at once instead of silently vanishing from the app.
//!
//! What only the written pages and the staff app read — the identity texts (dasar hukum,
//! keterkaitan, peringatan, …), the requirements, lanes and step texts (the citizen bundle
//! reads those from the page it hydrates, and searches a compiled-in index), the source notes
//! — is written inside `full!(value, empty)`; the generated file defines that macro per cargo
//! feature, so the citizen bundle does not carry that text. Every SOP keeps all its steps
//! (their number and lane index), so counts and anchors stay right everywhere.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{CalendarData, ClockTime, Holiday, HolidayKind, OfficeDay, OfficeHours};
use crate::catalogue::{
    Audience, Catalogue, Correction, Decision, DecisionTarget, Related, Sop, Step, StepRef, Unit,
};
use crate::duration::{Duration, Part, StatedComparison, TimeUnit, Total};
use crate::findings::{Finding, FindingKind};
use crate::search::{Entry, SearchIndex, Vocabulary};

/// A value that can write itself as a Rust constant expression.
pub trait RustLiteral {
    fn write(&self, out: &mut String);
}

/// `value` as a Rust constant expression.
pub fn to_rust<T: RustLiteral + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write(&mut out);
    out
}

const COW: &str = "::std::borrow::Cow::Borrowed";
/// What a left-out field holds (constant expressions, as a `static` needs).
const EMPTY_TEXT: &str = "::std::borrow::Cow::Borrowed(\"\")";
const EMPTY_LIST: &str = "::std::borrow::Cow::Borrowed(&[])";
const NO_DURATION: &str = "::sop_domain::duration::Duration::None";

impl RustLiteral for str {
    fn write(&self, out: &mut String) {
        out.push_str(COW);
        out.push('(');
        // Debug quoting escapes quotes, backslashes and control characters the way Rust reads
        // them back.
        out.push_str(&format!("{self:?}"));
        out.push(')');
    }
}

impl RustLiteral for std::borrow::Cow<'static, str> {
    fn write(&self, out: &mut String) {
        (**self).write(out);
    }
}

impl<T: RustLiteral + Clone> RustLiteral for std::borrow::Cow<'static, [T]> {
    fn write(&self, out: &mut String) {
        out.push_str(COW);
        out.push_str("(&[");
        for item in self.iter() {
            item.write(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: RustLiteral> RustLiteral for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.write(out);
                out.push(')');
            }
        }
    }
}

macro_rules! plain_literal {
    ($($ty:ty),*) => {$(
        impl RustLiteral for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(&format!("{self:?}"));
            }
        }
    )*};
}
plain_literal!(bool, u16, u32, u64, i32, usize);

/// Enums without data: the variant's name is its Debug form.
macro_rules! unit_enum_literal {
    ($($ty:ty => $path:literal),*) => {$(
        impl RustLiteral for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(&format!(concat!($path, "::{:?}"), self));
            }
        }
    )*};
}
unit_enum_literal!(
    Audience => "::sop_domain::catalogue::Audience",
    TimeUnit => "::sop_domain::duration::TimeUnit",
    HolidayKind => "::sop_domain::calendar::HolidayKind",
    FindingKind => "::sop_domain::findings::FindingKind",
    Weekday => "::chrono::Weekday"
);

macro_rules! struct_literal {
    ($ty:ty => $path:literal { $($field:ident),* $(,)? }) => {
        impl RustLiteral for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(concat!($path, " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.write(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

struct_literal!(Unit => "::sop_domain::catalogue::Unit" { id, name, short });
struct_literal!(Related => "::sop_domain::catalogue::Related" { text, sop_id });
struct_literal!(StepRef => "::sop_domain::catalogue::StepRef" { index, no });
struct_literal!(Decision => "::sop_domain::catalogue::Decision" { question, yes, no });
struct_literal!(Correction => "::sop_domain::catalogue::Correction" { where_, printed, corrected, why });
struct_literal!(Part => "::sop_domain::duration::Part" { min, max, unit });
struct_literal!(Total => "::sop_domain::duration::Total" {
    min_minutes, max_minutes, unspecified_steps, untimed_steps, per_item_steps
});
impl RustLiteral for Step {
    fn write(&self, out: &mut String) {
        out.push_str("::sop_domain::catalogue::Step {");
        macro_rules! fields {
            ($($field:ident),*) => {$(
                out.push_str(concat!(stringify!($field), ": "));
                self.$field.write(out);
                out.push(',');
            )*};
        }
        fields!(no, lane_index, lane_inferred);
        for (name, value) in [
            ("text", &self.text),
            ("lane", &self.lane),
            ("inputs", &self.inputs),
            ("duration", &self.duration),
            ("output", &self.output),
            ("note", &self.note),
        ] {
            out.push_str(&format!("{name}: full!("));
            value.write(out);
            out.push_str(&format!(", {EMPTY_TEXT}),"));
        }
        out.push_str("duration_parsed: full!(");
        self.duration_parsed.write(out);
        out.push_str(&format!(", {NO_DURATION}),"));
        for (name, value) in [("label", self.label.as_ref().map(|l| to_rust(l))), ("decision", self.decision.as_ref().map(to_rust))] {
            out.push_str(&format!("{name}: full!({}, None),", value.map_or("None".to_string(), |v| format!("Some({v})"))));
        }
        out.push('}');
    }
}
struct_literal!(OfficeHours => "::sop_domain::calendar::OfficeHours" {
    zone, utc_offset_minutes, open, close, days
});
struct_literal!(Holiday => "::sop_domain::calendar::Holiday" { date, name, kind, source, estimated });
struct_literal!(CalendarData => "::sop_domain::calendar::CalendarData" { office, holidays });
struct_literal!(Finding => "::sop_domain::findings::Finding" { kind, sop_id, step_no, message, detail });
impl RustLiteral for Vocabulary {
    fn write(&self, out: &mut String) {
        out.push_str("::sop_domain::search::Vocabulary { text: ");
        self.text.write(out);
        out.push_str(", ends: ");
        self.ends.write(out);
        out.push_str(", sop_counts: ");
        self.sop_counts.write(out);
        out.push_str(", in_names: ");
        self.in_names.write(out);
        // Decoded from `text` on the first search.
        out.push_str(", chars: ::std::sync::OnceLock::new() }");
    }
}
struct_literal!(Entry => "::sop_domain::search::Entry" { unit_group, audience, phrases, aliases });
struct_literal!(SearchIndex => "::sop_domain::search::SearchIndex" {
    vocabulary, occurrences, occurrence_ends, sorted_ids, entries, popular_finds
});

impl RustLiteral for Sop {
    fn write(&self, out: &mut String) {
        out.push_str("::sop_domain::catalogue::Sop {");
        macro_rules! fields {
            ($($field:ident),*) => {$(
                out.push_str(concat!(stringify!($field), ": "));
                self.$field.write(out);
                out.push(',');
            )*};
        }
        macro_rules! full_fields {
            ($($field:ident: $empty:expr),*) => {$(
                out.push_str(concat!(stringify!($field), ": full!("));
                self.$field.write(out);
                out.push_str(&format!(", {}),", $empty));
            )*};
        }
        fields!(
            id, code, number, number_normalized, title, unit_group, audience, created, revised,
            effective, steps, total, stated_comparison
        );
        full_fields!(
            unit: EMPTY_TEXT, aliases: EMPTY_LIST, approved_by: EMPTY_TEXT,
            legal_basis: EMPTY_LIST, related: EMPTY_LIST, warning: EMPTY_TEXT,
            qualifications: EMPTY_LIST, equipment: EMPTY_LIST, records: EMPTY_LIST,
            requirements: EMPTY_LIST, lanes: EMPTY_LIST, stated_total: EMPTY_TEXT,
            stated_total_parsed: NO_DURATION, corrections: EMPTY_LIST
        );
        out.push('}');
    }
}

impl RustLiteral for Catalogue {
    fn write(&self, out: &mut String) {
        out.push_str("::sop_domain::catalogue::Catalogue { sops: ");
        self.sops.write(out);
        out.push_str(", units: ");
        self.units.write(out);
        out.push_str(", calendar: ");
        self.calendar.write(out);
        out.push_str(", findings: full!(");
        self.findings.write(out);
        out.push_str(&format!(", {EMPTY_LIST}) }}"));
    }
}

impl RustLiteral for DecisionTarget {
    fn write(&self, out: &mut String) {
        match self {
            DecisionTarget::Rejected => out.push_str("::sop_domain::catalogue::DecisionTarget::Rejected"),
            DecisionTarget::Step(r) => {
                out.push_str("::sop_domain::catalogue::DecisionTarget::Step(");
                r.write(out);
                out.push(')');
            }
        }
    }
}

impl RustLiteral for Duration {
    fn write(&self, out: &mut String) {
        match self {
            Duration::None => out.push_str("::sop_domain::duration::Duration::None"),
            Duration::Unspecified { text } => {
                out.push_str("::sop_domain::duration::Duration::Unspecified { text: ");
                text.write(out);
                out.push('}');
            }
            Duration::Range { parts, per_item, remark } => {
                out.push_str("::sop_domain::duration::Duration::Range { parts: ");
                parts.write(out);
                out.push_str(", per_item: ");
                per_item.write(out);
                out.push_str(", remark: ");
                remark.write(out);
                out.push('}');
            }
        }
    }
}

impl RustLiteral for StatedComparison {
    fn write(&self, out: &mut String) {
        const PATH: &str = "::sop_domain::duration::StatedComparison";
        match self {
            StatedComparison::Agrees => out.push_str(&format!("{PATH}::Agrees")),
            StatedComparison::Unparseable => out.push_str(&format!("{PATH}::Unparseable")),
            StatedComparison::NotPrinted => out.push_str(&format!("{PATH}::NotPrinted")),
            StatedComparison::Disagrees { stated_min, stated_max, computed_min, computed_max } => {
                out.push_str(&format!(
                    "{PATH}::Disagrees {{ stated_min: {stated_min}, stated_max: {stated_max}, \
                     computed_min: {computed_min}, computed_max: {computed_max} }}"
                ));
            }
        }
    }
}

impl RustLiteral for NaiveDate {
    fn write(&self, out: &mut String) {
        out.push_str(&format!(
            "::sop_domain::catalogue::date({}, {}, {})",
            self.year(),
            self.month(),
            self.day()
        ));
    }
}

impl RustLiteral for ClockTime {
    fn write(&self, out: &mut String) {
        out.push_str(&format!("::sop_domain::calendar::ClockTime({})", self.0));
    }
}

impl RustLiteral for OfficeDay {
    fn write(&self, out: &mut String) {
        out.push_str("::sop_domain::calendar::OfficeDay(");
        self.0.write(out);
        out.push(')');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_quoted_the_way_rust_reads_them_back() {
        let text: crate::catalogue::Text = "Kata \"kutip\" \\ baris\nbaru".into();
        assert_eq!(
            to_rust(&text),
            r#"::std::borrow::Cow::Borrowed("Kata \"kutip\" \\ baris\nbaru")"#
        );
    }

    #[test]
    fn lists_options_and_dates() {
        let list: crate::catalogue::List<u32> = vec![1, 2].into();
        assert_eq!(to_rust(&list), "::std::borrow::Cow::Borrowed(&[1,2,])");
        let none: Option<crate::catalogue::Text> = None;
        assert_eq!(to_rust(&none), "None");
        let date = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
        assert_eq!(to_rust(&date), "::sop_domain::catalogue::date(2025, 1, 6)");
        assert_eq!(to_rust(&Audience::Public), "::sop_domain::catalogue::Audience::Public");
    }
}
