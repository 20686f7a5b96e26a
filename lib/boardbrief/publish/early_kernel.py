"""A kernel started, and its imports paid for, while the command is still checking the data.

Starting a kernel and importing pandas, seaborn and the package, and drawing a first chart
(matplotlib's fonts and seaborn's set-up), take longer than the notebook's own work on a
sample-sized board. None of it depends on the data, so `render` starts its kernels on a thread
at once and checks the data meanwhile. Before the notebook runs, the kernel's namespace and
execution count are reset, so the executed notebook is the one a fresh kernel would give; only
imported modules and matplotlib's caches are kept, which change no output.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from boardbrief.errors import RenderError
from boardbrief.publish.execute import local_socket_kernel_manager

log = logging.getLogger(__name__)

# What the package's notebooks import, then a chart drawn and thrown away.
WARM_UP = (
    "import boardbrief.contract.reuse, boardbrief.publish.families, boardbrief.publish.figures\n"
    "import boardbrief.sections.area, boardbrief.views",
    "from boardbrief.charts.base import warm_up\nwarm_up()",
)
# Clears the namespace and restarts the execution count, as a fresh kernel would have them.
RESET = "get_ipython().reset(new_session=True)"
TIMEOUT = 120  # seconds for the warm-up or the reset to answer
POLL = 0.1  # seconds between looks at whether the kernel is still wanted


class EarlyKernel:
    """A kernel starting on a thread of its own; `manager()` waits until it is ready."""

    def __init__(self, kernel_name: str, cwd: Path) -> None:
        self._abandoned = threading.Event()  # set by close(): stop within POLL seconds
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="early-kernel")
        self._future: Future[object | None] = self._pool.submit(self._start, kernel_name, cwd)

    def manager(self) -> object:
        """The kernel manager of a started, warmed and reset kernel.

        Raises
        ------
        RenderError
            The kernel could not be started or warmed up.
        """
        try:
            manager = self._future.result()
        except RenderError:
            raise
        except Exception as error:
            raise RenderError(f"the notebook's kernel could not be started: {error}") from None
        if manager is None:
            raise RenderError("the notebook's kernel was stopped before it was used")
        return manager

    def close(self) -> None:
        """Stop the kernel. One still starting is stopped where it is, not warmed up first: a
        render whose data fails its check says so without waiting for the kernel."""
        self._abandoned.set()
        self._pool.shutdown(wait=True)
        manager = None if self._future.exception() else self._future.result()
        if manager is not None:
            _stop(manager)

    def _start(self, kernel_name: str, cwd: Path) -> object | None:
        from jupyter_core.utils import run_sync

        manager = local_socket_kernel_manager()(kernel_name=kernel_name)
        run_sync(manager.start_kernel)(
            cwd=str(cwd), extra_arguments=["--HistoryManager.hist_file=:memory:"]
        )
        try:
            for step in (*WARM_UP, RESET):
                run_quietly(manager, step, self._abandoned)
        except Abandoned:
            _stop(manager)
            return None
        except BaseException:
            _stop(manager)
            raise
        log.debug("kernel %s started and warmed up", kernel_name)
        return manager


@contextmanager
def early_kernels(
    kernel_name: str, notebook_folder: Path, area_pages: bool
) -> Iterator[tuple[EarlyKernel, EarlyKernel | None]]:
    """The briefing's kernel and, with `area_pages`, the area pages' kernel, started now (once
    the kernel is known to be registered); both stopped when the `with` ends."""
    from boardbrief import paths
    from boardbrief.publish.execute import require_kernel

    require_kernel(kernel_name)
    with kernel_started_early(kernel_name, notebook_folder) as briefing:
        if not area_pages:
            yield briefing, None
            return
        with kernel_started_early(kernel_name, paths.AREA_NOTEBOOK.parent) as areas:
            yield briefing, areas


@contextmanager
def kernel_started_early(kernel_name: str, cwd: Path) -> Iterator[EarlyKernel]:
    """Start a kernel now, for a notebook run later in the `with`; stopped when it ends."""
    kernel = EarlyKernel(kernel_name, cwd)
    try:
        yield kernel
    finally:
        kernel.close()


def _stop(manager: object) -> None:
    from jupyter_core.utils import run_sync

    run_sync(manager.shutdown_kernel)(now=True)
    run_sync(manager.cleanup_resources)()


class Abandoned(Exception):
    """The kernel was no longer wanted while it was being prepared."""


def run_quietly(manager: object, code: str, abandoned: threading.Event | None = None) -> None:
    """Run `code` in the kernel, outside its history, and raise if it fails.

    The reply is awaited a moment (`POLL`) at a time: once `abandoned` is set, `Abandoned` is
    raised at once, so a render whose data failed its check stops the kernel in the middle of
    its imports rather than after them.
    """

    client = manager.client()
    # No heartbeat thread (a kernel stopped while it starts up would make it fail): whether the
    # kernel is alive is asked of its process instead.
    client.start_channels(stdin=False, hb=False, control=False)
    try:
        if abandoned is not None and abandoned.is_set():
            raise Abandoned
        _reply(manager, client, client.kernel_info(), abandoned)  # it answers: it is ready
        asked = client.execute(code, store_history=False)
        content = _reply(manager, client, asked, abandoned)["content"]
        if content["status"] != "ok":
            raise RenderError(
                f"the notebook's kernel failed to prepare: {content.get('ename')}: "
                f"{content.get('evalue')}"
            )
    finally:
        client.stop_channels()


def _reply(manager: object, client: object, asked: str, abandoned: threading.Event | None) -> dict:
    """The kernel's reply to the request `asked`, within TIMEOUT, unless abandoned first or the
    kernel dies."""
    from jupyter_core.utils import run_sync

    deadline = time.monotonic() + TIMEOUT
    while True:
        if abandoned is not None and abandoned.is_set():
            raise Abandoned
        try:
            reply = run_sync(client.get_shell_msg)(timeout=POLL)
        except queue.Empty:
            if not run_sync(manager.is_alive)():
                raise RenderError(
                    "the notebook's kernel died while it was being prepared"
                ) from None
            if time.monotonic() > deadline:
                raise RenderError(
                    f"the notebook's kernel did not answer within {TIMEOUT} seconds"
                ) from None
            continue
        if reply.get("parent_header", {}).get("msg_id") == asked:
            return reply
