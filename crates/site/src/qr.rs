//! QR codes as SVG markup: one path of unit squares, crisp at any print size.

use qrcodegen::{QrCode, QrCodeEcc};

/// The QR code of `text` (medium error correction: survives a smudged print) with a quiet
/// zone of four modules, as an `<svg>` that scales to its box.
pub fn svg(text: &str, label: &str) -> String {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).expect("an address fits in a QR code");
    let border = 4;
    let size = qr.size() + 2 * border;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + border, y + border));
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" \
         aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" \
         height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}
