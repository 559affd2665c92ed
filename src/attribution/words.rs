//! Closed word classes the attribution patterns lean on (English function words, weekdays,
//! months). The lists are data, in `rules/pattern_words.toml` (written by the ClaimLens team);
//! here are the tests built on them.

pub use crate::lexicon::pattern_words::*;

pub fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w)
        || crate::text::is_calendar_word(w)
        || (w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == ','))
}

/// Days, months and relative dates: what "in"/"on" may introduce after a source ("said X on Monday").
pub fn is_date_word(w: &str) -> bool {
    crate::text::is_calendar_word(w) || w == "recent" || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Adverbs of time and manner that may sit between a verb and its subject or content ("said
/// Tuesday", "said again"), without prepositions or determiners.
pub fn is_time_adverb(w: &str) -> bool {
    is_date_word(w) || TIME_ADVERBS.contains(&w)
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{PATTERN_WORDS, SENTENCE_OPENERS};

    /// Whether `text` holds `word` between non-word characters (case-insensitive).
    fn holds_word(text: &str, word: &str) -> bool {
        let text = text.to_lowercase();
        let word = word.to_lowercase();
        text.match_indices(&word).any(|(a, _)| {
            let before = text[..a].chars().next_back();
            let after = text[a + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// Every example of a word list holds one of its words.
    #[test]
    fn word_list_examples_hold_a_word() {
        for e in PATTERN_WORDS.iter().chain(SENTENCE_OPENERS) {
            for ex in e.examples {
                assert!(e.forms.iter().any(|f| holds_word(ex, f)), "{ex:?} holds no word of {}", e.name);
            }
        }
    }
}
