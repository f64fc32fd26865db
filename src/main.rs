//! Entry point: mounts the app in the browser. Natively there is nothing to run; the core is a library.

#[cfg(target_arch = "wasm32")]
fn main() {
    lanbai_planner::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Lanbai Planner is a browser app: build and serve it with `scripts/serve.sh` (see README.md)."
    );
}
