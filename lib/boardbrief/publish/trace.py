"""`boardbrief trace`: any figure of a meeting, its rule in words and the rows it came from.

The registry is the sections' own: each section module states the rules of its keys and a
`*_trace` function beside the code that computes them; this module gathers them for one
meeting, finds the key asked for (or every key under a prefix), checks the recomputed value
against the archived figures.json, and words the answer. The data is the archived meeting's
frozen inputs (`MEETING/inputs/`) when the archive has them, otherwise the data folder given.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from boardbrief import paths
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import LATEST, Meeting, select_meeting
from boardbrief.errors import FigureMismatch, UsageError
from boardbrief.formatting import plural
from boardbrief.publish.figures import briefing_figures
from boardbrief.sections.action_plan import ACTION_PLAN_RULES, action_plan_status, action_plan_trace
from boardbrief.sections.feedback import FEEDBACK_RULES, feedback_status, feedback_trace
from boardbrief.sections.funding import FUNDING_RULES, funding_status, funding_trace
from boardbrief.sections.impact import IMPACT_RULES, impact_status, impact_trace
from boardbrief.sections.risks import RISK_RULES, risk_status, risk_trace
from boardbrief.sections.scorecard import SCORECARD_RULES, scorecard_status, scorecard_trace
from boardbrief.sections.tracing import COUNT, VALUE, Rule, SourceRow, Trace
from boardbrief.sections.you_said import YOU_SAID_RULES, you_said_status, you_said_trace

INPUTS_FOLDER = "inputs"  # the frozen copy of a meeting's data, inside its archive folder

# The rules of `publish/figures.meeting_figures`: which meeting, and the data's dates.
MEETING_DATE_RULE = Rule(
    "meeting.date", "The meeting's date, as listed in board.yml.", VALUE, "date"
)
PREVIOUS_DATE_RULE = Rule(
    "meeting.previous_date",
    "The meeting listed in board.yml before this one; None at a board's first meeting.",
    VALUE,
    "date",
)
ACTIONS_AS_AT_RULE = Rule(
    "data.actions_as_at",
    "The date in the name of the action-plan snapshot the meeting uses: the latest dated on or "
    "before the meeting.",
    VALUE,
    "date",
)
FUNDING_AS_AT_RULE = Rule(
    "data.funding_as_at",
    "The date in the name of the investment register the meeting uses: the latest dated on or "
    "before the meeting.",
    VALUE,
    "date",
)
ASKS_RULE = Rule(
    "board.asks",
    "The asks of the board listed in the lead officer's commentary for the meeting (0 with "
    "no commentary).",
    COUNT,
)
MEETING_RULES = (
    MEETING_DATE_RULE,
    PREVIOUS_DATE_RULE,
    ACTIONS_AS_AT_RULE,
    FUNDING_AS_AT_RULE,
    ASKS_RULE,
)

# Every rule a figure can have: the registry docs/counting-rules.md states in words.
ALL_RULES = (
    *MEETING_RULES,
    *ACTION_PLAN_RULES,
    *FEEDBACK_RULES,
    *YOU_SAID_RULES,
    *FUNDING_RULES,
    *IMPACT_RULES,
    *SCORECARD_RULES,
    *RISK_RULES,
)


@dataclass(frozen=True)
class MeetingTraces:
    """Every figure of a meeting with its trace, and where the data came from."""

    meeting: Meeting
    figures: dict[str, object]
    traces: dict[str, Trace]


def meeting_traces(meeting: Meeting) -> MeetingTraces:
    """Compute the meeting's sections once, as the notebook does, and trace every figure."""
    plan = action_plan_status(meeting)
    voices = feedback_status(meeting)
    funds = funding_status(meeting)
    impact = impact_status(meeting)
    outcomes = scorecard_status(meeting)
    risks = risk_status(meeting, plan, outcomes)
    figures = briefing_figures(meeting, plan, voices, funds, impact, outcomes, risks)
    found = [
        *meeting_trace(meeting, figures),
        *action_plan_trace(meeting, plan),
        *feedback_trace(meeting, voices),
        *you_said_trace(meeting, you_said_status(meeting, voices)),
        *funding_trace(meeting, funds),
        *impact_trace(impact),
        *scorecard_trace(outcomes),
        *risk_trace(meeting, risks),
    ]
    return MeetingTraces(meeting, dict(figures), {t.key: t for t in found})


def meeting_trace(meeting: Meeting, figures: dict) -> list[Trace]:
    """The traces of `meeting_figures`: board.yml's meetings, the files' dates, the asks."""
    previous = meeting.previous_date
    commentary = meeting.commentary
    asks = commentary.asks if commentary else ()
    return [
        Trace(
            "meeting.date",
            figures["meeting.date"],
            MEETING_DATE_RULE,
            (SourceRow("board.yml", None, "meetings", {"date": meeting.date.isoformat()}),),
        ),
        Trace(
            "meeting.previous_date",
            figures["meeting.previous_date"],
            PREVIOUS_DATE_RULE,
            (
                SourceRow(
                    "board.yml",
                    None,
                    "meetings",
                    {"date": previous.isoformat() if previous else None},
                ),
            ),
        ),
        Trace(
            "data.actions_as_at",
            figures["data.actions_as_at"],
            ACTIONS_AS_AT_RULE,
            (
                SourceRow(
                    meeting.actions.file, None, "file", {"date": meeting.actions.date.isoformat()}
                ),
            ),
        ),
        Trace(
            "data.funding_as_at",
            figures["data.funding_as_at"],
            FUNDING_AS_AT_RULE,
            (
                SourceRow(
                    meeting.funding.file, None, "file", {"date": meeting.funding.date.isoformat()}
                ),
            ),
        ),
        Trace(
            "board.asks",
            figures["board.asks"],
            ASKS_RULE,
            tuple(SourceRow(commentary.file, None, f"ask {n}") for n in range(1, len(asks) + 1))
            if commentary
            else (),
        ),
    ]


@dataclass(frozen=True)
class TraceAnswer:
    """What `trace` found: the traces asked for, the data it used, the archive it checked."""

    traces: list[Trace]
    exact: bool  # one key asked for (else a prefix: each key briefly)
    data_dir: Path
    frozen: bool  # the data is the archive's frozen inputs
    archived: bool  # the archive's figures.json was compared


def trace_figure(
    out_dir: Path, meeting_date: str, key: str, data_dir: Path = paths.DEFAULT_DATA_DIR
) -> TraceAnswer:
    """Trace one key of a meeting's figures.json, or every key under a prefix.

    Raises
    ------
    UsageError
        No key is, or starts with, `key` (the nearest keys are suggested).
    FigureMismatch
        The archived figures.json holds another value for a key traced.
    DataError
        The data breaks the contract, or the meeting is not listed.
    """
    frozen = frozen_inputs(Path(out_dir), meeting_date)
    source = frozen or Path(data_dir)
    meeting = select_meeting(load_board_data(source), meeting_date)
    found = meeting_traces(meeting)
    chosen = chosen_traces(found.traces, key)
    archived = archived_figures(Path(out_dir) / meeting.date.isoformat())
    if archived is not None:
        check_archived(chosen, archived)
    return TraceAnswer(
        chosen, key in found.traces, source, frozen is not None, archived is not None
    )


def frozen_inputs(out_dir: Path, meeting_date: str) -> Path | None:
    """The archived meeting's frozen copy of its data folder, when the archive holds one."""
    folder = out_dir / meeting_date / INPUTS_FOLDER
    return folder if meeting_date != LATEST and (folder / "board.yml").is_file() else None


def archived_figures(archive: Path) -> dict[str, object] | None:
    """The archived figures.json of a meeting, or None when the meeting was never rendered."""
    path = archive / paths.FIGURES_JSON
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FigureMismatch(f"{path} is not the JSON a render writes ({error})") from None


def chosen_traces(traces: dict[str, Trace], key: str) -> list[Trace]:
    """The trace of `key`, or of every key under the prefix `key` (`actions` -> `actions.*`)."""
    if key in traces:
        return [traces[key]]
    under = [trace for name, trace in sorted(traces.items()) if name.startswith(f"{key}.")]
    if under:
        return under
    nearest = nearest_keys(key, traces)
    hint = f"; the nearest: {', '.join(nearest)}" if nearest else ""
    raise UsageError(f"no figure {key!r} in this meeting's figures{hint}")


def nearest_keys(key: str, keys: Iterable[str], how_many: int = 5) -> list[str]:
    """The keys (and key prefixes) spelt most like `key`, best first."""
    names = set(keys)
    prefixes = {name.rsplit(".", depth)[0] for name in names for depth in (1, 2) if "." in name}
    return difflib.get_close_matches(key, sorted(names | prefixes), n=how_many, cutoff=0.5)


def check_archived(traces: list[Trace], archived: dict[str, object]) -> None:
    """Every traced value against the archived figures.json: a difference names both values."""
    differences = [
        f"figure {t.key}: archived {_shown(archived.get(t.key, '(absent)'))}, now {_shown(t.value)}"
        for t in traces
        if t.key not in archived or _as_json(archived[t.key]) != _as_json(t.value)
    ]
    if differences:
        raise FigureMismatch(
            "the figures recomputed from the data differ from the archived figures.json:\n  "
            + "\n  ".join(differences)
        )


def trace_text(answer: TraceAnswer) -> str:
    """The answer as the command prints it: one key in full, or each key under a prefix briefly."""
    where = (
        f"Data: the meeting's frozen inputs ({answer.data_dir})"
        if answer.frozen
        else f"Data: {answer.data_dir} (the archive holds no frozen inputs for this meeting)"
    )
    checked = (
        "Checked against the archived figures.json: the same."
        if answer.archived
        else "No archived figures.json for this meeting: nothing to compare with."
    )
    if not answer.exact:
        lines = [
            f"{t.key} = {_shown(t.value)}  ({plural(len(t.rows), 'source row')})"
            for t in answer.traces
        ]
        return "\n".join([*lines, "", where, checked, "Name one key for its rule and rows."]) + "\n"
    trace = answer.traces[0]
    lines = [f"{trace.key} = {_shown(trace.value)}", f"Rule: {trace.rule.text}"]
    if trace.settings:
        lines.append(
            "Settings: " + ", ".join(f"{k} = {_shown(v)}" for k, v in trace.settings.items())
        )
    if trace.note and (trace.value is None or not trace.rows):
        lines.append(f"Note: {trace.note}")
    lines.append(f"Source rows ({len(trace.rows)}):")
    lines += [f"  {row_text(row)}" for row in trace.rows]
    return "\n".join([*lines, "", where, checked]) + "\n"


def row_text(row: SourceRow) -> str:
    """One source row: file, row number (as a spreadsheet shows it), id and the fields used."""
    where = f"{row.file} row {row.row}" if row.row is not None else row.file
    fields = "  ".join(f"{name}={_shown(value)}" for name, value in row.fields.items())
    return f"{where}  {row.id}  {fields}".rstrip()


def _shown(value: object) -> str:
    if value is None:
        return "None"
    if isinstance(value, str | Decimal):
        return str(value)
    return json.dumps(_as_json(value), ensure_ascii=False)


def _as_json(value: object) -> object:
    return json.loads(json.dumps(value, default=str))
