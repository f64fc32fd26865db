//! How the import worker posts a [`Parsed`] back to the page. One JSON of a 10,000-task parse is 5 MB and
//! takes longer to read than a frame lasts, so the page would freeze reading it; instead the worker sends a
//! head (the parse without its tasks and diagnostics) and those in chunks of [`CHUNK`], which the page reads
//! a few at a time between frames ([`Reader`]).

use super::basis::TaskBasis;
use super::{Diagnostic, Parsed};
use crate::plan::Task;
use serde::{Deserialize, Serialize};

/// Tasks (or diagnostics) per chunk: a chunk reads in about a millisecond.
pub const CHUNK: usize = 200;

/// The parse as posted: `head` first, then each of `chunks` in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wire {
    pub head: String,
    pub chunks: Vec<String>,
}

#[derive(Serialize, Deserialize)]
enum Chunk {
    Tasks(Vec<Task>),
    Diagnostics(Vec<Diagnostic>),
    Bases(Vec<TaskBasis>),
}

impl Wire {
    pub fn of(parsed: &Parsed) -> Result<Wire, serde_json::Error> {
        let mut head = parsed.clone();
        let tasks = std::mem::take(&mut head.plan.tasks);
        let diagnostics = std::mem::take(&mut head.diagnostics);
        let bases = std::mem::take(&mut head.bases);
        let mut chunks = Vec::new();
        for part in tasks.chunks(CHUNK) {
            chunks.push(serde_json::to_string(&Chunk::Tasks(part.to_vec()))?);
        }
        for part in diagnostics.chunks(CHUNK) {
            chunks.push(serde_json::to_string(&Chunk::Diagnostics(part.to_vec()))?);
        }
        for part in bases.chunks(CHUNK) {
            chunks.push(serde_json::to_string(&Chunk::Bases(part.to_vec()))?);
        }
        Ok(Wire {
            head: serde_json::to_string(&head)?,
            chunks,
        })
    }
}

/// Rebuilds the [`Parsed`] from a head and its chunks, one chunk per call, so the caller can yield in between.
pub struct Reader {
    parsed: Parsed,
}

impl Reader {
    /// An error here (and in [`Reader::add`]) means the worker is not of the same build as the page.
    pub fn new(head: &str) -> Result<Reader, serde_json::Error> {
        Ok(Reader {
            parsed: serde_json::from_str(head)?,
        })
    }

    pub fn add(&mut self, chunk: &str) -> Result<(), serde_json::Error> {
        match serde_json::from_str(chunk)? {
            Chunk::Tasks(tasks) => self.parsed.plan.tasks.extend(tasks),
            Chunk::Diagnostics(found) => self.parsed.diagnostics.extend(found),
            Chunk::Bases(found) => self.parsed.bases.extend(found),
        }
        Ok(())
    }

    pub fn finish(self) -> Parsed {
        self.parsed
    }
}

/// Reads a whole [`Wire`] at once (natively, and in tests).
pub fn read(wire: &Wire) -> Result<Parsed, serde_json::Error> {
    let mut reader = Reader::new(&wire.head)?;
    for chunk in &wire.chunks {
        reader.add(chunk)?;
    }
    Ok(reader.finish())
}
