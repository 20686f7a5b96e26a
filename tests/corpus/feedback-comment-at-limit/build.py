"""A comment of exactly 20,000 characters is accepted."""

from pathlib import Path


def build(data: Path) -> None:
    path = data / "feedback/survey.csv"
    text = path.read_text(encoding="utf-8-sig").replace("Parking was hard", "z" * 20_000)
    path.write_text(text, encoding="utf-8")
