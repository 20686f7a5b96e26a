"""Benchmark: how long a briefing takes against the cost of starting a kernel, and at 100x data.

Run from the checkout with the project's environment (``make bench`` does)::

    .venv/bin/python bench/run.py [--repeat N] [--quick] [--only NAMES] [--out FILE]

Every measurement runs fresh processes, as an analyst would, and is the median of `--repeat`
runs. Peak memory is the largest sum of the resident set sizes of a run's whole process tree
(the command and the kernel it starts), sampled every 20 ms. Prints a table and the ratios the
performance issue sets targets for, and writes the figures as JSON (default bench/results.json).
`make_test` times the whole `make test` once (never with `--quick`: the suite runs the quick
benchmark itself).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the environment's own scripts, symlinks not resolved
NOTEBOOK = REPO / "notebooks" / "briefing.ipynb"
KERNEL_NAME = "boardbrief"
SAMPLE_DATA = REPO / "data"
DEFAULT_OUT = Path(__file__).resolve().parent / "results.json"
FULL_FACTOR, QUICK_FACTOR = 100, 2
COMMAND_TIMEOUT_S = 1800
SAMPLE_INTERVAL_S = 0.02

MEASUREMENTS = {
    "floor": "fresh process: start the boardbrief kernel, import what the notebook imports, stop",
    "stock": "papermill CLI then jupyter nbconvert --to html --no-input CLI on our notebook",
    "render": "boardbrief render of the latest meeting (the briefing and its area pages)",
    "briefing_only": "boardbrief render --no-area-pages of the latest meeting: the briefing alone",
    "render_x100": "boardbrief render of the latest meeting on the data scaled up",
    "render_all": "boardbrief render --all --force: every meeting with data",
    "serial": "one boardbrief render process per meeting, one after another",
    "validate": "boardbrief validate of the data folder",
    "validate_x100": "boardbrief validate of the data scaled up",
    "make_test": "make test: the whole suite, its transport tests on ipc and tcp (run once)",
}
MEMORY_MEASUREMENTS = ("render", "render_x100")
ONCE = ("make_test",)  # too long to repeat; never in --quick (the suite runs the quick bench)
SCALED = ("render_x100", "validate_x100")  # labelled with the factor actually used
# With --quick (the suite's run) these render the briefing alone, `--no-area-pages`, on both
# sides of their ratio: every figure is still measured, at about two thirds of the work.
QUICK_BRIEFING_ALONE = ("render_all", "serial")


@dataclass(frozen=True)
class Target:
    """A ratio of two medians and the most it may be."""

    name: str
    numerator: str
    denominator: str
    at_most: float


TARGETS = (
    Target("render/floor", "render", "floor", 1.4),
    Target("render/briefing_only", "render", "briefing_only", 1.4),
    Target("render/stock", "render", "stock", 0.55),
    Target("render_x100/render", "render_x100", "render", 1.6),
    Target("render_all/serial", "render_all", "serial", 0.65),
)
MEMORY_TARGET = ("render_x100", 1024.0)  # peak RSS in MB, kernel included, must stay under


@dataclass(frozen=True)
class Limit:
    """A median in seconds and the time it must stay under."""

    name: str
    measurement: str
    under_s: float


LIMITS = (
    Limit("validate", "validate", 1.5),
    Limit("validate_x100", "validate_x100", 4.0),
    Limit("make test", "make_test", 240.0),
)


@dataclass
class Measurement:
    """All runs of one measurement: seconds, and peak memory of each run's process tree."""

    name: str
    seconds: list[float] = field(default_factory=list)
    peak_rss_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def as_dict(self) -> dict[str, object]:
        result: dict[str, object] = {
            "what": MEASUREMENTS[self.name],
            "runs_s": [round(s, 3) for s in self.seconds],
            "median_s": round(self.median, 3),
        }
        if self.name in MEMORY_MEASUREMENTS:
            result["peak_rss_mb_runs"] = [round(m, 1) for m in self.peak_rss_mb]
            result["peak_rss_mb"] = round(max(self.peak_rss_mb), 1)
        return result


class CommandFailed(RuntimeError):
    """A measured command exited with an error: no figure is recorded for it."""


def run_watched(argv: Sequence[str], cwd: Path) -> tuple[float, float, str]:
    """Run one command; return wall seconds, peak RSS of its process tree in MB, and stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = psutil.Popen(list(argv), cwd=cwd, stdout=out, stderr=err)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process))
            if time.perf_counter() - started > COMMAND_TIMEOUT_S:
                process.kill()
                raise CommandFailed(f"timed out after {COMMAND_TIMEOUT_S} s: {' '.join(argv)}")
            time.sleep(SAMPLE_INTERVAL_S)
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        tail = "\n".join(stderr.splitlines()[-15:])
        raise CommandFailed(f"exit {process.returncode}: {' '.join(argv)}\n{tail}")
    return elapsed, peak / 2**20, stdout


def _tree_rss(process: psutil.Process) -> int:
    """Resident bytes of the process and every descendant at this moment."""
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def floor_script(notebook: Path, kernel_name: str) -> str:
    """Python for a fresh process: start the kernel, run the notebook's imports in it, stop it.

    The driver imports what our renderer's process imports to run a notebook (jupyter_client,
    nbformat, papermill); the kernel imports pandas, seaborn, matplotlib and whatever the
    notebook's import lines name, read from the notebook so the floor follows it.
    """
    notebook_imports = [
        line
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
        if line.startswith(("import ", "from "))
    ]
    kernel_code = "\n".join(["import pandas, seaborn, matplotlib", *notebook_imports])
    return f"""
import tempfile
import nbformat, papermill
from jupyter_client.manager import KernelManager
from boardbrief.publish.execute import LOOPBACK, kernel_transport

transport = kernel_transport()  # as the render's: ipc where pyzmq has it, else tcp on loopback
with tempfile.TemporaryDirectory(prefix="bench-kernel-") as folder:
    ip = folder + "/kernel" if transport == "ipc" else LOOPBACK
    manager = KernelManager(kernel_name={kernel_name!r}, transport=transport, ip=ip)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        reply = client.execute_interactive({kernel_code!r}, timeout=300, output_hook=print)
        if reply["content"]["status"] != "ok":
            raise SystemExit("the kernel could not import: " + reply["content"].get("evalue", ""))
    finally:
        client.stop_channels()
        manager.shutdown_kernel()
"""


@dataclass(frozen=True)
class Setup:
    """What the measurements run on."""

    data: Path
    scaled_data: Path
    meeting: str
    meetings: tuple[str, ...]
    work: Path
    quick: bool = False


def latest_and_meetings(data: Path, work: Path) -> tuple[str, tuple[str, ...]]:
    """The latest meeting and every meeting with data, as `boardbrief list` reports them."""
    _, _, listing = run_watched(
        [str(BIN / "boardbrief"), "list", "--data", str(data), "--out", str(work / "list")], REPO
    )
    rows = [line.split() for line in listing.splitlines()[1:] if line.strip()]
    with_data = tuple(row[0] for row in rows if row[1] == "yes")
    latest = next((row[0] for row in rows if "latest" in row), None)
    if latest is None:
        raise CommandFailed(f"no meeting with data in {data}")
    return latest, with_data


def commands(name: str, setup: Setup, run_dir: Path) -> list[list[str]]:
    """The commands one run of a measurement executes, one after another, in `run_dir`."""
    boardbrief = str(BIN / "boardbrief")
    if name == "floor":
        return [[str(BIN / "python"), "-c", floor_script(NOTEBOOK, KERNEL_NAME)]]
    if name == "stock":
        executed = str(run_dir / "briefing.ipynb")
        return [
            [
                str(BIN / "papermill"),
                str(NOTEBOOK),
                executed,
                "-p",
                "meeting_date",
                setup.meeting,
                "-p",
                "data_dir",
                str(setup.data),
                "--no-progress-bar",
            ],
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", executed],
        ]
    if name == "make_test":
        return [["make", "test"]]
    if name == "validate":
        return [[boardbrief, "validate", "--data", str(setup.data)]]
    if name == "validate_x100":
        return [[boardbrief, "validate", "--data", str(setup.scaled_data)]]
    out = ["--out", str(run_dir / "briefings")]
    if setup.quick and name in QUICK_BRIEFING_ALONE:
        out = ["--no-area-pages", *out]
    if name == "render":
        return [[boardbrief, "render", setup.meeting, "--data", str(setup.data), *out]]
    if name == "briefing_only":
        briefing_alone = [boardbrief, "render", setup.meeting, "--no-area-pages"]
        return [[*briefing_alone, "--data", str(setup.data), *out]]
    if name == "render_x100":
        return [[boardbrief, "render", setup.meeting, "--data", str(setup.scaled_data), *out]]
    if name == "render_all":
        forced = ["--all", "--force", "--reason", "benchmark"]
        return [[boardbrief, "render", *forced, "--data", str(setup.data), *out]]
    if name == "serial":
        return [
            [boardbrief, "render", meeting, "--data", str(setup.data), *out]
            for meeting in setup.meetings
        ]
    raise ValueError(f"unknown measurement {name}")


def measure(name: str, setup: Setup, repeat: int, report: Callable[[str], None]) -> Measurement:
    """Run a measurement `repeat` times, each in a fresh folder, timing the whole command list."""
    measurement = Measurement(name)
    for run in range(1, repeat + 1):
        run_dir = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=setup.work))
        seconds, peak = 0.0, 0.0
        for argv in commands(name, setup, run_dir):
            elapsed, rss, _ = run_watched(argv, REPO if name in ONCE else run_dir)
            seconds += elapsed
            peak = max(peak, rss)
        shutil.rmtree(run_dir, ignore_errors=True)
        measurement.seconds.append(seconds)
        measurement.peak_rss_mb.append(peak)
        report(f"{name} run {run}/{repeat}: {seconds:.2f} s, peak RSS {peak:.0f} MB")
    return measurement


def ratios(medians: dict[str, float]) -> dict[str, dict[str, object]]:
    """Each target ratio with its value (None when a side was not measured) and whether met."""
    result = {}
    for target in TARGETS:
        top, bottom = medians.get(target.numerator), medians.get(target.denominator)
        value = None if top is None or bottom is None else top / bottom
        result[target.name] = {
            "value": None if value is None else round(value, 3),
            "target": f"<= {target.at_most}",
            "met": None if value is None else value <= target.at_most,
        }
    return result


def limits(medians: dict[str, float]) -> dict[str, dict[str, object]]:
    """Each time limit with its median (None when not measured) and whether it was kept."""
    result = {}
    for limit in LIMITS:
        value = medians.get(limit.measurement)
        result[limit.name] = {
            "value": None if value is None else round(value, 3),
            "target": f"< {limit.under_s:g} s",
            "met": None if value is None else value < limit.under_s,
        }
    return result


def memory_target(peaks: dict[str, float]) -> dict[str, object]:
    """Whether the scaled render's peak memory stays under the target."""
    name, limit = MEMORY_TARGET
    peak = peaks.get(name)
    return {
        "name": f"peak RSS {name} (MB)",
        "value": None if peak is None else round(peak, 1),
        "target": f"< {limit:.0f}",
        "met": None if peak is None else peak < limit,
    }


def table(results: dict[str, object]) -> str:
    """The results as plain text: measurements, then ratios, time limits and the memory target."""
    factor = results["settings"]["factor"]
    lines = [f"{'measurement':<13} {'median s':>9}  {'peak RSS MB':>11}  runs (s)"]
    for name, figures in results["measurements"].items():
        label = name if name not in SCALED or factor == FULL_FACTOR else f"{name[:-4]}x{factor}"
        peak = figures.get("peak_rss_mb")
        peak_text = "" if peak is None else f"{peak:.0f}"
        runs = " ".join(f"{s:.2f}" for s in figures["runs_s"])
        lines.append(f"{label:<13} {figures['median_s']:>9.2f}  {peak_text:>11}  {runs}")
    lines += ["", f"{'ratio':<24} {'value':>8}  {'target':<9} result"]
    rows = [{"name": name, **figures} for name, figures in results["ratios"].items()]
    rows += [{"name": name, **figures} for name, figures in results.get("limits", {}).items()]
    for row in [*rows, results["memory_target"]]:
        digits = 0 if row is results["memory_target"] else 2
        value = "n/a" if row["value"] is None else f"{row['value']:.{digits}f}"
        met = {None: "not measured", True: "met", False: "NOT MET"}[row["met"]]
        lines.append(f"{row['name']:<24} {value:>8}  {row['target']:<9} {met}")
    return "\n".join(lines)


def machine() -> dict[str, object]:
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, help="runs per measurement (default 3; 1 if quick)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one run each, 2x data instead of 100x, and render_all and serial without the "
        "area pages (for tests)",
    )
    parser.add_argument(
        "--only",
        type=lambda text: [name.strip() for name in text.split(",") if name.strip()],
        default=None,
        metavar="NAMES",
        help=f"comma-separated subset of: {', '.join(MEASUREMENTS)} (default: all; with "
        "--quick all but make_test)",
    )
    parser.add_argument("--data", type=Path, default=SAMPLE_DATA, help="data folder to measure")
    parser.add_argument(
        "--meeting", help="meeting for stock, render and render_x100 (default: the latest)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.only is None:
        args.only = [name for name in MEASUREMENTS if not (args.quick and name in ONCE)]
    if args.quick and set(args.only) & set(ONCE):
        raise SystemExit(f"--quick cannot run {', '.join(ONCE)}: the suite runs --quick itself")
    unknown = sorted(set(args.only) - set(MEASUREMENTS))
    if unknown:
        raise SystemExit(
            f"unknown measurement {', '.join(unknown)}; known: {', '.join(MEASUREMENTS)}"
        )
    repeat = args.repeat or (1 if args.quick else 3)
    factor = QUICK_FACTOR if args.quick else FULL_FACTOR
    data = args.data.resolve()

    def report(line: str) -> None:
        print(f"bench: {line}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="boardbrief-bench-") as folder:
        work = Path(folder)
        latest, meetings = latest_and_meetings(data, work)
        scaled = work / f"data_x{factor}"
        if set(SCALED) & set(args.only):
            from boardbrief.sample_data.scaled import write_scaled_data

            report(f"writing {factor}x data into {scaled} (not timed)")
            write_scaled_data(data, scaled, factor)
        setup = Setup(data, scaled, args.meeting or latest, meetings, work, args.quick)
        report(f"{repeat} run(s) each; meeting {setup.meeting}; {len(meetings)} meetings with data")
        measured = {
            name: measure(name, setup, 1 if name in ONCE else repeat, report)
            for name in MEASUREMENTS
            if name in args.only
        }
    medians = {name: m.median for name, m in measured.items()}
    peaks = {
        name: max(m.peak_rss_mb) for name, m in measured.items() if name in MEMORY_MEASUREMENTS
    }
    results = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            "repeat": repeat,
            "quick": args.quick,
            "factor": factor,
            "data": str(data),
            "meeting": setup.meeting,
            "meetings": list(meetings),
            "briefing_alone": list(QUICK_BRIEFING_ALONE) if args.quick else [],
        },
        "measurements": {name: m.as_dict() for name, m in measured.items()},
        "ratios": ratios(medians),
        "limits": limits(medians),
        "memory_target": memory_target(peaks),
        "total_s": round(time.perf_counter() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    report(f"took {results['total_s']:.0f} s; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
