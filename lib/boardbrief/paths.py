"""Where things are: the notebooks, the templates, and the default data and output folders."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]  # lib/boardbrief -> the checkout (installed editable)
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
BRIEFING_NOTEBOOK = NOTEBOOKS_DIR / "briefing.ipynb"
AREA_NOTEBOOK = NOTEBOOKS_DIR / "area.ipynb"  # one priority area in depth, run once per area
NBCONVERT_TEMPLATES = PACKAGE_DIR / "templates" / "nbconvert"
NBCONVERT_TEMPLATE_NAME = "boardbrief"

# Relative to where the command is run, as command-line users expect.
DEFAULT_DATA_DIR = Path("data")
DEFAULT_OUT_DIR = Path("briefings")
DEFAULT_EXPORTS_DIR = Path("exports")

BRIEFING_HTML = "briefing.html"
FAMILIES_HTML = "families.html"  # the page for families, beside the briefing
BRIEFING_PDF = "briefing.pdf"  # only with `render --pdf`
EXECUTED_NOTEBOOK = "briefing.ipynb"
FIGURES_JSON = "figures.json"
FAILED_DIR = "_failed"
AREAS_DIR = "areas"  # beside briefing.html: one page per priority area


def area_page(area_id: str, suffix: str = ".html") -> str:
    """An area's page relative to the meeting's folder: `areas/<area_id>.html`."""
    return f"{AREAS_DIR}/{area_id}{suffix}"
