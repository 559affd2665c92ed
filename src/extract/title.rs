//! The article's title: the page heading that matches the document title (so that it can be
//! highlighted), else the document title without its " - Site Name" part.

use super::tree::{collapse, Tree};

/// Separators between a headline and the site's name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " » ", " :: ", " / ", " · ", " \\ "];
/// A headline has at least this many words; fewer means the wrong side of the separator was kept.
const MIN_TITLE_WORDS: usize = 3;
/// A heading contained in the document title must be at least this long to count as the title.
const MIN_CONTAINED_CHARS: usize = 15;

pub(crate) enum Title {
    /// A heading element of the page.
    Heading(usize),
    /// Text from `<title>` or `og:title`.
    Text(String),
}

/// Strips a " - Site Name" suffix or a "Site Name | " prefix.
pub fn clean_title(title: &str) -> String {
    let title = collapse(title);
    let hits: Vec<(usize, &str)> = SEPARATORS
        .iter()
        .flat_map(|s| title.match_indices(s).map(|(i, _)| (i, *s)).collect::<Vec<_>>())
        .collect();
    let Some(&(last, _)) = hits.iter().max_by_key(|h| h.0) else {
        return title;
    };
    let before = title[..last].trim();
    if before.split_whitespace().count() >= MIN_TITLE_WORDS {
        return before.to_string();
    }
    let &(first, sep) = hits.iter().min_by_key(|h| h.0).expect("non-empty");
    let after = title[first + sep.len()..].trim();
    if after.split_whitespace().count() >= MIN_TITLE_WORDS {
        after.to_string()
    } else {
        title
    }
}

fn norm(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn choose<N>(tree: &Tree<N>, removed: &[bool]) -> Option<Title> {
    let doc = tree.doc_title.as_deref().unwrap_or("");
    let cleaned = clean_title(doc);
    let meta = tree.meta_title.as_deref().map(clean_title).unwrap_or_default();
    let (n_doc, n_clean, n_meta) = (norm(doc), norm(&cleaned), norm(&meta));
    let live: Vec<usize> = (0..tree.items.len()).filter(|&i| !removed[i]).collect();
    let headings = |tag: &'static str| live.iter().copied().filter(move |&i| tree.items[i].tag == tag);
    let matches = |i: usize, loose: bool| {
        let h = norm(&tree.text_of(i, removed));
        !h.is_empty()
            && (h == n_clean
                || h == n_meta
                || h == n_doc
                || (loose
                    && h.chars().count() >= MIN_CONTAINED_CHARS
                    && (n_doc.contains(&h) || n_meta.contains(&h))))
    };
    if let Some(i) = headings("h1").find(|&i| matches(i, true)) {
        return Some(Title::Heading(i));
    }
    if let Some(i) = headings("h2").find(|&i| matches(i, false)) {
        return Some(Title::Heading(i));
    }
    let h1s: Vec<usize> =
        headings("h1").filter(|&i| tree.text_of(i, removed).len() >= MIN_CONTAINED_CHARS).collect();
    if h1s.len() == 1 && cleaned.is_empty() && meta.is_empty() {
        return Some(Title::Heading(h1s[0]));
    }
    [meta, cleaned].into_iter().find(|t| !t.is_empty()).map(Title::Text)
}
