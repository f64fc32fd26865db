//! Names on the server: `<writer>.<chunk>.json` for data, `<writer>.<chunk>.json.<nonce>.part` for an upload
//! not yet moved into place. Anything else in the folder (a README someone left, an editor's backup) is
//! not ours and is left alone.

/// One file in the plan's folder, as a listing gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The last path segment, percent-decoded.
    pub name: String,
    /// The server's version tag (ETag, or last-modified and length where a server gives no ETag).
    pub version: Option<String>,
}

/// The answer to a conditional GET.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The file is still the version we have.
    NotModified,
    Body {
        text: String,
        version: Option<String>,
    },
}

/// Writer ids are the app's own (`w` + digits and hex); a name that could not be one is not read, so a
/// hostile listing cannot make the app write an odd storage key.
fn writer_ok(writer: &str) -> bool {
    !writer.is_empty()
        && writer.len() <= 64
        && writer
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The file name of a writer's chunk, or `None` for a writer id the server layout cannot carry.
pub fn file_name(writer: &str, chunk: u32) -> Option<String> {
    writer_ok(writer).then(|| format!("{writer}.{chunk}.json"))
}

/// The writer and chunk a data file name stands for.
pub fn parse_file_name(name: &str) -> Option<(String, u32)> {
    let stem = name.strip_suffix(".json")?;
    let (writer, chunk) = stem.rsplit_once('.')?;
    if !writer_ok(writer) || chunk.is_empty() || !chunk.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((writer.to_string(), chunk.parse().ok()?))
}

/// Where an upload of `name` waits before it is moved into place; the nonce keeps two tabs' uploads apart.
pub fn temp_name(name: &str, nonce: u64) -> String {
    format!("{name}.{nonce:x}.part")
}

/// The data file a leftover upload was meant to become.
pub fn temp_target(name: &str) -> Option<&str> {
    let rest = name.strip_suffix(".part")?;
    let (target, nonce) = rest.rsplit_once('.')?;
    (nonce.chars().all(|c| c.is_ascii_hexdigit()) && parse_file_name(target).is_some())
        .then_some(target)
}

/// The folder of one plan inside the configured sync folder.
pub fn plan_folder(folder: &str, plan: &str) -> String {
    let mut out = folder.trim().to_string();
    if !out.ends_with('/') {
        out.push('/');
    }
    for b in plan.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push('/');
    out
}

/// Percent-decodes the last segment of an `href` from a listing (`/sync/p/w1.0.json` → `w1.0.json`).
pub fn last_segment(href: &str) -> Option<String> {
    let path = href.trim().trim_end_matches('/');
    let segment = path.rsplit('/').next()?;
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.is_empty())
}

/// HTTP Basic credentials, `user:password` in UTF-8 and base64 (browsers' `btoa` takes Latin-1 only, and
/// names here are Chinese).
pub fn basic_auth(user: &str, password: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let input = format!("{user}:{password}");
    let mut out = String::from("Basic ");
    for chunk in input.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_strangers_are_left_alone() {
        assert_eq!(file_name("w17x1", 3).as_deref(), Some("w17x1.3.json"));
        assert_eq!(parse_file_name("w17x1.3.json"), Some(("w17x1".into(), 3)));
        for odd in [
            "README.txt",
            "w1.json",
            "w1.x.json",
            "../w1.0.json",
            "w 1.0.json",
            ".0.json",
        ] {
            assert_eq!(parse_file_name(odd), None, "{odd}");
        }
        assert_eq!(file_name("a:b", 0), None);
        let t = temp_name("w1.0.json", 0xbeef);
        assert_eq!(temp_target(&t), Some("w1.0.json"));
        assert_eq!(parse_file_name(&t), None);
        assert_eq!(temp_target("w1.0.json"), None);
    }

    #[test]
    fn folders_and_hrefs() {
        assert_eq!(plan_folder("./sync", "gansu-2020"), "./sync/gansu-2020/");
        assert_eq!(plan_folder("https://x/s/", "a b"), "https://x/s/a%20b/");
        assert_eq!(
            last_segment("/sync/p/w1.0.json").as_deref(),
            Some("w1.0.json")
        );
        assert_eq!(last_segment("/sync/p/").as_deref(), Some("p"));
        assert_eq!(
            last_segment("/s/%E5%85%B0.json").as_deref(),
            Some("兰.json")
        );
        assert_eq!(last_segment("/s/%E5"), None);
    }

    #[test]
    fn basic_auth_is_base64_of_utf8() {
        assert_eq!(
            basic_auth("Aladdin", "open sesame"),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(basic_auth("a", ""), "Basic YTo=");
        assert_eq!(basic_auth("兰", "x"), "Basic 5YWwOng=");
    }
}
