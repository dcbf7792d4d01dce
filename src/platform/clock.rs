//! The one place the app reads the clock. The domain receives `now_ms` as an argument.

/// Milliseconds since the Unix epoch (UTC), as the browser reports them.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
