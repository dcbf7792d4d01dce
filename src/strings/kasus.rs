//! Strings of the staff case pages (/kasus, /kasus/:id).
