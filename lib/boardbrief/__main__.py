"""`python -m boardbrief`: the same as the `boardbrief` command."""

import sys

from boardbrief.cli import main

sys.exit(main())
