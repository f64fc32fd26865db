//! The WebDAV folder over `fetch`: `PROPFIND` to list (read with the browser's XML parser, so any server's
//! namespace prefixes work), `GET` with `If-None-Match`, `PUT` to a temporary name then `MOVE` into place,
//! `MKCOL` to create the plan's folder. Requests carry HTTP Basic credentials when a user is set, and bypass
//! the HTTP cache (a stale listing would hide a colleague's edits).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomParser, Request, RequestCache, RequestCredentials, RequestInit, Response, SupportedType,
};

use super::engine::Transport;
use super::error::SyncError;
use super::layout::{Entry, Fetched, basic_auth, last_segment, plan_folder};

const LISTING: &str = r#"<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><getetag/><getlastmodified/><getcontentlength/><resourcetype/></prop></propfind>"#;

pub struct Dav {
    /// Absolute URL of the plan's folder, ending in `/`.
    folder: String,
    auth: Option<String>,
    /// Requests made, for the benchmark and the data page.
    pub requests: std::cell::Cell<u32>,
}

impl Dav {
    /// `folder` as the person typed it (relative URLs are resolved against the page).
    pub fn new(folder: &str, plan: &str, user: &str, password: &str) -> Result<Dav, SyncError> {
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        let url = web_sys::Url::new_with_base(&plan_folder(folder, plan), &base)
            .map_err(|_| SyncError::Unreachable(format!("not a URL: {folder}")))?;
        Ok(Dav {
            folder: url.href(),
            auth: (!user.is_empty()).then(|| basic_auth(user, password)),
            requests: std::cell::Cell::new(0),
        })
    }

    fn at(&self, name: &str) -> String {
        format!("{}{name}", self.folder)
    }

    async fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Response, SyncError> {
        let unreachable =
            |e: JsValue| SyncError::Unreachable(e.as_string().unwrap_or_else(|| format!("{e:?}")));
        let init = RequestInit::new();
        init.set_method(method);
        init.set_cache(RequestCache::NoStore);
        // The credentials travel in our own Authorization header. With the browser's credentials left out,
        // a 401 comes back to us instead of opening the browser's login dialog over the page (and leaving
        // the request hanging until someone answers it).
        init.set_credentials(RequestCredentials::Omit);
        if let Some(body) = body {
            init.set_body(&JsValue::from_str(body));
        }
        let request = Request::new_with_str_and_init(url, &init).map_err(unreachable)?;
        let h = request.headers();
        if let Some(auth) = &self.auth {
            h.set("Authorization", auth).map_err(unreachable)?;
        }
        for (k, v) in headers {
            h.set(k, v).map_err(unreachable)?;
        }
        let window = web_sys::window().ok_or_else(|| SyncError::Unreachable("no window".into()))?;
        self.requests.set(self.requests.get() + 1);
        let response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(unreachable)?;
        response.dyn_into::<Response>().map_err(unreachable)
    }

    async fn text(response: &Response) -> Result<String, SyncError> {
        let promise = response
            .text()
            .map_err(|_| SyncError::Unreachable("no body".into()))?;
        JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| SyncError::Unreachable("the answer was cut off".into()))
    }

    fn check(response: &Response) -> Result<(), SyncError> {
        match SyncError::from_status(response.status()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Creates the plan's folder (and the sync folder above it when that is missing too).
    pub async fn make_folder(&self) -> Result<(), SyncError> {
        let first = self.send("MKCOL", &self.folder, &[], None).await?;
        if first.status() == 409 {
            let parent = self.folder.trim_end_matches('/');
            let parent = &parent[..parent.rfind('/').map_or(parent.len(), |i| i + 1)];
            Self::check(&self.send("MKCOL", parent, &[], None).await?)?;
            return Self::check(&self.send("MKCOL", &self.folder, &[], None).await?);
        }
        // 405: it exists already, which is what was wanted.
        if first.status() == 405 {
            return Ok(());
        }
        Self::check(&first)
    }
}

impl Transport for Dav {
    async fn list(&self) -> Result<Vec<Entry>, SyncError> {
        let headers = [
            ("Depth", "1"),
            ("Content-Type", "application/xml; charset=utf-8"),
        ];
        let response = self
            .send("PROPFIND", &self.folder, &headers, Some(LISTING))
            .await?;
        Self::check(&response)?;
        let text = Self::text(&response).await?;
        let parser =
            DomParser::new().map_err(|_| SyncError::Unreachable("no XML parser".into()))?;
        let doc = parser
            .parse_from_string(&text, SupportedType::ApplicationXml)
            .map_err(|_| SyncError::Status(207))?;
        let responses = doc
            .get_elements_by_tag_name_ns(Some("DAV:"), "response")
            .map_err(|_| SyncError::Status(207))?;
        let mut out = Vec::new();
        for i in 0..responses.length() {
            let Some(r) = responses.item(i) else { continue };
            let prop = |name: &str| {
                r.get_elements_by_tag_name_ns(Some("DAV:"), name)
                    .ok()?
                    .item(0)
                    .and_then(|e| e.text_content())
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
            };
            let Some(name) = prop("href").as_deref().and_then(last_segment) else {
                continue;
            };
            // nginx's dav-ext gives no getetag; every server says when and how large: that pair is the version.
            let version = prop("getetag").or_else(|| {
                let modified = prop("getlastmodified")?;
                Some(format!(
                    "{modified}|{}",
                    prop("getcontentlength").unwrap_or_default()
                ))
            });
            out.push(Entry { name, version });
        }
        Ok(out)
    }

    async fn get(&self, name: &str, version: Option<&str>) -> Result<Fetched, SyncError> {
        let mut headers = Vec::new();
        if let Some(v) = version.filter(|v| v.starts_with('"') || v.starts_with("W/")) {
            headers.push(("If-None-Match", v));
        }
        let response = self.send("GET", &self.at(name), &headers, None).await?;
        if response.status() == 304 {
            return Ok(Fetched::NotModified);
        }
        Self::check(&response)?;
        let version = response.headers().get("ETag").ok().flatten();
        Ok(Fetched::Body {
            text: Self::text(&response).await?,
            version,
        })
    }

    async fn put(&self, name: &str, temp: &str, body: &str) -> Result<(), SyncError> {
        let headers = [("Content-Type", "application/json; charset=utf-8")];
        Self::check(
            &self
                .send("PUT", &self.at(temp), &headers, Some(body))
                .await?,
        )?;
        let target = self.at(name);
        let headers = [("Destination", target.as_str()), ("Overwrite", "T")];
        Self::check(&self.send("MOVE", &self.at(temp), &headers, None).await?)
    }

    async fn delete(&self, name: &str) -> Result<(), SyncError> {
        Self::check(&self.send("DELETE", &self.at(name), &[], None).await?)
    }

    fn url(&self, name: &str) -> String {
        self.at(name)
    }
}
