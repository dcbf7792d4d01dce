//! The validated catalogue, compiled in by build.rs as a `static`: the first paint needs no
//! network request, and start-up parses nothing.
//!
//! Without the `full-catalogue` feature (the citizen bundle) the fields only the written pages
//! and the staff app show are empty: the identity texts (approved_by, legal_basis, related,
//! warning, qualifications, equipment, records, stated_total), a step's printed time, note
//! and label, the corrections and the findings. The citizen bundle never shows them; the
//! public pages do, because the site generator, which writes them, has the feature.

use std::sync::OnceLock;

use sop_domain::calendar::WorkCalendar;
use sop_domain::catalogue::Catalogue;
use sop_domain::findings::Finding;
use sop_domain::search::SearchIndex;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub fn catalogue() -> &'static Catalogue {
    &generated::CATALOGUE
}

/// The working-day calendar built from the catalogue's holiday data (a few microseconds, on
/// first use).
pub fn calendar() -> &'static WorkCalendar {
    static CALENDAR: OnceLock<WorkCalendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        WorkCalendar::new(catalogue().calendar.clone()).expect("build.rs validated the calendar")
    })
}

/// The search index over the catalogue, built by build.rs (from the whole catalogue, whatever
/// the features: the citizen bundle searches texts it does not carry).
pub fn search_index() -> &'static SearchIndex {
    &generated::SEARCH_INDEX
}

/// The inconsistencies the data reveals (empty without the `full-catalogue` feature).
pub fn findings() -> &'static [Finding] {
    &catalogue().findings
}

/// The findings about one SOP.
pub fn findings_for(id: &str) -> impl Iterator<Item = &'static Finding> + '_ {
    findings().iter().filter(move |f| f.sop_id.as_deref() == Some(id))
}
