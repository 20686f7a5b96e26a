"""board.yml saved in cp1252 with a pound sign in a name."""

from pathlib import Path


def build(data: Path) -> None:
    path = data / "board.yml"
    text = path.read_text(encoding="utf-8").replace(
        "Northshire College", "Northshire \u00a3 College"
    )
    path.write_bytes(text.encode("cp1252"))
