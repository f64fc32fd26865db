//! Parsing a pasted plan off the page's thread (issue 17 item 2): the import worker (`src/bin/importer.rs`)
//! runs the parser and posts the result back as JSON, so a 10,000-task text never freezes the page.
//!
//! The worker is started from a Blob, the one way that works both when hosted and in the one-file edition
//! (`file://` pages cannot start workers from files): hosted, the Blob imports the worker's glue and wasm
//! named by `<meta id="lanbai-importer" data-js data-wasm>` (written by `scripts/importer.mjs`); in the one
//! file, `scripts/onefile.mjs` puts glue and wasm inline in `<script type="text/plain" id="lanbai-importer-inline">`.
//! The page's CSP allows `worker-src blob:`. The parser is only in the worker's wasm, so the first load does
//! not carry it (issue 16); when no worker can start, [`parse_in_background`] says so, the page offers a
//! retry ([`retry_background`]) and keeps the text.

use crate::parse::Parsed;
use crate::parse::office::OfficeError;
use crate::parse::wire::Reader;
use js_sys::Array;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

/// Why the worker gave no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// This build has no importer, or the browser refused to start it (CSP, no Worker support).
    CannotStart,
    /// It started but failed (its wasm did not load) or answered something unreadable.
    Failed,
}

/// Why a Word or Excel file gave no plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFailure {
    /// The file was read and refused, with its reason.
    Refused(OfficeError),
    /// No worker could read it (none started, or it died on this file).
    Unavailable(Unavailable),
}

/// The worker's answer: the parse, and for a file the text read from it.
type Answer = Result<(Parsed, Option<String>), FileFailure>;
type Done = Box<dyn FnOnce(Answer)>;

/// The running worker and the one request it answers next; an older request is dropped when a newer one
/// is sent (the person typed on), so only the latest text is ever shown.
struct Importer {
    worker: Worker,
    seq: u32,
    waiting: Option<(u32, Done)>,
    broken: bool,
    /// It has answered once: its wasm loads, so a later failure was caused by what it was given.
    answered: bool,
    /// The waiting request is a file: a damaged one can end the worker whatever came before.
    file_waiting: bool,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static IMPORTER: RefCell<Option<Rc<RefCell<Importer>>>> = const { RefCell::new(None) };
}

/// Parses `text` in the worker and calls `done` with the result; with `Err` at once (or as soon as the
/// worker fails) when there is no working worker. Only the latest call's `done` is called.
pub fn parse_in_background(text: &str, done: impl FnOnce(Result<Parsed, Unavailable>) + 'static) {
    send(&JsValue::from_str(text), move |answer| {
        done(answer.map(|(parsed, _)| parsed).map_err(|e| match e {
            FileFailure::Unavailable(why) => why,
            FileFailure::Refused(_) => Unavailable::Failed,
        }))
    });
}

/// Reads a Word or Excel file in the worker (the only place its readers are) and parses the text read;
/// `done` gets the parse and that text, or why there is none.
pub fn read_file_in_background(
    bytes: &js_sys::Uint8Array,
    done: impl FnOnce(Result<(Parsed, String), FileFailure>) + 'static,
) {
    send(bytes, move |answer| {
        done(answer.and_then(|(parsed, text)| {
            text.map(|t| (parsed, t))
                .ok_or(FileFailure::Unavailable(Unavailable::Failed))
        }))
    });
}

fn send(body: &JsValue, done: impl FnOnce(Answer) + 'static) {
    let fail = |why| FileFailure::Unavailable(why);
    let importer = match IMPORTER
        .with(|i| i.borrow().clone())
        .map(Ok)
        .unwrap_or_else(start)
    {
        Ok(importer) => importer,
        Err(why) => return done(Err(fail(why))),
    };
    let mut state = importer.borrow_mut();
    if state.broken {
        drop(state);
        return done(Err(fail(Unavailable::Failed)));
    }
    state.seq = state.seq.wrapping_add(1);
    let seq = state.seq;
    let request = Array::of2(&JsValue::from(seq), body);
    if state.worker.post_message(&request).is_err() {
        state.broken = true;
        drop(state);
        return done(Err(fail(Unavailable::Failed)));
    }
    state.file_waiting = body.is_instance_of::<js_sys::Uint8Array>();
    state.waiting = Some((seq, Box::new(done)));
}

/// Lets the next request start a new worker, after one that could not start or failed (its wasm did not load
/// while the network was down, say): the person asked to try again.
pub fn retry_background() {
    IMPORTER.with(|i| {
        let broken = i.borrow().as_ref().is_some_and(|held| held.borrow().broken);
        if broken {
            *i.borrow_mut() = None;
        }
    });
}

/// Forgets the request in progress (the text was emptied): its answer, when it comes, is not shown.
pub fn cancel_background() {
    IMPORTER.with(|i| {
        if let Some(importer) = i.borrow().as_ref() {
            let mut state = importer.borrow_mut();
            state.seq = state.seq.wrapping_add(1);
            state.waiting = None;
        }
    });
}

/// The worker's script: queue messages that arrive while its wasm loads, load it, then hand them over.
pub(super) fn worker_source() -> Result<String, Unavailable> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(Unavailable::CannotStart)?;
    let body = if let Some(inline) = doc.get_element_by_id("lanbai-importer-inline") {
        inline.text_content().ok_or(Unavailable::CannotStart)?
    } else {
        let meta = doc
            .get_element_by_id("lanbai-importer")
            .ok_or(Unavailable::CannotStart)?;
        let base = doc
            .base_uri()
            .ok()
            .flatten()
            .ok_or(Unavailable::CannotStart)?;
        let absolute = |attr: &str| {
            let relative = meta.get_attribute(attr).ok_or(Unavailable::CannotStart)?;
            Url::new_with_base(&relative, &base)
                .map(|u| u.href())
                .map_err(|_| Unavailable::CannotStart)
        };
        let (js, wasm) = (absolute("data-js")?, absolute("data-wasm")?);
        // JSON string literals are JavaScript string literals.
        let quote = |s: &str| serde_json::to_string(s).map_err(|_| Unavailable::CannotStart);
        format!(
            "importScripts({});\nconst __lanbaiWasm = {};\n",
            quote(&js)?,
            quote(&wasm)?
        )
    };
    Ok(format!(
        "const __lanbaiEarly = []; self.onmessage = (e) => __lanbaiEarly.push(e);\n{body}\n\
         wasm_bindgen({{ module_or_path: __lanbaiWasm }}).then(\n\
           () => {{ for (const e of __lanbaiEarly) self.onmessage(e); }},\n\
           () => self.postMessage([\"failed\", null]));\n"
    ))
}

fn start() -> Result<Rc<RefCell<Importer>>, Unavailable> {
    let source = worker_source()?;
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = Array::of1(&JsValue::from_str(&source));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| Unavailable::CannotStart)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| Unavailable::CannotStart)?;
    let worker = Worker::new(&url).map_err(|_| Unavailable::CannotStart);
    // The worker has read its script once it runs; the URL is not needed after that, but revoking it before
    // the script is fetched would stop it, so it is left for the page's lifetime (one small Blob).
    let worker = worker?;
    let importer = Rc::new_cyclic(|weak: &std::rc::Weak<RefCell<Importer>>| {
        let on_message = {
            let weak = weak.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
                if let Some(importer) = weak.upgrade() {
                    answer(&importer, &ev.data());
                }
            })
        };
        let on_error = {
            let weak = weak.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                if let Some(importer) = weak.upgrade() {
                    fail(&importer);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        RefCell::new(Importer {
            worker,
            seq: 0,
            waiting: None,
            broken: false,
            answered: false,
            file_waiting: false,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    IMPORTER.with(|i| *i.borrow_mut() = Some(importer.clone()));
    Ok(importer)
}

/// `[seq, head, chunks]` for a parse, `["failed", null]` when the worker's wasm did not load.
fn answer(importer: &Rc<RefCell<Importer>>, data: &JsValue) {
    let reply = Array::from(data);
    let Some(seq) = reply.get(0).as_f64() else {
        return fail(importer);
    };
    let done = {
        let mut state = importer.borrow_mut();
        match state.waiting.take() {
            Some((waiting, done)) if f64::from(waiting) == seq => done,
            other => {
                state.waiting = other;
                return;
            }
        }
    };
    mark("lanbai:import-answer");
    importer.borrow_mut().answered = true;
    if let Some(code) = reply.get(4).as_string() {
        let why = OfficeError::from_code(&code).unwrap_or(OfficeError::Damaged);
        return done(Err(FileFailure::Refused(why)));
    }
    let text = reply.get(3).as_string();
    let head = reply.get(1).as_string();
    // Left as JavaScript strings: each is copied into Rust only when its slice reads it.
    let chunks = Array::from(&reply.get(2));
    let importer = importer.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let parsed = match head {
            Some(head) => read_in_slices(&importer, seq, &head, &chunks).await,
            None => Err(Unavailable::Failed),
        };
        mark("lanbai:import-read");
        // Read to the end only if no newer text was sent meanwhile; else the newer answer will be shown.
        if importer.borrow().seq as f64 == seq {
            done(parsed.map(|p| (p, text)).map_err(FileFailure::Unavailable));
        }
    });
}

/// A `performance` mark, so a profile of an import shows its steps (`lanbai:import-*`).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Longest stretch of reading before the page gets the thread back, well under a frame (16 ms).
const SLICE_MS: f64 = 8.0;

/// Reads the chunks a few at a time, yielding to the page between slices so it keeps responding; stops
/// early when a newer text was sent.
async fn read_in_slices(
    importer: &Rc<RefCell<Importer>>,
    seq: f64,
    head: &str,
    chunks: &Array,
) -> Result<Parsed, Unavailable> {
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    let mut reader = Reader::new(head).map_err(|_| Unavailable::Failed)?;
    let mut slice = now();
    for chunk in chunks.iter() {
        if now() - slice > SLICE_MS {
            yield_to_page().await;
            if importer.borrow().seq as f64 != seq {
                return Err(Unavailable::Failed);
            }
            slice = now();
        }
        let chunk = chunk.as_string().ok_or(Unavailable::Failed)?;
        reader.add(&chunk).map_err(|_| Unavailable::Failed)?;
    }
    Ok(reader.finish())
}

/// Resolves in a later task (a zero-delay timeout), after the page has handled input and painted.
async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The worker cannot be used any more: the waiting request is answered with an error. A worker that had
/// answered before, or that was reading a file, may have died of what it was given (a damaged .xls can end
/// calamine's reader), so the next request starts a new one; one whose wasm never loaded while parsing a
/// text stays broken until the person asks to try again ([`retry_background`]).
fn fail(importer: &Rc<RefCell<Importer>>) {
    let (done, answered) = {
        let mut state = importer.borrow_mut();
        state.broken = true;
        state.worker.terminate();
        (state.waiting.take(), state.answered || state.file_waiting)
    };
    if answered {
        IMPORTER.with(|i| {
            if i.borrow()
                .as_ref()
                .is_some_and(|held| Rc::ptr_eq(held, importer))
            {
                *i.borrow_mut() = None;
            }
        });
    }
    if let Some((_, done)) = done {
        done(Err(FileFailure::Unavailable(Unavailable::Failed)));
    }
}
