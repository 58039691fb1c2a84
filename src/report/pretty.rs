//! Pretty-printed JSON, byte for byte as `serde_json::to_writer_pretty` prints it (two spaces a
//! level), for less work: serde_json's printer writes a line's indent one level at a time, six
//! or more calls per line deep in a report; this one writes the comma, the line break and the
//! whole indent in one. The JSON report of a large corpus is tens of megabytes written on one
//! thread, after every article has been read, so its cost adds straight to the run's time.

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// A comma, a line break and the indent of the deepest level written in one piece; a line that
/// follows no comma starts at the break, and deeper levels take more than one write.
const BREAK_AND_INDENT: &[u8; 2 + 2 * 32] =
    b",\n                                                                ";

/// The state of `serde_json`'s `PrettyFormatter`: how deep the printer is, and whether the
/// current array or object has had a value (an empty one closes on the same line).
#[derive(Default)]
pub struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break and the indent of the current depth, after a comma when `comma` is set.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W, comma: bool) -> io::Result<()> {
        const MOST: usize = BREAK_AND_INDENT.len() - 2;
        let mut spaces = 2 * self.depth;
        let first = spaces.min(MOST);
        writer.write_all(&BREAK_AND_INDENT[usize::from(!comma)..2 + first])?;
        spaces -= first;
        while spaces > 0 {
            let part = spaces.min(MOST);
            writer.write_all(&BREAK_AND_INDENT[2..2 + part])?;
            spaces -= part;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer, false)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.new_line(writer, !first)
    }
}

impl Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` as `serde_json::to_writer_pretty` would.
pub fn write<W: Write, T: serde::Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(writer, Pretty::default());
    value.serialize(&mut serializer)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    /// Values nested deeper than the one-piece indent, empty and full arrays and objects, and
    /// strings that hold what looks like JSON's own punctuation.
    #[test]
    fn prints_what_serde_json_prints() {
        let mut deep = json!({"leaf": [1, {"a": "b"}, [], {}]});
        for level in 0..40 {
            deep = json!({ format!("level {level}"): [deep.clone(), "x,\n{", level], "e": [], "o": {} });
        }
        for value in [
            json!(null),
            json!([]),
            json!({}),
            json!([[]]),
            json!({"a": {}}),
            deep,
        ] {
            let mut ours = Vec::new();
            super::write(&mut ours, &value).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
