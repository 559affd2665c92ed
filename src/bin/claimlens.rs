//! The ClaimLens command line: `claimlens analyze [--format text|json] FILE|-` for one article,
//! `claimlens analyze --jsonl FILE|-` for many. It only reads, checks and prints; the analysis is
//! the library's. `claimlens --help` documents options, limits and exit codes.

// The binary's own modules live in `src/bin/claimlens/` (a bin's root looks for them beside it).
#[path = "claimlens/args.rs"]
mod args;
#[path = "claimlens/input.rs"]
mod input;
#[path = "claimlens/jsonl.rs"]
mod jsonl;
#[path = "claimlens/render.rs"]
mod render;

use args::{Analyze, Command, Format, InputKind};
use claimlens::report::{Notice, Report};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

/// Success, also when the report carries a notice (empty input, no article, other language).
const EXIT_OK: u8 = 0;
/// The input cannot be read or the output cannot be written.
const EXIT_IO: u8 = 1;
/// The command line is wrong.
const EXIT_USAGE: u8 = 2;
/// The input is not UTF-8 text or HTML (or, with `--jsonl`, some line failed).
const EXIT_BAD_INPUT: u8 = 3;

fn main() -> ExitCode {
    let code = match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Help) => print(&args::help()),
        Ok(Command::Version) => print(&format!("claimlens {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Command::Analyze(a)) => analyze(&a),
        Err(args::UsageError(message)) => {
            let message = render::escape(&message);
            eprintln!("claimlens: {message}\n{}\nTry 'claimlens --help' for more information.", args::USAGE);
            EXIT_USAGE
        }
    };
    if std::env::var_os("CLAIMLENS_PEAK_MEMORY").is_some_and(|v| v == "1") {
        report_peak_memory();
    }
    ExitCode::from(code)
}

fn print(text: &str) -> u8 {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) => output_failed(&e),
    }
}

fn analyze(a: &Analyze) -> u8 {
    // A file name is shown as it is, but for what a terminal would act on.
    let name = a.path.as_ref().map_or_else(
        || "standard input".to_string(),
        |p| render::escape(&p.display().to_string()).into_owned(),
    );
    let (reader, size): (Box<dyn Read>, Option<u64>) = match &a.path {
        None => (Box::new(io::stdin().lock()), None),
        Some(path) => match File::open(path) {
            Ok(f) => {
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), size)
            }
            Err(e) => {
                eprintln!("claimlens: cannot read {name}: {e}");
                return EXIT_IO;
            }
        },
    };
    let mut out = BufWriter::new(io::stdout().lock());
    if a.jsonl {
        return match jsonl::run(BufReader::new(reader), &mut out) {
            Ok(summary) if summary.failed > 0 => {
                eprintln!(
                    "claimlens: {} line{} of {name} failed",
                    summary.failed,
                    if summary.failed == 1 { "" } else { "s" }
                );
                EXIT_BAD_INPUT
            }
            Ok(_) => EXIT_OK,
            Err(e) => io_failed(&name, &e),
        };
    }
    let (bytes, more) = match input::read_capped(reader) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("claimlens: cannot read {name}: {e}");
            return EXIT_IO;
        }
    };
    let html = match a.input {
        InputKind::Auto => input::looks_like_html(a.path.as_deref(), &bytes),
        InputKind::Text => false,
        InputKind::Html => true,
    };
    let size = if more { size } else { Some(bytes.len() as u64) };
    let limit = input::limit(html);
    let decoded = match input::decode(bytes, more, limit) {
        Ok(d) => d,
        Err(bad) => {
            eprintln!("claimlens: {name}: {bad}");
            return EXIT_BAD_INPUT;
        }
    };
    if let Some(kept) = decoded.kept {
        let total = size
            .map_or_else(|| "more than".to_string(), |s| format!("{:.1} MiB, more than", mib(s as usize)));
        eprintln!(
            "claimlens: warning: {name} is {total} the {} MiB limit for {}; only its first {:.1} MiB (up to a \
             line break) is analysed",
            limit >> 20,
            if html { "HTML" } else { "plain text" },
            mib(kept)
        );
    }
    let mut report =
        if html { claimlens::analyze_html(&decoded.text) } else { claimlens::analyze_text(&decoded.text) };
    let truncated = decoded.kept.is_some();
    drop(decoded);
    if truncated && report.notice.is_none() {
        report.notice = Some(Notice::Truncated);
    }
    match write_report(&report, a.format, &mut out) {
        Ok(()) => EXIT_OK,
        Err(e) => output_failed(&e),
    }
}

fn write_report(report: &Report, format: Format, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)?;
        }
        Format::Text => render::write_text(report, out)?,
    }
    out.flush()
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

/// An I/O error while streaming: from the input or the output, which `io::Error` does not tell.
fn io_failed(name: &str, e: &io::Error) -> u8 {
    if e.kind() != io::ErrorKind::BrokenPipe {
        eprintln!("claimlens: I/O error on {name} or the output: {e}");
    }
    EXIT_IO
}

/// A reader that stopped listening (`claimlens … | head`) is not worth a message.
fn output_failed(e: &io::Error) -> u8 {
    if e.kind() != io::ErrorKind::BrokenPipe {
        eprintln!("claimlens: cannot write the output: {e}");
    }
    EXIT_IO
}

/// Prints the peak resident memory of this process (Linux only; elsewhere nothing).
fn report_peak_memory() {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
            eprintln!("claimlens: peak memory {}", line.trim_start_matches("VmHWM:").trim());
        }
    }
}
