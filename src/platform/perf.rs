//! User Timing marks (`performance.measure`) around the work a user waits for, so the
//! benchmark and the browser's devtools see how long it took. Costs a few microseconds.

/// Runs `work` and records its duration as a `performance.measure` named `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start_mark = format!("{name}:start");
    if let Some(p) = &perf {
        let _ = p.mark(&start_mark);
    }
    let out = work();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start_mark);
        p.clear_marks_with_mark_name(&start_mark);
    }
    out
}
