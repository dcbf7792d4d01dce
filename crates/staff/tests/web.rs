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

