//! Which pattern an attribution was read with, in the reader's words: the "why" of a badge's card
//! ("“CLAIM,” said SOURCE", "according to SOURCE, CLAIM"). Derived from where the source, the cue
//! and the content lie and from the cue's class, after the fact, so the patterns themselves stay
//! free of bookkeeping.

use super::patterns::Found;
use crate::lexicon::Class;
use crate::report::ClaimKind;
use crate::text::Document;

/// The pattern of an attribution, with its cue word in place: "SOURCE said that CLAIM".
pub fn pattern(doc: &Document, f: &Found) -> String {
    let cue = doc.slice(f.cue).trim();
    let quoted = matches!(f.kind, ClaimKind::DirectQuote | ClaimKind::PartialQuote);
    let claim = if f.kind == ClaimKind::DirectQuote { "“CLAIM”" } else { "CLAIM" };
    let sentence = doc.sentences[f.sentence].span;
    if !sentence.contains(f.cue) && f.kind == ClaimKind::DirectQuote && f.content.start > f.cue.end {
        return format!("a quotation that goes on from SOURCE’s “{cue}”");
    }
    match f.cue_entry.class {
        Class::Label => return format!("SOURCE: {claim} (a speaker label)"),
        Class::Signature => return format!("{claim} — SOURCE (a signature)"),
        Class::AccordingTo => {
            return if f.content.start > f.cue.end {
                format!("{cue} SOURCE, {claim}")
            } else {
                format!("{claim}, {cue} SOURCE")
            };
        }
        Class::Adverb => return format!("{claim}, “{cue}” (no source named)"),
        Class::Nominal | Class::StanceNoun => return format!("SOURCE’s {cue} (that) {claim}"),
        Class::Adjective => return format!("SOURCE is {cue} (that) {claim}"),
        _ => {}
    }
    if f.participial {
        return format!("…, {cue} {claim} (SOURCE of the main clause)");
    }
    let Some(source) = f.source else {
        return format!("{claim}, {cue} (no source named)");
    };
    let object = if f.object { " (its object)" } else { "" };
    match (source.start < f.cue.start, f.content.start < f.cue.start) {
        (true, false) if quoted => format!("SOURCE {cue}: {claim}"),
        (true, false) => format!("SOURCE {cue} {claim}{object}"),
        (false, true) => format!("{claim}, {cue} SOURCE"),
        (true, true) if source.start > f.content.end => format!("{claim}, SOURCE {cue}"),
        (true, true) => format!("SOURCE, {claim}, {cue}"),
        (false, false) => format!("{cue} by SOURCE: {claim}"),
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze_text;

    fn patterns(text: &str) -> Vec<String> {
        analyze_text(&format!("A title\n{text}")).claims.into_iter().filter_map(|c| c.pattern).collect()
    }

    #[test]
    fn patterns_in_the_readers_words() {
        assert_eq!(
            patterns("“We will win,” said Ana Ruiz, the mayor of the town."),
            ["“CLAIM”, said SOURCE"]
        );
        assert_eq!(patterns("The mayor said that the bridge would reopen on Friday."), ["SOURCE said CLAIM"]);
        assert_eq!(
            patterns("According to the agency, the bridge will reopen on Friday."),
            ["According to SOURCE, CLAIM"]
        );
        assert_eq!(patterns("The bridge will reopen on Friday, the mayor said."), ["CLAIM, SOURCE said"]);
    }
}
