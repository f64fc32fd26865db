//! Component tests in a real browser (headless Chromium through wasm-bindgen-test): the app mounts, reads
//! the route from the hash, and re-renders when the hash changes.
#![cfg(target_arch = "wasm32")]

use lanbai_planner::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn set_hash(hash: &str) {
    web_sys::window()
        .expect("window")
        .location()
        .set_hash(hash)
        .expect("set hash");
}

fn texts(selector: &str) -> Vec<String> {
    let list = document().query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.inner_text())
        .collect()
}

async fn settle() {
    // Hash changes arrive as events and Leptos updates the DOM asynchronously.
    for _ in 0..3 {
        gloo_timers_like_sleep().await;
        leptos::task::tick().await;
    }
}

async fn gloo_timers_like_sleep() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn the_app_follows_the_hash_from_task_to_unit_to_matrix() {
    let _ = web_sys::window()
        .expect("window")
        .local_storage()
        .map(|s| s.map(|s| s.clear()));
    set_hash("#/task/3");
    leptos::mount::mount_to_body(App);
    settle().await;
    assert_eq!(texts("main h1"), ["任务 3"]);
    // Task 3 names no cooperating unit; the page says so rather than showing an empty list.
    assert!(texts(".role-cooperating dd")[0].contains("原文未列"));

    set_hash("#/unit/%E7%9C%81%E7%A7%91%E6%8A%80%E5%8E%85");
    settle().await;
    assert_eq!(texts("main h1"), ["省科技厅"]);
    assert_eq!(texts(".duty-cooperating .task-no"), ["5", "10"]);

    set_hash("#/matrix");
    settle().await;
    let rows = document()
        .query_selector_all("table.matrix tbody tr")
        .expect("rows")
        .length();
    assert_eq!(rows, 21);
}
