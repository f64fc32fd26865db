//! Headless Chromium driven through chromedriver: one driver process and one fresh profile per test, so
//! localStorage starts empty and tests cannot see each other's edits.

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Browser {
    pub client: Client,
    driver: Child,
    pub downloads: PathBuf,
    _profile: TempDir,
}

/// A directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "lanbai-e2e-{tag}-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn chromedriver_path() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

impl Browser {
    pub async fn start(tag: &str) -> Browser {
        let port = free_port();
        let driver = Command::new(chromedriver_path())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (scripts/setup.sh --browser installs it)");
        let profile = TempDir::new(&format!("{tag}-profile"));
        let downloads = profile.0.join("downloads");
        std::fs::create_dir_all(&downloads).expect("downloads directory");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium_path(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.0.join("chrome").display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                }
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = String::new();
        // chromedriver needs a moment to listen; retry the connection until it answers.
        for _ in 0..100 {
            match ClientBuilder::new(connector.clone())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        driver,
                        downloads,
                        _profile: profile,
                    };
                }
                Err(e) => last_error = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not start Chromium through chromedriver: {last_error}");
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Chooses 我的单位 (and a 填报人 name) in this profile's stored settings and reloads, as if the person
    /// had answered the prompt on an earlier visit.
    pub async fn act_as(&self, unit: &str) {
        self.text("#main").await;
        let script = format!(
            "let s = {{}}; try {{ s = JSON.parse(localStorage.getItem('lanbai:settings')) || {{}}; }} catch (e) {{}}
             s.schema = 1; s.unit = {unit:?}; delete s.units; s.reporter = s.reporter || '测试员';
             localStorage.setItem('lanbai:settings', JSON.stringify(s)); location.reload();"
        );
        self.eval(&script).await;
        // The reloaded page shows the unit in the header once it has read the settings.
        let check = format!(
            "const s = document.querySelector('.unit-picker select'); return !!s && s.value === {unit:?};"
        );
        for _ in 0..200 {
            if self.eval(&check).await == serde_json::Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the page never showed {unit} as 我的单位");
    }

    /// Waits until an element matching `css` exists and returns its text. The app replaces the prerendered
    /// page when it mounts, so an element found a moment earlier may be gone: then it is looked up again.
    pub async fn text(&self, css: &str) -> String {
        let mut last = None;
        for _ in 0..100 {
            let el = self
                .client
                .wait()
                .for_element(Locator::Css(css))
                .await
                .unwrap_or_else(|e| panic!("no element {css}: {e}"));
            match el.text().await {
                Ok(text) => return text,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("the text of {css} could not be read: {last:?}");
    }

    /// Waits until the element matching `css` has text containing `needle`, and returns the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        self.wait_for_text_polling(css, needle, 200).await
    }

    /// [`Self::wait_for_text`], polling `tries` times 50 ms apart (for work as long as a 10,000-task parse).
    pub async fn wait_for_text_polling(&self, css: &str, needle: &str, tries: usize) -> String {
        let mut last = String::new();
        for _ in 0..tries {
            if let Ok(el) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = el.text().await
            {
                if text.contains(needle) {
                    return text;
                }
                last = text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{css} never contained {needle:?}; last text: {last:?}");
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
        {
            out.push(el.text().await.expect("text"));
        }
        out
    }

    pub async fn click(&self, css: &str) {
        self.client
            .wait()
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Chooses `file` in the file input matching `css`, as the file dialog would.
    pub async fn choose_file(&self, css: &str, file: &Path) {
        self.client
            .wait()
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no file input {css}: {e}"))
            .send_keys(&file.display().to_string())
            .await
            .unwrap_or_else(|e| panic!("choose {}: {e}", file.display()));
    }

    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    pub async fn hash(&self) -> String {
        self.eval("return location.hash")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits for a downloaded file whose name ends with `suffix` and returns its bytes.
    pub async fn downloaded(&self, suffix: &str) -> (PathBuf, Vec<u8>) {
        for _ in 0..200 {
            if let Some(path) = find_file(&self.downloads, suffix)
                && let Ok(bytes) = std::fs::read(&path)
                && !bytes.is_empty()
            {
                return (path, bytes);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no download ending in {suffix} appeared in {}",
            self.downloads.display()
        );
    }

    /// Closes the browser; the driver process goes with `Drop`.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    // Also runs when a test panics, so no chromedriver outlives its test. Chromium survives its driver being
    // killed, so its processes (the only ones with this profile directory on their command line) go too.
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = Command::new("pkill")
            .arg("-f")
            .arg(format!(
                "user-data-dir={}",
                self._profile.0.join("chrome").display()
            ))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn find_file(dir: &Path, suffix: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(suffix))
}

/// A copy of the built site's files for which `keep` holds, in a new temporary directory: the site as a
/// person on a slow line meets it (no wasm yet), or with its index.html changed for one comparison.
pub fn copy_of_site(tag: &str, keep: impl Fn(&Path) -> bool) -> TempDir {
    let copy = TempDir::new(tag);
    for entry in std::fs::read_dir(dist_dir()).expect("dist/") {
        let path = entry.expect("a dist/ entry").path();
        if path.is_file() && keep(&path) {
            let name = path.file_name().expect("a file name");
            std::fs::copy(&path, copy.0.join(name)).expect("copy a dist/ file");
        }
    }
    copy
}

/// The built site. The tests never build it themselves: scripts/test.sh runs `trunk build --release` first.
pub fn dist_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dir.join("index.html").is_file(),
        "dist/index.html is missing: build the site first (scripts/test.sh does)"
    );
    dir
}
