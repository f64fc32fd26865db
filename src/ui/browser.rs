//! Small wrappers over browser APIs the views need: hash navigation and file downloads.

use crate::route::Route;
use wasm_bindgen::JsCast;

/// The current `location.hash`, or "" when it cannot be read.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the hash without adding a history entry (used while typing a search, so Back leaves the search
/// instead of undoing one keystroke at a time). `replaceState` fires no `hashchange`, so the caller also sets
/// the route signal.
pub fn replace_hash(route: &Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&route.to_hash()),
        );
    }
}

/// Navigates by setting the hash: adds a history entry and fires `hashchange`.
pub fn push_hash(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.to_hash());
    }
}

/// Offers `contents` as a file download. Returns an error text when the browser refuses.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    download_part(filename, mime, &wasm_bindgen::JsValue::from_str(contents))
}

/// Offers bytes (a Word or Excel file) as a download.
pub fn download_bytes(
    filename: &str,
    mime: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<(), String> {
    download_part(filename, mime, bytes)
}

fn download_part(filename: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a moment later is safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Sets `<html lang>` so fonts and screen readers follow the interface language.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Moves focus to the main region (after navigation, or from the skip link).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Whether a key event comes from a text field, where Ctrl+Z belongs to the field.
pub fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Offers an SVG as a PNG download: the SVG is drawn onto a canvas at twice its size (sharp on projectors)
/// over a white background, then saved. Fonts are the system's, as on screen.
pub fn download_svg_as_png(svg: &str, filename: &str) -> Result<(), String> {
    use wasm_bindgen::closure::Closure;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|e| format!("{e:?}"))?;
    let name = filename.to_string();
    let loaded = image.clone();
    let source_url = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source_url);
        let (w, h) = (loaded.natural_width(), loaded.natural_height());
        let Some(canvas) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(2.0, 2.0);
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
        let _ = ctx.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            let Some(blob) = blob else { return };
            let Ok(png_url) = web_sys::Url::create_object_url_with_blob(&blob) else {
                return;
            };
            let anchor = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("a").ok())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            if let Some(anchor) = anchor {
                anchor.set_href(&png_url);
                anchor.set_download(&name);
                anchor.click();
            }
            leptos::prelude::set_timeout(
                move || {
                    let _ = web_sys::Url::revoke_object_url(&png_url);
                },
                std::time::Duration::from_secs(10),
            );
        });
        let _ = canvas.to_blob(on_blob.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
