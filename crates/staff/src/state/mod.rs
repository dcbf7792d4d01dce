//! App-wide state shared by several pages through context. Each store is created once in
//! `App` and reached through a typed accessor, so no page builds its own copy.

mod case_files;
mod case_load;
mod case_sync;
mod cases;
pub mod sync;

pub use case_files::{ArchivePlan, ImportReport};
pub use case_sync::TakenIn;
pub use cases::{
    provide_case_store, use_case_store, CaseSlot, CaseStore, Feedback, FeedbackKind, FeedbackPlace, LoadState,
    OpenCase, QuarantinedEntry, SaveFailure, Unsaved,
};
