//! Word and Excel downloads of the cycle (通报 .docx, 台账 .xlsx). The writers live in the import worker's
//! wasm, fetched the first time a download is asked for (and cached for offline use like the rest of the
//! site), so the page's own wasm never carries zip or rust_xlsxwriter. Each download starts a worker, posts
//! the job, saves the bytes it answers and ends the worker.

use super::browser;
use crate::i18n::Lang;
use crate::report::office::Job;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What is told when the download is done or failed (called once).
type Done = Box<dyn FnOnce(Result<(), String>)>;

fn start() -> Option<Worker> {
    let source = super::import_worker::worker_source().ok()?;
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&JsValue::from_str(&source));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    Worker::new(&url).ok()
}

/// Writes `job` in a worker and downloads it as `name`; `done` gets `Err` with a message for the page when
/// no worker could start, the worker failed, or the browser refused the download.
pub fn download_office(
    job: &Job,
    name: String,
    mime: &'static str,
    lang: Lang,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let cannot = lang
        .pick(
            "无法生成文件：本浏览器未能启动后台程序（请刷新页面后重试）。",
            "The file could not be made: the browser did not start the background worker (reload and try again).",
        )
        .to_string();
    let (Ok(json), Some(worker)) = (serde_json::to_string(job), start()) else {
        return done(Err(cannot));
    };
    let done: Rc<RefCell<Option<Done>>> = Rc::new(RefCell::new(Some(Box::new(done))));
    let finish = {
        let done = done.clone();
        let worker = worker.clone();
        move |result: Result<(), String>| {
            worker.terminate();
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let on_message = {
        let finish = finish.clone();
        let failed = cannot.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let reply = js_sys::Array::from(&ev.data());
            let result = match reply.get(1).dyn_into::<js_sys::Uint8Array>() {
                Ok(bytes) => browser::download_bytes(&name, mime, &bytes),
                Err(_) => Err(reply.get(2).as_string().unwrap_or_else(|| failed.clone())),
            };
            finish(result);
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |_| finish(Err(cannot.clone())))
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The closures live as long as the page; a download is a rare, small leak of two closures.
    on_message.forget();
    on_error.forget();
    let request = js_sys::Array::of3(
        &JsValue::from(0),
        &JsValue::from_str(&json),
        &"write".into(),
    );
    if worker.post_message(&request).is_err() {
        finish(Err(lang
            .pick("无法生成文件。", "The file could not be made.")
            .into()));
    }
}
