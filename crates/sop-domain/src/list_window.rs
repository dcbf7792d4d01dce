//! Which rows of a long list of equal-height rows to draw: those the viewport shows and a few
//! around them. The staff's case list holds up to ~10,000 cases; drawing only these keeps its
//! start and every keystroke of its search independent of the number of cases.
//!
//! Plain arithmetic in CSS pixels: the app measures (the list's position, the viewport, one
//! drawn row) and places the rows; the decisions are here, where they are tested natively.

use std::ops::Range;

/// The viewport over a list, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListViewport {
    /// The viewport's top edge measured from the list's top edge: negative while the list
    /// starts further down the page, past the list's height once it is scrolled by.
    pub top: f64,
    pub height: f64,
}

/// The rows of a list of `count` rows, `pitch` pixels apart (a row's height plus the gap),
/// that `view` shows, widened by `overscan` rows on each side so that a fast scroll or a Tab
/// to the next row finds it drawn. A list out of view keeps the `overscan` rows nearest to
/// the viewport: Tab from the form above or Shift+Tab from the tools below still enters it.
/// Without a usable pitch (nothing measured yet) the first `2 × overscan` rows.
pub fn rows_to_draw(view: ListViewport, pitch: f64, count: usize, overscan: usize) -> Range<usize> {
    if count == 0 {
        return 0..0;
    }
    if !(pitch.is_finite() && pitch > 0.0) {
        return 0..count.min(overscan.saturating_mul(2).max(1));
    }
    let top = if view.top.is_finite() { view.top } else { 0.0 };
    let height = if view.height.is_finite() {
        view.height.max(0.0)
    } else {
        0.0
    };
    // Saturating: a float past the range of usize (or negative, or NaN) clamps to the list.
    let row = |rows: f64| -> usize { rows.clamp(0.0, count as f64) as usize };
    // Row i covers [i·pitch, (i+1)·pitch): the rows from the one under the viewport's first
    // pixel to the one under its last. When nothing is visible both ends meet next to the
    // viewport (0, or `count` once the list is scrolled by), and the overscan around that
    // point is what gets drawn.
    let first = row((top / pitch).floor());
    let end = row(((top + height) / pitch).ceil()).max(first);
    first.saturating_sub(overscan)..end.saturating_add(overscan).min(count)
}

/// The height the whole list takes: every row and the gaps between them (none after the
/// last).
pub fn list_extent(count: usize, row_height: f64, gap: f64) -> f64 {
    if count == 0 {
        return 0.0;
    }
    count as f64 * (row_height + gap) - gap
}

/// The rows to draw, in list order: the `window` and, when the keyboard focus is on a row
/// outside it (the page was scrolled away from it), that row and its two neighbours, so that
/// the focus is never lost and Tab / Shift+Tab reach the next and previous rows.
pub fn drawn_rows(window: Range<usize>, focused: Option<usize>, count: usize) -> Vec<usize> {
    let window = window.start.min(count)..window.end.min(count);
    let mut rows: Vec<usize> = window.clone().collect();
    if let Some(f) = focused.filter(|f| *f < count && !window.contains(f)) {
        let near = f.saturating_sub(1)..(f + 2).min(count);
        rows.extend(near.filter(|i| !window.contains(i)));
        rows.sort_unstable();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(top: f64, height: f64) -> ListViewport {
        ListViewport { top, height }
    }

    #[test]
    fn the_rows_under_the_viewport_and_the_overscan_are_drawn() {
        // Rows 100 px apart, a viewport of 900 px scrolled 1,050 px into the list: rows 10
        // (half hidden) to 19 (the 1,950th pixel is its 50th).
        assert_eq!(rows_to_draw(view(1050.0, 900.0), 100.0, 10_000, 0), 10..20);
        assert_eq!(rows_to_draw(view(1050.0, 900.0), 100.0, 10_000, 5), 5..25);
        // Exactly on a row's edge: the row that ends there is not shown, the next one is.
        assert_eq!(rows_to_draw(view(1000.0, 900.0), 100.0, 10_000, 0), 10..19);
        assert_eq!(rows_to_draw(view(1000.0, 1000.0), 100.0, 10_000, 0), 10..20);
    }

    #[test]
    fn a_list_further_down_the_page_draws_its_first_rows() {
        // The list starts 300 px below the viewport's top: rows 0 to 5 are on screen.
        assert_eq!(rows_to_draw(view(-300.0, 900.0), 100.0, 10_000, 0), 0..6);
        assert_eq!(rows_to_draw(view(-300.0, 900.0), 100.0, 10_000, 4), 0..10);
        // Entirely below the viewport: only the overscan, from the first row.
        assert_eq!(rows_to_draw(view(-2000.0, 900.0), 100.0, 10_000, 4), 0..4);
        assert_eq!(rows_to_draw(view(-2000.0, 900.0), 100.0, 10_000, 0), 0..0);
    }

    #[test]
    fn a_list_scrolled_past_keeps_its_last_rows() {
        assert_eq!(
            rows_to_draw(view(1_000_500.0, 900.0), 100.0, 10_000, 4),
            9_996..10_000
        );
        // The end of the list on screen, the page below it too.
        assert_eq!(
            rows_to_draw(view(999_700.0, 900.0), 100.0, 10_000, 4),
            9_993..10_000
        );
    }

    #[test]
    fn short_lists_and_odd_measurements_stay_in_bounds() {
        assert_eq!(rows_to_draw(view(0.0, 900.0), 100.0, 0, 4), 0..0);
        assert_eq!(rows_to_draw(view(0.0, 900.0), 100.0, 3, 4), 0..3);
        assert_eq!(rows_to_draw(view(-50.0, 900.0), 100.0, 1, 0), 0..1);
        // Nothing measured yet (or a row measured as nothing): the first rows.
        assert_eq!(rows_to_draw(view(0.0, 900.0), 0.0, 10_000, 6), 0..12);
        assert_eq!(rows_to_draw(view(0.0, 900.0), f64::NAN, 10_000, 6), 0..12);
        assert_eq!(rows_to_draw(view(0.0, 900.0), -1.0, 5, 6), 0..5);
        assert_eq!(rows_to_draw(view(0.0, 900.0), 0.0, 10_000, 0), 0..1);
        // A broken viewport reading draws the rows at the list's top.
        assert_eq!(rows_to_draw(view(f64::NAN, 900.0), 100.0, 10_000, 2), 0..11);
        assert_eq!(
            rows_to_draw(view(0.0, f64::INFINITY), 100.0, 10_000, 2),
            0..2
        );
        assert_eq!(rows_to_draw(view(0.0, -10.0), 100.0, 10_000, 2), 0..2);
        assert_eq!(rows_to_draw(view(f64::MAX, 900.0), 100.0, 10, 2), 8..10);
        assert_eq!(rows_to_draw(view(f64::MIN, 900.0), 100.0, 10, 2), 0..2);
        assert_eq!(
            rows_to_draw(view(0.0, 900.0), 1e-300, usize::MAX, usize::MAX),
            0..usize::MAX
        );
    }

    #[test]
    fn fractional_pitches_from_zoomed_pages() {
        // 112.8 px rows (a zoomed page), scrolled to row 5,000.
        let r = rows_to_draw(view(5_000.0 * 112.8 + 0.4, 700.0), 112.8, 10_000, 0);
        assert_eq!(r, 5_000..5_007);
    }

    #[test]
    fn every_visible_row_is_drawn_wherever_the_page_is() {
        // Brute force against the definition: a row is visible when its box [i·p, i·p + p)
        // meets the viewport [top, top + height).
        for &pitch in &[37.0, 100.0, 112.8, 180.25] {
            for count in [0usize, 1, 2, 7, 50] {
                let mut top = -1_000.0;
                while top < 50.0 * pitch + 500.0 {
                    for &height in &[0.5, 300.0, 901.0] {
                        let r = rows_to_draw(view(top, height), pitch, count, 0);
                        for i in 0..count {
                            let (a, b) = (i as f64 * pitch, (i + 1) as f64 * pitch);
                            let visible = a < top + height && b > top;
                            assert_eq!(r.contains(&i), visible, "row {i} of {count}, pitch {pitch}, top {top}, height {height}: {r:?}");
                        }
                    }
                    top += pitch / 3.0 + 1.0;
                }
            }
        }
    }

    #[test]
    fn the_list_height_counts_the_gaps_between_rows() {
        assert_eq!(list_extent(0, 100.0, 8.0), 0.0);
        assert_eq!(list_extent(1, 100.0, 8.0), 100.0);
        assert_eq!(list_extent(10_000, 100.0, 8.0), 1_079_992.0);
    }

    #[test]
    fn the_focused_row_stays_drawn_with_its_neighbours() {
        assert_eq!(drawn_rows(10..14, None, 100), vec![10, 11, 12, 13]);
        // Inside the window: nothing added.
        assert_eq!(drawn_rows(10..14, Some(12), 100), vec![10, 11, 12, 13]);
        // Above: the row and its neighbours first (the order of Tab is the document's).
        assert_eq!(
            drawn_rows(10..14, Some(3), 100),
            vec![2, 3, 4, 10, 11, 12, 13]
        );
        // Adjacent to the window: no duplicates.
        assert_eq!(drawn_rows(10..14, Some(9), 100), vec![8, 9, 10, 11, 12, 13]);
        assert_eq!(
            drawn_rows(10..14, Some(14), 100),
            vec![10, 11, 12, 13, 14, 15]
        );
        // At the ends of the list.
        assert_eq!(drawn_rows(10..14, Some(0), 100), vec![0, 1, 10, 11, 12, 13]);
        assert_eq!(
            drawn_rows(10..14, Some(99), 100),
            vec![10, 11, 12, 13, 98, 99]
        );
        // A row that no longer exists (the list got shorter) is not drawn.
        assert_eq!(drawn_rows(0..3, Some(7), 3), vec![0, 1, 2]);
        assert_eq!(drawn_rows(0..9, None, 3), vec![0, 1, 2]);
    }
}
