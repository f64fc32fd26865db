//! Sync at office scale against the real nginx WebDAV folder of the end-to-end tests: 20 devices with 500
//! edits each, every device running the app's own sync round (`sync::round`) over plain HTTP. Prints the
//! time until every device holds all 10,000 edits, requests and bytes per device, and the cost of one
//! incremental sync. Asserts nothing: the figures depend on the machine. Run through `scripts/bench.sh`.

#[allow(dead_code)]
#[path = "../tests/e2e/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../tests/e2e/dav.rs"]
mod dav;

use std::cell::Cell;
use std::time::Instant;

use dav::{DavServer, basic_auth, request};
use lanbai_planner::journal::{Op, OpKind};
use lanbai_planner::storage::{MemoryKv, Store};
use lanbai_planner::sync::layout::last_segment;
use lanbai_planner::sync::{Entry, Fetched, SyncError, Transport, block_on_ready, round};

const PLAN: &str = "gansu-2020-shuangqu";
const DEVICES: usize = 20;
const OPS: usize = 500;
const UNITS: [&str; 4] = ["兰州市", "白银市", "兰州新区", "白银高新区"];

/// The WebDAV folder over blocking HTTP/1.1, counting what one device sends and receives.
struct Http {
    port: u16,
    auth: String,
    requests: Cell<u64>,
    bytes: Cell<u64>,
}

impl Http {
    fn path(&self, name: &str) -> String {
        format!("/sync/{PLAN}/{name}")
    }

    fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut all = vec![("Authorization", self.auth.as_str())];
        all.extend_from_slice(headers);
        let (status, head, answer) = request(self.port, method, path, &all, body);
        self.requests.set(self.requests.get() + 1);
        self.bytes
            .set(self.bytes.get() + (body.len() + answer.len()) as u64);
        (status, head, answer)
    }

    fn check(status: u16) -> Result<(), SyncError> {
        SyncError::from_status(status).map_or(Ok(()), Err)
    }
}

impl Transport for Http {
    async fn list(&self) -> Result<Vec<Entry>, SyncError> {
        let (status, _, body) = self.send("PROPFIND", &self.path(""), &[("Depth", "1")], b"");
        Self::check(status)?;
        let text = String::from_utf8_lossy(&body).into_owned();
        let doc = roxmltree::Document::parse(&text).map_err(|_| SyncError::Status(207))?;
        let dav = |n: roxmltree::Node, name: &str| {
            n.descendants()
                .find(|d| d.tag_name().name() == name && d.tag_name().namespace() == Some("DAV:"))
                .and_then(|d| d.text())
                .map(str::to_string)
        };
        Ok(doc
            .descendants()
            .filter(|n| n.tag_name().name() == "response")
            .filter_map(|r| {
                let name = dav(r, "href").as_deref().and_then(last_segment)?;
                let version = format!(
                    "{}|{}",
                    dav(r, "getlastmodified")?,
                    dav(r, "getcontentlength").unwrap_or_default()
                );
                Some(Entry {
                    name,
                    version: Some(version),
                })
            })
            .collect())
    }

    async fn get(&self, name: &str, version: Option<&str>) -> Result<Fetched, SyncError> {
        let headers: Vec<(&str, &str)> =
            version.map(|v| ("If-None-Match", v)).into_iter().collect();
        let (status, head, body) = self.send("GET", &self.path(name), &headers, b"");
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        Self::check(status)?;
        let etag = head.into_iter().find(|(k, _)| k == "etag").map(|(_, v)| v);
        Ok(Fetched::Body {
            text: String::from_utf8_lossy(&body).into_owned(),
            version: etag,
        })
    }

    async fn put(&self, name: &str, temp: &str, body: &str) -> Result<(), SyncError> {
        Self::check(self.send("PUT", &self.path(temp), &[], body.as_bytes()).0)?;
        let destination = format!("http://127.0.0.1:{}{}", self.port, self.path(name));
        let headers = [("Destination", destination.as_str()), ("Overwrite", "T")];
        Self::check(self.send("MOVE", &self.path(temp), &headers, b"").0)
    }

    async fn delete(&self, name: &str) -> Result<(), SyncError> {
        Self::check(self.send("DELETE", &self.path(name), &[], b"").0)
    }

    fn url(&self, name: &str) -> String {
        self.path(name)
    }
}

struct Device {
    kv: MemoryKv,
    store: Store<MemoryKv>,
    http: Http,
}

impl Device {
    fn sync(&self, now: i64, nonce: u64) -> usize {
        match block_on_ready(round(
            &self.kv,
            &self.http,
            PLAN,
            self.store.writer(),
            now,
            nonce,
        )) {
            Ok(r) => r.new_ops.len(),
            Err(e) => panic!("a round failed: {e:?}"),
        }
    }
    fn count(&self) -> usize {
        Store::open(self.kv.clone(), PLAN, "count")
            .load(0)
            .ops
            .len()
    }
    fn edit(&mut self, n: usize, at: i64) {
        let unit = UNITS[n % UNITS.len()].to_string();
        let id = self.store.next_op_id();
        let op = Op {
            id,
            at,
            hlc: None,
            kind: OpKind::SetProgress {
                task: format!("t{}", n % 10 + 1),
                unit: Some(unit.clone()),
                period: Some("2020-06".into()),
                percent: (n % 100) as u8,
            },
            cause: None,
            unit: Some(unit),
            by: Some("测试员".into()),
        };
        self.store.record(op);
    }
}

fn main() {
    let dav = DavServer::start(&browser::dist_dir(), "lanbai", "bench");
    std::fs::create_dir_all(dav.sync_dir().join(PLAN)).expect("the plan folder");
    let auth = basic_auth("lanbai", "bench");
    let now = 1_593_561_600_000;
    let mut devices: Vec<Device> = (0..DEVICES)
        .map(|i| {
            let kv = MemoryKv::new();
            let store = Store::open(kv.clone(), PLAN, &format!("w{i}"));
            let http = Http {
                port: dav.port,
                auth: auth.clone(),
                requests: Cell::new(0),
                bytes: Cell::new(0),
            };
            Device { kv, store, http }
        })
        .collect();
    for (i, d) in devices.iter_mut().enumerate() {
        for n in 0..OPS {
            d.edit(n, now + (i * OPS + n) as i64);
        }
        d.store.flush().expect("store the edits");
    }

    let start = Instant::now();
    let mut passes = 0;
    while devices.iter().any(|d| d.count() < DEVICES * OPS) {
        passes += 1;
        for (i, d) in devices.iter().enumerate() {
            d.sync(now, (passes * 100 + i) as u64);
        }
        assert!(passes < 10, "no convergence after 10 passes");
    }
    let converged = start.elapsed();
    let requests: Vec<u64> = devices.iter().map(|d| d.http.requests.get()).collect();
    let bytes: Vec<u64> = devices.iter().map(|d| d.http.bytes.get()).collect();

    // One new edit: the device that made it uploads, another fetches it.
    for d in &devices {
        d.http.requests.set(0);
        d.http.bytes.set(0);
    }
    devices[0].edit(0, now + 1_000_000);
    devices[0].store.flush().expect("store the edit");
    let t = Instant::now();
    devices[0].sync(now, 9_000);
    let up = t.elapsed();
    let t = Instant::now();
    let fetched = devices[1].sync(now, 9_001);
    let down = t.elapsed();

    println!(
        "sync benchmark: {DEVICES} devices × {OPS} edits against Debian's nginx (dav-ext) on 127.0.0.1"
    );
    println!("| figure | value |");
    println!("|---|---|");
    println!(
        "| time until all {DEVICES} devices hold all {} edits | {:.2} s ({passes} passes of {DEVICES} rounds) |",
        DEVICES * OPS,
        converged.as_secs_f64()
    );
    let (rmin, rmax) = (
        requests.iter().min().copied().unwrap_or(0),
        requests.iter().max().copied().unwrap_or(0),
    );
    let (bmin, bmax) = (
        bytes.iter().min().copied().unwrap_or(0),
        bytes.iter().max().copied().unwrap_or(0),
    );
    println!("| requests per device (first sync) | {rmin}–{rmax} |");
    println!(
        "| bytes per device, bodies up and down (first sync) | {:.0}–{:.0} KB |",
        bmin as f64 / 1024.0,
        bmax as f64 / 1024.0
    );
    println!(
        "| one new edit, on the device that made it | {} requests, {:.1} KB, {:.1} ms |",
        devices[0].http.requests.get(),
        devices[0].http.bytes.get() as f64 / 1024.0,
        up.as_secs_f64() * 1000.0
    );
    println!(
        "| one new edit, on another device | {} requests, {:.1} KB, {:.1} ms ({fetched} edit fetched) |",
        devices[1].http.requests.get(),
        devices[1].http.bytes.get() as f64 / 1024.0,
        down.as_secs_f64() * 1000.0
    );
}
