//! Turning an article's bytes into text. Scrapers and exports hand us UTF-8 with or without a
//! byte-order mark, UTF-16 with one, and Windows-1252 (Latin-1) French text; binary files and
//! empty files land in corpora too. Each is decoded or refused here with the reason, so that the
//! corpus reader can skip it with a warning naming the file.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::html;

/// An article's text, and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text the extractors read.
    pub text: String,
    /// Set when the file was not UTF-8 and had to be re-encoded: the encoding used, for a warning.
    pub reencoded_from: Option<&'static str>,
    /// For HTML: the decoded source, with the map from text offsets to source offsets, so that
    /// line and column numbers refer to the file as it is on disk.
    pub markup: Option<html::Markup>,
}

/// File endings read as HTML.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// Decodes the bytes of the article at `path`, or says why it is not an article. Takes the bytes
/// by value: a UTF-8 article (the usual case) becomes its text without a copy.
pub fn decode_article(path: &Path, bytes: Vec<u8>) -> Result<Decoded, String> {
    let (source, reencoded_from) = decode_bytes(bytes)?;
    if is_html(path) {
        let markup = html::Markup::new(source);
        if markup.text.trim().is_empty() {
            return Err("HTML file without text".into());
        }
        return Ok(Decoded {
            text: markup.text.clone(),
            reencoded_from,
            markup: Some(markup),
        });
    }
    Ok(Decoded {
        text: source,
        reencoded_from,
        markup: None,
    })
}

/// Whether [`decode_article`] takes the bytes of the article at `path` as its text, unchanged and
/// without a warning, *provided* they are UTF-8 text with no control character other than tab,
/// line feed, form feed and carriage return, and not only white space: they are not empty, do not
/// start with a byte-order mark, and are not HTML. A reader that checks the rest itself on its way
/// through the bytes (the cue filter's pass, see `extract::scan`) can then leave an article that
/// matters to no claim undecoded: UTF-8 validation and the control count were a tenth of a run.
pub fn is_plain(path: &Path, bytes: &[u8]) -> bool {
    !bytes.is_empty() && Encoding::for_bom(bytes).is_none() && !is_html(path)
}

/// Whether the article at `path` is read as HTML, by its extension.
fn is_html(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| super::is_one_of(e.as_encoded_bytes(), HTML_EXTENSIONS))
}

/// Decodes bytes as text: a byte-order mark decides the encoding (UTF-8, UTF-16LE/BE); without
/// one, valid UTF-8 is UTF-8 and anything else is read as Windows-1252, the encoding of most
/// non-UTF-8 French and English text (it is a superset of Latin-1's printable characters).
pub fn decode_bytes(bytes: Vec<u8>) -> Result<(String, Option<&'static str>), String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let body = &bytes[bom..];
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| {
                format!(
                    "invalid {} text despite its byte-order mark",
                    encoding.name()
                )
            })?
            .into_owned();
        if text.contains('\0') {
            return Err("binary file (contains NUL characters)".into());
        }
        check_text(&text)?;
        let from = (encoding != UTF_8).then(|| encoding.name());
        return Ok((text, from));
    }
    // NUL bytes are looked for by `check_text`, once the text is decoded: NUL is a control
    // character, so a text without any has none, and the usual article is not read for them.
    match String::from_utf8(bytes) {
        Ok(text) => {
            check_text(&text)?;
            Ok((text, None))
        }
        Err(not_utf8) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(not_utf8.as_bytes());
            check_text(&text)?;
            Ok((text.into_owned(), Some(WINDOWS_1252.name())))
        }
    }
}

/// Refuses text that is not prose: any NUL, or control characters other than tab, line feed,
/// carriage return and form feed making up more than one character in a hundred.
///
/// A rule added here must be added to what [`is_plain`] promises too: the cue filter takes an
/// article as it is, without coming here, when it is UTF-8 with no control character and not
/// only white space (`extract::scan::tests::skim_agrees_with_decoding` holds the two together).
fn check_text(text: &str) -> Result<(), String> {
    let controls = count_controls(text.as_bytes());
    // Windows-1252 decodes a NUL byte to U+0000, as UTF-8 does.
    if controls > 0 && text.as_bytes().contains(&0) {
        return Err("binary file (contains NUL bytes)".into());
    }
    let total = if controls > 0 {
        text.chars().count()
    } else {
        0
    };
    if controls > 0 && controls * 100 > total {
        return Err(format!(
            "binary file ({controls} control characters in {total})"
        ));
    }
    if text.trim().is_empty() {
        return Err("no text (only white space)".into());
    }
    Ok(())
}

/// How many control characters (`char::is_control`) other than tab, line feed, carriage return and
/// form feed `bytes` (UTF-8) holds: the ASCII ones, and U+0080 to U+009F, encoded C2 80 to C2 9F.
///
/// Every article that is decoded is read once here (those the cue filter leaves undecoded are
/// checked by its own pass, see [`is_plain`]), so this works on bytes in a form the compiler
/// vectorizes:
/// each byte is judged with the one before it, without branches, and hits are summed per block
/// in a byte-wide counter (a block of at most 255 bytes cannot overflow it).
fn count_controls(bytes: &[u8]) -> usize {
    // A multiple of the vector width: a block of 255 left 15 bytes to a scalar loop each time.
    const BLOCK: usize = 240;
    let is_control = |previous: u8, b: u8| {
        let c1 = (previous == 0xC2) & (b.wrapping_sub(0x80) < 0x20);
        u8::from(crate::text::is_ascii_stray_control(b) | c1)
    };
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let mut count = usize::from(is_control(0, first));
    for (previous, current) in bytes.chunks(BLOCK).zip(bytes[1..].chunks(BLOCK)) {
        let block = previous
            .iter()
            .zip(current)
            .fold(0u8, |sum, (&a, &b)| sum + is_control(a, b));
        count += usize::from(block);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), String> {
        decode_bytes(bytes.to_vec())
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("Niamey a accueilli".as_bytes()).unwrap(),
            ("Niamey a accueilli".into(), None)
        );
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), ("abc".into(), None));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("arrivée".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), ("arrivée".into(), Some("UTF-16LE")));
        let mut be = vec![0xFE, 0xFF];
        be.extend("arrivée".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), ("arrivée".into(), Some("UTF-16BE")));
    }

    #[test]
    fn windows_1252_fallback() {
        assert_eq!(
            decode(b"l'arriv\xE9e \x93r\xE9cente\x94").unwrap(),
            ("l'arrivée “récente”".into(), Some("windows-1252"))
        );
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"ab\0cd").unwrap_err().contains("NUL"));
        // Any NUL, even one far below the share of control characters that refuses a text, and
        // in text read as Windows-1252.
        let one_nul = [&b"Niamey ".repeat(300)[..], b"\0"].concat();
        assert!(decode(&one_nul).unwrap_err().contains("NUL bytes"));
        assert!(decode(b"caf\xE9 \0 ").unwrap_err().contains("NUL bytes"));
        assert!(
            decode(b"\x01\x02\x03\x04 text")
                .unwrap_err()
                .contains("control")
        );
        assert!(decode(b" \n\r\n ").unwrap_err().contains("white space"));
        // C1 controls (U+0080 to U+009F) count, accented letters do not.
        let c1 = "texte \u{85}\u{9F} ".repeat(10);
        assert!(
            decode(c1.as_bytes())
                .unwrap_err()
                .contains("20 control characters in 90")
        );
        let accents = "éèêàçœ\u{A0}\u{2019}".repeat(10);
        assert!(decode(accents.as_bytes()).is_ok());
        assert!(decode(b"\xFF\xFE\x00").unwrap_err().contains("UTF-16LE"));
    }

    #[test]
    fn controls_are_counted_as_char_is_control_says_wherever_they_fall() {
        // Texts of several blocks, with controls, C1 characters (whose two bytes may straddle
        // a block's edge) and their look-alikes at every offset.
        const PIECES: &[&str] = &[
            "a", "é", "\u{85}", "\u{9F}", "\u{A0}", "\t", "\n", "\r", "\u{c}", "\u{1}", "\u{1f}",
            "\u{7f}", "\u{2019}", "Niamey ",
        ];
        let mut next = crate::testing::sequence(0x00c0_47e0_1c0f_fee5);
        for _ in 0..500 {
            let text = crate::testing::text_of(&mut next, PIECES, 700);
            let expected = text
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
                .count();
            assert_eq!(count_controls(text.as_bytes()), expected, "{text:?}");
        }
    }
}
