//! Plane geometry for the diagram: points, rectangles, the outlines of the SOP-AP symbols and
//! the exact segment–rectangle test the layout rules are checked with.
//!
//! SVG user units, y grows downwards. Arithmetic that decides a crossing is done in `f64` so
//! that a segment running exactly along a border is never mistaken for one entering it.

use serde::Serialize;

/// How close a point must be to an outline to count as "on the border".
pub const BORDER_TOLERANCE: f32 = 0.01;

/// Share of an off-page connector's height taken by its rectangular body; the rest is the
/// tip that points down (the SOP-AP pentagon).
pub const OFF_PAGE_BODY: f32 = 0.6;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }
}

/// An axis-aligned rectangle (also every bounding box of the layout).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub const fn new(x: f32, y: f32, width: f32, height: f32) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// Closed containment: the border counts as inside.
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }

    /// The rectangle grown by `margin` on every side (shrunk when negative).
    pub fn inflate(&self, margin: f32) -> Rect {
        Rect::new(
            self.x - margin,
            self.y - margin,
            self.width + 2.0 * margin,
            self.height + 2.0 * margin,
        )
    }

    /// Whether the open interiors overlap. Rectangles that only share a border do not.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether two rectangles come closer than `margin` (their interiors, each grown by half
    /// the margin, overlap): symbols must keep that far apart.
    pub fn too_close(&self, other: &Rect, margin: f32) -> bool {
        self.inflate(margin / 2.0)
            .overlaps(&other.inflate(margin / 2.0))
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect::new(
            x,
            y,
            self.right().max(other.right()) - x,
            self.bottom().max(other.bottom()) - y,
        )
    }

    /// Whether the segment `a`–`b` passes through the open interior of the rectangle.
    /// Exact (Liang–Barsky clipping in `f64`): a segment along the border or touching a
    /// corner does not cross.
    pub fn segment_crosses_interior(&self, a: Point, b: Point) -> bool {
        let (ax, ay) = (f64::from(a.x), f64::from(a.y));
        let (dx, dy) = (f64::from(b.x) - ax, f64::from(b.y) - ay);
        let (left, top) = (f64::from(self.x), f64::from(self.y));
        let (right, bottom) = (left + f64::from(self.width), top + f64::from(self.height));
        let mut t0 = 0.0_f64;
        let mut t1 = 1.0_f64;
        for (p, q) in [
            (-dx, ax - left),
            (dx, right - ax),
            (-dy, ay - top),
            (dy, bottom - ay),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    if t > t1 {
                        return false;
                    }
                    t0 = t0.max(t);
                } else {
                    if t < t0 {
                        return false;
                    }
                    t1 = t1.min(t);
                }
            }
        }
        // The clipped part is a segment inside the closed rectangle; by convexity it reaches
        // the interior iff its midpoint does.
        let t = (t0 + t1) / 2.0;
        let (mx, my) = (ax + t * dx, ay + t * dy);
        mx > left && mx < right && my > top && my < bottom
    }
}

/// The symbols of the SOP-AP notation (PermenPAN-RB 35/2012).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapeKind {
    /// Rounded rectangle with half-circle ends: the first and last step, and "Selesai
    /// (ditolak)".
    Terminator,
    /// Rectangle: an ordinary step.
    Process,
    /// Diamond: a step that asks a yes/no question.
    Decision,
    /// Pentagon pointing down: the flow continues on another page.
    OffPage,
}

/// A symbol's outline at a position: everything the layout and its checks ask of a shape's
/// geometry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outline {
    pub kind: ShapeKind,
    pub rect: Rect,
}

impl Outline {
    pub fn new(kind: ShapeKind, rect: Rect) -> Outline {
        Outline { kind, rect }
    }

    fn center(&self) -> Point {
        self.rect.center()
    }

    /// Radius of the terminator's ends and the half-lengths of its straight parts.
    fn stadium(&self) -> (f32, f32, f32) {
        let r = self.rect.width.min(self.rect.height) / 2.0;
        (r, self.rect.width / 2.0 - r, self.rect.height / 2.0 - r)
    }

    fn tip_top(&self) -> f32 {
        self.rect.y + self.rect.height * OFF_PAGE_BODY
    }

    /// Distance from `p` to the outline: positive inside, negative outside (exact inside
    /// and near the border, only its sign is meaningful far outside).
    pub fn signed_distance(&self, p: Point) -> f32 {
        let r = &self.rect;
        let c = self.center();
        match self.kind {
            ShapeKind::Process => (p.x - r.x)
                .min(r.right() - p.x)
                .min(p.y - r.y)
                .min(r.bottom() - p.y),
            ShapeKind::Terminator => {
                let (radius, sx, sy) = self.stadium();
                let qx = (p.x - c.x).abs() - sx;
                let qy = (p.y - c.y).abs() - sy;
                let outside = qx.max(0.0).hypot(qy.max(0.0));
                let inside = qx.max(qy).min(0.0);
                radius - (outside + inside)
            }
            ShapeKind::Decision => {
                let a = r.width / 2.0;
                let b = r.height / 2.0;
                let level = 1.0 - (p.x - c.x).abs() / a - (p.y - c.y).abs() / b;
                level * a * b / a.hypot(b)
            }
            ShapeKind::OffPage => {
                let box_distance = (p.x - r.x).min(r.right() - p.x).min(p.y - r.y);
                // The tip's two edges run from the body's lower corners to the point.
                let tip = Point::new(c.x, r.bottom());
                let left = half_plane_distance(Point::new(r.x, self.tip_top()), tip, c, p);
                let right = half_plane_distance(Point::new(r.right(), self.tip_top()), tip, c, p);
                box_distance.min(left).min(right)
            }
        }
    }

    /// Inside or on the border.
    pub fn contains(&self, p: Point) -> bool {
        self.signed_distance(p) >= -BORDER_TOLERANCE
    }

    /// On the border (within `BORDER_TOLERANCE`).
    pub fn border_contains(&self, p: Point) -> bool {
        self.signed_distance(p).abs() <= BORDER_TOLERANCE
    }

    /// Strictly inside, farther than `BORDER_TOLERANCE` from the border.
    pub fn interior_contains(&self, p: Point) -> bool {
        self.signed_distance(p) > BORDER_TOLERANCE
    }

    /// Half the outline's width at height `y` (0 outside its vertical extent). The outlines
    /// are convex and symmetric about their centre line, so this says all about a row.
    pub fn half_width_at(&self, y: f32) -> f32 {
        let r = &self.rect;
        if y < r.y || y > r.bottom() {
            return 0.0;
        }
        let c = self.center();
        match self.kind {
            ShapeKind::Process => r.width / 2.0,
            ShapeKind::Terminator => {
                let (radius, sx, sy) = self.stadium();
                let dy = ((y - c.y).abs() - sy).max(0.0);
                sx + (radius * radius - dy * dy).max(0.0).sqrt()
            }
            ShapeKind::Decision => {
                let b = r.height / 2.0;
                (r.width / 2.0 * (1.0 - (y - c.y).abs() / b)).max(0.0)
            }
            ShapeKind::OffPage => {
                let tip_top = self.tip_top();
                if y <= tip_top {
                    r.width / 2.0
                } else {
                    r.width / 2.0 * (1.0 - (y - tip_top) / (r.bottom() - tip_top))
                }
            }
        }
    }

    /// Where a vertical line at `x` coming from above first meets the outline.
    pub fn top_at(&self, x: f32) -> Option<f32> {
        let r = &self.rect;
        if x < r.x || x > r.right() {
            return None;
        }
        let c = self.center();
        match self.kind {
            ShapeKind::Process | ShapeKind::OffPage => Some(r.y),
            ShapeKind::Terminator => {
                let (radius, sx, sy) = self.stadium();
                let dx = ((x - c.x).abs() - sx).max(0.0);
                Some(c.y - sy - (radius * radius - dx * dx).max(0.0).sqrt())
            }
            ShapeKind::Decision => {
                let a = r.width / 2.0;
                Some(c.y - r.height / 2.0 * (1.0 - (x - c.x).abs() / a))
            }
        }
    }

    /// The vertical centre of the label block: the body of an off-page connector, the middle
    /// of every other symbol.
    pub fn label_center_y(&self) -> f32 {
        match self.kind {
            ShapeKind::OffPage => self.rect.y + self.rect.height * OFF_PAGE_BODY / 2.0,
            _ => self.center().y,
        }
    }

    /// Room for one line of text centred at height `y` on the centre line, `line_height`
    /// tall, keeping `padding` from the outline on both sides.
    pub fn inner_width_at(&self, y: f32, line_height: f32, padding: f32) -> f32 {
        let half = self
            .half_width_at(y - line_height / 2.0)
            .min(self.half_width_at(y + line_height / 2.0));
        2.0 * (half - padding)
    }

    /// Room for the label block's height.
    pub fn inner_height(&self, padding: f32) -> f32 {
        let body = match self.kind {
            ShapeKind::OffPage => self.rect.height * OFF_PAGE_BODY,
            _ => self.rect.height,
        };
        body - 2.0 * padding
    }
}

/// Signed distance from `p` to the line through `a` and `b`, positive on the side of `inner`.
fn half_plane_distance(a: Point, b: Point, inner: Point, p: Point) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length = dx.hypot(dy);
    let cross = |q: Point| (dx * (q.y - a.y) - dy * (q.x - a.x)) / length;
    let sign = if cross(inner) >= 0.0 { 1.0 } else { -1.0 };
    sign * cross(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_rectangle_crossing() {
        let r = Rect::new(10.0, 10.0, 20.0, 10.0);
        let check = |a: (f32, f32), b: (f32, f32), expect: bool| {
            let got = r.segment_crosses_interior(Point::new(a.0, a.1), Point::new(b.0, b.1));
            assert_eq!(got, expect, "{a:?}–{b:?}");
        };
        check((0.0, 15.0), (40.0, 15.0), true); // straight through
        check((0.0, 10.0), (40.0, 10.0), false); // along the top border
        check((30.0, 0.0), (30.0, 40.0), false); // along the right border
        check((0.0, 15.0), (10.0, 15.0), false); // ends on the border
        check((0.0, 15.0), (10.5, 15.0), true); // pokes in
        check((15.0, 12.0), (16.0, 12.0), true); // wholly inside
        check((0.0, 0.0), (10.0, 10.0), false); // touches a corner
        check((0.0, 0.0), (40.0, 40.0), true); // diagonal through
        check((0.0, 25.0), (40.0, 25.0), false); // below
    }

    #[test]
    fn outlines_borders_and_widths() {
        let rect = Rect::new(0.0, 0.0, 100.0, 40.0);
        let diamond = Outline::new(ShapeKind::Decision, rect);
        assert!(diamond.border_contains(Point::new(50.0, 0.0)));
        assert!(diamond.border_contains(Point::new(100.0, 20.0)));
        assert!(diamond.border_contains(Point::new(75.0, 10.0)));
        assert!(!diamond.contains(Point::new(5.0, 5.0)));
        assert!(diamond.interior_contains(Point::new(50.0, 20.0)));
        assert_eq!(diamond.half_width_at(10.0), 25.0);
        assert_eq!(diamond.top_at(75.0), Some(10.0));

        let stadium = Outline::new(ShapeKind::Terminator, rect);
        assert!(stadium.border_contains(Point::new(0.0, 20.0)));
        assert!(stadium.border_contains(Point::new(50.0, 40.0)));
        assert!(!stadium.contains(Point::new(1.0, 1.0)));
        assert_eq!(stadium.half_width_at(20.0), 50.0);
        assert_eq!(stadium.half_width_at(0.0), 30.0);
        assert_eq!(stadium.top_at(50.0), Some(0.0));

        let pentagon = Outline::new(ShapeKind::OffPage, Rect::new(0.0, 0.0, 20.0, 30.0));
        assert!(pentagon.border_contains(Point::new(10.0, 30.0)));
        assert!(pentagon.border_contains(Point::new(10.0, 0.0)));
        assert!(!pentagon.contains(Point::new(1.0, 29.0)));
        assert!(pentagon.interior_contains(Point::new(10.0, 25.0)));
        assert_eq!(pentagon.half_width_at(24.0), 5.0);
    }
}
