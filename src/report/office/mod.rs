//! Word and Excel files of the cycle: the 通报 as a .docx laid out as a 公文 (title, 黑体 headings, 仿宋
//! body, real tables) and the 台账 as an .xlsx (frozen header, wrapped text, widths, coloured categories).
//! The page builds the content (`bulletin_doc`, `ledger`) and hands it to the import worker as JSON; only
//! the worker calls these writers, so zip and rust_xlsxwriter stay out of the page's wasm.

mod docx;
mod xlsx;

use serde::{Deserialize, Serialize};

use super::bulletin_doc::Block;
use super::ledger::Ledger;

pub use docx::bulletin_docx;
pub use xlsx::ledger_xlsx;

/// What the page asks the worker to write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    Bulletin { title: String, blocks: Vec<Block> },
    Ledger { ledger: Ledger },
}

/// Writes the file a job describes. `Err` carries a short reason for the page to show.
pub fn write(job_json: &str) -> Result<Vec<u8>, String> {
    let job: Job = serde_json::from_str(job_json).map_err(|e| e.to_string())?;
    match job {
        Job::Bulletin { title, blocks } => bulletin_docx(&title, &blocks),
        Job::Ledger { ledger } => ledger_xlsx(&ledger),
    }
}
