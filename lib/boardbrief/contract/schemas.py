"""The data contract for each table as pandera schemas, and their failures as plain problems.

Tables arrive as text (see `read_tables`), so every check here is about what the text must look
like; conversion to dates and pence happens only after a table has passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import pandas as pd
import pandera.pandas as pa

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.columns import (
    FUNDING_KINDS,
    RATINGS,
    RESPONDENTS,
    RISK_STATUSES,
    YES_NO,
)
from boardbrief.contract.problems import Problem
from boardbrief.ratings import RAG_EXPECTED, RAG_SPELLINGS, normalise_rag

# Up to £999,999,999,999.99: far beyond any register, and safe from int64 overflow when summed.
MONEY_PATTERN = r"-?\s*£?\s*-?([0-9]{1,3}(,[0-9]{3}){0,3}|[0-9]{1,12})(\.[0-9]{1,2})?"
DATE_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
# A comment is a few sentences; this is room for several pages, and refuses pasted documents.
MAX_COMMENT_CHARACTERS = 20_000
SPENT_WITHIN_COMMITTED = "spent_gbp no greater than committed_gbp on the same row"


def actions_schema(
    config: BoardConfig, snapshot_date: dt.date, theme_ids: list[str] | None = None
) -> pa.DataFrameSchema:
    """What an action-plan snapshot dated `snapshot_date` must contain.

    `theme_ids` are the codebook's, which the optional `responds_to` column names; None when
    the codebook is broken (its own problems are reported) or not given.
    """
    responds_to_checks = [] if theme_ids is None else [_theme_list(theme_ids)]
    return pa.DataFrameSchema(
        {
            "action_id": pa.Column(checks=[_filled()], unique=True),
            "priority_area": pa.Column(checks=_known(config.priority_areas, "a priority area id")),
            "title": pa.Column(checks=[_filled()]),
            "owner": pa.Column(checks=_known(config.organisation_ids, "an organisation id")),
            "due_date": pa.Column(checks=[_filled(), _iso_date()]),
            "rag": pa.Column(checks=_known(RAG_SPELLINGS, RAG_EXPECTED)),
            "last_updated": pa.Column(
                checks=[_filled(), _iso_date(), _not_after(snapshot_date, "the snapshot's date")]
            ),
            "pledge": pa.Column(
                checks=[_one_of(config.pledges, "a pledge id from board.yml, or blank")],
                required=False,
            ),
            "responds_to": pa.Column(checks=responds_to_checks, required=False),
            "revised_due_date": pa.Column(checks=[_iso_date()], required=False),
        }
    )


def funding_schema(config: BoardConfig) -> pa.DataFrameSchema:
    """What an investment register must contain."""
    return pa.DataFrameSchema(
        {
            "line_id": pa.Column(checks=[_filled()], unique=True),
            "organisation": pa.Column(checks=_known(config.organisation_ids, "an organisation id")),
            "priority_area": pa.Column(checks=_known(config.priority_areas, "a priority area id")),
            "kind": pa.Column(
                checks=_known(FUNDING_KINDS, "funding, physical resources or staff time")
            ),
            "committed_gbp": pa.Column(checks=[_filled(), _money(), _not_negative()]),
            "spent_gbp": pa.Column(checks=[_filled(), _money(), _not_negative()]),
            "district": pa.Column(
                checks=[_one_of(config.district_names, "a district named in board.yml, or blank")]
            ),
        },
        checks=[pa.Check(_spent_within_committed, error=SPENT_WITHIN_COMMITTED)],
    )


def feedback_schema(config: BoardConfig, theme_ids: list[str] | None) -> pa.DataFrameSchema:
    """What a feedback file must contain (ids are checked across files by the loader).

    `theme_ids` are the codebook's; None when the codebook itself is broken (then the analyst's
    theme column is not checked, since the codebook's own problems are reported).
    """
    theme_checks = [] if theme_ids is None else [_theme_list(theme_ids)]
    return pa.DataFrameSchema(
        {
            "feedback_id": pa.Column(checks=[_filled()], unique=True),
            "date": pa.Column(checks=[_filled(), _iso_date()]),
            "district": pa.Column(
                checks=[_one_of(config.district_names, "a district named in board.yml, or blank")]
            ),
            "respondent": pa.Column(
                checks=_known(RESPONDENTS, "parent, carer, young person, professional or other")
            ),
            "comment": pa.Column(checks=[_filled(), _at_most(MAX_COMMENT_CHARACTERS, "a comment")]),
            "consent_to_quote": pa.Column(checks=_known(YES_NO, "yes or no")),
            "rating": pa.Column(
                checks=[
                    _one_of(RATINGS, "a whole number from 1 to 5, or blank", list_values=False)
                ],
                required=False,
            ),
            "theme": pa.Column(checks=theme_checks, required=False),
        }
    )


def risks_schema(config: BoardConfig) -> pa.DataFrameSchema:
    """What a risk register must contain: each risk scored by likelihood and impact, 1 to 5."""
    return pa.DataFrameSchema(
        {
            "risk_id": pa.Column(checks=[_filled()], unique=True),
            "title": pa.Column(checks=[_filled()]),
            "owner": pa.Column(checks=_known(config.organisation_ids, "an organisation id")),
            "likelihood": pa.Column(checks=[_filled(), _one_to_five()]),
            "impact": pa.Column(checks=[_filled(), _one_to_five()]),
            "mitigation": pa.Column(checks=[_filled()]),
            "status": pa.Column(checks=_known(RISK_STATUSES, "open or closed")),
            "priority_area": pa.Column(
                checks=[
                    _one_of(config.priority_areas, "a priority area id from board.yml, or blank")
                ],
                required=False,
            ),
        }
    )


def problems_from_failures(failures: pd.DataFrame, frame: pd.DataFrame, name: str) -> list[Problem]:
    """Turn pandera's failure cases into one plain problem per bad cell."""
    problems = set()
    for case in failures.itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index)
        column = None if pd.isna(case.column) else str(case.column)
        check = str(case.check)
        if row is None and column is None:
            # A check that could not run at all: never drop it, blame the whole file.
            problems.add(Problem(name, None, None, None, f"a table pandera can check ({check})"))
        elif check == SPENT_WITHIN_COMMITTED:
            if column != "spent_gbp":
                continue  # one problem per row, reported against spent_gbp
            value = f"{frame.at[row, 'spent_gbp']} spent of {frame.at[row, 'committed_gbp']}"
            problems.add(Problem(name, row, column, value, check))
        elif check == "field_uniqueness":
            value = frame.at[row, column]
            others = [r for r in frame.index[frame[column] == value] if r != row]
            listed = ", ".join(str(r) for r in others)
            problems.add(Problem(name, row, column, value, f"a unique id (also in row {listed})"))
        else:
            problems.add(Problem(name, row, column, _cell(frame, row, column), check))
    return sorted(problems)


def normalise_rags(values: pd.Series) -> pd.Series:
    """Map any accepted spelling (R, Amber, GREEN ...) to red/amber/green/blue."""
    return values.map(normalise_rag)


def parse_dates(values: pd.Series) -> pd.Series:
    """ISO dates as checked by the schema, as datetime64; blanks become NaT."""
    return pd.to_datetime(values.where(values != ""), format="%Y-%m-%d")


def parse_pence(values: pd.Series) -> pd.Series:
    """Money text as checked by the schema ('£1,250.50') to whole pence, exactly."""
    cleaned = values.str.replace(r"[£,\s]", "", regex=True)
    return cleaned.map(lambda text: int(Decimal(text) * 100)).astype("int64")


def _filled() -> pa.Check:
    return pa.Check(lambda s: s != "", error="a value in this cell")


def _at_most(characters: int, what: str) -> pa.Check:
    return pa.Check(
        lambda s: s.str.len() <= characters, error=f"{what} of at most {characters:,} characters"
    )


def _known(values: Iterable[str], what: str) -> list[pa.Check]:
    return [_filled(), _one_of(values, what)]


def _one_of(values: Iterable[str], what: str, list_values: bool = True) -> pa.Check:
    """Blank, or one of `values` ignoring case; the message lists up to eight of them."""
    allowed = {v.casefold() for v in values}
    shown = sorted(values)
    listed = ", ".join(shown[:8]) + (", …" if len(shown) > 8 else "")
    return pa.Check(
        lambda s: (s == "") | s.str.casefold().isin(allowed),
        error=f"{what} ({listed})" if list_values and what.startswith(("a ", "an ")) else what,
    )


def _one_to_five() -> pa.Check:
    return _one_of(RATINGS, "a whole number from 1 to 5", list_values=False)


def _theme_list(theme_ids: list[str]) -> pa.Check:
    known = {t.casefold() for t in theme_ids}

    def all_known(s: pd.Series) -> pd.Series:
        ids = s.str.split(";").map(lambda parts: [p.strip().casefold() for p in parts if p.strip()])
        return ids.map(lambda parts: all(p in known for p in parts))

    listed = ", ".join(sorted(theme_ids)[:8]) + (", …" if len(theme_ids) > 8 else "")
    return pa.Check(all_known, error=f"theme ids from themes.yml separated by ';' ({listed})")


def _iso_date() -> pa.Check:
    def is_date(s: pd.Series) -> pd.Series:
        shaped = s.str.fullmatch(DATE_PATTERN)
        real = pd.to_datetime(s.where(shaped), format="%Y-%m-%d", errors="coerce").notna()
        return (s == "") | real

    return pa.Check(is_date, error="a real date written as YYYY-MM-DD")


def _not_after(limit: dt.date, what: str) -> pa.Check:
    def on_or_before(s: pd.Series) -> pd.Series:
        dates = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
        return dates.isna() | (dates <= pd.Timestamp(limit))

    return pa.Check(on_or_before, error=f"a date on or before {what} ({limit.isoformat()})")


def _money() -> pa.Check:
    return pa.Check(
        lambda s: (s == "") | s.str.fullmatch(MONEY_PATTERN),
        error="an amount in pounds like 1250 or £1,250.50 (under a trillion)",
    )


def _not_negative() -> pa.Check:
    return pa.Check(
        lambda s: ~s.str.fullmatch(MONEY_PATTERN) | ~s.str.contains("-", regex=False),
        error="an amount of zero or more",
    )


def _spent_within_committed(frame: pd.DataFrame) -> pd.Series:
    def pence_or_none(column: str) -> pd.Series:
        text = frame[column]
        ok = text.str.fullmatch(MONEY_PATTERN) & ~text.str.contains("-", regex=False)
        return parse_pence(text.where(ok, "0")).where(ok)

    spent, committed = pence_or_none("spent_gbp"), pence_or_none("committed_gbp")
    return spent.isna() | committed.isna() | (spent <= committed)


def _cell(frame: pd.DataFrame, row: int | None, column: str | None) -> str | None:
    if row is None or column is None or column not in frame.columns:
        return None
    return str(frame.at[row, column])
