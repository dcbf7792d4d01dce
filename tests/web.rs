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
    assert_eq!(dom::href("/sop/jht"), format!("{base}/sop/jht"));
}

#[wasm_bindgen_test]
fn path_of_base_uri_handles_root_and_sub_paths() {
    assert_eq!(dom::path_of_base_uri("http://127.0.0.1:8080/"), "");
    assert_eq!(dom::path_of_base_uri("http://127.0.0.1:8080/layanan-sop/"), "/layanan-sop");
    assert_eq!(dom::path_of_base_uri("https://dinas.go.id/a/b/?x=1#y"), "/a/b");
}
