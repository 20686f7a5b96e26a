"""The `boardbrief` command: render, validate, list and export a board's briefings.

Exit codes: 0 done; 1 the render failed, or an internal error; 2 bad input data, or a request the
command refuses; 3 (`verify`) the briefing did not reproduce; 130 interrupted. Each error class
carries its code (`boardbrief.errors`), mapped here once; user errors never show a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from boardbrief import __version__, paths
from boardbrief.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NOT_REPRODUCED,
    EXIT_OK,
    BoardbriefError,
)
from boardbrief.returns_cli import add_returns_command, from_option

log = logging.getLogger("boardbrief")
# Optional imports the command's process declines. jsonschema, which nbformat imports, builds 38
# grammars at import (about 1.4 s) for the "iri" formats of rfc3987-syntax, an extra that
# jupyter-events asks for; nothing here checks formats (nbformat, nbconvert and papermill do
# not). JupyterLab and a plain papermill run are untouched.
DECLINED_IMPORTS = ("rfc3987_syntax",)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used by `python -m boardbrief`)."""
    decline_unused_imports()
    args = _parser().parse_args(argv)
    handler = _configure_logging(args.verbose)
    try:
        return _run(args)
    finally:
        log.removeHandler(handler)


def decline_unused_imports() -> None:
    """Make `DECLINED_IMPORTS` fail in this process, unless already imported (the test suite's
    processes call it too)."""
    for name in DECLINED_IMPORTS:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def _run(args: argparse.Namespace) -> int:
    """Run the chosen command, turning each kind of failure into its exit code."""
    try:
        return args.handler(args)
    except BoardbriefError as error:
        print(f"boardbrief: {error.message()}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("boardbrief: interrupted; nothing was published", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        if args.verbose:
            raise
        print(
            f"boardbrief: internal error: {type(error).__name__}: {error}\n"
            "Run again with --verbose for the details, and report it if it persists.",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _render(args: argparse.Namespace) -> int:
    from boardbrief.errors import UsageError
    from boardbrief.publish.rendered_by import circulated_date

    circulated = circulated_date(args.circulated) if args.circulated is not None else None
    if args.all:
        if args.meeting_date or args.as_at:
            raise UsageError("give a meeting date (and --as-at) or --all, not both")
        if circulated:
            raise UsageError("--circulated dates one meeting's papers: give its date, not --all")
        return _render_all(args)
    from boardbrief.publish.early_kernel import early_kernels
    from boardbrief.publish.execute import KERNEL_NAME
    from boardbrief.publish.pdf import require_chromium
    from boardbrief.publish.supersede import require_reason

    # What refuses at once comes first; then the kernels start, while the rest is imported.
    require_reason(args.force, args.reason)
    if args.pdf:
        require_chromium()
    with early_kernels(KERNEL_NAME, paths.BRIEFING_NOTEBOOK.parent, args.area_pages) as kernels:
        from boardbrief.publish.render import render_meeting

        result = render_meeting(
            args.data,
            args.out,
            args.meeting_date,
            cell_timeout=args.cell_timeout,
            pdf=args.pdf,
            area_pages=args.area_pages,
            circulated=circulated,
            force=args.force,
            reason=args.reason,
            sign=args.sign,
            as_at=args.as_at,
            kernels=kernels,
        )
    print(result.html.resolve())
    return EXIT_OK


def _render_all(args: argparse.Namespace) -> int:
    from boardbrief.publish.parallel import render_all

    results = render_all(
        args.data,
        args.out,
        force=args.force,
        reason=args.reason,
        sign=args.sign,
        workers=args.workers,
        cell_timeout=args.cell_timeout,
        pdf=args.pdf,
        area_pages=args.area_pages,
    )
    for result in results:
        print(result.html.resolve())
    if not results:
        log.info(
            'every meeting with data is already rendered (use --force --reason "WHY" to redo them)'
        )
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from boardbrief.publish.verify import (
        AGREES,
        CORRECTED,
        INPUTS_CHANGED,
        REPRODUCED,
        corrections_since,
        verify_meeting,
    )

    if args.against_data is not None:
        verification = corrections_since(args.out, args.meeting_date, args.against_data)
    else:
        verification = verify_meeting(
            args.out, args.meeting_date, args.data, allowed_signers=args.allowed_signers
        )
    print(f"{args.meeting_date}: {verification.outcome}")
    for finding in verification.findings:
        print(f"  - {finding}")
    if verification.outcome in (REPRODUCED, AGREES):
        return EXIT_OK
    changed = verification.outcome in (INPUTS_CHANGED, CORRECTED)
    return EXIT_BAD_INPUT if changed else EXIT_NOT_REPRODUCED


def _validate(args: argparse.Namespace) -> int:
    from boardbrief.contract.board_config import config_warnings
    from boardbrief.contract.load import load_board_data
    from boardbrief.formatting import plural
    from boardbrief.publish.commentary_check import latest_commentary_warnings

    data = load_board_data(args.data)
    for warning in [*config_warnings(data.config), *latest_commentary_warnings(data)]:
        print(f"boardbrief: warning: {warning}", file=sys.stderr)
    print(
        f"{args.data}: all {len(data.files_read)} files meet the data contract "
        f"({plural(len(data.actions), 'action snapshot')}, "
        f"{plural(len(data.funding), 'investment register')}, "
        f"{plural(len(data.feedback), 'comment')})"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from boardbrief.publish.analyst_tables import export_meeting

    for path in export_meeting(args.data, args.out, args.meeting_date):
        print(path.resolve())
    return EXIT_OK


def _trace(args: argparse.Namespace) -> int:
    from boardbrief.publish.trace import trace_figure, trace_text

    print(trace_text(trace_figure(args.out, args.meeting_date, args.figure, args.data)), end="")
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from boardbrief.publish.init_folder import init_folder

    init_folder(args.folder, args.board)
    print(args.folder.resolve())
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from boardbrief.contract.load import load_board_data
    from boardbrief.contract.meeting import has_own_snapshot, latest_meeting, missing_data

    data = load_board_data(args.data)
    owned = [m for m in data.config.meetings if has_own_snapshot(data, m)]
    latest = latest_meeting(data) if owned else None
    print(f"{'meeting':<12}  {'data':<4}  {'plan':<9}  {'rendered':<8}")
    for meeting in data.config.meetings:
        rendered = (args.out / meeting.isoformat() / paths.BRIEFING_HTML).is_file()
        missing = missing_data(data, meeting)
        plan = "new" if meeting in owned else ("unchanged" if not missing else "-")
        marks = ("no" if missing else "yes", plan, "yes" if rendered else "no")
        line = f"{meeting.isoformat():<12}  {marks[0]:<4}  {marks[1]:<9}  {marks[2]:<8}"
        if meeting == latest:
            line += "  <- latest"
        if missing:
            line += f"  (needs {' and '.join(missing)})"
        print(line.rstrip())
    if args.from_dir is not None:
        from boardbrief.returns_cli import returns_count_line

        print(returns_count_line(data, args.from_dir))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boardbrief",
        description="Turn a SEND partnership board's data into an HTML briefing per meeting.",
    )
    parser.add_argument("--version", action="version", version=f"boardbrief {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show debugging detail")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--data",
            type=Path,
            default=paths.DEFAULT_DATA_DIR,
            metavar="DIR",
            help="the board's data folder (default: %(default)s)",
        )

    def out_option(
        command: argparse.ArgumentParser,
        default: Path = paths.DEFAULT_OUT_DIR,
        what: str = "briefings are written",
    ) -> None:
        command.add_argument(
            "--out",
            type=Path,
            default=default,
            metavar="DIR",
            help=f"where {what} (default: %(default)s)",
        )

    render = commands.add_parser("render", help="render a meeting's briefing")
    render.add_argument(
        "meeting_date",
        nargs="?",
        metavar="MEETING_DATE",
        help="a meeting in board.yml, YYYY-MM-DD (default: the latest meeting with an "
        "action-plan snapshot of its own, marked 'latest' by list)",
    )
    render.add_argument(
        "--all",
        action="store_true",
        help="render every meeting with data (list's 'data' column) not yet rendered",
    )
    _add_replace_options(render)
    render.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="with --all: meetings rendered at once (default: one per core)",
    )
    render.add_argument(
        "--cell-timeout",
        type=int,
        default=600,
        metavar="SECONDS",
        help="stop a notebook cell that runs longer than this (default: %(default)s)",
    )
    render.add_argument(
        "--pdf",
        action="store_true",
        help="also print briefing.pdf (A4 board pack) with headless Chromium",
    )
    render.add_argument(
        "--no-area-pages",
        dest="area_pages",
        action="store_false",
        help="skip the page for each priority area (areas/AREA.html): the briefing alone",
    )
    render.add_argument(
        "--circulated",
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the papers went to the board; recorded in run.json, not in the briefing",
    )
    render.add_argument(
        "--as-at",
        default=None,
        metavar="DATE",
        help="the cut-off, YYYY-MM-DD: nothing dated after it is counted (default: the meeting "
        "date, or papers_due_days before it when board.yml sets it)",
    )
    data_option(render)
    out_option(render)
    render.set_defaults(handler=_render)

    verify = commands.add_parser(
        "verify",
        help="re-render an archived meeting and prove it reproduces",
        description="Exit 0: reproduced (or, with --against-data, the data agrees); 3: not "
        "reproduced; 2: inputs changed or missing, or data corrected since.",
    )
    verify.add_argument("meeting_date", metavar="MEETING_DATE", help="a rendered meeting")
    verify.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="DIR",
        help="the data folder to re-render from, for an archive made before meetings kept "
        "their frozen inputs (MEETING/inputs/, used whenever it is there)",
    )
    verify.add_argument(
        "--against-data",
        type=Path,
        default=None,
        metavar="DIR",
        help="instead of re-rendering, compare DIR with the frozen inputs row by row, as at the "
        "same meeting and cut-off: exit 0 when they agree, 2 when data was corrected since",
    )
    verify.add_argument(
        "--allowed-signers",
        type=Path,
        default=None,
        metavar="FILE",
        help="check run.json's signature against this allowed-signers file (ssh-keygen -Y)",
    )
    out_option(verify)
    verify.set_defaults(handler=_verify)

    validate = commands.add_parser("validate", help="check every data file against the contract")
    data_option(validate)
    validate.set_defaults(handler=_validate)

    export = commands.add_parser(
        "export",
        help="write a meeting's tables for analysts as CSV",
        description=(
            "Write OUT/MEETING_DATE/actions.csv, feedback_themes.csv, funding_lines.csv, "
            "investment_per_child.csv and more: the figures the briefing shows, small feedback "
            "counts suppressed as [c]; feedback_coding.csv says how each comment was coded. "
            "No comment text. Files are UTF-8 with a byte-order mark for "
            "Excel; text that a spreadsheet would run as a formula (starting =, +, -, @) is "
            "prefixed with '. Each file is replaced whole or not at all."
        ),
    )
    export.add_argument(
        "meeting_date",
        nargs="?",
        metavar="MEETING_DATE",
        help="a meeting in board.yml, YYYY-MM-DD, or latest (default: the latest meeting with "
        "an action-plan snapshot of its own, marked 'latest' by list)",
    )
    data_option(export)
    out_option(export, paths.DEFAULT_EXPORTS_DIR, "exports are written, a folder per meeting")
    export.set_defaults(handler=_export)

    add_trace_command(commands, data_option, out_option)

    init = commands.add_parser(
        "init",
        help="start a new board's data folder",
        description=(
            "Write a commented board.yml (fill in the keys marked REQUIRED), a themes.yml to "
            "start the codebook from, empty actions/, funding/, feedback/ and commentary/ "
            "folders, and blank templates of each table in templates/ (CSV, and XLSX with "
            "drop-down lists). Refuses a folder that has anything in it."
        ),
    )
    init.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")
    init.add_argument(
        "--board",
        type=Path,
        default=None,
        metavar="FILE",
        help="a board.yml already filled in, used instead of the commented one; its ids "
        "fill the XLSX templates' drop-down lists",
    )
    init.set_defaults(handler=_init)

    listing = commands.add_parser(
        "list",
        help="list meetings, and which have data and briefings",
        description=(
            "data: yes when render can brief the meeting: it has an action-plan snapshot and "
            "an investment register dated on or before it (otherwise the line says which is "
            "missing). plan: new when an action-plan snapshot is dated after the previous "
            "meeting and on or before this one; unchanged when the meeting reuses the "
            "previous meeting's. latest: the meeting render briefs when given no date, the "
            "latest with a new plan."
        ),
    )
    data_option(listing)
    out_option(listing)
    from_option(listing)
    listing.set_defaults(handler=_list)

    add_returns_command(commands, data_option)
    return parser


def _add_replace_options(render: argparse.ArgumentParser) -> None:
    """render's options to replace an archived briefing (kept, with a reason) and to sign."""
    render.add_argument(
        "--force",
        action="store_true",
        help="replace the meeting's archived briefing (with --all: every meeting's); the "
        "replaced one is kept in MEETING/superseded/; needs --reason",
    )
    render.add_argument(
        "--reason",
        default=None,
        metavar="TEXT",
        help="with --force: why the archived briefing is replaced (kept in run.json)",
    )
    render.add_argument(
        "--sign",
        type=Path,
        default=None,
        metavar="KEYFILE",
        help="sign run.json with this SSH private key (ssh-keygen -Y sign): run.json.sig",
    )


def add_trace_command(commands: Any, data_option: Any, out_option: Any) -> None:
    """`boardbrief trace MEETING FIGURE`: a figure's rule in words and its source rows."""
    trace = commands.add_parser(
        "trace",
        help="show the rule and the source rows behind a figure of a meeting",
        description=(
            "Print, for a key of the meeting's figures.json (e.g. actions.overdue), the rule in "
            "plain words, the figure's value and the rows behind it: file, row number as a "
            "spreadsheet shows it, id and the fields the rule used. A prefix (actions) lists "
            "each key under it. Reads the archive's frozen inputs (OUT/MEETING/inputs) when "
            "present, else --data; compares with the archived figures.json. Exit 2: no such "
            "figure (the nearest are suggested); 3: the archived figure differs."
        ),
    )
    trace.add_argument("meeting_date", metavar="MEETING_DATE", help="a meeting, YYYY-MM-DD")
    trace.add_argument("figure", metavar="FIGURE", help="a key of figures.json, or a prefix")
    data_option(trace)
    out_option(trace)
    trace.set_defaults(handler=_trace)


def _configure_logging(verbose: bool) -> logging.Handler:
    """Progress lines on stderr for the length of one command."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("boardbrief: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    log.propagate = False
    return handler
