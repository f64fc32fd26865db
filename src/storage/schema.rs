//! What is stored inside each key, and how older layouts are brought up to date. Every stored value carries
//! its `schema`; `migrate` applies one function per version step, so a v1 value written in 2020 still loads
//! after any number of releases. Fixtures of every version live in `tests/fixtures/storage/` forever.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::journal::Op;

/// The schema of the small records written today (writer metas, settings, the plan index). v1 is the
/// first stored format; they have had no reason for a v2.
pub const CURRENT: u32 = 1;

/// The schema of journal chunks written today. v2 (issue 11) adds the writing unit and person to ops and
/// the unit and period to reports. Every v1 op is a valid v2 op, read as the edit of 未注明单位, so reading
/// a v1 chunk needs no conversion. The number still changes: an older copy of the app (a stale cached
/// service worker) finds v2 chunks "newer" and leaves them alone, instead of reading two units' reports
/// as one task-level status. Fixtures: `tests/fixtures/storage/v1/`, `v2/`.
/// v3 adds the reporting cycle's `submit`, `review`, `request_extension` and `decide_extension` ops; v1 and v2 chunks read as they are, and an app of
/// v2 leaves v3 chunks alone instead of dropping ops it cannot read. Fixture: `v3/`.
/// v4 (issue 13) gives new ops a hybrid logical clock (`hlc`) that orders them instead of `at`; older ops
/// order by `(at, 0)` as before, so v1–v3 chunks read as they are, and an app of v3 leaves v4 chunks alone
/// rather than ordering a fast laptop's edits by its wall clock. Fixture: `v4/`.
pub const CHUNK: u32 = 4;

/// One chunk of one writer's ops (v1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    pub schema: u32,
    pub writer: String,
    pub chunk: u32,
    pub ops: Vec<Op>,
}

/// A writer's tiny summary record (v1), rewritten with every chunk write. `load` does not need it to find the
/// chunks (it lists keys); it is there to notice chunks that disappeared (cleared by hand, evicted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub schema: u32,
    pub writer: String,
    /// Chunk indices in use are `first_chunk..first_chunk + chunks`.
    pub first_chunk: u32,
    pub chunks: u32,
    pub ops: u64,
}

/// Why a stored value could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Not JSON, or not the shape of its schema: quarantine it.
    Unreadable(String),
    /// Written by a newer version of the app (an old cached copy is running): leave it in place untouched.
    Newer(u32),
}

/// A chunk whose ops were read; `bad` lists ops that had to be dropped (their raw text stays in quarantine).
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkRead {
    pub ops: Vec<Op>,
    pub bad: Vec<String>,
}

/// `STEPS[i]` turns a schema `i + 1` value into schema `i + 2`. Empty while v1 is current; a v2 appends
/// `v1_to_v2` here and a fixture under `tests/fixtures/storage/v2/`.
type Step = fn(Value) -> Result<Value, ReadError>;
const STEPS: [Step; CURRENT as usize - 1] = [];

/// Brings a stored value of `version` to the current schema, one step at a time.
pub fn migrate(version: u32, raw: Value) -> Result<Value, ReadError> {
    if version > CURRENT {
        return Err(ReadError::Newer(version));
    }
    if version == 0 {
        return Err(ReadError::Unreadable(
            "schema version 0 was never written".into(),
        ));
    }
    let mut value = raw;
    for step in &STEPS[(version - 1) as usize..] {
        value = step(value)?;
    }
    Ok(value)
}

/// The `schema` field of a stored JSON object.
fn parse_versioned(raw: &str) -> Result<Value, ReadError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| ReadError::Unreadable(format!("not JSON: {e}")))?;
    let version = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::Unreadable("no schema version".into()))?;
    let version = u32::try_from(version)
        .map_err(|_| ReadError::Unreadable("schema version out of range".into()))?;
    migrate(version, value)
}

/// Reads a journal chunk, keeping every op that still has the right shape.
pub fn read_chunk(raw: &str) -> Result<ChunkRead, ReadError> {
    // Fast path: a current chunk whose ops all have the right shape reads straight into `Chunk`, without the
    // intermediate `Value` tree that costs about half of a 10,000-op load. Anything else (older schema,
    // damaged ops) takes the careful path below, which keeps what it can.
    if let Ok(chunk) = serde_json::from_str::<Chunk>(raw)
        && (1..=CHUNK).contains(&chunk.schema)
    {
        return Ok(ChunkRead {
            ops: chunk.ops,
            bad: Vec::new(),
        });
    }
    let value = match chunk_value(raw) {
        Ok(value) => value,
        Err(ReadError::Unreadable(reason)) => return salvage_ops(raw, reason),
        Err(newer) => return Err(newer),
    };
    let Some(Value::Array(items)) = value.get("ops") else {
        return Err(ReadError::Unreadable("chunk has no ops array".into()));
    };
    let mut read = ChunkRead {
        ops: Vec::with_capacity(items.len()),
        bad: Vec::new(),
    };
    // Only the last of repeated keys reads; flagging the chunk as damaged sets its raw text (with the
    // earlier array's ops) aside instead of leaving them unseen.
    if super::scan::scan_chunk(raw).repeated {
        read.note_bad("the chunk repeats its schema or ops key".into());
    }
    for (i, item) in items.iter().enumerate() {
        match Op::deserialize(item) {
            Ok(op) => read.ops.push(op),
            Err(e) => read.note_bad(format!("op {i}: {e}")),
        }
    }
    Ok(read)
}

/// A chunk as JSON, refusing schemas this version did not write. v1 and v2 chunks read alike (see
/// [`CHUNK`]), so there is no step to apply.
fn chunk_value(raw: &str) -> Result<Value, ReadError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| ReadError::Unreadable(format!("not JSON: {e}")))?;
    match value.get("schema").and_then(Value::as_u64) {
        Some(v) if v > u64::from(CHUNK) => {
            Err(ReadError::Newer(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        Some(0) => Err(ReadError::Unreadable(
            "schema version 0 was never written".into(),
        )),
        Some(_) => Ok(value),
        None => Err(ReadError::Unreadable("no schema version".into())),
    }
}

/// How many reasons a damaged chunk keeps; a hostile chunk of a million bad elements is summarised.
const LISTED_BAD: usize = 10;

impl ChunkRead {
    fn note_bad(&mut self, reason: String) {
        if self.bad.len() < LISTED_BAD {
            self.bad.push(reason);
        } else if self.bad.len() == LISTED_BAD {
            self.bad.push("more bad ops not listed".into());
        }
    }
}

/// A chunk that is not JSON as a whole (one bad token anywhere): its `ops` elements are found by the
/// tolerant scanner and parsed one by one, so every good op is kept. `reason` heads the list of what was
/// wrong, which makes `load` quarantine the raw text as before.
fn salvage_ops(raw: &str, reason: String) -> Result<ChunkRead, ReadError> {
    let scanned = super::scan::scan_chunk(raw);
    match scanned.schema {
        Some(v) if v > u64::from(CHUNK) => {
            return Err(ReadError::Newer(u32::try_from(v).unwrap_or(u32::MAX)));
        }
        Some(v) if (1..=u64::from(CHUNK)).contains(&v) && scanned.found_ops => {}
        _ => return Err(ReadError::Unreadable(reason)),
    }
    let mut read = ChunkRead {
        ops: Vec::new(),
        bad: vec![reason],
    };
    for (i, item) in scanned.ops.iter().enumerate() {
        match serde_json::from_str::<Op>(item) {
            Ok(op) => read.ops.push(op),
            Err(e) => read.note_bad(format!("op {i}: {e}")),
        }
    }
    Ok(read)
}

pub fn read_meta(raw: &str) -> Result<Meta, ReadError> {
    let value = parse_versioned(raw)?;
    Meta::deserialize(&value).map_err(|e| ReadError::Unreadable(format!("meta: {e}")))
}

pub fn write_chunk(writer: &str, chunk: u32, ops: &[Op]) -> String {
    #[derive(Serialize)]
    struct ChunkRef<'a> {
        schema: u32,
        writer: &'a str,
        chunk: u32,
        ops: &'a [Op],
    }
    serde_json::to_string(&ChunkRef {
        schema: CHUNK,
        writer,
        chunk,
        ops,
    })
    .unwrap_or_default()
}

pub fn write_meta(meta: &Meta) -> String {
    serde_json::to_string(meta).unwrap_or_default()
}
