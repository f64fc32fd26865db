//! A minimal static file server for the built site, on 127.0.0.1 and a free port. It serves `dist/` the way
//! any static host would (no server logic), optionally under a sub-path, and can be stopped mid-test to play
//! "the network is gone".

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

pub struct StaticServer {
    pub port: u16,
    prefix: String,
    stopped: Arc<AtomicBool>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:{port}{prefix}` (`prefix` like "/" or "/planner/").
    pub fn start(root: &Path, prefix: &str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let stopped = Arc::new(AtomicBool::new(false));
        let root = root.to_path_buf();
        let prefix_owned = prefix.to_string();
        let flag = stopped.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let root = root.clone();
                    let prefix = prefix_owned.clone();
                    thread::spawn(move || serve(stream, &root, &prefix));
                }
            }
        });
        StaticServer {
            port,
            prefix: prefix.to_string(),
            stopped,
        }
    }

    pub fn url(&self, hash: &str) -> String {
        format!("http://127.0.0.1:{}{}{hash}", self.port, self.prefix)
    }

    /// Stops accepting connections: later requests are refused like on a cut network.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag and drops the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn serve(mut stream: TcpStream, root: &Path, prefix: &str) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let response = match resolve(root, prefix, path) {
        Some(file) => match std::fs::read(&file) {
            Ok(body) => (200, content_type(&file), body),
            Err(_) => (404, "text/plain", b"not found".to_vec()),
        },
        None => (404, "text/plain", b"not found".to_vec()),
    };
    let (status, mime, body) = response;
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Not Found" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn resolve(root: &Path, prefix: &str, path: &str) -> Option<PathBuf> {
    let rest = path.strip_prefix(prefix.trim_end_matches('/'))?;
    let rest = rest.trim_start_matches('/');
    if rest.split('/').any(|seg| seg == "..") {
        return None;
    }
    let file = if rest.is_empty() {
        root.join("index.html")
    } else {
        root.join(rest)
    };
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
