"""boardbrief: a SEND partnership board's monthly data, turned into an HTML briefing.

Notebooks import this package and call it; every computation lives here so it can be tested.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("boardbrief")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"
