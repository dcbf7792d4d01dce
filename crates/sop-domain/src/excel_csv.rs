//! CSV that Excel with the Indonesian locale opens as intended: UTF-8 with a BOM (or Excel
//! guesses a legacy code page), `;` between cells (`,` is the decimal separator), CRLF, and
//! cells Excel would run as a formula guarded. Shared by the case-list and report exports.

pub const BOM: char = '\u{feff}';
pub const CRLF: &str = "\r\n";

/// One cell: a leading `= + - @` (or tab, CR) gets an apostrophe so Excel shows text instead
/// of running a formula; a cell holding `;`, `"` or a line break is quoted with `""` inside.
pub fn push_cell(out: &mut String, text: &str) {
    let guarded = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = text.contains([';', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// One row: the cells separated by `;`, then CRLF.
pub fn push_row<S: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = S>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_cell(out, cell.as_ref());
    }
    out.push_str(CRLF);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> String {
        let mut out = String::new();
        push_row(&mut out, cells.iter().copied());
        out
    }

    #[test]
    fn plain_cells_are_joined_with_semicolons() {
        assert_eq!(row(&["JHT/0001/XI/2026", "Budi", "1,50"]), "JHT/0001/XI/2026;Budi;1,50\r\n");
    }

    #[test]
    fn separators_quotes_and_line_breaks_are_quoted() {
        assert_eq!(row(&["a;b", "say \"hi\"", "two\nlines"]), "\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n");
    }

    #[test]
    fn formula_starts_are_guarded() {
        assert_eq!(row(&["=SUM(A1)", "+62 812", "-", "@x", "ok"]), "'=SUM(A1);'+62 812;'-;'@x;ok\r\n");
        // Guarded and quoted at once: the apostrophe goes inside the quotes.
        assert_eq!(row(&["=1;2"]), "\"'=1;2\"\r\n");
    }
}
