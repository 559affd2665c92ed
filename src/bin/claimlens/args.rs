//! The command line's grammar: what `claimlens` accepts, its help text and its usage errors.

use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// How to read the input: guessed from the file name and the first kilobyte, or forced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    Auto,
    Text,
    Html,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analyze {
    pub format: Format,
    pub input: InputKind,
    pub jsonl: bool,
    /// `None` reads standard input (`-`).
    pub path: Option<PathBuf>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    Analyze(Analyze),
}

/// A command line that does not parse; the message says what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

pub const USAGE: &str = "usage: claimlens analyze [--format text|json] [--input auto|text|html] FILE|-
       claimlens analyze --jsonl FILE|-
       claimlens --help | --version";

pub fn help() -> String {
    format!(
        "claimlens {version} — finds the claims in a news article and who they come from.

{USAGE}

COMMANDS
  analyze FILE|-        Analyse one article (plain text or HTML) read from FILE, or from standard
                        input when FILE is `-`. Plain text is one block per line (LF, CR LF or
                        CR line ends), the first line being the title. HTML is recognised by the
                        extension .html/.htm/.xhtml or by its first kilobyte (<!doctype html>,
                        <html>, <body>, or markup such as <p> at the start); the article is
                        extracted from the page first.

OPTIONS
  -f, --format text|json
                        text (default): the article with each claim marked ⟦1⟧…⟦/1⟧, the badge of
                        each claim under its paragraph, then the sourcing summary (each source, its
                        type and its claims) and the notice if there is one. Characters a
                        terminal would act on (control characters, bidirectional overrides) are
                        shown as \\u{{…}}.
                        json: the report (version {report_version}), pretty-printed.
  -i, --input auto|text|html
                        Read the input as plain text or HTML instead of guessing (default: auto).
      --jsonl           Batch mode. Each input line is one JSON object {{\"id\": …, \"text\": \"…\"}} or
                        {{\"id\": …, \"html\": \"…\"}} (\"id\" is any JSON value, echoed as
                        written, and may be left out). Writes one compact JSON line per input
                        line, in order and as soon as it is
                        done:   {{\"id\": …, \"line\": N, \"report\": {{…}}}}
                        or, for a line that cannot be analysed,
                                {{\"id\": …, \"line\": N, \"error\": \"…\"}}
                        (N counts input lines from 1; blank lines are skipped). Errors are also
                        reported on standard error and processing goes on; the exit code is 3 at
                        the end if any line failed. --format does not apply.
  -h, --help            Print this help and exit.
  -V, --version         Print the version and exit.

LIMITS AND BAD INPUT
  At most {max_text_mib} MiB of plain text and {max_mib} MiB of HTML (also per JSONL article) is analysed:
  a longer input is cut at its last line break before the limit, the report carries the notice
  \"truncated\", and a warning goes to standard error. No more than {max_mib} MiB is ever read, so
  memory stays bounded and an endless stream cannot hang the tool. (The longest news features are
  under 200 KB of text and the heaviest news pages a few MB of HTML, so the limits only cut what is
  not an article.) A JSONL line may be up to {max_line_mib} MiB (JSON escapes make text longer).
  Empty input gives the notice \"empty_input\"; a page without an article \"no_article\"; text
  that is not English \"unsupported_language\" (all exit 0, no claims). Binary data, UTF-16 and
  invalid UTF-8 (reported with the byte offset of the first bad byte) are refused with exit 3.

EXIT CODES
  0  success (also for the notices above)
  1  I/O error: the file cannot be read, or the output cannot be written
  2  usage error: unknown option, missing or extra argument
  3  bad input: binary data, UTF-16, invalid UTF-8; with --jsonl, at least one line failed

ENVIRONMENT
  CLAIMLENS_PEAK_MEMORY=1   print the process's peak resident memory (Linux VmHWM) to standard
                            error at exit; the tests use it to check that memory stays bounded.
",
        version = env!("CARGO_PKG_VERSION"),
        report_version = claimlens::report::REPORT_VERSION,
        max_mib = crate::input::MAX_INPUT_BYTES >> 20,
        max_text_mib = crate::input::MAX_TEXT_BYTES >> 20,
        max_line_mib = crate::input::MAX_JSONL_LINE_BYTES >> 20,
    )
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let mut command: Option<String> = None;
    let mut format: Option<Format> = None;
    let mut input = InputKind::Auto;
    let mut jsonl = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut options_done = false;
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            // Only file names may be non-UTF-8.
            if command.is_none() {
                return Err(UsageError(format!("unknown command {arg:?}")));
            }
            paths.push(PathBuf::from(arg));
            continue;
        };
        if options_done || text == "-" || !text.starts_with('-') {
            if command.is_none() {
                if text != "analyze" {
                    return Err(UsageError(format!("unknown command '{text}' (the command is 'analyze')")));
                }
                command = Some(text.to_string());
            } else {
                paths.push(PathBuf::from(text));
            }
            continue;
        }
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (text, None),
        };
        let mut value = |what: &str| -> Result<String, UsageError> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .and_then(|v| v.into_string().ok())
                    .ok_or_else(|| UsageError(format!("{name} needs a value ({what})"))),
            }
        };
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--" => options_done = true,
            "-f" | "--format" => {
                format = Some(match value("text or json")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(UsageError(format!("unknown format '{other}' (text or json)"))),
                })
            }
            "-i" | "--input" => {
                input = match value("auto, text or html")?.as_str() {
                    "auto" => InputKind::Auto,
                    "text" => InputKind::Text,
                    "html" => InputKind::Html,
                    other => {
                        return Err(UsageError(format!("unknown input kind '{other}' (auto, text or html)")))
                    }
                }
            }
            "--jsonl" if inline.is_none() => jsonl = true,
            _ => return Err(UsageError(format!("unknown option '{text}'"))),
        }
    }
    if command.is_none() {
        return Err(UsageError("missing command (analyze)".to_string()));
    }
    if jsonl && format == Some(Format::Text) {
        return Err(UsageError("--jsonl always writes JSON lines; --format text does not apply".to_string()));
    }
    if jsonl && input != InputKind::Auto {
        return Err(UsageError(
            "--jsonl takes the kind from each line's \"text\" or \"html\" field".to_string(),
        ));
    }
    let path = match paths.len() {
        0 => return Err(UsageError("missing input: give a FILE, or - for standard input".to_string())),
        1 => paths.pop().filter(|p| p.as_os_str() != "-"),
        _ => return Err(UsageError("only one input at a time (use --jsonl for many articles)".to_string())),
    };
    Ok(Command::Analyze(Analyze { format: format.unwrap_or(Format::Text), input, jsonl, path }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &str) -> Result<Command, UsageError> {
        parse(args.split_whitespace().map(OsString::from))
    }

    #[test]
    fn analyze_with_options() {
        let Ok(Command::Analyze(a)) = parse_str("analyze --format=json -i html page.x") else { panic!() };
        assert_eq!(a.format, Format::Json);
        assert_eq!(a.input, InputKind::Html);
        assert_eq!(a.path, Some(PathBuf::from("page.x")));
        let Ok(Command::Analyze(a)) = parse_str("analyze --jsonl -") else { panic!() };
        assert!(a.jsonl && a.path.is_none());
    }

    #[test]
    fn usage_errors() {
        for bad in [
            "",
            "analyse x",
            "analyze",
            "analyze --bogus x",
            "analyze --format xml x",
            "analyze --format",
            "analyze a b",
            "analyze --jsonl --format text x",
            "analyze --jsonl=yes x",
        ] {
            assert!(parse_str(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn help_and_version_win() {
        assert_eq!(parse_str("analyze --bogus --help"), Err(UsageError("unknown option '--bogus'".into())));
        assert_eq!(parse_str("analyze x --help"), Ok(Command::Help));
        assert_eq!(parse_str("-V"), Ok(Command::Version));
    }
}
