//! A real WebDAV server for the sync tests: Debian's nginx with its built-in dav module and the dav-ext
//! module (PROPFIND, OPTIONS), run in the foreground from a temporary prefix. A hand-written mock would
//! only agree with our own reading of RFC 4918; nginx is what many people actually point a sync folder at,
//! quirks included. One origin serves the built site at `/` (so the app needs no CORS) and a password-
//! protected folder at `/sync/`. Flag files let a test make the server "full" (PUT → 507) or "go away"
//! between upload and rename (MOVE → 503) without restarting it.

use crate::browser::TempDir;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One line of the access log: what a test can assert about the traffic the app produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    pub method: String,
    pub uri: String,
    pub status: u16,
    pub request_bytes: u64,
    pub response_bytes: u64,
}

pub struct DavServer {
    pub port: u16,
    dir: TempDir,
    child: Option<Child>,
}

/// The readiness probe: `GET /` with a query only the harness sends, so [`DavServer::requests`] can
/// leave it out.
const READY: &str = "/?lanbai-e2e-ready";

fn nginx_binary() -> String {
    std::env::var("LANBAI_NGINX").unwrap_or_else(|_| "/usr/sbin/nginx".into())
}

/// Root on CI: the server must then run as root too, or it could not write the temp dir the tests own.
fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

fn config(tmp: &Path, site: &Path, port: u16, max_body: &str) -> String {
    let modules =
        std::env::var("LANBAI_NGINX_MODULES").unwrap_or_else(|_| "/usr/lib/nginx/modules".into());
    let (t, user) = (
        tmp.display(),
        if running_as_root() { "user root;" } else { "" },
    );
    // The DAV root is `<tmp>/dav`, not `<tmp>`: nginx maps a MOVE's Destination through this
    // location's root even when it lies outside /sync/, so a stray MOVE must not be able to overwrite
    // the harness's own files (conf, htpasswd, flags). `master_process off`: one process, so killing
    // the child really closes the port (a killed master would leave its worker serving). Flags are
    // checked in the rewrite phase but answered after an internal redirect by `try_files =code`, which
    // runs after auth: a wrong password still gets 401, as on a real host.
    format!(
        r#"load_module {modules}/ngx_http_dav_ext_module.so;
{user}
daemon off;
master_process off;
worker_processes 1;
pid {t}/nginx.pid;
lock_file {t}/nginx.lock;
error_log {t}/error.log info;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    types {{ application/manifest+json webmanifest; }}
    default_type application/octet-stream;
    log_format e2e "$request_method\t$request_uri\t$status\t$request_length\t$bytes_sent";
    access_log {t}/access.log e2e;
    client_body_temp_path {t}/temp/body;
    proxy_temp_path {t}/temp/proxy;
    fastcgi_temp_path {t}/temp/fastcgi;
    uwsgi_temp_path {t}/temp/uwsgi;
    scgi_temp_path {t}/temp/scgi;
    client_max_body_size {max_body};
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        location / {{ root {site}; index index.html; }}
        location /sync/ {{
            root {t}/dav;
            dav_methods PUT DELETE MKCOL COPY MOVE;
            dav_ext_methods PROPFIND OPTIONS;
            create_full_put_path on;
            dav_access user:rw group:rw all:r;
            autoindex off;
            auth_basic "Lanbai sync";
            auth_basic_user_file {t}/htpasswd;
            set $flags "";
            if (-f {t}/flags/full) {{ set $flags "full"; }}
            if (-f {t}/flags/no-move) {{ set $flags "$flags,no-move"; }}
            set $probe "$request_method:$flags";
            if ($probe ~ "^PUT:full") {{ rewrite ^ /__flag/507 last; }}
            if ($probe ~ "^MOVE:.*no-move") {{ rewrite ^ /__flag/503 last; }}
        }}
        location /__flag/ {{
            internal;
            auth_basic "Lanbai sync";
            auth_basic_user_file {t}/htpasswd;
            location = /__flag/507 {{ try_files /__never__ =507; }}
            location = /__flag/503 {{ try_files /__never__ =503; }}
        }}
    }}
}}
"#,
        site = site.display()
    )
}

impl DavServer {
    /// The site at `/`, a WebDAV folder at `/sync/` for `user`:`password`, request bodies up to 1 MB.
    pub fn start(site: &Path, user: &str, password: &str) -> DavServer {
        DavServer::start_with(site, user, password, "1m")
    }

    /// As [`DavServer::start`], with nginx's `client_max_body_size` set to `max_body` ("1k", "10m"), so a
    /// test can see how the app reports a 413.
    pub fn start_with(site: &Path, user: &str, password: &str, max_body: &str) -> DavServer {
        let mut dir = TempDir::new("dav");
        for sub in ["dav/sync", "flags", "temp"] {
            std::fs::create_dir_all(dir.0.join(sub)).expect("create the nginx prefix directories");
        }
        std::fs::write(
            dir.0.join("htpasswd"),
            format!("{user}:{{PLAIN}}{password}\n"),
        )
        .expect("write htpasswd");
        let site =
            std::fs::canonicalize(site).unwrap_or_else(|e| panic!("site directory {site:?}: {e}"));
        // The port is free now; should another process grab it before nginx binds, pick another.
        for _ in 0..5 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .expect("a free loopback port");
            std::fs::write(
                dir.0.join("nginx.conf"),
                config(&dir.0, &site, port, max_body),
            )
            .expect("write nginx.conf");
            let mut server = DavServer {
                port,
                dir,
                child: None,
            };
            match server.spawn(Duration::from_secs(10)) {
                Ok(()) => return server,
                Err(log) if log.contains("Address already in use") => dir = server.take_dir(),
                Err(log) => panic!("nginx ({}) did not start:\n{log}", nginx_binary()),
            }
        }
        panic!("nginx found no free port in five tries");
    }

    fn take_dir(mut self) -> TempDir {
        self.kill();
        std::mem::replace(&mut self.dir, TempDir(PathBuf::new()))
    }

    /// Spawns nginx and waits until `GET /` answers 200; on failure, returns nginx's logs.
    fn spawn(&mut self, patience: Duration) -> Result<(), String> {
        let d = &self.dir.0;
        let stderr = std::fs::File::create(d.join("stderr.log")).expect("create stderr.log");
        let mut child = Command::new(nginx_binary())
            .arg("-p")
            .arg(d)
            .arg("-c")
            .arg(d.join("nginx.conf"))
            .arg("-e")
            .arg(d.join("error.log"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run nginx ({}): {e}; install nginx and libnginx-mod-http-dav-ext",
                    nginx_binary()
                )
            });
        let deadline = Instant::now() + patience;
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!("nginx exited with {status}\n{}", self.logs()));
            }
            if try_request(self.port, "GET", READY, &[], b"").is_ok_and(|r| r.0 == 200) {
                self.child = Some(child);
                return Ok(());
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "nginx did not answer GET / with 200 within {patience:?}\n{}",
                    self.logs()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn logs(&self) -> String {
        let read = |f: &str| std::fs::read_to_string(self.dir.0.join(f)).unwrap_or_default();
        format!(
            "--- error.log ---\n{}--- stderr ---\n{}",
            read("error.log"),
            read("stderr.log")
        )
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn url(&self, hash: &str) -> String {
        format!("http://127.0.0.1:{}/{hash}", self.port)
    }

    pub fn sync_url(&self) -> String {
        format!("http://127.0.0.1:{}/sync/", self.port)
    }

    /// The folder on disk behind `/sync/`, to seed files or check what the app wrote.
    pub fn sync_dir(&self) -> PathBuf {
        self.dir.0.join("dav/sync")
    }

    /// Kills nginx and waits for it: afterwards connections are refused, like a server that went offline.
    pub fn stop(&mut self) {
        self.kill();
    }

    /// Starts nginx again on the same port with the same files: the server came back. The old socket may
    /// linger for a moment, so binding is retried for a few seconds.
    pub fn resume(&mut self) {
        self.kill();
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match self.spawn(Duration::from_secs(10)) {
                Ok(()) => return,
                Err(log) if log.contains("Address already in use") && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(200))
                }
                Err(log) => panic!("nginx did not come back on port {}:\n{log}", self.port),
            }
        }
    }

    /// Turns a failure mode on or off: "full" (every PUT to /sync/ → 507 Insufficient Storage) or "no-move"
    /// (every MOVE → 503). nginx tests for the file on each request, so it takes effect at once.
    pub fn set_flag(&self, name: &str, on: bool) {
        assert!(
            matches!(name, "full" | "no-move"),
            "unknown DAV flag {name:?}"
        );
        let path = self.dir.0.join("flags").join(name);
        if on {
            std::fs::write(&path, b"").expect("write flag file");
        } else if path.exists() {
            std::fs::remove_file(&path).expect("remove flag file");
        }
    }

    /// Every request nginx has answered so far, oldest first (the log is written unbuffered, per request),
    /// without the harness's own readiness probes.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        let log = std::fs::read_to_string(self.dir.0.join("access.log")).unwrap_or_default();
        log.lines()
            .filter(|line| !line.contains(READY))
            .map(|line| {
                let f: Vec<&str> = line.split('\t').collect();
                let num = |i: usize| {
                    f.get(i)
                        .and_then(|s| s.parse().ok())
                        .unwrap_or_else(|| panic!("access log line {line:?}"))
                };
                LoggedRequest {
                    method: f[0].to_string(),
                    uri: f.get(1).unwrap_or(&"").to_string(),
                    status: num(2) as u16,
                    request_bytes: num(3),
                    response_bytes: num(4),
                }
            })
            .collect()
    }
}

impl Drop for DavServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `Authorization: Basic …` for `user`:`password` (a base64 encoder small enough not to need a crate).
pub fn basic_auth(user: &str, password: &str) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::from("Basic ");
    for chunk in format!("{user}:{password}").as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as usize) << 16 | (b[1] as usize) << 8 | b[2] as usize;
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ABC[(n >> (18 - 6 * i)) & 63] as char
            } else {
                '='
            });
        }
    }
    out
}

/// One raw HTTP/1.1 request with `Connection: close`, read to EOF: (status, headers with lower-case names,
/// body). Raw on purpose: what is on the wire is what the browser's fetch will see. nginx sends a
/// Content-Length for everything this server does, so chunked bodies are refused rather than decoded.
pub fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    try_request(port, method, path, headers, body)
        .unwrap_or_else(|e| panic!("{method} {path} on port {port}: {e}"))
}

pub type Response = (u16, Vec<(String, String)>, Vec<u8>);

fn try_request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Response> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    let mut head =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    if !body.is_empty() || method == "PUT" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    stream.write_all(format!("{head}\r\n").as_bytes())?;
    stream.write_all(body)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no end of head"))?;
    let text = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = text.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    if headers.iter().any(|(k, _)| k == "transfer-encoding") {
        return Err(bad("chunked response"));
    }
    Ok((
        status.ok_or_else(|| bad("no status line"))?,
        headers,
        raw[end + 4..].to_vec(),
    ))
}

#[test]
fn the_dav_folder_takes_uploads_moves_and_listings_behind_a_password() {
    const V1: &[u8] = b"{\"v\":1}";
    let site = TempDir::new("dav-site");
    std::fs::write(site.0.join("index.html"), "<!doctype html>").expect("write index.html");
    let mut dav = DavServer::start(&site.0, "anna", "s3cret pw");
    let (port, ok, bad) = (
        dav.port,
        basic_auth("anna", "s3cret pw"),
        basic_auth("anna", "x"),
    );
    // Sends with `auth` as the Authorization header ("" for none) and checks the status.
    let expect =
        |code: u16, auth: &str, method: &str, path: &str, extra: &[(&str, &str)], body: &[u8]| {
            let mut h = extra.to_vec();
            if !auth.is_empty() {
                h.push(("Authorization", auth));
            }
            let got = request(port, method, path, &h, body);
            let text = String::from_utf8_lossy(&got.2).into_owned();
            assert_eq!(got.0, code, "{method} {path} {extra:?}: {text}");
            (got.1, text)
        };
    let d1 = [("Depth", "1")];

    expect(200, "", "GET", "/", &[], b"");
    expect(401, "", "PROPFIND", "/sync/", &d1, b"");
    expect(401, &bad, "PROPFIND", "/sync/", &d1, b"");
    expect(201, &ok, "MKCOL", "/sync/p1/", &[], b"");
    expect(201, &ok, "PUT", "/sync/p1/a.json.part", &[], V1);
    let to_a = [
        ("Destination", dav.url("sync/p1/a.json")),
        ("Overwrite", "T".into()),
    ];
    let to_a: Vec<(&str, &str)> = to_a.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // nginx answers a file MOVE with 204 even when the target is new (RFC 4918 says 201).
    expect(204, &ok, "MOVE", "/sync/p1/a.json.part", &to_a, b"");
    assert_eq!(
        std::fs::read(dav.sync_dir().join("p1/a.json")).expect("moved file"),
        V1
    );

    let (_, xml) = expect(207, &ok, "PROPFIND", "/sync/p1/", &d1, b"");
    for needle in [
        "<D:href>/sync/p1/a.json</D:href>",
        "getlastmodified",
        "getcontentlength",
    ] {
        assert!(xml.contains(needle), "PROPFIND body lacks {needle}: {xml}");
    }
    // dav-ext 3.0 has no getetag property, not even when a PROPFIND body asks for it: a client must take
    // ETags from GET/HEAD (or compare getlastmodified + getcontentlength).
    assert!(
        !xml.contains("getetag"),
        "dav-ext now reports getetag: {xml}"
    );

    let (headers, body) = expect(200, &ok, "GET", "/sync/p1/a.json", &[], b"");
    assert_eq!(body.as_bytes(), V1);
    let etag = headers
        .into_iter()
        .find(|(k, _)| k == "etag")
        .expect("GET gives an ETag")
        .1;
    expect(
        304,
        &ok,
        "GET",
        "/sync/p1/a.json",
        &[("If-None-Match", &etag)],
        b"",
    );
    // No conditional PUT: nginx overwrites (204) even when If-Match names a stale ETag.
    expect(
        204,
        &ok,
        "PUT",
        "/sync/p1/a.json",
        &[("If-Match", "\"old\"")],
        b"{\"v\":2}",
    );

    dav.set_flag("full", true);
    expect(507, &ok, "PUT", "/sync/p1/b.json", &[], b"{}");
    expect(401, &bad, "PUT", "/sync/p1/b.json", &[], b"{}"); // the password is checked first
    dav.set_flag("full", false);
    expect(201, &ok, "PUT", "/sync/p1/b.json.part", &[], b"{}");
    dav.set_flag("no-move", true);
    let to_b = format!("{}p1/b.json", dav.sync_url());
    expect(
        503,
        &ok,
        "MOVE",
        "/sync/p1/b.json.part",
        &[("Destination", &to_b)],
        b"",
    );
    dav.set_flag("no-move", false);
    assert!(dav.sync_dir().join("p1/b.json.part").exists());
    assert!(!dav.sync_dir().join("p1/b.json").exists());

    let log = dav.requests();
    let has = |m: &str, uri: &str, code| {
        log.iter()
            .any(|r| r.method == m && r.uri == uri && r.status == code)
    };
    assert!(has("PUT", "/sync/p1/a.json.part", 201), "{log:#?}");
    assert!(has("MOVE", "/sync/p1/a.json.part", 204), "{log:#?}");
    assert!(has("PUT", "/sync/p1/b.json", 507), "{log:#?}");
    assert!(has("MOVE", "/sync/p1/b.json.part", 503), "{log:#?}");
    assert!(
        log.iter()
            .all(|r| r.request_bytes > 0 && r.response_bytes > 0),
        "{log:#?}"
    );

    dav.stop();
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "stopped, yet connectable"
    );
    dav.resume();
    assert_eq!(dav.port, port);
    let (_, body) = expect(200, &ok, "GET", "/sync/p1/a.json", &[], b"");
    assert_eq!(body, "{\"v\":2}", "files survive a restart");
    drop(dav);

    let small = DavServer::start_with(&site.0, "anna", "s3cret pw", "1k");
    let h = [("Authorization", ok.as_str())];
    assert_eq!(
        request(small.port, "PUT", "/sync/big", &h, &[b'x'; 4096]).0,
        413
    );
    assert_eq!(
        request(small.port, "PUT", "/sync/ok", &h, &[b'x'; 512]).0,
        201
    );
}
