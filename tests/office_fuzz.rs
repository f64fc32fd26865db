//! No Word or Excel file makes the importer panic: 12,000 mutations of the office fixtures (written by
//! LibreOffice, `tests/fixtures/office/`), each read by `parse::office::to_text` and, when it reads, parsed.
//! Two kinds: bytes of the file flipped, cut and spliced (the container and its compression), and the XML
//! parts themselves mutated and zipped again (the readers behind a valid container), since a flipped
//! byte in a compressed part is almost always caught by its checksum before any XML is read. Seeded, so a
//! failure names the case that reproduces it.
//!
//! Old-format .xls files are not in it: calamine's BIFF reader panics on some damaged files (a slice index
//! out of range in `xls.rs`). In the browser that ends only the import worker, which the page reports as an
//! unreadable file and replaces (`src/ui/import_worker.rs`); nothing typed or stored is touched.

use lanbai_planner::parse::office::to_text;
use lanbai_planner::parse::parse;
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/office");
    [
        "gansu-2020-fengong.docx",
        "gansu-2020-list.docx",
        "gansu-2020-taizhang.xlsx",
        "corpus/dazhu-2016.docx",
    ]
    .iter()
    .map(|n| (n.to_string(), std::fs::read(dir.join(n)).expect("fixture")))
    .collect()
}

/// Pieces that make XML interesting to a reader: unbalanced tags, merges, spans, entities, lists.
const XML_PIECES: &[&str] = &[
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "</w:tr>",
    "<w:tc>",
    "</w:tc>",
    "<w:p>",
    "</w:p>",
    "<w:vMerge/>",
    "<w:gridSpan w:val=\"99999999999\"/>",
    "<w:gridSpan w:val=\"-1\"/>",
    "<w:numPr><w:ilvl w:val=\"200\"/><w:numId w:val=\"1\"/></w:numPr>",
    "&#0;",
    "&#xFFFFFF;",
    "&bogus;",
    "<w:t>",
    "</w:t>",
    "<w:del>",
    "<c r=\"ZZZZ99999999\"",
    "<mergeCell ref=\"A1:XFD1048576\"/>",
    "<v>1e308</v>",
    "<si><t>",
    "</si>",
    "<![CDATA[",
    "]]>",
    "<?xml",
    "\u{0}",
    "\u{FFFF}",
    "\"",
    "<",
    ">",
];

fn byte_mutation(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut d = data.to_vec();
    match rng.below(4) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let k = rng.below(d.len());
                d[k] ^= 1 << rng.below(8);
            }
        }
        1 => d.truncate(rng.below(d.len())),
        2 => {
            let (a, b) = (rng.below(d.len()), rng.below(d.len()));
            let (from, to) = (a.min(b), a.max(b));
            let copy = d[from..to].to_vec();
            let at = rng.below(d.len());
            d.splice(at..at, copy);
        }
        _ => {
            let k = rng.below(d.len());
            let n = rng.below(64).min(d.len() - k);
            d.drain(k..k + n);
        }
    }
    d
}

fn xml_mutation(rng: &mut Rng, xml: &str) -> String {
    let mut s: Vec<char> = xml.chars().collect();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(s.len() + 1).min(s.len());
        match rng.below(3) {
            0 => {
                let piece = XML_PIECES[rng.below(XML_PIECES.len())];
                s.splice(at..at, piece.chars());
            }
            1 => {
                let n = rng.below(200).min(s.len() - at);
                s.drain(at..at + n);
            }
            _ => {
                let (a, b) = (rng.below(s.len()), rng.below(s.len()));
                let copy: Vec<char> = s[a.min(b)..a.max(b)].to_vec();
                s.splice(at..at, copy);
            }
        }
    }
    s.into_iter().collect()
}

/// The file with one XML part mutated, zipped again (stored, so no checksum stops the reader).
fn rezip_mutated(rng: &mut Rng, data: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let xml: Vec<&String> = names.iter().filter(|n| n.ends_with(".xml")).collect();
    let target = xml[rng.below(xml.len())].clone();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for name in &names {
        let mut bytes = Vec::new();
        zip.by_name(name).ok()?.read_to_end(&mut bytes).ok()?;
        if *name == target {
            bytes = xml_mutation(rng, &String::from_utf8_lossy(&bytes)).into_bytes();
        }
        out.start_file(name.clone(), options).ok()?;
        out.write_all(&bytes).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

#[test]
fn twelve_thousand_mutated_office_files_never_panic() {
    let files = fixtures();
    let mut rng = Rng(0x1A_2B_3C_4D_5E_6F);
    let (mut read, mut refused) = (0usize, 0usize);
    for case in 0..12_000 {
        let (_, data) = &files[case % files.len()];
        let mutated = if case % 3 == 0 {
            byte_mutation(&mut rng, data)
        } else {
            rezip_mutated(&mut rng, data).unwrap_or_else(|| byte_mutation(&mut rng, data))
        };
        match to_text(&mutated) {
            Ok(text) => {
                read += 1;
                let _ = parse(&text);
            }
            Err(_) => refused += 1,
        }
    }
    // Both outcomes occur, or the mutations were not reaching the readers.
    assert!(read > 1_000, "read {read}");
    assert!(refused > 1_000, "refused {refused}");
    println!("12,000 mutated files: {read} read, {refused} refused, none panicked");
}
