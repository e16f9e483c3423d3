package dashboard

import (
	"fmt"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
)

// The trend chart: one point a week, the share of the repository's
// stories ready at the end of that day, drawn as an SVG line by the
// server. Its text alternative is the SVG's <title> and <desc> and a table
// of the same figures below it.

// Chart geometry, in SVG user units (the SVG scales to its container).
const (
	chartW, chartH            = 560, 200
	padLeft, padRight         = 44, 16
	padTop, padBottom         = 12, 28
	plotW                     = chartW - padLeft - padRight
	plotH                     = chartH - padTop - padBottom
	pointRadius       float64 = 4
)

// point is one week of the trend.
type point struct {
	Day          time.Time
	Ready, Total int
	Percent      int
}

// Chart is what the template draws.
type Chart struct {
	// ID prefixes the ids of the title and description.
	ID                                   string
	W, H, PadLeft, PlotRight, PlotBottom int
	// GridLabelX and AxisLabelY place the axes' labels.
	GridLabelX, AxisLabelY int
	Title, Desc            string
	// Path is the line through the points ("M x y L x y …"); empty with
	// fewer than two points. Area closes it down to the axis.
	Path, Area string
	// Last labels the newest point with its share.
	Last   ChartPoint
	Points []ChartPoint
	Grid   []GridLine
	Empty  bool
}

// ChartPoint is one point, with its label on the x axis and its row in
// the table.
type ChartPoint struct {
	X, Y         float64
	R            float64
	Label, Value string
	ReadyText    string
	// Tip is the point's own title: "05/12 : 62 %".
	Tip string
}

// GridLine is a horizontal line at a share, with its label.
type GridLine struct {
	Y     float64
	Label string
}

// weeklyPoints takes, for each of the weeks days ending at now (one a
// week, oldest first), the repository's figures of the last day recorded
// on or before it. Weeks before the first record have no point.
func weeklyPoints(hist []core.ReadinessDay, now time.Time, weeks int) []point {
	end := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var out []point
	for i := weeks - 1; i >= 0; i-- {
		at := end.AddDate(0, 0, -7*i)
		var last *core.ReadinessDay
		for j := range hist {
			if !hist[j].Day.After(at) && (last == nil || hist[j].Day.After(last.Day)) {
				last = &hist[j]
			}
		}
		if last == nil || last.Total == 0 {
			continue
		}
		out = append(out, point{Day: at, Ready: last.Ready, Total: last.Total, Percent: percent(last.Ready, last.Total)})
	}
	return out
}

func trend(w words, t *texts, repo string, hist []core.ReadinessDay, now time.Time, weeks int) Chart {
	c := Chart{W: chartW, H: chartH, PadLeft: padLeft, PlotRight: padLeft + plotW, PlotBottom: padTop + plotH,
		GridLabelX: padLeft - 6, AxisLabelY: padTop + plotH + 18,
		Title: fmt.Sprintf(t.ChartTitle, repo)}
	for _, share := range []int{0, 25, 50, 75, 100} {
		c.Grid = append(c.Grid, GridLine{Y: yOf(share), Label: w.percent(share)})
	}
	pts := weeklyPoints(hist, now, weeks)
	if len(pts) == 0 {
		c.Empty, c.Desc = true, t.NoTrend
		return c
	}
	// Slots are the weeks, so a gap before the first record shows as one.
	end := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var path strings.Builder
	for i, p := range pts {
		slot := weeks - 1 - int(end.Sub(p.Day).Hours()/(24*7))
		x := float64(padLeft)
		if weeks > 1 {
			x += float64(plotW) * float64(slot) / float64(weeks-1)
		}
		y := yOf(p.Percent)
		if i == 0 {
			fmt.Fprintf(&path, "M%.1f %.1f", x, y)
		} else {
			fmt.Fprintf(&path, " L%.1f %.1f", x, y)
		}
		c.Points = append(c.Points, ChartPoint{X: x, Y: y, R: pointRadius, Label: w.day(p.Day),
			Value: w.percent(p.Percent), ReadyText: w.readyOf(p.Ready, p.Total), Tip: w.tip(p)})
	}
	if len(pts) > 1 {
		c.Path = path.String()
		first, last := c.Points[0], c.Points[len(c.Points)-1]
		c.Area = fmt.Sprintf("%s L%.1f %d L%.1f %d Z", c.Path, last.X, c.PlotBottom, first.X, c.PlotBottom)
	}
	c.Last = c.Points[len(c.Points)-1]
	// The label sits above its point, or below it near the top.
	c.Last.Y -= 10
	if c.Last.Y < float64(padTop)+8 {
		c.Last.Y += 26
	}
	c.Desc = w.trendDesc(pts[0], pts[len(pts)-1])
	return c
}

// yOf is the height of a share in the plot.
func yOf(share int) float64 {
	return float64(padTop) + float64(plotH)*(1-float64(share)/100)
}
