"""The kernel's transport: ipc where pyzmq has it, tcp on the loopback address otherwise or asked."""

from __future__ import annotations

import sys

import pytest

from boardbrief.errors import UsageError
from boardbrief.publish import execute
from boardbrief.publish.execute import (
    TRANSPORT_VARIABLE,
    kernel_address,
    kernel_transport,
    local_socket_kernel_manager,
)


def test_kernel_transport_is_ipc_on_linux_unless_asked(monkeypatch):
    monkeypatch.delenv(TRANSPORT_VARIABLE, raising=False)
    assert kernel_transport() == "ipc"
    monkeypatch.setenv(TRANSPORT_VARIABLE, "tcp")
    assert kernel_transport() == "tcp"
    monkeypatch.setenv(TRANSPORT_VARIABLE, " IPC ")
    assert kernel_transport() == "ipc"


def test_kernel_transport_is_tcp_on_windows(monkeypatch):
    monkeypatch.delenv(TRANSPORT_VARIABLE, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert kernel_transport() == "tcp"


def test_kernel_transport_is_tcp_where_pyzmq_has_no_ipc(monkeypatch):
    import zmq

    monkeypatch.delenv(TRANSPORT_VARIABLE, raising=False)
    monkeypatch.setattr(zmq, "has", lambda capability: capability != "ipc")
    assert kernel_transport() == "tcp"


def test_kernel_transport_refuses_ipc_where_there_is_none_and_unknown_names(monkeypatch):
    monkeypatch.setattr(execute, "ipc_supported", lambda: False)
    monkeypatch.setenv(TRANSPORT_VARIABLE, "ipc")
    with pytest.raises(UsageError, match="no ipc transport"):
        kernel_transport()
    monkeypatch.setenv(TRANSPORT_VARIABLE, "udp")
    with pytest.raises(UsageError, match="must be ipc or tcp, not 'udp'"):
        kernel_transport()


def test_kernel_address_is_loopback_for_tcp_and_a_short_socket_prefix_for_ipc():
    assert kernel_address("tcp") == "127.0.0.1"
    prefix = kernel_address("ipc")
    assert "boardbrief-kernel-" in prefix
    assert prefix != kernel_address("ipc")
    assert len(prefix.rpartition("boardbrief-kernel-")[2]) == 16


@pytest.mark.parametrize("transport", ["ipc", "tcp"])
def test_kernel_manager_uses_the_chosen_transport(monkeypatch, transport):
    monkeypatch.setenv(TRANSPORT_VARIABLE, transport)
    manager = local_socket_kernel_manager()()
    assert manager.transport == transport
    assert (manager.ip == "127.0.0.1") is (transport == "tcp")
    # tcp is encrypted (CurveZMQ) where pyzmq can: Linux's and Windows' wheels can
    assert manager.transport_encryption == ("auto" if transport == "tcp" else "disabled")
