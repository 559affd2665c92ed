//! Batch mode: one article per input line in, one report per output line out, streamed (a line is
//! written and flushed before the next is read), with a bad line turned into an error line.

use crate::input::{self, MAX_JSONL_LINE_BYTES};
use claimlens::report::{Notice, Report};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, Read, Write};

/// One output line: `{"id": …, "line": N, "report": {…}}` or `{"id": …, "line": N, "error": "…"}`.
#[derive(Serialize)]
struct OutputLine<'a> {
    id: &'a Value,
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
            Err((Value::Null, format!("line longer than {} MiB", MAX_JSONL_LINE_BYTES >> 20)))
        } else {
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            analyze_line(&buf)
        };
        match result {
            Ok((id, report)) => {
                serde_json::to_writer(
                    &mut *out,
                    &OutputLine { id: &id, line: number, report: Some(&report), error: None },
                )?;
            }
            Err((id, message)) => {
                summary.failed += 1;
                eprintln!("claimlens: line {number}: {message}");
                serde_json::to_writer(
                    &mut *out,
                    &OutputLine { id: &id, line: number, report: None, error: Some(&message) },
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

/// The id and report of one line, or the id (when known) and what is wrong.
fn analyze_line(bytes: &[u8]) -> Result<(Value, Report), (Value, String)> {
    let line = std::str::from_utf8(bytes)
        .map_err(|e| (Value::Null, format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())))?;
    let value: Value = serde_json::from_str(line).map_err(|e| (Value::Null, format!("not JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err((Value::Null, "not a JSON object".to_string()));
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    let (content, is_html) = match (object.remove("text"), object.remove("html")) {
        (Some(Value::String(text)), None) => (text, false),
        (None, Some(Value::String(html))) => (html, true),
        (Some(_), Some(_)) => return Err((id, "give \"text\" or \"html\", not both".to_string())),
        (None, None) => return Err((id, "no \"text\" or \"html\" field".to_string())),
        _ => return Err((id, "\"text\" or \"html\" is not a string".to_string())),
    };
    if let Err(bad) = input::check_not_binary(content.as_bytes()) {
        return Err((id, bad.to_string()));
    }
    let limit = input::limit(is_html);
    let (content, truncated) = if content.len() > limit {
        let end = input::cut_point(&content.as_bytes()[..limit]);
        (&content[..end], true)
    } else {
        (content.as_str(), false)
    };
    let mut report =
        if is_html { claimlens::analyze_html(content) } else { claimlens::analyze_text(content) };
    if truncated && report.notice.is_none() {
        report.notice = Some(Notice::Truncated);
    }
    Ok((id, report))
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
}
