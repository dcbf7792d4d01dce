//! A conservative text-width metric and line wrapping for labels that must fit a symbol.
//!
//! The browser's font is not known here (the view uses the system font stack), so widths are
//! estimated per glyph class on the wide side: a label measured here fits in Arial,
//! Helvetica, Roboto and DejaVu Sans alike.

use super::ELLIPSIS;

/// Estimated advance of a glyph, in ems. At least the width of the glyph in the wider of
/// Arial and DejaVu Sans.
pub fn glyph_em(c: char) -> f32 {
    if c.is_ascii() {
        ASCII_EM[c as usize]
    } else if c.is_alphabetic() {
        // Accented Latin and other letters: as wide as a capital.
        0.8
    } else {
        // Symbols, arrows, the ellipsis and anything unknown: a full em.
        1.0
    }
}

/// `glyph_em` of the ASCII characters, looked up rather than matched: labels are measured
/// many times per layout.
static ASCII_EM: [f32; 128] = {
    let mut table = [1.0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_em(b as u8);
        b += 1;
    }
    table
};

const fn ascii_em(b: u8) -> f32 {
    match b {
        b' ' => 0.33,
        b'i' | b'j' | b'l' | b'.' | b',' | b':' | b';' | b'\'' | b'!' | b'|' | b'`' => 0.34,
        b'f' | b't' | b'r' | b'I' | b'J' | b'(' | b')' | b'[' | b']' | b'/' | b'\\' | b'-'
        | b'"' => 0.45,
        b'm' | b'M' | b'W' => 1.0,
        b'w' => 0.84,
        b'A'..=b'Z' => 0.8,
        b'0'..=b'9' => 0.66,
        b'a'..=b'z' => 0.64,
        b'?' | b'_' | b'+' | b'=' | b'<' | b'>' | b'*' => 0.7,
        b'&' | b'%' | b'@' | b'#' => 0.95,
        _ => 1.0,
    }
}

/// `glyph_em` of `ELLIPSIS`.
const ELLIPSIS_EM: f32 = 1.0;
const HYPHEN_EM: f32 = ASCII_EM[b'-' as usize];

fn em_of(text: &str) -> f32 {
    text.chars().map(glyph_em).sum()
}

/// Bold text (the lane headers) is this much wider than regular text.
pub const BOLD_FACTOR: f32 = 1.12;

/// Estimated width of `text` set in regular weight at `font_size`.
pub fn text_width(text: &str, font_size: f32) -> f32 {
    em_of(text) * font_size
}

/// A run of text that may end a line: a word, or the part of a word up to a '/'.
#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    text: &'a str,
    /// Follows the previous token without a space ("Pendaftaran/" + "Pengesahan").
    glued: bool,
    em: f32,
}

/// Words of `text`; a '/' inside a word is a break opportunity; a lone arrow ("Mulai ↓
/// Permohonan", the book's two stacked symbols) is not text and is dropped. Stops once the
/// words are wider than `budget` ems in all, and then says the text was not complete: the
/// rest could not be shown anyway (descriptions are long, symbols small).
fn tokenize(text: &str, budget: f32) -> (Vec<Token<'_>>, bool) {
    let mut tokens = Vec::with_capacity(16);
    let mut total = 0.0;
    for word in text.split_whitespace() {
        if word.chars().all(|c| matches!(c, '↓' | '→' | '←' | '↑')) {
            continue;
        }
        let mut glued = false;
        let mut rest = word;
        loop {
            let cut = match rest.find('/') {
                Some(pos) if pos + 1 < rest.len() => pos + 1,
                _ => rest.len(),
            };
            let part = &rest[..cut];
            let em = em_of(part);
            total += em;
            tokens.push(Token {
                text: part,
                glued,
                em,
            });
            if total > budget {
                return (tokens, false);
            }
            if cut == rest.len() {
                break;
            }
            glued = true;
            rest = &rest[cut..];
        }
    }
    (tokens, true)
}

/// The lines chosen for a label and the font they are set in.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    pub lines: Vec<String>,
    pub font_size: f32,
    /// Some text was cut and ends in "…".
    pub truncated: bool,
}

/// What a label may use: font sizes to try (largest first), the most lines at a font size,
/// and the room of line `k` of an `n`-line block at a font size.
pub struct Fit<'a> {
    pub font_sizes: &'a [f32],
    pub max_lines: &'a dyn Fn(f32) -> usize,
    pub capacity: &'a dyn Fn(f32, usize, usize) -> f32,
    pub bold: bool,
}

/// Wrap `text` into the fewest lines that hold it at the largest font size that holds it;
/// when no size does, cut it with "…" at the smallest size, on the line count that shows
/// the most text.
pub fn fit(text: &str, spec: &Fit<'_>) -> Fitted {
    let weight = if spec.bold { BOLD_FACTOR } else { 1.0 };
    let smallest = spec.font_sizes.last().copied().unwrap_or(10.0);
    // Every attempt's room in ems, one after the other in `caps`: (font, range of `caps`).
    let mut caps: Vec<f32> = Vec::with_capacity(32);
    let mut attempts: Vec<(f32, std::ops::Range<usize>)> = Vec::with_capacity(16);
    let mut budget = 0.0_f32;
    for &font in spec.font_sizes {
        let em = font * weight;
        for n in 1..=(spec.max_lines)(font).max(1) {
            let start = caps.len();
            caps.extend((0..n).map(|k| (spec.capacity)(font, n, k) / em));
            budget = budget.max(caps[start..].iter().map(|c| c.max(0.0)).sum());
            attempts.push((font, start..caps.len()));
        }
    }
    let (tokens, complete) = tokenize(text, budget);
    if tokens.is_empty() {
        return Fitted {
            lines: Vec::new(),
            font_size: spec.font_sizes.first().copied().unwrap_or(smallest),
            truncated: false,
        };
    }
    let mut lines = Vec::with_capacity(4);
    if complete {
        for (font, range) in &attempts {
            let room = &caps[range.clone()];
            if fill(&tokens, room, false, None).is_some() {
                fill(&tokens, room, false, Some(&mut lines));
                return Fitted {
                    lines,
                    font_size: *font,
                    truncated: false,
                };
            }
        }
    }
    let mut best: Option<(usize, &[f32])> = None;
    for (_, range) in attempts.iter().filter(|(font, _)| *font == smallest) {
        let room = &caps[range.clone()];
        if let Some(shown) = fill(&tokens, room, true, None) {
            if best.is_none_or(|(most, _)| shown > most) {
                best = Some((shown, room));
            }
        }
    }
    if let Some((_, room)) = best {
        fill(&tokens, room, true, Some(&mut lines));
    }
    Fitted {
        lines,
        font_size: smallest,
        truncated: true,
    }
}

/// The lines being filled; only measured unless `out` collects them.
struct Lines<'o> {
    out: Option<&'o mut Vec<String>>,
    current: String,
    current_em: f32,
    current_empty: bool,
    done: usize,
    shown: usize,
}

impl Lines<'_> {
    fn add(&mut self, text: &str, space: bool, em: f32) {
        if self.out.is_some() {
            if space {
                self.current.push(' ');
            }
            self.current.push_str(text);
        }
        self.current_em += em;
        self.current_empty = false;
        self.shown += text.len();
    }

    /// The hyphen of a word broken across lines: drawn, not counted as text shown.
    fn hyphen(&mut self) {
        if let Some(_) = self.out {
            self.current.push('-');
        }
    }

    fn end(&mut self) {
        if let Some(out) = self.out.as_mut() {
            out.push(std::mem::take(&mut self.current));
        }
        self.current_em = 0.0;
        self.current_empty = true;
        self.done += 1;
    }
}

/// Greedy fill of exactly `caps.len()` lines with room `caps` (in ems). Without `truncate`:
/// `None` unless every token fits. With it: the last line ends in "…" where the text is cut. A word is broken
/// between characters only when no line of the block could hold it whole; a word that merely
/// meets a short line (a diamond's point) makes the attempt fail instead. Returns the bytes
/// of text shown; with `out`, also the lines.
fn fill(
    tokens: &[Token<'_>],
    caps: &[f32],
    truncate: bool,
    out: Option<&mut Vec<String>>,
) -> Option<usize> {
    let space = ASCII_EM[usize::from(b' ')];
    let last = caps.len() - 1;
    let widest = caps.iter().copied().fold(0.0, f32::max);
    let room = |line: usize| {
        if truncate && line == last {
            caps[line] - ELLIPSIS_EM
        } else {
            caps[line]
        }
    };
    let mut lines = Lines {
        out,
        current: String::new(),
        current_em: 0.0,
        current_empty: true,
        done: 0,
        shown: 0,
    };
    let mut next = 0;
    // The part of a token left over after breaking it inside; it starts a new line.
    let mut carry: Option<&str> = None;
    loop {
        let (text, glued, em) = match carry.take() {
            Some(rest) => (rest, false, em_of(rest)),
            None => match tokens.get(next) {
                Some(t) => {
                    next += 1;
                    (t.text, t.glued, t.em)
                }
                None => break,
            },
        };
        let line = lines.done;
        if line > last {
            return None;
        }
        let spaced = !lines.current_empty && !glued;
        let added = if spaced { space + em } else { em };
        // Leave a word for every line still to come: the block is laid out for exactly
        // `caps.len()` lines (a diamond's lines are placed and sized for that count).
        let starved = !lines.current_empty && tokens.len() - next < last - line;
        if !starved && lines.current_em + added <= room(line) {
            lines.add(text, spaced, added);
            continue;
        }
        let cut_here = truncate && line == last;
        if !lines.current_empty {
            if cut_here {
                lines.add(ELLIPSIS, false, ELLIPSIS_EM);
                lines.end();
                return Some(lines.shown);
            }
            lines.end();
            carry = Some(text);
            continue;
        }
        if !cut_here && em <= widest {
            return None;
        }
        let cut = prefix_fitting(text, room(line).max(0.0));
        if cut_here {
            lines.add(&text[..cut], false, 0.0);
            lines.add(ELLIPSIS, false, ELLIPSIS_EM);
            lines.end();
            return Some(lines.shown);
        }
        // A word wider than any line: break it between characters and, as print does, end
        // the line with a hyphen (room is kept for it).
        let cut = prefix_fitting(text, (room(line) - HYPHEN_EM).max(0.0));
        if cut == 0 {
            return None;
        }
        lines.add(&text[..cut], false, 0.0);
        lines.hyphen();
        lines.end();
        carry = Some(&text[cut..]);
    }
    if !lines.current_empty {
        lines.end();
    }
    (lines.done == caps.len()).then_some(lines.shown)
}

/// Byte length of the longest prefix of `text` at most `room` ems wide.
fn prefix_fitting(text: &str, room: f32) -> usize {
    let mut width = 0.0;
    for (i, c) in text.char_indices() {
        width += glyph_em(c);
        if width > room {
            return i;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit_box(text: &str, width: f32, max_lines: usize) -> Fitted {
        fit(
            text,
            &Fit {
                font_sizes: &[10.0],
                max_lines: &|_| max_lines,
                capacity: &|_, _, _| width,
                bold: false,
            },
        )
    }

    #[test]
    fn wraps_truncates_and_breaks_words() {
        let check = |text: &str, width: f32, lines: usize, expect: &[&str], cut: bool| {
            let got = fit_box(text, width, lines);
            assert_eq!(got.lines, expect, "{text:?} in {width}×{lines}");
            assert_eq!(got.truncated, cut, "{text:?}");
            for l in &got.lines {
                assert!(
                    text_width(l, 10.0) <= width + 1e-3,
                    "{l:?} wider than {width}"
                );
            }
        };
        check("Mulai", 100.0, 3, &["Mulai"], false);
        check(
            "Mulai ↓ Surat Pengaduan",
            80.0,
            3,
            &["Mulai Surat", "Pengaduan"],
            false,
        );
        check(
            "Tanda tangan Pendaftaran/Pengesahan",
            80.0,
            3,
            &["Tanda tangan", "Pendaftaran/", "Pengesahan"],
            false,
        );
        check(
            "Pemohon mengajukan surat permohonan kepada Bupati",
            70.0,
            2,
            &["Pemohon", "mengajuka…"],
            true,
        );
        check(
            "Kemnakertransmigrasi",
            50.0,
            3,
            &["Kemnak-", "ertrans-", "migrasi"],
            false,
        );
        check("", 50.0, 3, &[], false);
    }

    #[test]
    fn a_block_uses_every_line_it_was_sized_for() {
        // Like a diamond: three lines have a wide middle, two lines are narrower.
        let got = fit(
            "Permohonan memenuhi syarat?",
            &Fit {
                font_sizes: &[10.0],
                max_lines: &|_| 3,
                capacity: &|_, n, k| match (n, k) {
                    (3, 1) => 120.0,
                    (3, _) => 80.0,
                    _ => 90.0,
                },
                bold: false,
            },
        );
        assert_eq!(got.lines, ["Permohonan", "memenuhi", "syarat?"]);
        assert!(!got.truncated);
    }

    #[test]
    fn ellipsis_width_is_known() {
        assert_eq!(em_of(ELLIPSIS), ELLIPSIS_EM);
    }

    #[test]
    fn wider_estimate_for_capitals_and_digits() {
        assert!(text_width("MW", 10.0) > text_width("mw", 10.0) - 1.0);
        assert!(text_width("ABC", 10.0) > text_width("abc", 10.0));
        assert!(text_width("123", 10.0) > text_width("abc", 10.0));
        assert!((text_width("aaaa", 10.0) - 25.6).abs() < 1e-3);
    }
}
