"""`python -m jdbuilder` runs the same entry point as the `jdbuilder` command."""

import sys

from jdbuilder.cli import main

sys.exit(main())
