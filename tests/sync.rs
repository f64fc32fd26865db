//! Sync rounds between devices through an in-memory WebDAV folder: every device's edits reach every other,
//! each device writes only its own files, whole, and no failure loses or repeats an edit. The same rounds
//! run against a real nginx in the end-to-end tests (`tests/e2e/sync.rs`).

mod common;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use common::{op, status};
use lanbai_planner::journal::{Op, Status};
use lanbai_planner::storage::{KeyValue, MemoryKv, Store};
use lanbai_planner::sync::{
    Entry, Fetched, Round, SyncError, Transport, block_on_ready, pending, round,
};

const PLAN: &str = "gansu-2020-shuangqu";

#[derive(Default)]
struct Folder {
    files: RefCell<BTreeMap<String, (String, u64)>>,
    next_version: Cell<u64>,
    down: Cell<bool>,
    /// Uploads land but the move into place fails (the server went away in between).
    fail_moves: Cell<bool>,
    /// Every write, as `(device, name)`.
    writes: RefCell<Vec<(String, String)>>,
    requests: Cell<u32>,
}

/// One device's view of the folder: the same files, its own name in the write log.
struct Device<'a> {
    folder: &'a Folder,
    name: &'static str,
}

impl Folder {
    fn bump(&self) -> u64 {
        self.next_version.set(self.next_version.get() + 1);
        self.next_version.get()
    }
    fn up(&self) -> Result<(), SyncError> {
        self.requests.set(self.requests.get() + 1);
        if self.down.get() {
            Err(SyncError::Unreachable("connection refused".into()))
        } else {
            Ok(())
        }
    }
}

impl Transport for Device<'_> {
    async fn list(&self) -> Result<Vec<Entry>, SyncError> {
        self.folder.up()?;
        Ok(self
            .folder
            .files
            .borrow()
            .iter()
            .map(|(name, (_, v))| Entry {
                name: name.clone(),
                // Like nginx's dav-ext: the listing's version is not the download's ETag.
                version: Some(format!("modified {v}")),
            })
            .collect())
    }
    async fn get(&self, name: &str, version: Option<&str>) -> Result<Fetched, SyncError> {
        self.folder.up()?;
        let files = self.folder.files.borrow();
        let Some((text, v)) = files.get(name) else {
            return Err(SyncError::Status(404));
        };
        let tag = format!("\"{v}\"");
        if version == Some(tag.as_str()) {
            return Ok(Fetched::NotModified);
        }
        Ok(Fetched::Body {
            text: text.clone(),
            version: Some(tag),
        })
    }
    async fn put(&self, name: &str, temp: &str, body: &str) -> Result<(), SyncError> {
        self.folder.up()?;
        let v = self.folder.bump();
        self.folder
            .files
            .borrow_mut()
            .insert(temp.into(), (body.into(), v));
        self.folder
            .writes
            .borrow_mut()
            .push((self.name.into(), temp.into()));
        self.folder.up()?;
        if self.folder.fail_moves.get() {
            return Err(SyncError::Unreachable(
                "gone between upload and move".into(),
            ));
        }
        let moved = self.folder.files.borrow_mut().remove(temp);
        if let Some((body, _)) = moved {
            self.folder
                .files
                .borrow_mut()
                .insert(name.into(), (body, v));
        }
        self.folder
            .writes
            .borrow_mut()
            .push((self.name.into(), name.into()));
        Ok(())
    }
    async fn delete(&self, name: &str) -> Result<(), SyncError> {
        self.folder.up()?;
        self.folder.files.borrow_mut().remove(name);
        self.folder
            .writes
            .borrow_mut()
            .push((self.name.into(), name.into()));
        Ok(())
    }
    fn url(&self, name: &str) -> String {
        format!("http://office/sync/{PLAN}/{name}")
    }
}

/// Devices "a" and "b" on one folder.
fn two_devices(folder: &Folder) -> (Device<'_>, Device<'_>) {
    (Device { folder, name: "a" }, Device { folder, name: "b" })
}

/// A browser profile: its storage and this page load's store.
struct Browser {
    kv: MemoryKv,
    store: Store<MemoryKv>,
}

impl Browser {
    fn new(writer: &str) -> Browser {
        let kv = MemoryKv::new();
        let store = Store::open(kv.clone(), PLAN, writer);
        Browser { kv, store }
    }
    fn edit(&mut self, task: &str, s: Status, at: i64) -> Op {
        let id = self.store.next_op_id();
        let o = op(&id, at, status(task, s));
        assert_eq!(self.store.append(o.clone()), Ok(()));
        o
    }
    fn sync(&mut self, device: &Device) -> Result<Round, SyncError> {
        block_on_ready(round(
            &self.kv,
            device,
            PLAN,
            self.store.writer(),
            1_600_000_000_000,
            7,
        ))
    }
    /// What a reload of this profile shows.
    fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Store::open(self.kv.clone(), PLAN, "reload")
            .load(1)
            .ops
            .into_iter()
            .map(|o| o.id)
            .collect();
        ids.sort();
        ids
    }
}

#[test]
fn edits_made_offline_on_two_devices_converge_once_the_server_is_back() {
    let folder = Folder::default();
    let (da, db) = two_devices(&folder);
    let (mut a, mut b) = (Browser::new("wa"), Browser::new("wb"));
    folder.down.set(true);
    a.edit("t1", Status::Done, 10);
    b.edit("t2", Status::InProgress, 11);
    b.edit("t3", Status::OnHold, 12);
    assert!(matches!(a.sync(&da), Err(SyncError::Unreachable(_))));
    assert_eq!(pending(&a.kv, PLAN), 1, "the edit waits, counted");
    assert_eq!(pending(&b.kv, PLAN), 2);
    folder.down.set(false);
    assert_eq!(a.sync(&da).map(|r| r.uploaded), Ok(1));
    let rb = b.sync(&db);
    assert_eq!(
        rb.as_ref()
            .map(|r| (r.fetched, r.uploaded, r.new_ops.len(), r.pending)),
        Ok((1, 1, 1, 0))
    );
    let ra = a.sync(&da);
    assert_eq!(ra.as_ref().map(|r| r.new_ops.len()), Ok(2));
    let all = vec!["wa-1".to_string(), "wb-1".into(), "wb-2".into()];
    assert_eq!(a.ids(), all);
    assert_eq!(b.ids(), all);
    // Each device wrote only its own writer's files.
    for (device, name) in folder.writes.borrow().iter() {
        let writer = if device == "a" { "wa." } else { "wb." };
        assert!(name.starts_with(writer), "{device} wrote {name}");
    }
}

#[test]
fn one_new_edit_costs_a_constant_number_of_requests() {
    let folder = Folder::default();
    let (da, db) = two_devices(&folder);
    let (mut a, mut b) = (Browser::new("wa"), Browser::new("wb"));
    for i in 0..600 {
        a.edit(&format!("t{}", i % 10 + 1), Status::InProgress, i);
    }
    assert_eq!(
        a.sync(&da).map(|r| r.uploaded),
        Ok(3),
        "600 ops are 3 chunks"
    );
    assert_eq!(b.sync(&db).map(|r| r.new_ops.len()), Ok(600));
    a.sync(&da).ok();
    b.sync(&db).ok();
    a.edit("t1", Status::Done, 1_000);
    folder.requests.set(0);
    assert_eq!(
        a.sync(&da).map(|r| r.uploaded),
        Ok(1),
        "only the last chunk goes up"
    );
    assert_eq!(folder.requests.get(), 3, "list, upload, move");
    folder.requests.set(0);
    assert_eq!(
        b.sync(&db).map(|r| (r.fetched, r.new_ops.len())),
        Ok((1, 1))
    );
    assert_eq!(folder.requests.get(), 2, "list, one download");
    folder.requests.set(0);
    assert_eq!(b.sync(&db).map(|r| r.fetched), Ok(0));
    assert_eq!(folder.requests.get(), 1, "nothing new: one listing");
}

#[test]
fn an_upload_cut_before_its_move_is_never_read_and_is_finished_later() {
    let folder = Folder::default();
    let (da, db) = two_devices(&folder);
    let (mut a, mut b) = (Browser::new("wa"), Browser::new("wb"));
    a.edit("t1", Status::Done, 10);
    folder.fail_moves.set(true);
    assert!(a.sync(&da).is_err());
    assert_eq!(pending(&a.kv, PLAN), 1);
    assert_eq!(
        b.sync(&db).map(|r| r.new_ops.len()),
        Ok(0),
        "a temporary file is not data"
    );
    folder.fail_moves.set(false);
    assert_eq!(a.sync(&da).map(|r| (r.uploaded, r.pending)), Ok((1, 0)));
    assert!(
        folder.files.borrow().keys().all(|k| !k.ends_with(".part")),
        "the leftover upload is tidied: {:?}",
        folder.files.borrow().keys().collect::<Vec<_>>()
    );
    assert_eq!(b.sync(&db).map(|r| r.new_ops.len()), Ok(1));
    assert_eq!(b.ids(), ["wa-1"]);
}

#[test]
fn a_damaged_server_file_is_quarantined_with_its_url_and_never_merged() {
    let folder = Folder::default();
    let (da, db) = two_devices(&folder);
    let (mut a, mut b) = (Browser::new("wa"), Browser::new("wb"));
    a.edit("t1", Status::Done, 10);
    a.sync(&da).ok();
    // Someone edits a's file by hand on the server: the checksum no longer matches.
    {
        let mut files = folder.files.borrow_mut();
        let (text, v) = files.get("wa.0.json").cloned().unwrap_or_default();
        files.insert(
            "wa.0.json".into(),
            (text.replace("done", "on_hold"), v + 100),
        );
        files.insert("wz.0.json".into(), ("{ not json".into(), 1));
    }
    let r = b.sync(&db);
    assert_eq!(
        r.as_ref().map(|r| (r.new_ops.len(), r.quarantined.len())),
        Ok((0, 2))
    );
    let q = r.map(|r| r.quarantined).unwrap_or_default();
    assert!(
        q.iter()
            .any(|e| e.original_key == "http://office/sync/gansu-2020-shuangqu/wa.0.json")
    );
    assert_eq!(
        b.ids(),
        Vec::<String>::new(),
        "nothing of either file merged"
    );
    // Quarantined once, not again at every round.
    assert_eq!(b.sync(&db).map(|r| r.quarantined.len()), Ok(0));
    let raw =
        b.kv.keys()
            .into_iter()
            .filter(|k| k.starts_with("lanbai:quarantine:"))
            .count();
    assert_eq!(raw, 2);
}

#[test]
fn a_reload_uploads_what_an_earlier_page_load_left_and_mirrors_are_never_uploaded() {
    let folder = Folder::default();
    let (da, db) = two_devices(&folder);
    let mut a = Browser::new("wa1");
    a.edit("t1", Status::Done, 10);
    let mut b = Browser::new("wb");
    b.edit("t2", Status::Done, 11);
    b.sync(&db).ok();
    // a reloads (a new writer) before it ever synced: the old page load's edit still goes up.
    let kv = a.kv.clone();
    let mut a2 = Browser {
        kv: kv.clone(),
        store: Store::open(kv, PLAN, "wa2"),
    };
    assert_eq!(
        a2.sync(&da).map(|r| (r.uploaded, r.new_ops.len())),
        Ok((1, 1))
    );
    // The mirror of b's file is in a's storage, yet a never writes it, even once the server lost it.
    folder.files.borrow_mut().remove("wb.0.json");
    a2.sync(&da).ok();
    assert!(
        folder
            .writes
            .borrow()
            .iter()
            .all(|(d, n)| d != "a" || n.starts_with("wa1."))
    );
    assert_eq!(a2.ids(), ["wa1-1", "wb-1"]);
}

#[test]
fn a_full_browser_keeps_what_it_had_and_says_so() {
    let folder = Folder::default();
    let (da, db) = two_devices(&folder);
    let mut a = Browser::new("wa");
    for i in 0..50 {
        a.edit("t1", Status::Done, i);
    }
    a.sync(&da).ok();
    let kv = MemoryKv::with_quota(2_000);
    let mut b = Browser {
        kv: kv.clone(),
        store: Store::open(kv, PLAN, "wb"),
    };
    b.edit("t2", Status::Done, 11);
    assert_eq!(
        b.sync(&db).map(|r| r.new_ops.len()),
        Err(SyncError::LocalFull)
    );
    assert_eq!(b.ids(), ["wb-1"]);
}

#[test]
fn two_tabs_of_one_browser_each_write_as_their_own_writer_and_both_reach_the_server() {
    let folder = Folder::default();
    let (da, db) = two_devices(&folder);
    let kv = MemoryKv::new();
    let mut tab1 = Browser {
        kv: kv.clone(),
        store: Store::open(kv.clone(), PLAN, "wa1"),
    };
    let mut tab2 = Browser {
        kv: kv.clone(),
        store: Store::open(kv, PLAN, "wa2"),
    };
    tab1.edit("t1", Status::Done, 10);
    tab2.edit("t2", Status::Done, 11);
    assert_eq!(
        tab1.sync(&da).map(|r| r.pending),
        Ok(0),
        "both tabs' edits went up"
    );
    assert_eq!(tab2.sync(&da).map(|r| r.uploaded), Ok(0), "nothing twice");
    tab2.edit("t3", Status::Done, 12);
    assert_eq!(tab2.sync(&da).map(|r| r.uploaded), Ok(1));
    let mut other = Browser::new("wb");
    assert_eq!(other.sync(&db).map(|r| r.new_ops.len()), Ok(3));
    let names: Vec<String> = folder.files.borrow().keys().cloned().collect();
    assert_eq!(names, ["wa1.0.json", "wa2.0.json"]);
}
