"""Command line: ``python -m boardbrief.sample_data OUT_DIR [--seed N]``."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from boardbrief.sample_data import write_sample_data


def main(argv: list[str] | None = None) -> int:
    """Write the sample data; quiet unless something goes wrong."""
    parser = argparse.ArgumentParser(
        prog="python -m boardbrief.sample_data",
        description="Write the deterministic sample data for the Lancashire board.",
    )
    parser.add_argument("out_dir", type=Path, help="data folder to write into")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default: 2026)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    write_sample_data(args.out_dir, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
