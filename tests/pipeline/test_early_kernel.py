"""The kernels `render` starts before it checks the data: warmed, reset, and always stopped."""

from __future__ import annotations

import shutil
from pathlib import Path

import psutil
import pytest

from boardbrief import paths
from boardbrief.contract.problems import DataError
from boardbrief.publish.early_kernel import kernel_started_early, run_quietly
from boardbrief.publish.execute import KERNEL_NAME
from boardbrief.publish.render import render_meeting

pytestmark = pytest.mark.pipeline


def _kernels_of_this_process() -> set[int]:
    """The live kernels this test process has started (stopped ones may linger as zombies)."""
    live = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(child.cmdline()):
                live.add(child.pid)
        except psutil.NoSuchProcess:
            continue
    return live


def test_an_early_kernel_has_the_package_imported_and_a_fresh_namespace() -> None:
    with kernel_started_early(KERNEL_NAME, paths.BRIEFING_NOTEBOOK.parent) as kernel:
        manager = kernel.manager()
        # the warm-up's imports are kept; its names and execution count are not
        run_quietly(manager, "import sys; assert 'boardbrief.views' in sys.modules")
        run_quietly(manager, "assert 'warm_up' not in dir() and 'boardbrief' not in dir()")
        run_quietly(manager, "assert get_ipython().execution_count == 1")
        run_quietly(manager, "import os; assert os.getcwd().endswith('notebooks'), os.getcwd()")
    assert not _kernels_of_this_process()


def test_a_render_whose_data_fails_its_check_stops_both_kernels(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(paths.DEFAULT_DATA_DIR, data)
    (data / "board.yml").write_text("meetings: [\n", encoding="utf-8", newline="\n")
    before = _kernels_of_this_process()
    with pytest.raises(DataError):
        render_meeting(data, tmp_path / "briefings")
    assert _kernels_of_this_process() == before
    assert not (tmp_path / "briefings").exists()
