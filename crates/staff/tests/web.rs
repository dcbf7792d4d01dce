//! Browser-glue tests of the staff bundle, run by wasm-bindgen-test in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown -p staff --test web`.

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn running_clocks_read_as_hours_minutes_seconds() {
    use staff::components::case_format::clock_text;
    assert_eq!(clock_text(0), "00:00:00");
    assert_eq!(clock_text(249_000), "00:04:09");
    // A clock set backwards never shows negative time.
    assert_eq!(clock_text(-5), "00:00:00");
    assert_eq!(clock_text((3 * 86_400 + 3_605) * 1000), "3 hari 01:00:05");
}

#[wasm_bindgen_test]
fn case_counts_use_indonesian_digit_grouping() {
    use layanan_sop::strings::kasus_count;
    assert_eq!(kasus_count(0), "0 permohonan");
    assert_eq!(kasus_count(999), "999 permohonan");
    assert_eq!(kasus_count(10_000), "10.000 permohonan");
    assert_eq!(kasus_count(1_234_567), "1.234.567 permohonan");
}


/// The sync's wait: a wake that comes while nobody waits is kept, so a change saved while the
/// sync was busy does not wait for the next timeout; a wake ends a wait early.
#[wasm_bindgen_test]
async fn a_wake_ends_the_sync_wait_and_is_kept_when_nobody_waits() {
    use staff::platform::couch::Sleep;
    use std::rc::Rc;
    let now = js_sys::Date::now;
    let sleep = Rc::new(Sleep::default());
    sleep.wake();
    let t0 = now();
    sleep.sleep(10_000).await;
    assert!(now() - t0 < 1_000.0, "a kept wake returns at once");
    assert!(!sleep.take_woken(), "and is used up");
    let waker = sleep.clone();
    let t1 = now();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers_sleep(50).await;
        waker.wake();
    });
    sleep.sleep(10_000).await;
    assert!(now() - t1 < 2_000.0, "a wake during the wait ends it");
}

/// A server that does not answer is "unreachable", which the status line says in words.
#[wasm_bindgen_test]
async fn an_unreachable_server_is_told_in_indonesian() {
    use staff::platform::couch::{request, CouchError};
    // Port 9 (discard) is closed on the test machine: the connection is refused.
    let e = request("GET", "http://127.0.0.1:9/kasus", None, None).await.unwrap_err();
    assert_eq!(e, CouchError::Unreachable);
    assert_eq!(e.short(), "server tidak dapat dihubungi");
    assert!(e.message().contains("CORS"));
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
