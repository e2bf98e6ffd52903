"""``python -m katalog`` runs the same command as ``katalog``."""

from katalog.cli import main

raise SystemExit(main())
