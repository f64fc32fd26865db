//! A browser whose clock reads a chosen day: the reporting cycle is about due dates in 2020, and a report
//! typed "on 20 April 2020" must be stamped so. chromedriver's CDP bridge (`goog/cdp/execute`) installs a
//! script that runs before the page's own on every load, shifting `Date.now()` and `new Date()` by a fixed
//! amount, so time still moves on across reloads as on a real machine.

use crate::browser::Browser;

/// `Page.addScriptToEvaluateOnNewDocument` through chromedriver (fantoccini has no CDP method).
#[derive(Debug)]
struct OnNewDocument(String);

impl fantoccini::wd::WebDriverCompatibleCommand for OnNewDocument {
    fn endpoint(
        &self,
        base_url: &url::Url,
        browser_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            browser_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({
            "cmd": "Page.addScriptToEvaluateOnNewDocument",
            "params": { "source": self.0 },
        });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Milliseconds since the epoch of a time in China Standard Time, e.g. `cst("2020-04-20", 10)`.
pub fn cst(day: &str, hour: i64) -> i64 {
    let d = lanbai_planner::date::Date::parse(day).expect("a test date");
    d.days() * 86_400_000 + (hour - 8) * 3_600_000
}

impl Browser {
    /// From the next page load on, the page's clock reads `at` (ms since the epoch) now and runs on. A later
    /// call replaces the shift (each script starts from the real clock, and the last one installed wins).
    pub async fn set_clock(&self, at: i64) {
        let real = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        let shift = at - real;
        let script = format!(
            "(() => {{ const Real = globalThis.__realDate || (globalThis.__realDate = Date); const shift = {shift};
               class Shifted extends Real {{
                 constructor(...a) {{ if (a.length === 0) {{ super(Real.now() + shift); }} else {{ super(...a); }} }}
                 static now() {{ return Real.now() + shift; }}
               }}
               globalThis.Date = Shifted; }})();"
        );
        self.client
            .issue_cmd(OnNewDocument(script))
            .await
            .expect("install the shifted clock");
    }
}

impl Browser {
    /// The same person some days later: the clock moves to `at` and the page reloads (localStorage stays).
    pub async fn days_later(&self, at: i64) {
        self.set_clock(at).await;
        self.eval("location.reload()").await;
        for _ in 0..200 {
            let now = self.eval("return Date.now()").await.as_i64().unwrap_or(0);
            if (now - at).abs() < 600_000
                && self.eval("return !!document.querySelector('#main')").await
                    == serde_json::json!(true)
            {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the page did not reload with the new clock");
    }
}
