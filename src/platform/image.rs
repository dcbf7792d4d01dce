//! Turning an SVG into a PNG download (canvas), for the diagram's "Unduh PNG".

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

/// Serialises an element (an `<svg>`) to markup.
pub fn serialize(element: &web_sys::Element) -> Option<String> {
    web_sys::XmlSerializer::new().ok()?.serialize_to_string(element).ok()
}

fn download_blob(file_name: &str, blob: &Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(url) = Url::create_object_url_with_blob(blob) else { return };
    if let Some(anchor) = document.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&anchor);
        }
        anchor.click();
        anchor.remove();
    }
    leptos::prelude::set_timeout(move || { let _ = Url::revoke_object_url(&url); }, std::time::Duration::from_secs(30));
}

/// Draws `svg` (its natural size `width` × `height`) on a canvas `scale` times larger, on a
/// white background, and offers it as a PNG download.
pub fn svg_to_png_download(svg: &str, width: f64, height: f64, scale: f64, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(image) = HtmlImageElement::new() else { return };
    let src = format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg));
    let name = file_name.to_string();
    let img = image.clone();
    let onload = Closure::once_into_js(move || {
        let Some(canvas) = document.create_element("canvas").ok().and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok()) else { return };
        canvas.set_width((width * scale).ceil() as u32);
        canvas.set_height((height * scale).ceil() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, width * scale, height * scale);
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width, height);
        let on_blob = Closure::once_into_js(move |blob: Option<Blob>| {
            if let Some(blob) = blob {
                download_blob(&name, &blob);
            }
        });
        let _ = canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png");
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&src);
}
