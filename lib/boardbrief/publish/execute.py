"""Executing the briefing notebook with papermill, in a kernel reached over private sockets.

The kernel is reached over Unix sockets (ZeroMQ's `ipc`) where the platform and pyzmq offer them,
and over TCP on the loopback address otherwise (Windows: pyzmq's wheels there have no `ipc`), or
when `BOARDBRIEF_KERNEL_TRANSPORT=tcp` asks for it.

The parameters are checked against the notebook's own before anything runs (papermill itself
only warns), and each way a run can fail (a cell too slow, a dead kernel, a cell that raised)
becomes an error that says what happened and where the notebook as far as it ran was kept.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import uuid
from pathlib import Path

import nbformat

from boardbrief import paths
from boardbrief.errors import NotebookDataError, RenderError, UsageError
from boardbrief.publish.staging import keep_failed

log = logging.getLogger(__name__)

KERNEL_NAME = "boardbrief"
CELL_TIMEOUT = 600  # seconds; a cell that hangs is stopped rather than waited on for ever
TRANSPORT_VARIABLE = "BOARDBRIEF_KERNEL_TRANSPORT"  # "ipc" or "tcp"; unset: ipc where it works
LOOPBACK = "127.0.0.1"


def ipc_supported() -> bool:
    """Whether this platform's pyzmq can talk over Unix sockets (never on Windows)."""
    if sys.platform == "win32":
        return False
    import zmq

    return bool(zmq.has("ipc"))


def kernel_transport() -> str:
    """The transport to the kernel: `BOARDBRIEF_KERNEL_TRANSPORT` if set, else ipc where it works.

    Returns
    -------
    str
        "ipc" or "tcp".

    Raises
    ------
    UsageError
        The variable names another transport, or asks for ipc where pyzmq has none.
    """
    requested = os.environ.get(TRANSPORT_VARIABLE, "").strip().lower()
    if requested not in ("", "ipc", "tcp"):
        raise UsageError(f"{TRANSPORT_VARIABLE} must be ipc or tcp, not {requested!r}")
    if requested == "ipc" and not ipc_supported():
        raise UsageError(
            f"{TRANSPORT_VARIABLE}=ipc, but this platform's pyzmq has no ipc transport; "
            "unset it (tcp on the loopback address is then used)"
        )
    if requested:
        return requested
    return "ipc" if ipc_supported() else "tcp"


def kernel_address(transport: str) -> str:
    """Where the kernel listens: a fresh socket-file prefix for ipc, the loopback address for tcp.

    The prefix is short: macOS allows a Unix socket path of 104 bytes, and its temporary folder
    is long already.
    """
    if transport == "tcp":
        return LOOPBACK
    return str(Path(tempfile.gettempdir()) / f"boardbrief-kernel-{uuid.uuid4().hex[:16]}")


def check_parameters(notebook: Path, parameters: dict[str, object]) -> None:
    """Refuse parameters the notebook does not declare (papermill itself only warns)."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise RenderError(
            f"{notebook.name} has no parameter {', '.join(unknown)}; it declares: "
            f"{', '.join(sorted(declared)) or 'none'}"
        )


def require_kernel(kernel_name: str) -> None:
    """Refuse to start when the notebook's kernel is not registered, saying how to register it."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise RenderError(
            f"the Jupyter kernel '{kernel_name}' is not registered. Run `make briefing` (it "
            f"registers it), or: python -m ipykernel install --sys-prefix --name {kernel_name}"
        ) from None


def execute_notebook(
    notebook: Path,
    output: Path,
    parameters: dict[str, object],
    kernel_name: str,
    cell_timeout: int | None,
    out_dir: Path,
    date: str,
    kernel_manager: object | None = None,
    failed_name: str = paths.EXECUTED_NOTEBOOK,
) -> nbformat.NotebookNode:
    """Run `notebook` with `parameters` into `output`; a failed run is kept in `out_dir`.

    With `kernel_manager` the run uses that kernel (started already, or started here and left
    running) instead of starting and stopping its own: several runs can share one kernel. A
    failed run is kept as `_failed/DATE-<failed_name>`.
    """
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    log.info("running %s for %s", notebook.name, date)
    try:
        return papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            kernel_name=kernel_name,
            cwd=None if kernel_manager is not None else str(notebook.parent),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=cell_timeout,
            **(
                {"km": kernel_manager}
                if kernel_manager is not None
                else {"kernel_manager_class": local_socket_kernel_manager()}
            ),
            # stop the kernel at once, not politely: a kernel asked to shut down while a cell
            # runs (Ctrl-C, a timeout) prints its own traceback; ours has nothing to clean up
            shutdown_kernel="immediate",
        )
    except CellTimeoutError as error:
        preview = str(error).partition("Here is a preview of the cell contents:")[2].strip()
        raise RenderError(
            f"a cell of {notebook.name} ran for more than {cell_timeout} seconds and was stopped"
            + (f"; the cell began:\n{preview}" if preview else "")
        ) from None
    except DeadKernelError:
        kept = keep_failed(output, out_dir, date, failed_name)
        where = f"The notebook as far as it ran is at {kept}" if kept else "No notebook was saved."
        raise RenderError(
            f"the kernel running {notebook.name} died (out of memory, or killed)\n{where}"
        ) from None
    except PapermillExecutionError as error:
        kept = keep_failed(output, out_dir, date, failed_name)
        if error.ename == "DataError":
            raise NotebookDataError(error.evalue) from None
        raise RenderError(
            f"cell {error.exec_count} of {notebook.name} failed with {error.ename}: {error.evalue}"
            f"\nThe failed notebook, with the failing cell's output, is at {kept}"
        ) from None


def local_socket_kernel_manager() -> type:
    """A kernel manager on private Unix sockets where possible, else on the loopback address.

    Never an open TCP port: tcp listens on 127.0.0.1 only. nbclient creates, watches and shuts
    down the kernel itself, so a kernel that dies is noticed.
    """
    import zmq
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    transport = kernel_transport()

    class LocalSocketKernelManager(AsyncKernelManager):
        @default("transport")
        def _default_transport(self) -> str:
            return transport

        @default("ip")
        def _default_ip(self) -> str:  # ipc: the prefix of the socket files, removed at shutdown
            return kernel_address(transport)

        @default("transport_encryption")
        def _default_transport_encryption(self) -> str:
            # tcp: CurveZMQ where pyzmq has it and the kernel declares it (ipykernel does), so
            # the kernel neither talks in plain text nor warns that it does
            return "auto" if transport == "tcp" and zmq.has("curve") else "disabled"

    return LocalSocketKernelManager
