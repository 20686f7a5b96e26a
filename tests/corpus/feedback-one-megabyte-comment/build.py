"""A comment of a million characters is refused (the contract allows 20,000)."""

from pathlib import Path


def build(data: Path) -> None:
    path = data / "feedback/dropins.csv"
    text = path.read_text(encoding="utf-8").replace("Nobody calls back", "x" * 1_000_000)
    path.write_text(text, encoding="utf-8")
