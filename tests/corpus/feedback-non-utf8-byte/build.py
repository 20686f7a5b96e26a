"""A stray 0xff byte in the middle of a comment."""

from pathlib import Path


def build(data: Path) -> None:
    path = data / "feedback/dropins.csv"
    raw = path.read_bytes().replace(b"Still no speech", b"Still no \xff speech")
    path.write_bytes(raw)
