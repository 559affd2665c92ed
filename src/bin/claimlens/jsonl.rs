//! Batch mode: one article per input line in, one report per output line out, streamed (a line is
//! written and flushed before the next is read), with a bad line turned into an error line.

use crate::input::{self, MAX_JSONL_LINE_BYTES};
use claimlens::report::{Notice, Report};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{self, BufRead, Read, Write};

/// One output line: `{"id": …, "line": N, "report": {…}}` or `{"id": …, "line": N, "error": "…"}`.
/// The id is echoed as the JSON text it came as: a number is not rounded through a float
/// (`12345678901234567890123`, `-0`, `1e999` come back as written).
#[derive(Serialize)]
struct OutputLine<'a> {
    id: &'a RawValue,
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// What happened over the whole stream.
pub struct Summary {
    pub failed: usize,
}

/// Reads JSONL from `reader` and writes reports to `out`. Errors about single lines go to `out` and
/// to standard error; an `Err` is an I/O error that stops the stream (reading or writing).
pub fn run(reader: impl BufRead, out: &mut impl Write) -> io::Result<Summary> {
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut summary = Summary { failed: 0 };
    let mut number = 0;
    loop {
        buf.clear();
        let read = (&mut reader).take(MAX_JSONL_LINE_BYTES as u64 + 1).read_until(b'\n', &mut buf)?;
        if read == 0 {
            break;
        }
        number += 1;
        let result = if buf.len() > MAX_JSONL_LINE_BYTES && buf.last() != Some(&b'\n') {
            skip_line(&mut reader)?;
            Err((None, format!("line longer than {} MiB", MAX_JSONL_LINE_BYTES >> 20)))
        } else {
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            analyze_line(&buf)
        };
        let null = null();
        match result {
            Ok(Analysed { id, report, cut }) => {
                if let Some((size, kept, limit)) = cut {
                    eprintln!(
                        "claimlens: warning: line {number}: the article is {:.1} MiB, more than the {} MiB limit; \
                         only its first {:.1} MiB (up to a line break) is analysed",
                        mib(size),
                        limit >> 20,
                        mib(kept)
                    );
                }
                serde_json::to_writer(
                    &mut *out,
                    &OutputLine { id: id.unwrap_or(&null), line: number, report: Some(&report), error: None },
                )?;
            }
            Err((id, message)) => {
                summary.failed += 1;
                eprintln!("claimlens: line {number}: {message}");
                serde_json::to_writer(
                    &mut *out,
                    &OutputLine {
                        id: id.unwrap_or(&null),
                        line: number,
                        report: None,
                        error: Some(&message),
                    },
                )?;
            }
        }
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(summary)
}

/// Reads past the rest of an overlong line without keeping it.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        if let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = chunk.len();
        reader.consume(n);
    }
}

fn null() -> Box<RawValue> {
    RawValue::from_string("null".to_string()).expect("null is JSON")
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

/// What one line gave: its id as written, its report, and when the article was cut at the limit,
/// `(its size, what was kept, the limit)` in bytes.
struct Analysed<'a> {
    id: Option<&'a RawValue>,
    report: Report,
    cut: Option<(usize, usize, usize)>,
}

/// The id (as written) and report of one line, or the id (when known) and what is wrong.
fn analyze_line(bytes: &[u8]) -> Result<Analysed<'_>, (Option<&RawValue>, String)> {
    let line = std::str::from_utf8(bytes)
        .map_err(|e| (None, format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())))?;
    // Checked as JSON without reading numbers into floats, so that any number is a valid id.
    let raw: &RawValue = serde_json::from_str(line).map_err(|e| (None, format!("not JSON: {e}")))?;
    if !raw.get().starts_with('{') {
        return Err((None, "not a JSON object".to_string()));
    }
    let mut object: HashMap<String, &RawValue> =
        serde_json::from_str(raw.get()).map_err(|e| (None, format!("not JSON: {e}")))?;
    let id = object.remove("id");
    let string = |raw: Option<&RawValue>| raw.map(|r| serde_json::from_str::<Value>(r.get()));
    let (content, is_html) = match (string(object.remove("text")), string(object.remove("html"))) {
        (Some(Ok(Value::String(text))), None) => (text, false),
        (None, Some(Ok(Value::String(html)))) => (html, true),
        (Some(_), Some(_)) => return Err((id, "give \"text\" or \"html\", not both".to_string())),
        (None, None) => return Err((id, "no \"text\" or \"html\" field".to_string())),
        _ => return Err((id, "\"text\" or \"html\" is not a string".to_string())),
    };
    if let Err(bad) = input::check_not_binary(content.as_bytes()) {
        return Err((id, bad.to_string()));
    }
    let limit = input::limit(is_html);
    let (kept, cut) = if content.len() > limit {
        let end = input::cut_point(&content.as_bytes()[..limit]);
        (&content[..end], Some((content.len(), end, limit)))
    } else {
        (content.as_str(), None)
    };
    let mut report = if is_html { claimlens::analyze_html(kept) } else { claimlens::analyze_text(kept) };
    if cut.is_some() && report.notice.is_none() {
        report.notice = Some(Notice::Truncated);
    }
    Ok(Analysed { id, report, cut })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_bad_and_blank_lines() {
        let input = "{\"id\": 1, \"text\": \"Title\\nHe said it rained.\"}\n\n{\"id\": \"b\", \"text\": 3}\nnot json\n{\"html\": \"<p>x</p>\"}";
        let mut out = Vec::new();
        let summary = run(input.as_bytes(), &mut out).unwrap();
        assert_eq!(summary.failed, 2);
        let lines: Vec<Value> =
            String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["id"], 1);
        assert_eq!(lines[0]["report"]["version"], 1);
        assert_eq!(lines[1]["id"], "b");
        assert_eq!(lines[1]["line"], 3);
        assert!(lines[1]["error"].as_str().unwrap().contains("not a string"));
        assert_eq!(lines[2]["id"], Value::Null);
        assert_eq!(lines[3]["line"], 5);
        assert!(lines[3]["report"].is_object());
    }

    /// Ids went through f64: `12345678901234567890123` came back as `1.2345678901234568e+22`, `-0`
    /// as `-0.0`, and `1e999` made the line fail.
    #[test]
    fn ids_are_echoed_as_written() {
        let ids =
            ["12345678901234567890123", "-0", "1e999", "0.10", r#""a\u0062""#, r#"{"k": [1, 2.50]}"#, "null"];
        let input: String = ids.iter().map(|id| format!("{{\"id\": {id}, \"text\": \"Title\"}}\n")).collect();
        let mut out = Vec::new();
        let summary = run(input.as_bytes(), &mut out).unwrap();
        assert_eq!(summary.failed, 0);
        let out = String::from_utf8(out).unwrap();
        for (line, id) in out.lines().zip(ids) {
            assert!(line.starts_with(&format!("{{\"id\":{id},\"line\":")), "{line}");
        }
    }
}
