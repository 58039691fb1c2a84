//! The text of an HTML article, with positions that still refer to the file on disk.
//!
//! Tags, comments, `<script>`, `<style>`, `<noscript>` and `<template>` are dropped, entities
//! decoded. Every line break of the source is kept where it was, so line N of the text is line N
//! of the file; a block-level tag (`<p>`, `<br>`, `<td>`, `<h1>`...) becomes a paragraph separator
//! (U+2029), which ends a sentence like a line break does without adding a line, while inline
//! tags (`<b>`, `<a>`, `<span>`) and comments vanish, as they do in a browser. Quotes are the decoded text a reader
//! sees ("l’arrivée", not "l&rsquo;arriv&eacute;e"); line and column are those of the source,
//! through [`Markup::source_offset`]. docs/corpus.md documents this choice.

/// An HTML article: its source, its text, and the map between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    /// The decoded file, tags and all.
    pub source: String,
    /// The text the extractors read.
    pub text: String,
    /// `(text offset, source offset)` at every point where the distance between them changes,
    /// in increasing order; an offset between two entries keeps the distance of the first.
    segments: Vec<(usize, usize)>,
}

/// Elements whose content is not article text.
const SKIPPED_ELEMENTS: &[&str] = &["script", "style", "noscript", "template"];

/// Elements that end a block of text: a sentence cannot run across them.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
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
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// What a block-level tag becomes in the text.
const PARAGRAPH_SEPARATOR: char = '\u{2029}';

impl Markup {
    /// Extracts the text of `source`.
    pub fn new(source: String) -> Markup {
        let mut builder = Builder {
            text: String::with_capacity(source.len()),
            segments: vec![(0, 0)],
        };
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'<' if bytes[i..].starts_with(b"<!--") => {
                    let end = find(bytes, i + 4, b"-->").map_or(bytes.len(), |e| e + 3);
                    builder.replace(&source, i, end, None);
                    i = end;
                }
                b'<' if bytes.get(i + 1).is_some_and(|&b| {
                    b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')
                }) =>
                {
                    let end = tag_end(bytes, i + 1);
                    let name = tag_name(&source[i + 1..end]);
                    let closing = bytes[i + 1] == b'/';
                    let mut region_end = end;
                    if !closing && SKIPPED_ELEMENTS.contains(&name.as_str()) {
                        region_end = closing_tag_end(bytes, end, &name);
                    }
                    let separator = BLOCK_ELEMENTS
                        .contains(&name.as_str())
                        .then_some(PARAGRAPH_SEPARATOR);
                    builder.replace(&source, i, region_end, separator);
                    i = region_end;
                }
                b'&' => match entity(&source[i..]) {
                    Some((ch, len)) => {
                        builder.push_mapped(ch, i);
                        i += len;
                    }
                    None => {
                        builder.copy(&source, i, i + 1);
                        i += 1;
                    }
                },
                _ => {
                    // Plain text up to the next `<` or `&`; this byte itself may be a `<` that
                    // opens no tag ("a < b"), so the search starts after it.
                    let next = bytes[i + 1..]
                        .iter()
                        .position(|&b| b == b'<' || b == b'&')
                        .map_or(bytes.len(), |p| i + 1 + p);
                    builder.copy(&source, i, next);
                    i = next;
                }
            }
        }
        Markup {
            text: builder.text,
            segments: builder.segments,
            source,
        }
    }

    /// The source offset of text offset `offset`.
    pub fn source_offset(&self, offset: usize) -> usize {
        let k = self.segments.partition_point(|&(t, _)| t <= offset);
        let (t, s) = self.segments[k.saturating_sub(1)];
        (s + (offset - t)).min(self.source.len())
    }
}

/// Accumulates the text and its map to the source.
struct Builder {
    text: String,
    segments: Vec<(usize, usize)>,
}

impl Builder {
    /// Records that the next text byte comes from source byte `source_offset`.
    fn anchor(&mut self, source_offset: usize) {
        let t = self.text.len();
        let &(last_t, last_s) = self.segments.last().expect("never empty");
        if last_s + (t - last_t) != source_offset {
            if last_t == t {
                self.segments.pop();
            }
            self.segments.push((t, source_offset));
        }
    }

    /// Copies source bytes `from..to` unchanged.
    fn copy(&mut self, source: &str, from: usize, to: usize) {
        self.anchor(from);
        self.text.push_str(&source[from..to]);
    }

    /// Emits `ch` for source text starting at `from`.
    fn push_mapped(&mut self, ch: char, from: usize) {
        self.anchor(from);
        self.text.push(ch);
    }

    /// Replaces source bytes `from..to` by `separator`, if any, keeping their line breaks.
    fn replace(&mut self, source: &str, from: usize, to: usize, separator: Option<char>) {
        if let Some(separator) = separator {
            self.push_mapped(separator, from);
        }
        for (k, b) in source.as_bytes()[from..to].iter().enumerate() {
            if matches!(b, b'\n' | b'\r') {
                self.push_mapped(*b as char, from + k);
            }
        }
    }
}

/// The first occurrence of `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The offset just past the `>` that closes the tag whose name starts at `from`, quoted attribute
/// values skipped; the end of the file if there is none.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return from + k + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The lowercase name of the tag whose text (after `<`) is `tag`.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The offset just past `</name ...>` at or after `from`; the end of the file if there is none.
fn closing_tag_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(open) = find(bytes, at, b"</") {
        let after = open + 2;
        let candidate = bytes.get(after..after + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return tag_end(bytes, after);
        }
        at = after;
    }
    bytes.len()
}

/// Named entities common in French and English news pages.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("shy", '\u{ad}'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("euro", '€'),
    ("pound", '£'),
    ("dollar", '$'),
    ("deg", '°'),
    ("times", '×'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("sect", '§'),
    ("para", '¶'),
    ("percnt", '%'),
    ("num", '#'),
    ("agrave", 'à'),
    ("Agrave", 'À'),
    ("aacute", 'á'),
    ("Aacute", 'Á'),
    ("acirc", 'â'),
    ("Acirc", 'Â'),
    ("auml", 'ä'),
    ("Auml", 'Ä'),
    ("aelig", 'æ'),
    ("AElig", 'Æ'),
    ("ccedil", 'ç'),
    ("Ccedil", 'Ç'),
    ("egrave", 'è'),
    ("Egrave", 'È'),
    ("eacute", 'é'),
    ("Eacute", 'É'),
    ("ecirc", 'ê'),
    ("Ecirc", 'Ê'),
    ("euml", 'ë'),
    ("Euml", 'Ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("Icirc", 'Î'),
    ("iuml", 'ï'),
    ("Iuml", 'Ï'),
    ("ntilde", 'ñ'),
    ("Ntilde", 'Ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("Ocirc", 'Ô'),
    ("ouml", 'ö'),
    ("Ouml", 'Ö'),
    ("oelig", 'œ'),
    ("OElig", 'Œ'),
    ("ugrave", 'ù'),
    ("Ugrave", 'Ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("Ucirc", 'Û'),
    ("uuml", 'ü'),
    ("Uuml", 'Ü'),
    ("yuml", 'ÿ'),
    ("szlig", 'ß'),
];

/// The character an entity at the start of `s` stands for, and the entity's length in bytes.
/// Unknown or unterminated entities are not entities: the `&` stays as written.
fn entity(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    let end = body.bytes().take(32).position(|b| b == b';')?;
    let name = &body[..end];
    let ch = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // As browsers do: NUL, surrogates and out-of-range code points become U+FFFD.
        char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        NAMED_ENTITIES.iter().find(|(n, _)| *n == name)?.1
    };
    Some((ch, end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source text at the source offset of text byte `text_offset`, `len` bytes long.
    fn source_at(m: &Markup, needle: &str) -> usize {
        m.source_offset(m.text.find(needle).unwrap())
    }

    #[test]
    fn drops_tags_scripts_and_comments_and_decodes_entities() {
        let m = Markup::new(
            "<html><head><style>p { color: red }</style><script>var n = 100;</script></head>\
             <body><p>Une <b>centaine</b> d&rsquo;instructeurs<!-- 300 --> &amp; l&#233;gion</p>"
                .into(),
        );
        let words: Vec<&str> = m
            .text
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(words, ["Une", "centaine", "d’instructeurs", "&", "légion"]);
    }

    #[test]
    fn keeps_line_breaks_where_they_were() {
        let source = "<p>one</p>\n<p\nclass=\"x\">two &eacute;t&eacute;</p>\r\nthree";
        let m = Markup::new(source.into());
        assert_eq!(m.text.matches('\n').count(), source.matches('\n').count());
        assert_eq!(m.text.matches('\r').count(), source.matches('\r').count());
        assert_eq!(&source[source_at(&m, "two")..][..3], "two");
        assert_eq!(&source[source_at(&m, "été")..][..8], "&eacute;");
        assert_eq!(&source[source_at(&m, "t\u{e9}\u{2029}")..][..1], "t");
        assert_eq!(&source[source_at(&m, "three")..], "three");
    }

    #[test]
    fn block_tags_separate_sentences_and_inline_tags_vanish() {
        let m = Markup::new("<td>100</td><td>instructeurs</td>a<i>b</i>c".into());
        assert_eq!(m.text, "\u{2029}100\u{2029}\u{2029}instructeurs\u{2029}abc");
    }

    #[test]
    fn broken_markup_does_not_lose_or_invent_text() {
        for source in [
            "a < b",
            "x &unknown; y",
            "&#xD800; &#0; &#99999999;",
            "<p",
            "<script>x",
            "&",
            "<!--",
        ] {
            let m = Markup::new(source.to_string());
            assert!(m.source_offset(m.text.len()) <= source.len(), "{source}");
        }
        assert_eq!(Markup::new("a < b".into()).text, "a < b");
        // Found by the fuzzer: a `<` that opens no tag used to stop the scan from advancing.
        assert_eq!(Markup::new("x <1 <\u{e9}".into()).text, "x <1 <\u{e9}");
        assert_eq!(Markup::new("&#xD800;&#0;".into()).text, "\u{fffd}\u{fffd}");
    }
}
