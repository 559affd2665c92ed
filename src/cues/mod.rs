//! Reporting cues: the words that signal an attribution — reporting verbs in every inflection,
//! verbs of belief and intention, "according to", nominal cues ("claim that"), and the phrases
//! around them ("in a statement", "told reporters").
