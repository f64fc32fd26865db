//! Issue 17, the interface items: a field being typed in is never overwritten by another tab's save (item 7),
//! and a 10,000-task plan text is previewed in pages while the page stays usable (item 2).

use crate::browser::Browser;
use crate::open;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};

/// Types `keys` into whatever has focus, as a person at the keyboard would (no blur, no change event).
async fn type_keys(b: &Browser, keys: &str) {
    let mut actions = KeyActions::new("typing".into());
    for key in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    b.client.perform_actions(actions).await.expect("type");
}

async fn value_of(b: &Browser, css: &str) -> serde_json::Value {
    b.eval(&format!("return document.querySelector({css:?}).value"))
        .await
}

#[tokio::test]
async fn another_tabs_save_does_not_replace_what_is_being_typed() {
    let (server, b) = open("guarded-field").await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    let first = b.client.window().await.expect("window");
    b.eval("const el = document.querySelector('#task-progress'); el.focus(); el.select();")
        .await;
    type_keys(&b, "7").await;
    assert_eq!(value_of(&b, "#task-progress").await, "7");

    // The other tab saves 40 % for the same task while the first is still typing.
    let second = b.client.new_window(true).await.expect("new tab").handle;
    b.client.switch_to_window(second).await.expect("switch");
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    crate::edits::set_value(&b, "#task-progress", "40").await;
    b.wait_for_text(".history", "40%").await;
    b.client.switch_to_window(first).await.expect("switch");

    let notice = b.wait_for_text(".field-elsewhere", "40%").await;
    assert!(notice.contains("另一个标签页"), "{notice}");
    assert_eq!(
        value_of(&b, "#task-progress").await,
        "7",
        "the typed value stays"
    );
    assert_eq!(
        b.eval("return document.activeElement.id").await,
        "task-progress"
    );
    type_keys(&b, "5").await;
    assert_eq!(value_of(&b, "#task-progress").await, "75");
    // Leaving the field commits what was typed; it is the latest edit, so it wins.
    b.eval("document.querySelector('#task-progress').blur()")
        .await;
    b.wait_for_text(".history", "75%").await;
    assert!(b.texts(".field-elsewhere").await.is_empty());
    b.client.refresh().await.expect("reload");
    b.wait_for_text(".history", "75%").await;
    assert_eq!(value_of(&b, "#task-progress").await, "75");
    b.close().await;
}

#[tokio::test]
async fn the_value_saved_elsewhere_can_be_taken_instead() {
    let (server, b) = open("guarded-take").await;
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    let first = b.client.window().await.expect("window");
    b.eval("const el = document.querySelector('#task-progress'); el.focus(); el.select();")
        .await;
    type_keys(&b, "7").await;
    let second = b.client.new_window(true).await.expect("new tab").handle;
    b.client.switch_to_window(second).await.expect("switch");
    b.goto(&server.url("#/task/6")).await;
    b.wait_for_text("h1", "任务 6").await;
    crate::edits::set_value(&b, "#task-progress", "40").await;
    b.wait_for_text(".history", "40%").await;
    b.client.switch_to_window(first).await.expect("switch");
    b.wait_for_text(".field-elsewhere", "40%").await;
    b.click(".take-theirs").await;
    assert_eq!(value_of(&b, "#task-progress").await, "40");
    assert!(b.texts(".field-elsewhere").await.is_empty());
    b.eval("document.querySelector('#task-progress').blur()")
        .await;
    // Nothing of the typed "7" was recorded.
    let history = b.text(".history").await;
    assert!(!history.contains("7%"), "{history}");
    b.close().await;
}
