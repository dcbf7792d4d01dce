//! Components both apps draw. They touch the browser only from event handlers and effects,
//! so the site generator can render them too.

pub mod diagram;
pub mod layout;
pub mod share;
pub mod update_banner;
