"""boardbrief: a SEND partnership board's monthly data, turned into an HTML briefing.

Notebooks import this package and call it; every computation lives here so it can be tested.
The folders are its layers, lowest first; each layer imports only the layers below it (and
itself), never one above (tests/unit/test_layers.py checks every import):

1. vocabulary, at the root: `errors` (every error with its exit code), `paths`, `ratings`,
   `formatting` (numbers, money, dates) and `present` (escaped HTML blocks, tables);
2. `privacy/`: small-number suppression, redaction and people's names;
3. `contract/`: reading and checking a board's data folder, and a meeting's part of it
   (`contract/indicators/`: the published statistics it names);
4. `sections/`: each section's computations, a status object per section;
5. `charts/`: a chart per section, drawn as SVG with its alt text and data table;
6. `views/`: what the notebook shows, a module per section, returning finished HTML;
7. `publish/`: running and exporting the notebook, and everything written beside a briefing;
   beside it `returns/`: the partner returns' workbooks, out and back into the data folder;
8. the commands: `cli` (and `__main__`, `returns_cli`), and `sample_data/`, the generator of
   `data/`.

A section has one name in every layer: `sections/action_plan.py`, `charts/action_plan.py` and
`views/action_plan.py` (likewise `feedback`, `funding`, `impact`). See docs/architecture.md.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("boardbrief")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"
