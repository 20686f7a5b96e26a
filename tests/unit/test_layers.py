"""Each layer of the package imports only the layers below it (the rule in boardbrief/__init__.py)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lib" / "boardbrief"

# Lowest first. A module may import its own layer and any layer listed before it, never one after.
LAYERS: list[tuple[str, set[str]]] = [
    ("vocabulary", {"", "errors", "paths", "ratings", "formatting", "present"}),
    ("privacy", {"privacy"}),
    ("contract", {"contract"}),
    ("sections", {"sections"}),
    ("charts", {"charts"}),
    ("views", {"views"}),
    ("publish", {"publish", "returns"}),
    ("commands", {"cli", "__main__", "sample_data", "returns_cli"}),
]


def layer_of(module: str) -> int:
    """The rank of `boardbrief.X...` by its first part X ('' for the package itself)."""
    first = module.split(".")[1] if "." in module else ""
    for rank, (_, members) in enumerate(LAYERS):
        if first in members:
            return rank
    raise LookupError(f"{module} is in no layer: add it to LAYERS and to the package docstring")


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, package: Path) -> set[str]:
    """Every boardbrief module a file imports, at its top or inside a function."""
    name = module_name(path, package)
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            # `from boardbrief import views` imports the module boardbrief.views
            found |= {
                f"{base}.{a.name}" for a in node.names if _is_module(f"{base}.{a.name}", package)
            }
    return {m for m in found if m == "boardbrief" or m.startswith("boardbrief.")}


def _is_module(name: str, package: Path) -> bool:
    path = package.parent.joinpath(*name.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def upward_imports(package: Path) -> list[str]:
    """Each import of a higher layer by a lower one, as 'importer -> imported'."""
    wrong = []
    for path in sorted(package.rglob("*.py")):
        importer = module_name(path, package)
        for imported in sorted(imported_modules(path, package)):
            if layer_of(imported) > layer_of(importer):
                wrong.append(f"{importer} -> {imported}")
    return wrong


def test_no_layer_imports_a_higher_one():
    assert upward_imports(PACKAGE) == []


def test_every_module_is_in_a_layer():
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path, PACKAGE))  # raises for a module in no layer


def test_an_upward_import_is_caught(tmp_path):
    package = tmp_path / "boardbrief"
    (package / "contract").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "contract" / "__init__.py").write_text("")
    (package / "contract" / "load.py").write_text(
        "from boardbrief import paths\nfrom boardbrief.views import headline\n"
    )
    (package / "contract" / "meeting.py").write_text("def f():\n    from ..publish import render\n")
    assert upward_imports(package) == [
        "boardbrief.contract.load -> boardbrief.views",
        "boardbrief.contract.meeting -> boardbrief.publish",
    ]
