//! The plan-import worker: parses a pasted plan text off the page's thread, so a 10,000-task text never
//! freezes the page (issue 17 item 2). Trunk builds it as a `data-type="worker"` bin; the page starts it from
//! a Blob (see `src/ui/import_worker.rs`) and posts `[seq, text]`; it answers `[seq, head, [chunk…]]`, the
//! parse as a [`lanbai_planner::parse::wire::Wire`] (or `[seq, null, null]` if it cannot be written). For a
//! Word or Excel file the page posts `[seq, bytes]` (a `Uint8Array`); the worker reads it with
//! `parse::office` (whose crates live only in this wasm) and answers `[seq, head, [chunk…], text]` with the
//! text it read, or `[seq, null, null, null, code]` with an `OfficeError` code. For the reporting cycle's
//! downloads the page posts `[seq, job, "write"]` (a `report::office::Job` as JSON) and gets the .docx or
//! .xlsx bytes back. It holds no state and touches no storage.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = js_sys::Array::from(&ev.data());
            let seq = request.get(0);
            let body = request.get(1);
            // `[seq, job, "write"]`: write a Word or Excel file of the cycle; answer `[seq, bytes]` or
            // `[seq, null, reason]`.
            if request.get(2).as_string().as_deref() == Some("write") {
                let job = body.as_string().unwrap_or_default();
                let answer = match lanbai_planner::report::office::write(&job) {
                    Ok(bytes) => js_sys::Array::of2(&seq, &js_sys::Uint8Array::from(&bytes[..])),
                    Err(why) => js_sys::Array::of3(&seq, &JsValue::NULL, &why.into()),
                };
                let _ = reply.post_message(&answer);
                return;
            }
            let (text, from_file) = if let Some(bytes) = body.dyn_ref::<js_sys::Uint8Array>() {
                match lanbai_planner::parse::office::to_text(&bytes.to_vec()) {
                    Ok(text) => (text, true),
                    Err(e) => {
                        let none = JsValue::NULL;
                        let answer =
                            js_sys::Array::of5(&seq, &none, &none, &none, &e.code().into());
                        let _ = reply.post_message(&answer);
                        return;
                    }
                }
            } else {
                // Anything else is answered as an empty text: the page only ever sends strings or bytes.
                (body.as_string().unwrap_or_default(), false)
            };
            let parsed = lanbai_planner::parse::parse(&text);
            let (head, chunks) = match lanbai_planner::parse::wire::Wire::of(&parsed) {
                Ok(wire) => {
                    let chunks: js_sys::Array =
                        wire.chunks.iter().map(|c| JsValue::from_str(c)).collect();
                    (JsValue::from_str(&wire.head), JsValue::from(chunks))
                }
                Err(_) => (JsValue::NULL, JsValue::NULL),
            };
            let answer = js_sys::Array::of3(&seq, &head, &chunks);
            if from_file {
                answer.push(&JsValue::from_str(&text));
            }
            // The page may be gone; nothing to do then.
            let _ = reply.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Natively there is no worker to be: the bin exists for the wasm32 build only.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
