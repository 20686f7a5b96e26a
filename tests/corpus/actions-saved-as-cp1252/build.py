"""An action snapshot saved by Excel as plain 'CSV' (cp1252): the first non-UTF-8 row is named."""

from pathlib import Path


def build(data: Path) -> None:
    path = data / "actions/2026-05-05.csv"
    text = path.read_text(encoding="utf-8").replace(
        "Monthly drop-ins", "Monthly caf\u00e9 drop-ins \u2013 \u00a3"
    )
    path.write_bytes(text.encode("cp1252"))
