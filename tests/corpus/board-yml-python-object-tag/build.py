"""board.yml with tags that would run a command and build objects: refused, never run."""

from pathlib import Path


def build(data: Path) -> None:
    # Were the tags run, each would leave a file in the data folder, which the test fingerprints.
    marker = data / "HACKED"
    path = data / "board.yml"
    text = path.read_text(encoding="utf-8").replace(
        "sample: false", f"sample: !!python/object/apply:os.system ['touch {marker}']"
    )
    text += f"extra: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{marker}2']]\n"
    path.write_text(text, encoding="utf-8")
