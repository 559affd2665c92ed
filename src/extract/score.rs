//! Readability-style choice of the article container: strip page furniture, score paragraphs into
//! their ancestors, pick the best container and its qualifying siblings, then clean what is left
//! inside (link lists, share bars, "Read also" boxes, forms).

use super::hints;
use super::tree::Tree;

/// Elements that break inline text into separate blocks.
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "caption",
    "summary",
    "body",
    "html",
];
/// Removed wherever they are: they never hold article text.
const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "menu"];
/// Containers that the conditional cleaning looks at.
const CONDITIONAL_TAGS: &[&str] = &["form", "fieldset", "table", "ul", "ol", "div", "section", "dl", "aside"];
/// Containers a "Read also" box can be.
const BOX_TAGS: &[&str] = &["div", "section", "aside", "ul", "ol", "details", "table", "figure"];
/// Paragraphs shorter than this are not scored.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// Every this many chars of a paragraph adds a point, up to [`MAX_LENGTH_POINTS`].
const CHARS_PER_POINT: usize = 100;
const MAX_LENGTH_POINTS: usize = 3;
/// How many ancestors a paragraph's score reaches.
const SCORE_ANCESTOR_LEVELS: usize = 5;
/// Candidates compared when looking for a shared ancestor.
const TOP_CANDIDATES: usize = 5;
/// A candidate this close to the best one is an alternative …
const ALTERNATIVE_RATIO: f64 = 0.75;
/// … and when this many alternatives share an ancestor, that ancestor is the article.
const MIN_ALTERNATIVES: usize = 3;
/// A sibling joins the article at this share of the best score, but never below
/// [`MIN_SIBLING_SCORE`].
const SIBLING_RATIO: f64 = 0.2;
const MIN_SIBLING_SCORE: f64 = 10.0;
/// A sibling paragraph longer than this joins when its link density is below
/// [`SIBLING_MAX_LINK_DENSITY`].
const SIBLING_LONG_CHARS: usize = 80;
const SIBLING_MAX_LINK_DENSITY: f64 = 0.25;
/// Containers a sibling group of paragraphs can be (not `<article>`: a sibling article is the
/// next story).
const GROUP_TAGS: &[&str] = &["div", "section"];
/// A sibling group joins when its paragraphs make at least this share of its text.
const GROUP_MIN_PROSE_SHARE: f64 = 0.5;
/// A photo between parts of the article has at most this many chars of caption.
const FIGURE_MAX_CHARS: usize = 600;
/// Closing quotation marks that may follow a sentence's full stop.
const CLOSING_QUOTES: &[char] = &['"', '\'', '”', '’', '»', '」', ')'];
/// Bylines and date lines longer than this are not bylines.
const BYLINE_MAX_CHARS: usize = 200;
/// Share bars longer than this are content that happens to carry a share class.
const SHARE_MAX_CHARS: usize = 500;
/// "Read also" boxes are mostly links and short.
const READ_ALSO_MIN_LINK_DENSITY: f64 = 0.4;
const READ_ALSO_MAX_CHARS: usize = 2000;
/// Conditional cleaning: containers with this many commas are prose and kept.
const CLEAN_MIN_COMMAS: usize = 10;
/// Conditional cleaning thresholds (Readability's `_cleanConditionally`).
const CLEAN_LIST_ITEM_ALLOWANCE: usize = 100;
const CLEAN_MIN_CHARS: usize = 25;
const CLEAN_MAX_LINK_DENSITY: f64 = 0.2;
const CLEAN_MAX_LINK_DENSITY_WEIGHTED: f64 = 0.5;
const CLEAN_EMBED_MIN_CHARS: usize = 75;
const CLEAN_LIST_TEXT_RATIO: f64 = 0.9;
const CLEAN_HEADING_DENSITY: f64 = 0.9;

/// Which heuristics an attempt uses; later attempts switch them off when too little text is found.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

pub(crate) struct Selection {
    /// The article's top-level elements, in document order.
    pub roots: Vec<usize>,
    pub removed: Vec<bool>,
}

/// Marks what is never article text, whatever the attempt: furniture tags and classes (comments,
/// newsletters, cookie banners), bylines, share bars, "Read also" boxes.
pub(crate) fn remove_furniture<N>(tree: &Tree<N>, removed: &mut [bool]) {
    for i in 0..tree.items.len() {
        if removed[i] {
            continue;
        }
        let item = &tree.items[i];
        if item.is_text() {
            continue;
        }
        let tag = item.tag.as_str();
        // Only a subtree's root is flagged: every walk skips the whole range.
        if FURNITURE_TAGS.contains(&tag) {
            removed[i] = true;
            continue;
        }
        if tag == "body" || tag == "html" {
            continue;
        }
        let small = |max| tree.stats(i, removed).chars <= max;
        if hints::is_always_unlikely(&item.hints)
            || (hints::is_byline(&item.hints) && small(BYLINE_MAX_CHARS))
            || (hints::is_share(&item.hints) && small(SHARE_MAX_CHARS))
            || is_read_also(tree, removed, i)
        {
            removed[i] = true;
        }
    }
}

fn is_read_also<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> bool {
    let item = &tree.items[i];
    if !BOX_TAGS.contains(&item.tag.as_str()) {
        return false;
    }
    let s = tree.stats(i, removed);
    if s.chars > READ_ALSO_MAX_CHARS || s.link_density() < READ_ALSO_MIN_LINK_DENSITY {
        return false;
    }
    // The box's opening words: its first text.
    let first = tree.descendants(i, removed).find(|&k| tree.items[k].is_text() && tree.items[k].chars > 0);
    first.is_some_and(|k| hints::opens_read_also(tree.items[k].text.trim_start()))
}

fn has_block_child<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> bool {
    tree.descendants(i, removed).skip(1).any(|k| BLOCK_TAGS.contains(&tree.items[k].tag.as_str()))
}

/// A `p`, `pre`, `td`, or a `div`/`section` holding only inline content.
pub(crate) fn is_paragraph_like<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> bool {
    match tree.items[i].tag.as_str() {
        "p" | "pre" | "td" => true,
        "div" | "section" | "article" => !has_block_child(tree, removed, i),
        _ => false,
    }
}

fn tag_base_score(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

struct Scores {
    score: Vec<f64>,
    candidate: Vec<bool>,
}

impl Scores {
    fn touch<N>(&mut self, tree: &Tree<N>, flags: Flags, i: usize) {
        if !self.candidate[i] {
            self.candidate[i] = true;
            let item = &tree.items[i];
            let mut s = tag_base_score(&item.tag);
            if flags.weight_classes {
                s += hints::class_weight(&item.hints);
            }
            self.score[i] = s;
        }
    }

    /// Adds a paragraph's points to `first` and its ancestors, less the further up.
    fn spread<N>(&mut self, tree: &Tree<N>, flags: Flags, first: usize, points: f64) {
        let chain = std::iter::once(first).chain(tree.ancestors(first));
        for (level, anc) in chain.take(SCORE_ANCESTOR_LEVELS).enumerate() {
            if tree.items[anc].parent.is_none() {
                break; // <html> is never the article
            }
            self.touch(tree, flags, anc);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            self.score[anc] += points / divider;
        }
    }
}

fn paragraph_points(chars: usize, commas: usize) -> f64 {
    1.0 + (commas + 1) as f64 + (chars / CHARS_PER_POINT).min(MAX_LENGTH_POINTS) as f64
}

fn body_of<N>(tree: &Tree<N>) -> usize {
    tree.items.iter().position(|it| it.tag == "body").unwrap_or(0)
}

pub(crate) fn select<N>(tree: &Tree<N>, base_removed: &[bool], flags: Flags) -> Selection {
    let n = tree.items.len();
    let mut removed = base_removed.to_vec();
    let body = body_of(tree);
    if flags.strip_unlikely {
        for i in tree.descendants(body, base_removed).collect::<Vec<_>>() {
            let item = &tree.items[i];
            if item.is_text() || matches!(item.tag.as_str(), "body" | "html" | "a" | "main" | "article") {
                continue;
            }
            if hints::is_unlikely(&item.hints, &item.role) {
                removed[i] = true;
            }
        }
    }

    let mut scores = Scores { score: vec![0.0; n], candidate: vec![false; n] };
    let live: Vec<usize> = tree.descendants(body, &removed).collect();
    for &i in &live {
        let item = &tree.items[i];
        if item.is_text() {
            continue;
        }
        if is_paragraph_like(tree, &removed, i) {
            let s = tree.stats(i, &removed);
            if s.chars >= MIN_PARAGRAPH_CHARS {
                if let Some(p) = item.parent {
                    scores.spread(tree, flags, p, paragraph_points(s.chars, s.commas));
                }
            }
        } else if matches!(item.tag.as_str(), "div" | "section" | "article" | "main") {
            // Inline runs between the blocks of a mixed container count as paragraphs of it.
            for (chars, commas) in inline_runs(tree, &removed, i) {
                if chars >= MIN_PARAGRAPH_CHARS {
                    scores.spread(tree, flags, i, paragraph_points(chars, commas));
                }
            }
        }
    }
    for i in 0..n {
        if scores.candidate[i] {
            scores.score[i] *= 1.0 - tree.stats(i, &removed).link_density();
        }
    }

    let mut ranked: Vec<usize> = (0..n).filter(|&i| scores.candidate[i]).collect();
    ranked.sort_by(|&a, &b| scores.score[b].total_cmp(&scores.score[a]));
    ranked.truncate(TOP_CANDIDATES);
    let Some(&best) = ranked.first() else {
        return Selection { roots: vec![body], removed };
    };
    let mut top = best;
    if top != body {
        top = shared_ancestor(tree, &scores, &ranked, body).unwrap_or(top);
        scores.touch(tree, flags, top);
        top = climb(tree, &scores, top, body);
        // An only child says no more than its parent.
        while let Some(p) = tree.items[top].parent {
            if p == body || tree.children(p, &removed).filter(|&c| !tree.items[c].is_text()).count() != 1 {
                break;
            }
            top = p;
        }
        scores.touch(tree, flags, top);
    }

    let roots = if top == body { vec![body] } else { siblings(tree, &removed, &scores, top) };
    if flags.clean_conditionally {
        for &r in &roots {
            clean_conditionally(tree, &mut removed, &scores, flags, r, top);
        }
    }
    if flags.weight_classes {
        for &r in &roots {
            for k in tree.descendants(r, &removed.clone()).collect::<Vec<_>>() {
                let item = &tree.items[k];
                if matches!(item.tag.as_str(), "h1" | "h2" | "h3") && hints::class_weight(&item.hints) < 0.0 {
                    removed[k] = true;
                }
            }
        }
    }
    Selection { roots, removed }
}

/// (chars, commas) of each run of inline content directly inside `i`.
fn inline_runs<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let (mut chars, mut commas) = (0, 0);
    for c in tree.children(i, removed) {
        let item = &tree.items[c];
        if item.is_text() {
            chars += item.chars;
            commas += item.commas;
        } else if BLOCK_TAGS.contains(&item.tag.as_str()) || item.tag == "br" {
            runs.push((chars, commas));
            (chars, commas) = (0, 0);
        } else {
            let s = tree.stats(c, removed);
            chars += s.chars;
            commas += s.commas;
        }
    }
    runs.push((chars, commas));
    runs
}

/// When several near-best candidates sit under one ancestor, the ancestor is the article
/// (e.g. paragraphs split across sibling divs).
fn shared_ancestor<N>(tree: &Tree<N>, scores: &Scores, ranked: &[usize], body: usize) -> Option<usize> {
    let best = ranked[0];
    let chains: Vec<Vec<usize>> = ranked[1..]
        .iter()
        .filter(|&&c| scores.score[c] / scores.score[best] >= ALTERNATIVE_RATIO)
        .map(|&c| tree.ancestors(c).collect())
        .collect();
    if chains.len() < MIN_ALTERNATIVES {
        return None;
    }
    for p in tree.ancestors(best) {
        if p == body {
            break;
        }
        if chains.iter().filter(|ch| ch.contains(&p)).count() >= MIN_ALTERNATIVES {
            return Some(p);
        }
    }
    None
}

/// Moves up to a parent that scores better than the candidate (the article split in parts).
fn climb<N>(tree: &Tree<N>, scores: &Scores, mut top: usize, body: usize) -> usize {
    let mut last = scores.score[top];
    let threshold = last / 3.0;
    let mut parent = tree.items[top].parent;
    while let Some(p) = parent {
        if p == body {
            break;
        }
        if !scores.candidate[p] {
            parent = tree.items[p].parent;
            continue;
        }
        let s = scores.score[p];
        if s < threshold {
            break;
        }
        if s > last {
            top = p;
            break;
        }
        last = s;
        parent = tree.items[p].parent;
    }
    top
}

fn siblings<N>(tree: &Tree<N>, removed: &[bool], scores: &Scores, top: usize) -> Vec<usize> {
    let Some(parent) = tree.items[top].parent else {
        return vec![top];
    };
    let top_score = scores.score[top];
    let threshold = MIN_SIBLING_SCORE.max(top_score * SIBLING_RATIO);
    let top_class = tree.items[top].hints.trim();
    let mut roots = Vec::new();
    // Siblings left out that may still join as the photos between two parts of the article.
    let mut figures = Vec::new();
    for c in tree.children(parent, removed) {
        let item = &tree.items[c];
        if c == top {
            roots.push(c);
            continue;
        }
        if item.is_text() {
            continue;
        }
        let bonus = if !top_class.is_empty() && item.hints.trim() == top_class {
            top_score * SIBLING_RATIO
        } else {
            0.0
        };
        if scores.candidate[c] && scores.score[c] + bonus >= threshold {
            roots.push(c);
        } else if item.tag == "p" || is_paragraph_like(tree, removed, c) {
            if is_sibling_paragraph(tree, removed, c) {
                roots.push(c);
            }
        } else if is_prose_group(tree, removed, c) {
            roots.push(c);
        } else if is_figure_box(tree, removed, c) {
            figures.push(c);
        }
    }
    // A photo between two parts of the article belongs to it (its caption is marked as such).
    if let (Some(&first), Some(&last)) = (roots.first(), roots.last()) {
        let between: Vec<usize> = figures.into_iter().filter(|&f| f > first && f < last).collect();
        if !between.is_empty() {
            roots.extend(between);
            roots.sort_unstable();
        }
    }
    roots
}

/// Readability's test for a sibling `<p>`: long with few links, or short, link-free and ending a
/// sentence.
fn is_sibling_paragraph<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> bool {
    let s = tree.stats(i, removed);
    let ld = s.link_density();
    (s.chars > SIBLING_LONG_CHARS && ld < SIBLING_MAX_LINK_DENSITY)
        || (s.chars > 0
            && s.chars <= SIBLING_LONG_CHARS
            && ld == 0.0
            && tree.text_of(i, removed).trim_end_matches(CLOSING_QUOTES).ends_with(['.', '!', '?']))
}

/// A sibling group of paragraphs: the article's text continued after an ad slot, a "Related:" box
/// or a sign-up form, in a container of its own that scored too little to join (a group of one or
/// two paragraphs, or paragraphs nested deeper than the scores reach). It joins when its
/// paragraphs pass the sibling-paragraph test and make all its text (Readability's `<div>` holding
/// one `<p>`), or add up to more than [`SIBLING_LONG_CHARS`] and make most of its text; and it has
/// few links and no form controls. Linear in the group's size: the walk skips over each paragraph
/// it has measured.
fn is_prose_group<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> bool {
    if !GROUP_TAGS.contains(&tree.items[i].tag.as_str()) {
        return false;
    }
    let (mut prose, mut other, mut links) = (0, 0, 0);
    let mut j = i + 1;
    let end = tree.items[i].end;
    while j < end {
        let item = &tree.items[j];
        if removed[j] {
            j = item.end;
            continue;
        }
        match item.tag.as_str() {
            "input" | "textarea" | "select" | "button" | "form" => return false,
            "p" | "pre" | "blockquote" => {
                let s = tree.stats(j, removed);
                if is_sibling_paragraph(tree, removed, j) {
                    prose += s.chars;
                } else {
                    other += s.chars;
                }
                links += s.link_chars;
                j = item.end;
            }
            "" => {
                other += item.chars;
                if item.in_link {
                    links += item.chars;
                }
                j += 1;
            }
            _ => j += 1,
        }
    }
    let all = prose + other;
    prose > 0
        && (links as f64) < all as f64 * SIBLING_MAX_LINK_DENSITY
        && (other == 0 || (prose > SIBLING_LONG_CHARS && prose as f64 >= all as f64 * GROUP_MIN_PROSE_SHARE))
}

/// A photo, with at most a caption's worth of text and no links: `<figure>`, or a box holding one
/// or a caption.
fn is_figure_box<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> bool {
    if !GROUP_TAGS.contains(&tree.items[i].tag.as_str()) && tree.items[i].tag != "figure" {
        return false;
    }
    let s = tree.stats(i, removed);
    s.chars <= FIGURE_MAX_CHARS
        && s.link_chars == 0
        && tree.descendants(i, removed).any(|k| {
            let item = &tree.items[k];
            matches!(item.tag.as_str(), "figure" | "figcaption") || hints::is_caption(&item.hints)
        })
}

fn is_data_table<N>(tree: &Tree<N>, removed: &[bool], i: usize) -> bool {
    tree.items[i].tag == "table" && tree.count_tags(i, removed, &["th", "caption", "thead"]) > 0
}

/// Readability's `_cleanConditionally`, innermost first so that a container is judged on what is
/// left of it.
fn clean_conditionally<N>(
    tree: &Tree<N>,
    removed: &mut [bool],
    scores: &Scores,
    flags: Flags,
    root: usize,
    top: usize,
) {
    let live: Vec<usize> = tree.descendants(root, removed).collect();
    for &i in live.iter().rev() {
        let item = &tree.items[i];
        if i == top || !CONDITIONAL_TAGS.contains(&item.tag.as_str()) {
            continue;
        }
        if tree
            .ancestors(i)
            .any(|a| matches!(tree.items[a].tag.as_str(), "code" | "pre") || is_data_table(tree, removed, a))
            || is_data_table(tree, removed, i)
        {
            continue;
        }
        if should_remove(tree, removed, scores, flags, i) {
            removed[i] = true;
        }
    }
}

fn should_remove<N>(tree: &Tree<N>, removed: &[bool], scores: &Scores, flags: Flags, i: usize) -> bool {
    let item = &tree.items[i];
    let weight = if flags.weight_classes { hints::class_weight(&item.hints) } else { 0.0 };
    let score = if scores.candidate[i] { scores.score[i] } else { 0.0 };
    if weight + score < 0.0 {
        return true;
    }
    let s = tree.stats(i, removed);
    if s.commas >= CLEAN_MIN_COMMAS {
        return false;
    }
    let count = |tags: &[&str]| tree.count_tags(i, removed, tags);
    let p = count(&["p"]);
    let img = count(&["img", "picture"]);
    let li = count(&["li"]);
    let input = count(&["input", "textarea", "select", "button"]);
    let embeds = count(&["iframe", "embed", "object", "video", "audio"]);
    let heading_chars: usize = tree
        .descendants(i, removed)
        .filter(|&k| matches!(tree.items[k].tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
        .map(|k| tree.stats(k, removed).chars)
        .sum();
    let list_chars: usize = tree
        .descendants(i, removed)
        .filter(|&k| tree.items[k].tag == "li")
        .map(|k| tree.stats(k, removed).chars)
        .sum();
    let chars = s.chars;
    let is_list = matches!(item.tag.as_str(), "ul" | "ol")
        || (chars > 0 && list_chars as f64 / chars as f64 > CLEAN_LIST_TEXT_RATIO);
    let heading_density = if chars == 0 { 0.0 } else { heading_chars as f64 / chars as f64 };
    let ld = s.link_density();
    let in_figure = tree.ancestors(i).any(|a| tree.items[a].tag == "figure");
    (img > 1 && (p as f64 / img as f64) < 0.5 && !in_figure)
        || (!is_list && li > p + CLEAN_LIST_ITEM_ALLOWANCE)
        || (input > p / 3)
        || (!is_list
            && heading_density < CLEAN_HEADING_DENSITY
            && chars < CLEAN_MIN_CHARS
            && (img == 0 || img > 2)
            && ld > 0.0)
        || (!is_list && weight < hints::CLASS_WEIGHT && ld > CLEAN_MAX_LINK_DENSITY)
        || (weight >= hints::CLASS_WEIGHT && ld > CLEAN_MAX_LINK_DENSITY_WEIGHTED)
        || (embeds == 1 && chars < CLEAN_EMBED_MIN_CHARS)
        || embeds > 1
}
