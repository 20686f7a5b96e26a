"""`boardbrief returns make|collect|status`: the monthly round of partner returns.

Kept beside `cli` (which registers it in one line) so the returns round's options and wording
live together.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from boardbrief.errors import EXIT_OK

DEFAULT_RETURNS_DIR = Path("returns")


def add_returns_command(commands, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `returns` and its three steps under the main parser's commands."""
    returns = commands.add_parser(
        "returns",
        help="send each organisation its update workbook and collect them back",
        description=(
            "make: one workbook per organisation that owns an open action, an investment line "
            "or a measure. status: who has sent theirs back. collect: check every returned "
            "workbook and write the meeting's action-plan snapshot, investment register and "
            "measure values into the data folder (organisations that did not return are "
            "carried forward unchanged)."
        ),
    )
    steps = returns.add_subparsers(dest="step", required=True, metavar="STEP")

    make = steps.add_parser("make", help="write a workbook per organisation")
    make.add_argument(
        "meeting_date",
        nargs="?",
        metavar="MEETING_DATE",
        help="the meeting the returns are for (default: the meeting after the latest one with "
        "an action-plan snapshot of its own)",
    )
    data_option(make)
    make.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_RETURNS_DIR,
        metavar="DIR",
        help="where the workbooks are written (default: %(default)s)",
    )
    make.set_defaults(handler=_make)

    collect = steps.add_parser("collect", help="check the returned workbooks and write snapshots")
    _meeting_and_folders(collect, data_option)
    collect.add_argument(
        "--replace",
        action="store_true",
        help="replace the meeting's snapshot files if they exist (their fingerprints are printed)",
    )
    collect.set_defaults(handler=_collect)

    status = steps.add_parser("status", help="who has returned their workbook, who is missing")
    _meeting_and_folders(status, data_option)
    status.set_defaults(handler=_status)


def _meeting_and_folders(
    command: argparse.ArgumentParser, data_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    command.add_argument("meeting_date", metavar="MEETING_DATE", help="the meeting, YYYY-MM-DD")
    from_option(command, required=True)
    data_option(command)


def from_option(command: argparse.ArgumentParser, required: bool = False) -> None:
    command.add_argument(
        "--from",
        dest="from_dir",
        type=Path,
        required=required,
        default=None,
        metavar="DIR",
        help="the folder the returned workbooks are saved in",
    )


def returns_count_line(data, folder: Path) -> str:
    """For `list --from`: how many returns for the next meeting are in `folder`."""
    from boardbrief.errors import UsageError
    from boardbrief.returns.expected import returns_round
    from boardbrief.returns.status import returns_status

    try:
        status = returns_status(folder, returns_round(data))
    except UsageError as error:  # no next meeting, or no such folder: the listing still stands
        return f"returns in {folder}: {error}"
    return (
        f"returns for {status.returns.meeting.isoformat()} in {folder}: "
        f"{len(status.received)} of {len(status.returns.asked)} organisations"
    )


def _make(args: argparse.Namespace) -> int:
    from boardbrief.returns.expected import load_round
    from boardbrief.returns.make_workbooks import make_workbooks

    returns = load_round(args.data, args.meeting_date)
    for path in make_workbooks(returns, args.out):
        print(path.resolve())
    return EXIT_OK


def _collect(args: argparse.Namespace) -> int:
    from boardbrief.returns.collect import collect_returns
    from boardbrief.returns.expected import load_round
    from boardbrief.returns.status import require_folder

    require_folder(args.from_dir)
    returns = load_round(args.data, args.meeting_date)
    collected = collect_returns(returns, args.from_dir, replace=args.replace)
    for line in collected.status.lines(missing_heading="carried forward unchanged (no return):"):
        print(line)
    for path, fingerprint in collected.replaced:
        print(f"replaced {path} (its SHA-256 was {fingerprint})")
    for path in collected.written:
        print(f"wrote {path}")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from boardbrief.returns.expected import load_round
    from boardbrief.returns.status import require_folder, returns_status

    require_folder(args.from_dir)
    for line in returns_status(args.from_dir, load_round(args.data, args.meeting_date)).lines():
        print(line)
    return EXIT_OK
