"""The scorecard's charts: a sparkline per measure, and an exception report's trajectory chart.

A sparkline is a few lines of hand-written SVG (no axes, nothing to read but the shape), always
shown with a text alternative giving its values. The exception chart draws the reported values
over the trajectory the measure should follow (baseline, milestones, target) with its tolerance
band, so a board sees how far behind a measure is and since when; each line has its own style
and a label, so colour is never the only carrier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from boardbrief.charts.base import INK, OKABE_ITO, chart_theme, new_figure, to_svg

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 96, 24, 3
MUTED = "#505a5f"
BAND = "#e8e8e8"


def sparkline(values: Sequence[float]) -> str:
    """A small SVG line of `values` in order, with the last one marked by a dot."""
    width, height, pad = SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (width - 2 * pad) / max(len(values) - 1, 1)

    def point(position: int, value: float) -> tuple[float, float]:
        x = pad + step * position if len(values) > 1 else width / 2
        y = height - pad - (value - low) / span * (height - 2 * pad)
        if high == low:
            y = height / 2
        return round(x, 1), round(y, 1)

    points = [point(i, v) for i, v in enumerate(values)]
    path = " ".join(f"{x},{y}" for x, y in points)
    last_x, last_y = points[-1]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f'<polyline points="{path}" fill="none" stroke="{INK}" stroke-width="1.5" '
        'stroke-linejoin="round" stroke-linecap="round"/>'
        f'<circle cx="{last_x}" cy="{last_y}" r="2.5" fill="{INK}"/></svg>'
    )


def trajectory_chart(
    reported: Sequence[tuple[dt.date, float, bool]],
    trajectory: Sequence[tuple[dt.date, float]],
    tolerance: float,
    polarity: str,
    unit: str,
    show: Callable[[float], str],
) -> str:
    """One measure's reported values over its trajectory and tolerance band.

    `reported` is (period end, value, provisional) oldest first; `trajectory` the baseline,
    milestones and target; `tolerance` how far behind is still amber, drawn as a band on the
    worse side of the trajectory. Provisional values are drawn hollow.
    """
    import matplotlib
    import matplotlib.dates as mdates

    with matplotlib.rc_context(chart_theme()):
        figure = new_figure(width=8, height=3.2)
        axis = figure.add_subplot()
        days = [d for d, _ in trajectory]
        expected = [v for _, v in trajectory]
        worse = [v - tolerance if polarity == "higher" else v + tolerance for v in expected]
        axis.fill_between(days, expected, worse, color=BAND, linewidth=0, label="Within tolerance")
        axis.plot(
            days,
            expected,
            color=MUTED,
            linestyle="--",
            linewidth=1.4,
            marker="D",
            markersize=4,
            label="Trajectory (baseline, milestones, target)",
        )
        target_day, target = trajectory[-1]
        axis.annotate(
            f"target {show(target)}",
            (target_day, target),
            xytext=(-4, 8),
            textcoords="offset points",
            ha="right",
            fontsize=8,
            color=MUTED,
        )
        colour = OKABE_ITO["blue"]
        axis.plot(
            [d for d, _, _ in reported],
            [v for _, v, _ in reported],
            color=colour,
            linewidth=2,
            label="Reported",
        )
        for day, value, provisional in reported:
            axis.plot(
                day,
                value,
                marker="o",
                markersize=4.5,
                color=colour,
                markerfacecolor="white" if provisional else colour,
            )
        last_day, last_value, _ = reported[-1]
        axis.annotate(
            show(last_value),
            (last_day, last_value),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            fontsize=8.5,
            fontweight="bold",
            color=colour,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
        )
        values = [v for _, v, _ in reported] + expected + worse
        top = max(values) * 1.12
        axis.set_ylim(0, 100 if unit == "percent" and top > 90 else top)
        axis.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(3, 9)))
        axis.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        axis.tick_params(axis="x", labelsize=8)
        axis.set_ylabel("%" if unit == "percent" else "")
        figure.legend(loc="outside lower center", ncols=3, frameon=False, fontsize=8)
        return to_svg(figure)
