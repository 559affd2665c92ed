//! Tokens: words (with inner apostrophes, hyphens and abbreviation periods), numbers,
//! quotation marks and other punctuation. Whitespace is not a token.

use super::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A quotation mark or apostrophe-like mark standing alone.
    Quote,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '‟' | '«' | '»' | '‹' | '›' | '‚')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

/// Appends the tokens of `span` to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if is_word_char(c) {
            // A word continues over letters, digits, and single joiners between them:
            // apostrophes (Alibaba's), hyphens (anti-China), periods (U.S.), commas in numbers.
            while j < chars.len() {
                let d = chars[j].1;
                if is_word_char(d) {
                    j += 1;
                } else if matches!(d, '\'' | '’' | '-' | '‐' | '.' | ',' | '&')
                    && j + 1 < chars.len()
                    && is_word_char(chars[j + 1].1)
                    && (d != ',' || (chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()))
                    && (d != '.' || chars[j + 1].1.is_alphanumeric())
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final period when it has inner ones.
            if j < chars.len() && chars[j].1 == '.' && s[at..chars[j].0].contains('.') {
                j += 1;
            }
            if c.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else if is_quote_mark(c) {
            TokenKind::Quote
        } else {
            TokenKind::Punct
        };
        let end = if j < chars.len() { chars[j].0 } else { s.len() };
        out.push(Token { span: Span::new(span.start + at, span.start + end), kind });
        i = j;
    }
}

/// The tokens of a text in lower case, with the typographic apostrophe `’` written `'`, in one
/// buffer: one allocation for the document instead of one per token and lookup.
#[derive(Clone, Debug, Default)]
pub struct LowerTokens {
    buf: String,
    /// Where token `i` ends in `buf` (it starts where token `i - 1` ends).
    ends: Vec<usize>,
}

impl LowerTokens {
    pub fn new(text: &str, tokens: &[Token]) -> Self {
        let mut buf = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for t in tokens {
            let word = t.span.slice(text);
            if word.chars().all(|c| c.is_ascii() || c == '’') {
                // ASCII and typographic apostrophes ("Trump’s"): nothing for Unicode to do.
                buf.extend(word.chars().map(|c| if c == '’' { '\'' } else { c.to_ascii_lowercase() }));
            } else {
                // `str::to_lowercase`, not per char: it knows the final sigma.
                buf.push_str(&word.to_lowercase().replace('’', "'"));
            }
            ends.push(buf.len());
        }
        LowerTokens { buf, ends }
    }

    /// Token `i` in lower case; "" past the end.
    pub fn get(&self, i: usize) -> &str {
        match self.ends.get(i) {
            Some(&end) => &self.buf[if i == 0 { 0 } else { self.ends[i - 1] }..end],
            None => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks() {
        let text = "Alibaba's U.S. anti-China 1,000 3.5 “done.”";
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        let words: Vec<_> = out.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(words, ["Alibaba's", "U.S.", "anti-China", "1,000", "3.5", "“", "done", ".", "”"]);
    }

    #[test]
    fn lower_case_once() {
        let text = "Alibaba’s ΣΟΦΟΣ said";
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        let lower = LowerTokens::new(text, &out);
        assert_eq!(
            [lower.get(0), lower.get(1), lower.get(2), lower.get(3)],
            ["alibaba's", "σοφος", "said", ""]
        );
    }
}
