"""The impact chart: one measure over every published period, as small multiples.

One panel each for the area, its region and England; each panel draws its own place in colour
with its own marker and the other two in light grey for context, so no panel needs a legend and
colour is never the only carrier (the panel's title names the place). A year with no published
figure is a gap in the line, labelled with the file's symbol; a figure flagged for checking is
ringed and labelled "check". Colours are Okabe-Ito, distinct for colour-blind readers.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import pandas as pd

from boardbrief.charts.base import CONTEXT, INK, MUTED, OKABE_ITO, chart_theme, new_figure, to_svg

PLACE_STYLES = {  # colour and marker for each geography
    "area": (OKABE_ITO["blue"], "o"),
    "region": (OKABE_ITO["vermilion"], "s"),
    "england": (INK, "D"),
}


def measure_chart(
    series: pd.DataFrame,
    places: dict[str, str],
    unit: str,
    flagged: Sequence[tuple[str, str]] = (),
    target: float | None = None,
    show: object = str,
) -> str:
    """Three panels (area, region, England) of one measure across every period in the file.

    `series` is the reader's table: `period_label`, then a value (NaN when missing) and a
    `<geography>_note` per geography. `places` names each geography. `flagged` lists
    (geography, period label) pairs to ring. `show` formats a value for the direct labels.
    """
    import seaborn.objects as so

    labels = list(series["period_label"])
    long = _long(series, places)
    figure = new_figure(width=9, height=3.3)
    order = list(places.values())
    plot = (
        so.Plot(long, x="position", y="value")
        .facet(col="panel", order=order)
        .add(so.Path(color=CONTEXT, linewidth=1.2), group="line", data=long[~long["own"]])
        .add(so.Path(linewidth=2.2), color="line", data=long[long["own"]], legend=False)
        .add(so.Dot(pointsize=5), color="line", marker="line", data=long[long["own"]], legend=False)
        .scale(
            color=so.Nominal({places[g]: PLACE_STYLES[g][0] for g in places}),
            marker=so.Nominal({places[g]: PLACE_STYLES[g][1] for g in places}),
        )
        .label(x="", y="%" if unit == "percent" else "", title="{}".format)
        .theme(chart_theme())
        .on(figure)
    )
    with warnings.catch_warnings():  # seaborn's own pandas deprecations are not ours to act on
        warnings.filterwarnings("ignore", module="seaborn")
        plot.plot()
    top = 100.0 if unit == "percent" else float(long["value"].max() or 1) * 1.15
    for axis, (geography, place) in zip(figure.axes, places.items(), strict=True):
        _decorate(axis, series, geography, labels, top, show)
        for flagged_geography, period in flagged:
            if flagged_geography == geography and period in labels:
                position = labels.index(period)
                value = float(series[geography].iloc[position])
                axis.plot(
                    position,
                    value,
                    marker="o",
                    markersize=13,
                    markerfacecolor="none",
                    markeredgecolor=INK,
                    markeredgewidth=1.3,
                    zorder=4,
                )
                axis.annotate(
                    "check",
                    (position, value),
                    xytext=(0, -17),
                    textcoords="offset points",
                    ha="center",
                    va="top",
                    fontsize=8,
                    fontweight="bold",
                    color=INK,
                )
        if target is not None:
            axis.axhline(target, color=MUTED, linestyle="--", linewidth=1, zorder=1.5)
            axis.annotate(
                f"target {show(target)}",
                (0, target),
                xytext=(0, 3),
                textcoords="offset points",
                fontsize=7.5,
                color=MUTED,
            )
        axis.set_title(place)
    return to_svg(figure)


def _long(series: pd.DataFrame, places: dict[str, str]) -> pd.DataFrame:
    """Every place's line in every panel, marked as the panel's own line or context."""
    frames = []
    for panel in places:
        for geography, place in places.items():
            frames.append(
                pd.DataFrame(
                    {
                        "panel": places[panel],
                        "line": place,
                        "own": panel == geography,
                        "position": range(len(series)),
                        "value": series[geography].to_numpy(),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def _decorate(
    axis: object, series: pd.DataFrame, geography: str, labels: list[str], top: float, show: object
) -> None:
    colour = PLACE_STYLES[geography][0]
    values = series[geography]
    axis.set_ylim(0, top * 1.08)
    axis.set_xlim(-0.6, len(labels) - 0.4)
    ticks = list(range(len(labels)))
    axis.set_xticks(ticks, [label if i % 2 == 0 else "" for i, label in enumerate(labels)])
    axis.tick_params(axis="x", labelsize=8)
    for position, (value, note) in enumerate(zip(values, series[f"{geography}_note"], strict=True)):
        if pd.isna(value):
            axis.annotate(
                note if len(note) <= 3 else "\u2013",
                (position, 0),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
                fontstyle="italic",
                color=MUTED,
            )
    present = values.dropna()
    if not present.empty:
        last = present.index[-1]
        axis.annotate(
            show(float(present[last])),
            (last, float(present[last])),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8.5,
            fontweight="bold",
            color=colour,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
        )
