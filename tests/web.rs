//! Browser-glue tests, run by wasm-bindgen-test in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test web`.

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use layanan_sop::platform::dom;

#[wasm_bindgen_test]
fn base_path_follows_the_document_base() {
    // The test page has no <base>, so the document URL's directory is the base.
    let base = dom::base_path();
    assert!(!base.ends_with('/'), "base path {base:?} must not end with '/'");
    layanan_sop::routes::set_base(&base);
    assert_eq!(layanan_sop::routes::href("/sop/jht"), format!("{base}/sop/jht"));
}

#[wasm_bindgen_test]
fn path_of_base_uri_handles_root_and_sub_paths() {
    assert_eq!(dom::path_of_base_uri("http://127.0.0.1:8080/"), "");
    assert_eq!(dom::path_of_base_uri("http://127.0.0.1:8080/layanan-sop/"), "/layanan-sop");
    assert_eq!(dom::path_of_base_uri("https://dinas.go.id/a/b/?x=1#y"), "/a/b");
}

#[wasm_bindgen_test]
fn routes_are_base_less_and_encode_their_query() {
    use layanan_sop::routes::{case_page, Route};
    // use_navigate adds the base path itself: a route must never start with it.
    assert_eq!(Route::new("/kasus").build(), "/kasus");
    assert_eq!(case_page("jht-2026-0001"), "/kasus/jht-2026-0001");
    let r = Route::new("/kasus").param_if_set("q", "PKB/0002 budi&co").param_if_set("sop", "").param("baru", "");
    assert_eq!(r.build(), "/kasus?q=PKB/0002%20budi%26co&baru=");
    assert_eq!(Route::new("/").param_if_set("q", "jaminan hari tua").build(), "/?q=jaminan%20hari%20tua");
    assert_eq!(Route::new("/").param_if_set("q", "é").build(), "/?q=%C3%A9");
}

#[wasm_bindgen_test]
fn step_links_use_the_step_anchor_the_sop_page_draws() {
    use layanan_sop::catalogue_data::catalogue;
    use layanan_sop::routes::{sop_page, sop_step, step_anchor};
    let jht = catalogue().sop("jht").expect("jht in the catalogue");
    assert_eq!(sop_page("jht"), "/sop/jht");
    assert_eq!(sop_step(jht, 0), "/sop/jht#langkah-1");
    // A printed number that repeats: each step keeps a unique anchor, and links follow it.
    let mut repeated = jht.clone();
    repeated.steps.to_mut()[2].no = 2;
    assert_eq!(step_anchor(&repeated, 1), "langkah-2-2");
    assert_eq!(sop_step(&repeated, 2), "/sop/jht#langkah-2-3");
}

#[wasm_bindgen_test]
fn checklist_ticks_read_back_what_was_stored_and_refuse_garbage() {
    use layanan_sop::platform::prefs::{format_ticks, parse_ticks};
    assert_eq!(format_ticks(&[true, false, true]), "[true,false,true]");
    assert_eq!(parse_ticks("[true,false,true]"), Some(vec![true, false, true]));
    assert_eq!(parse_ticks(" [ true , false ] "), Some(vec![true, false]));
    assert_eq!(parse_ticks("[]"), Some(vec![]));
    assert_eq!(parse_ticks("[1,0]"), None);
    assert_eq!(parse_ticks("garbage"), None);
}
