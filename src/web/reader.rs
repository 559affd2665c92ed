//! The reader rendering: an article rebuilt from text only, into an element the caller owns — the
//! extension's reader page (for pages whose CSP forbids wasm in content scripts) and the demo page.
//! The source is plain text, or a page parsed inert by the caller (`DOMParser`) and read with the
//! same extraction as everywhere else. Nothing of the source's markup is carried over: every
//! block is a new element whose only content is a text node.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

use super::dom::LiveDom;
use crate::extract::{extract, ExtractedBlock};
use crate::text::{looks_like_heading, BlockKind};

/// The element a block becomes.
fn tag_of(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Title => "h1",
        BlockKind::Heading => "h2",
        BlockKind::Paragraph => "p",
        BlockKind::BlockQuote => "blockquote",
        BlockKind::ListItem => "p",
        BlockKind::Caption => "p",
    }
}

fn render(
    document: &Document,
    root: &Element,
    blocks: impl IntoIterator<Item = (BlockKind, String)>,
) -> Result<usize, JsValue> {
    while let Some(child) = root.first_child() {
        root.remove_child(&child)?;
    }
    let mut count = 0;
    for (kind, text) in blocks {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let element = document.create_element(tag_of(kind))?;
        if kind == BlockKind::ListItem {
            element.set_attribute("class", "list-item")?;
        }
        element.set_text_content(Some(text));
        root.append_child(&element)?;
        count += 1;
    }
    Ok(count)
}

/// Plain text as an article: the first line is the title, short lines without final
/// punctuation are headings, every other line a paragraph (as the CLI reads text).
pub fn render_text(document: &Document, root: &Element, text: &str) -> Result<usize, JsValue> {
    let (text, _) = crate::limits::cut_text(text);
    let mut first = true;
    let blocks = text.lines().filter(|l| !l.trim().is_empty()).map(|line| {
        let kind = if std::mem::take(&mut first) {
            BlockKind::Title
        } else if looks_like_heading(line) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        (kind, line.to_string())
    });
    render(document, root, blocks)
}

/// The article of `page` (a document parsed inert by the caller), rebuilt as text under `root`.
/// `Ok(None)` when the page has no article.
pub fn render_page(document: &Document, root: &Element, page: &Node) -> Result<Option<usize>, JsValue> {
    let dom = LiveDom::new(page.clone());
    let Some(article) = extract(&dom) else { return Ok(None) };
    let blocks =
        article.blocks.into_iter().map(|ExtractedBlock { kind, text, .. }| (kind, text.replace('\n', " ")));
    render(document, root, blocks).map(Some)
}
