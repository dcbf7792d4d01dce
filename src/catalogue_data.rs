//! The validated catalogue, embedded at build time by build.rs, so the first paint needs no
//! network request.

use std::sync::OnceLock;

use sop_domain::calendar::WorkCalendar;
use sop_domain::catalogue::Catalogue;
use sop_domain::findings::Finding;
use sop_domain::search::SearchIndex;

static CATALOGUE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));
static FINDINGS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/findings.json"));

/// Parsed once, on first use. Its `findings` are empty: see [`findings`].
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        serde_json::from_str(CATALOGUE_JSON).expect("build.rs wrote a valid catalogue")
    })
}

/// The working-day calendar built from the catalogue's holiday data.
pub fn calendar() -> &'static WorkCalendar {
    static CALENDAR: OnceLock<WorkCalendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        WorkCalendar::new(catalogue().calendar.clone()).expect("build.rs validated the calendar")
    })
}

/// The search index over the catalogue, built on first use.
pub fn search_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(catalogue()))
}

/// The inconsistencies the data reveals, parsed on first use (only the staff pages need them).
pub fn findings() -> &'static [Finding] {
    static FINDINGS: OnceLock<Vec<Finding>> = OnceLock::new();
    FINDINGS.get_or_init(|| serde_json::from_str(FINDINGS_JSON).expect("build.rs wrote valid findings"))
}

/// The findings about one SOP.
pub fn findings_for(id: &str) -> impl Iterator<Item = &'static Finding> + '_ {
    findings().iter().filter(move |f| f.sop_id.as_deref() == Some(id))
}
