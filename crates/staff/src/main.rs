// Thin entry point: everything lives in the library so wasm-bindgen tests can reach it.
fn main() {
    staff::start();
}
