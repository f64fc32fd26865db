//! The plan-import worker: parses a pasted plan text off the page's thread, so a 10,000-task text never
//! freezes the page (issue 17 item 2). Trunk builds it as a `data-type="worker"` bin; the page starts it from
//! a Blob (see `src/ui/import_worker.rs`) and posts `[seq, text]`; it answers `[seq, head, [chunk…]]`, the
//! parse as a [`lanbai_planner::parse::wire::Wire`] (or `[seq, null, null]` if it cannot be written). It holds
//! no state and touches no storage.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = js_sys::Array::from(&ev.data());
            let seq = request.get(0);
            // Anything but a string is answered as an empty text: the page only ever sends strings.
            let text = request.get(1).as_string().unwrap_or_default();
            let parsed = lanbai_planner::parse::parse(&text);
            let (head, chunks) = match lanbai_planner::parse::wire::Wire::of(&parsed) {
                Ok(wire) => {
                    let chunks: js_sys::Array =
                        wire.chunks.iter().map(|c| JsValue::from_str(c)).collect();
                    (JsValue::from_str(&wire.head), JsValue::from(chunks))
                }
                Err(_) => (JsValue::NULL, JsValue::NULL),
            };
            // The page may be gone; nothing to do then.
            let _ = reply.post_message(&js_sys::Array::of3(&seq, &head, &chunks));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Natively there is no worker to be: the bin exists for the wasm32 build only.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
