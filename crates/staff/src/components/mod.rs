//! View components of the case pages.

pub mod case_audit;
pub mod case_banners;
pub mod case_feedback;
pub mod case_format;
pub mod case_header;
pub mod case_list_rows;
pub mod case_new_form;
pub mod case_notes;
pub mod case_staff;
pub mod case_steps;
pub mod case_toolbar;
pub mod case_unsaved;
pub mod case_unsaved_marker;
pub mod sync_status;
