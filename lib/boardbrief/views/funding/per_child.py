"""Does every district get its share: investment per child aged 0 to 25, against the median."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from boardbrief.charts.base import Chart
from boardbrief.charts.funding import per_child_chart
from boardbrief.formatting import (
    count,
    gbp_exact,
    long_date,
    percent,
    plural,
)
from boardbrief.present import Column, Row, Table
from boardbrief.sections.funding import BELOW_MEDIAN_SHARE, FundingStatus, round_pence
from boardbrief.views.wording import agree, and_list, first_upper, with_verb

FLAG_WORDS = f"more than {round(BELOW_MEDIAN_SHARE * 100)}% below the median"


def investment_per_child(funds: FundingStatus) -> Table:
    """Committed per child in each district, best-funded first, with low districts flagged."""
    districts = funds.districts
    median = funds.median_per_child_pence
    rows = [
        Row(
            [
                r.district,
                count(r.population_0_25),
                count(r.lines),
                gbp_exact(r.committed_pence),
                gbp_per_child(r.per_child_pence),
                _against_median(r.vs_median),
                first_upper(FLAG_WORDS) if r.below_median else "",
            ]
        )
        for r in districts.itertuples()
    ]
    population = int(districts["population_0_25"].sum())
    local = funds.district_committed_pence
    rows.append(
        Row(
            [
                "All districts",
                count(population),
                count(int(districts["lines"].sum())),
                gbp_exact(local),
                gbp_per_child(local / population),
                "",
                "",
            ],
            total=True,
        )
    )
    county = funds.countywide
    rows.append(
        Row(
            [
                "Countywide lines (not tied to a district, not counted above)",
                count(population),
                count(county["lines"]),
                gbp_exact(county["committed_pence"]),
                gbp_per_child(county["per_child_pence"]),
                "",
                "",
            ]
        )
    )
    flagged = funds.flagged_districts
    threshold = median * (1 - BELOW_MEDIAN_SHARE)
    lead = f"The median district has {gbp_per_child(median)} committed per child. " + (
        f"{with_verb(len(flagged), 'district', verb='is', plural_verb='are')} {FLAG_WORDS} "
        f"(under {gbp_per_child(threshold)} per child)"
        + (f": {and_list(list(flagged['district']))}." if len(flagged) else ".")
    )
    return Table(
        caption=(
            f"Committed per child and young person aged 0 to 25, by district, as at "
            f"{long_date(funds.register_date)}"
        ),
        columns=[
            Column("District"),
            Column("Population 0 to 25", "num"),
            Column("Lines", "num"),
            Column("Committed", "num"),
            Column("Per child", "num"),
            Column("Against median", "num"),
            Column("Flag"),
        ],
        rows=rows,
        lead=lead,
        notes=[
            "Per child: committed on lines tied to the district, divided by its population aged "
            "0 to 25 (board.yml).",
            "Countywide lines serve every district and are not shared out; their per-child figure "
            "is over the whole county's population.",
            _ratio_note(funds),
        ],
    )


def investment_per_child_chart(funds: FundingStatus) -> Chart:
    """Committed per child by district, sorted, with the median and the flag threshold marked."""
    districts = funds.districts
    median = funds.median_per_child_pence
    threshold = median * (1 - BELOW_MEDIAN_SHARE)
    labelled = districts.assign(
        label=[
            gbp_per_child(r.per_child_pence) + (f"  {FLAG_WORDS}" if r.below_median else "")
            for r in districts.itertuples()
        ]
    )
    svg = per_child_chart(
        labelled,
        median=(median, f"Median {gbp_per_child(median)}"),
        threshold=(threshold, f"{first_upper(FLAG_WORDS)}: under {gbp_per_child(threshold)}"),
    )
    rows = [
        Row(
            [
                r.district,
                gbp_per_child(r.per_child_pence),
                _against_median(r.vs_median),
                "Yes" if r.below_median else "No",
            ]
        )
        for r in districts.itertuples()
    ]
    best, worst = funds.best_district, funds.worst_district
    flagged = list(funds.flagged_districts["district"])
    alt = (
        f"Horizontal bars of committed investment per child aged 0 to 25 in each district, "
        f"highest first, with the median of {gbp_per_child(median)} marked. {best['district']} "
        f"has the most ({gbp_per_child(best['per_child_pence'])}) and {worst['district']} the "
        f"least ({gbp_per_child(worst['per_child_pence'])}). "
        + (
            f"{and_list(flagged)} {agree(len(flagged), 'is', 'are')} {FLAG_WORDS}."
            if flagged
            else f"No district is {FLAG_WORDS}."
        )
    )
    return Chart(
        svg=svg,
        alt=alt,
        caption=(
            "Committed per child aged 0 to 25 by district, counting only lines tied to a "
            "district; orange bars are flagged"
        ),
        data=Table(
            caption="Committed per child by district",
            columns=[
                Column("District"),
                Column("Per child", "num"),
                Column("Against median", "num"),
                Column("Flagged", "left"),
            ],
            rows=rows,
        ),
    )


def gbp_per_child(pence: float) -> str:
    """Money per child, always to the penny: '£21.42', '£0.63', '£53.00'."""
    pounds, remainder = divmod(round_pence(pence), 100)
    return f"£{pounds:,}.{remainder:02d}"


def flagged_sentence(funds: FundingStatus) -> str:
    """Which districts get markedly less per child than the median (the equal-access pledge)."""
    flagged = funds.flagged_districts
    median = gbp_per_child(funds.median_per_child_pence)
    if not len(flagged):
        return f"No district is {FLAG_WORDS} of {median}."
    return (
        f"{count(len(flagged))} of {plural(len(funds.districts), 'district')} "
        f"{agree(len(flagged), 'is', 'are')} {FLAG_WORDS} of {median} per child: "
        f"{and_list(list(flagged['district']))}."
    )


def _against_median(share: object) -> str:
    if pd.isna(share):
        return "\u2013"
    text = percent(abs(float(share)))
    if text == "0%":
        return "at the median"
    return f"{text} {'above' if share > 0 else 'below'}"


def _ratio_note(funds: FundingStatus) -> str:
    ratio = funds.best_to_worst_ratio
    best, worst = funds.best_district, funds.worst_district
    if ratio is None:
        return (
            f"Best to worst: no ratio can be given, as {worst['district']} has nothing committed "
            "on lines of its own."
        )
    return (
        f"Best to worst: {best['district']} has {times(ratio)} as much per child as "
        f"{worst['district']}."
    )


def times(ratio: float) -> str:
    value = Decimal(repr(ratio)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{value} times"
