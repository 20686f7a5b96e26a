"""Funding computations: who committed and spent what, how it moved, and each district's share.

Money stays in whole pence until it is shown; per-child figures are pence per child (a float).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.columns import FUNDING_KINDS
from boardbrief.contract.load import Snapshot
from boardbrief.contract.meeting import Meeting
from boardbrief.formatting import pounds
from boardbrief.sections.tracing import (
    COUNT,
    FIRST_MEETING,
    PER_CHILD,
    SUM,
    Rule,
    RuleSettings,
    SourceRow,
    Trace,
)

LINE_CHANGES = ("new", "changed", "withdrawn", "unchanged")
ATTRIBUTES = ("organisation", "priority_area", "kind", "district")
BELOW_MEDIAN_SHARE = 0.25  # a district this far or more below the county median is flagged
TOTAL_COLUMNS = ["lines", "committed_pence", "spent_pence", "spend_rate"]
CHANGE_COLUMNS = ["committed_change_pence", "spent_change_pence"]


def investment_by_organisation(register: pd.DataFrame, config: BoardConfig) -> pd.DataFrame:
    """Committed and spent per organisation with any lines, largest commitment first.

    Columns: `organisation`, `name`, `type`, `lines`, `committed_pence`, `spent_pence`,
    `spend_rate` (spent / committed, or <NA> when nothing is committed).
    """
    present = [o for o in config.organisation_ids if o in set(register["organisation"])]
    totals = investment_totals(register, "organisation", present)
    totals.insert(1, "name", [config.organisation(o).name for o in totals["organisation"]])
    totals.insert(2, "type", [config.organisation(o).type for o in totals["organisation"]])
    return _largest_first(totals, "name")


def investment_by_type(register: pd.DataFrame, config: BoardConfig) -> pd.DataFrame:
    """Committed and spent per type of organisation with any lines, largest commitment first.

    Columns: `type`, `organisations` (how many of that type have lines), then `TOTAL_COLUMNS`.
    """
    types = register["organisation"].map({o.id: o.type for o in config.organisations})
    typed = register.assign(type=types)
    present = list(dict.fromkeys(o.type for o in config.organisations if o.type in set(types)))
    totals = investment_totals(typed, "type", present)
    organisations = typed.groupby("type")["organisation"].nunique()
    totals.insert(1, "organisations", totals["type"].map(organisations).astype("int64"))
    return _largest_first(totals, "type")


def investment_by_area(register: pd.DataFrame, config: BoardConfig) -> pd.DataFrame:
    """Committed and spent per priority area, every area in board.yml's order, even with none.

    Columns: `priority_area`, `name`, then `TOTAL_COLUMNS`.
    """
    totals = investment_totals(register, "priority_area", list(config.priority_areas))
    totals.insert(1, "name", [config.priority_areas[a] for a in totals["priority_area"]])
    return totals


def investment_by_kind(register: pd.DataFrame) -> pd.DataFrame:
    """Committed and spent per kind (funding, physical resources, staff time), every kind listed.

    Columns: `kind`, then `TOTAL_COLUMNS`.
    """
    return investment_totals(register, "kind", FUNDING_KINDS)


def investment_by_area_and_kind(register: pd.DataFrame, config: BoardConfig) -> pd.DataFrame:
    """Committed per priority area and kind, long format: `priority_area`, `name`, `kind`,
    `committed_pence`; every pair listed (zero where there are no lines), areas in board.yml order.
    """
    index = pd.MultiIndex.from_product(
        [list(config.priority_areas), list(FUNDING_KINDS)], names=["priority_area", "kind"]
    )
    committed = (
        register.groupby(["priority_area", "kind"])["committed_pence"]
        .sum()
        .reindex(index, fill_value=0)
        .astype("int64")
        .reset_index()
    )
    committed.insert(1, "name", committed["priority_area"].map(config.priority_areas))
    return committed


def investment_totals(register: pd.DataFrame, column: str, labels: Sequence[str]) -> pd.DataFrame:
    """Lines, committed, spent and spend rate for each value of `column`, in the order of `labels`.

    Values in `labels` with no lines get zeros (and a spend rate of <NA>).
    """
    totals = (
        register.groupby(column)
        .agg(
            lines=("line_id", "size"),
            committed_pence=("committed_pence", "sum"),
            spent_pence=("spent_pence", "sum"),
        )
        .reindex(list(labels), fill_value=0)
        .astype("int64")
    )
    totals["spend_rate"] = spend_rate(totals["spent_pence"], totals["committed_pence"])
    return totals.rename_axis(column).reset_index()


def with_changes(now: pd.DataFrame, before: pd.DataFrame | None, key: str) -> pd.DataFrame:
    """Add how each row's committed and spent moved since `before` (the same totals, earlier).

    A row missing from `before` counts from zero; a row only in `before` (say, an organisation
    whose lines were all withdrawn) is added at the end with zero totals, so its fall shows. With
    no `before` (a board's first register) the change columns are <NA>: nothing to compare with.
    """
    if before is None:
        result = now.copy()
        for column in CHANGE_COLUMNS:
            result[column] = pd.array([pd.NA] * len(now), dtype="Int64")
        return result
    gone = before[~before[key].isin(now[key])].copy()
    counts = ["lines", "committed_pence", "spent_pence"]
    gone[counts] = 0
    gone["spend_rate"] = pd.array([pd.NA] * len(gone), dtype="Float64")
    result = pd.concat([df for df in (now, gone) if len(df)] or [now], ignore_index=True)
    result[counts] = result[counts].astype("int64")
    result["spend_rate"] = result["spend_rate"].astype("Float64")
    for column in CHANGE_COLUMNS:
        total = column.replace("_change", "")
        earlier = result[key].map(before.set_index(key)[total]).fillna(0)
        result[column] = (result[total] - earlier).astype("Int64")
    return result


def spend_rate(spent: pd.Series, committed: pd.Series) -> pd.Series:
    """Spent as a share of committed; <NA> where nothing is committed."""
    return (spent / committed.where(committed > 0)).astype("Float64")


def register_totals(register: pd.DataFrame) -> dict[str, int | float | None]:
    """Total committed and spent across the register, in pence, and the overall spend rate."""
    committed = int(register["committed_pence"].sum())
    spent = int(register["spent_pence"].sum())
    return {
        "committed_pence": committed,
        "spent_pence": spent,
        "spend_rate": spent / committed if committed else None,
    }


def line_changes(current: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame | None:
    """Each line now and in the previous register, and how it changed.

    `change` is new (not in the previous register), withdrawn (in it, not now), changed (its
    commitment or spend moved, or it is now attributed to a different organisation, priority area,
    kind or district) or unchanged. `moved` names the attributes that changed (e.g.
    `["district"]`); withdrawn lines keep their last known details. None with no previous register.

    Columns: `line_id`, `organisation`, `priority_area`, `kind`, `district`, `description`,
    `previous_<attribute>` for each of `ATTRIBUTES`, `previous_committed_pence`,
    `committed_pence`, `previous_spent_pence`, `spent_pence` (<NA> where the line was absent),
    `committed_change_pence`, `spent_change_pence`, `moved`, `change`; new first, then
    changed, withdrawn and unchanged, each by line id.
    """
    if previous is None:
        return None
    details = ["line_id", *ATTRIBUTES, "description", "committed_pence", "spent_pence"]
    merged = current[details].merge(
        previous[details], on="line_id", how="outer", suffixes=("", "_before"), indicator=True
    )
    for column in details[1:]:
        merged[f"previous_{column}"] = merged.pop(f"{column}_before")
    for column in [*ATTRIBUTES, "description"]:  # withdrawn lines keep their last known details
        merged[column] = merged[column].fillna(merged[f"previous_{column}"])
    for column in ("committed_pence", "spent_pence"):
        for name in (column, f"previous_{column}"):
            merged[name] = merged[name].astype("Int64")
        change = merged[column].fillna(0) - merged[f"previous_{column}"].fillna(0)
        merged[column.replace("_pence", "_change_pence")] = change.astype("Int64")
    both = merged["_merge"] == "both"
    merged["moved"] = [
        [a for a in ATTRIBUTES if row[a] != row[f"previous_{a}"]] if matched else []
        for matched, (_, row) in zip(both, merged.iterrows(), strict=True)
    ]
    money_moved = (merged["committed_change_pence"] != 0) | (merged["spent_change_pence"] != 0)
    merged["change"] = "unchanged"
    merged.loc[both & (money_moved | merged["moved"].map(bool)), "change"] = "changed"
    merged.loc[merged["_merge"] == "left_only", "change"] = "new"
    merged.loc[merged["_merge"] == "right_only", "change"] = "withdrawn"
    merged["order"] = merged["change"].map(LINE_CHANGES.index)
    merged = merged.sort_values(["order", "line_id"], kind="stable")
    columns = [
        "line_id",
        *ATTRIBUTES,
        "description",
        *(f"previous_{a}" for a in ATTRIBUTES),
        "previous_committed_pence",
        "committed_pence",
        "previous_spent_pence",
        "spent_pence",
        *CHANGE_COLUMNS,
        "moved",
        "change",
    ]
    return merged[columns].reset_index(drop=True)


def change_counts(changes: pd.DataFrame) -> dict[str, int]:
    """How many lines were new, changed, withdrawn or unchanged."""
    counts = changes["change"].value_counts()
    return {change: int(counts.get(change, 0)) for change in LINE_CHANGES}


def district_shares(register: pd.DataFrame, config: BoardConfig) -> pd.DataFrame:
    """Committed per child aged 0 to 25 in each district, counting only lines tied to a district.

    Every district in board.yml has a row, even with no lines. `vs_median` is the district's
    per-child figure against the median of all districts' (-0.4 is 40% below);
    `below_median` flags districts more than `BELOW_MEDIAN_SHARE` below it. Sorted from the
    best-funded per child to the worst, then by name. Columns: `district`, `population_0_25`,
    `lines`, `committed_pence`, `spent_pence`, `per_child_pence`, `vs_median`, `below_median`.
    """
    local = register[register["district"] != ""]
    totals = investment_totals(local, "district", config.district_names).drop(columns="spend_rate")
    totals.insert(1, "population_0_25", [d.population_0_25 for d in config.districts])
    totals["per_child_pence"] = totals["committed_pence"] / totals["population_0_25"]
    median = totals["per_child_pence"].median()
    if median > 0:
        totals["vs_median"] = (totals["per_child_pence"] / median - 1).astype("Float64")
    else:  # no district has half the districts' worth of lines: nothing to compare against
        totals["vs_median"] = pd.array([pd.NA] * len(totals), dtype="Float64")
    below = totals["vs_median"] < -BELOW_MEDIAN_SHARE
    totals["below_median"] = below.fillna(False).astype(bool)
    totals = totals.sort_values(
        ["per_child_pence", "district"], ascending=[False, True], kind="stable"
    )
    return totals.reset_index(drop=True)


def spend_over_time(
    registers: dict[dt.date, Snapshot], meetings: Sequence[dt.date]
) -> pd.DataFrame:
    """Committed and spent at each meeting, from the register each meeting used.

    A meeting uses the latest register dated on or before it; meetings with none are left out.
    Columns: `meeting`, `register_date`, `lines`, `committed_pence`, `spent_pence`, `spend_rate`.
    """
    rows = []
    for meeting in meetings:
        earlier = [d for d in registers if d <= meeting]
        if not earlier:
            continue
        used = max(earlier)
        totals = register_totals(registers[used].table)
        rows.append(
            {
                "meeting": meeting,
                "register_date": used,
                "lines": len(registers[used].table),
                "committed_pence": totals["committed_pence"],
                "spent_pence": totals["spent_pence"],
            }
        )
    columns = ["meeting", "register_date", "lines", "committed_pence", "spent_pence"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["spend_rate"] = spend_rate(frame["spent_pence"], frame["committed_pence"])
    return frame


@dataclass(frozen=True)
class FundingStatus:
    """Everything the briefing says about investment at one meeting, computed once.

    Totals tables carry `committed_change_pence` and `spent_change_pence` against the register
    the previous meeting used (<NA> at a board's first meeting).
    """

    config: BoardConfig
    meeting_date: dt.date
    register_date: dt.date
    previous_date: dt.date | None
    previous_register_date: dt.date | None
    register: pd.DataFrame
    totals: dict[str, int | float | None]
    previous_totals: dict[str, int | float | None] | None
    by_organisation: pd.DataFrame
    by_type: pd.DataFrame
    by_area: pd.DataFrame
    by_kind: pd.DataFrame
    by_area_and_kind: pd.DataFrame
    without_lines: list[str]
    lines: pd.DataFrame | None
    districts: pd.DataFrame
    countywide: dict[str, int | float | None]
    over_time: pd.DataFrame

    @property
    def change_counts(self) -> dict[str, int] | None:
        return None if self.lines is None else change_counts(self.lines)

    @property
    def register_updated(self) -> bool:
        """Whether this meeting has a newer register than the previous meeting used."""
        return self.previous_register_date != self.register_date

    @property
    def district_committed_pence(self) -> int:
        return int(self.districts["committed_pence"].sum())

    @property
    def median_per_child_pence(self) -> float:
        return float(self.districts["per_child_pence"].median())

    @property
    def best_district(self) -> pd.Series:
        return self.districts.iloc[0]

    @property
    def worst_district(self) -> pd.Series:
        return self.districts.iloc[-1]

    @property
    def best_to_worst_ratio(self) -> float | None:
        """How many times the best-funded district's per-child figure is the worst's; None when
        the worst has nothing (no ratio can be given) or there is only one district."""
        worst = self.worst_district["per_child_pence"]
        if worst == 0 or len(self.districts) < 2:
            return None
        return float(self.best_district["per_child_pence"] / worst)

    @property
    def flagged_districts(self) -> pd.DataFrame:
        """Districts more than `BELOW_MEDIAN_SHARE` below the median per child, worst first."""
        return self.districts[self.districts["below_median"]].iloc[::-1]


def funding_status(meeting: Meeting) -> FundingStatus:
    """Investment as at a meeting: totals, movement since the last meeting, districts, trend."""
    config = meeting.config
    register = meeting.funding.table
    previous = meeting.previous_funding.table if meeting.previous_funding is not None else None

    by_org = _compared(lambda r: investment_by_organisation(r, config), register, previous)
    by_type = _compared(lambda r: investment_by_type(r, config), register, previous)
    by_area = _compared(lambda r: investment_by_area(r, config), register, previous)
    by_kind = _compared(investment_by_kind, register, previous)
    countywide = register[register["district"] == ""]
    meetings_so_far = [d for d in config.meetings if d <= meeting.date]
    population = sum(d.population_0_25 for d in config.districts)
    countywide_committed = int(countywide["committed_pence"].sum())
    return FundingStatus(
        config=config,
        meeting_date=meeting.date,
        register_date=meeting.funding.date,
        previous_date=meeting.previous_date,
        previous_register_date=(
            meeting.previous_funding.date if meeting.previous_funding is not None else None
        ),
        register=register,
        totals={**register_totals(register), "lines": len(register)},
        previous_totals=(
            None if previous is None else {**register_totals(previous), "lines": len(previous)}
        ),
        by_organisation=by_org,
        by_type=by_type,
        by_area=by_area,
        by_kind=by_kind,
        by_area_and_kind=investment_by_area_and_kind(register, config),
        without_lines=[
            o.name for o in config.organisations if o.id not in set(register["organisation"])
        ],
        lines=line_changes(register, previous),
        districts=district_shares(register, config),
        countywide={
            "lines": len(countywide),
            "committed_pence": countywide_committed,
            "spent_pence": int(countywide["spent_pence"].sum()),
            "per_child_pence": countywide_committed / population,
        },
        over_time=spend_over_time(meeting.data.funding, meetings_so_far),
    )


def funding_figures(status: FundingStatus) -> dict[str, float | int | None]:
    """The funding section's keys in figures.json, money in pounds.

    `funding.committed_gbp` and `funding.spent_gbp` over the whole register, and `funding.lines`
    its number of lines (the summary's "across 78 lines"); committed by kind
    (spaces as underscores: `physical_resources`), by priority area, and by organisation with
    lines now or in the previous register (0 for one whose lines were all withdrawn); committed
    per child aged 0 to 25 for every district (lines tied to it only, to the penny, halves up);
    how many lines were new, changed or withdrawn since the register the previous meeting used
    (None at a board's first meeting: there is nothing to compare with).
    """
    figures: dict[str, float | int | None] = {
        "funding.committed_gbp": pounds(status.totals["committed_pence"]),
        "funding.spent_gbp": pounds(status.totals["spent_pence"]),
        "funding.lines": int(status.totals["lines"]),
    }
    for kind in status.by_kind.itertuples():
        key = kind.kind.replace(" ", "_")
        figures[f"funding.kind.{key}.committed_gbp"] = pounds(int(kind.committed_pence))
    for area in status.by_area.itertuples():
        figures[f"funding.area.{area.priority_area}.committed_gbp"] = pounds(
            int(area.committed_pence)
        )
    for org in status.by_organisation.itertuples():
        figures[f"funding.org.{org.organisation}.committed_gbp"] = pounds(int(org.committed_pence))
    for district in status.districts.itertuples():
        key = f"funding.district.{district.district}.committed_per_child_gbp"
        figures[key] = pounds(round_pence(district.per_child_pence))
    counts = status.change_counts
    for change in ("new", "changed", "withdrawn"):
        figures[f"funding.{change}_lines"] = counts[change] if counts else None
    return figures


def round_pence(value: float) -> int:
    """A fractional amount of pence (say, per child) to the nearest penny, halves up."""
    return int(Decimal(repr(float(value))).quantize(Decimal(1), ROUND_HALF_UP))


def _compared(
    totals_of: Callable[[pd.DataFrame], pd.DataFrame],
    register: pd.DataFrame,
    previous: pd.DataFrame | None,
) -> pd.DataFrame:
    """Totals of the register with their change since the previous one; the key is column 0."""
    now = totals_of(register)
    before = None if previous is None else totals_of(previous)
    return with_changes(now, before, now.columns[0])


def _largest_first(totals: pd.DataFrame, name: str) -> pd.DataFrame:
    ordered = totals.sort_values(["committed_pence", name], ascending=[False, True], kind="stable")
    return ordered.reset_index(drop=True)


# The rules behind `funding_figures`, in the words of docs/counting-rules.md.
REGISTER = "the investment register the meeting uses (the latest dated on or before it)"
COMMITTED_RULE = Rule(
    "funding.committed_gbp", f"Money committed on every line of {REGISTER}.", SUM, "committed_gbp"
)
SPENT_RULE = Rule(
    "funding.spent_gbp", f"Money spent on every line of {REGISTER}.", SUM, "spent_gbp"
)
TOTAL_LINES_RULE = Rule("funding.lines", f"Every line of {REGISTER}.", COUNT)
KIND_RULE = Rule(
    "funding.kind.<kind>.committed_gbp",
    "Money committed on the register's lines of that kind (funding, physical resources, staff "
    "time; the latter two valued in pounds by the organisation giving them).",
    SUM,
    "committed_gbp",
)
AREA_RULE = Rule(
    "funding.area.<area>.committed_gbp",
    "Money committed on the register's lines for that priority area.",
    SUM,
    "committed_gbp",
)
ORGANISATION_RULE = Rule(
    "funding.org.<organisation>.committed_gbp",
    "Money committed on the register's lines of that organisation (0 for one whose lines were "
    "all withdrawn since the previous meeting's register).",
    SUM,
    "committed_gbp",
)
PER_CHILD_RULE = Rule(
    "funding.district.<district>.committed_per_child_gbp",
    "Money committed on the register's lines tied to that district, divided by the district's "
    "population aged 0 to 25 in board.yml, to the penny (halves up). Countywide lines (no "
    "district) count for no district.",
    PER_CHILD,
    "committed_gbp",
)
LINES_RULE = Rule(
    "funding.<change>_lines",
    "Lines compared with the register the previous meeting used, by line id: new (not in it), "
    "changed (committed or spent moved, or organisation, priority area, kind or district "
    "changed), withdrawn (in it, not in this one). None at a board's first meeting.",
    COUNT,
)
FUNDING_RULES = (
    COMMITTED_RULE,
    SPENT_RULE,
    TOTAL_LINES_RULE,
    KIND_RULE,
    AREA_RULE,
    ORGANISATION_RULE,
    PER_CHILD_RULE,
    LINES_RULE,
)


def funding_trace(meeting: Meeting, status: FundingStatus) -> list[Trace]:
    """A `Trace` for every key of `funding_figures`: the register's lines behind each sum."""
    figures = funding_figures(status)
    register, file = meeting.funding.table, meeting.funding.file

    def lines(
        rule: Rule, key: str, where: pd.Series | None = None, settings: RuleSettings | None = None
    ) -> Trace:
        chosen = register if where is None else register[where]
        return Trace(key, figures[key], rule, tuple(_line_rows(chosen, file)), settings or {})

    found = [
        lines(COMMITTED_RULE, "funding.committed_gbp"),
        lines(SPENT_RULE, "funding.spent_gbp"),
        lines(TOTAL_LINES_RULE, "funding.lines"),
    ]
    for kind in status.by_kind["kind"]:
        key = f"funding.kind.{kind.replace(' ', '_')}.committed_gbp"
        found.append(lines(KIND_RULE, key, register["kind"] == kind))
    for area in status.by_area["priority_area"]:
        key = f"funding.area.{area}.committed_gbp"
        found.append(lines(AREA_RULE, key, register["priority_area"] == area))
    for organisation in status.by_organisation["organisation"]:
        key = f"funding.org.{organisation}.committed_gbp"
        found.append(lines(ORGANISATION_RULE, key, register["organisation"] == organisation))
    for district in status.districts.itertuples():
        key = f"funding.district.{district.district}.committed_per_child_gbp"
        population = {"population_0_25": int(district.population_0_25)}
        found.append(
            lines(
                PER_CHILD_RULE, key, register["district"] == district.district, settings=population
            )
        )
    for change in ("new", "changed", "withdrawn"):
        key = f"funding.{change}_lines"
        if status.lines is None or meeting.previous_funding is None:
            found.append(Trace(key, figures[key], LINES_RULE, note=FIRST_MEETING))
            continue
        ids = status.lines.loc[status.lines["change"] == change, ["line_id", "moved"]]
        source = meeting.previous_funding if change == "withdrawn" else meeting.funding
        chosen = source.table[source.table["line_id"].isin(ids["line_id"])]
        moved = ids.set_index("line_id")["moved"]
        rows = [
            SourceRow(r.file, r.row, r.id, {**r.fields, "moved": "; ".join(moved[r.id])})
            for r in _line_rows(chosen, source.file)
        ]
        found.append(Trace(key, figures[key], LINES_RULE, tuple(rows)))
    return found


def _line_rows(lines: pd.DataFrame, file: str) -> list[SourceRow]:
    """Register lines as source rows, money in exact pounds (Decimal, never through a float)."""
    return [
        SourceRow(
            file,
            int(index),
            str(line.line_id),
            {
                "organisation": line.organisation,
                "priority_area": line.priority_area,
                "kind": line.kind,
                "district": line.district,
                "committed_gbp": Decimal(int(line.committed_pence)).scaleb(-2),
                "spent_gbp": Decimal(int(line.spent_pence)).scaleb(-2),
            },
        )
        for index, line in zip(lines.index, lines.itertuples(), strict=True)
    ]
