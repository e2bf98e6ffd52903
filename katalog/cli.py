"""Entry point of the ``katalog`` command; each group of subcommands lives in its own module."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from cus_catalogue.i18n import gettext as _

from . import (
    aggregate,
    codeowners,
    commands,
    import_hsds,
    ownership,
    proposals,
    publish,
    scaffold,
)

# Each module has ``add_parsers(subparsers)``; a new group of subcommands adds one line here.
COMMAND_MODULES = [commands, ownership, codeowners, proposals, publish, scaffold, import_hsds]
COMMAND_MODULES.append(aggregate)


def parser() -> argparse.ArgumentParser:
    """The command line, with Polish help for the people who run it."""
    main = argparse.ArgumentParser(prog="katalog", description=_("Social services catalogue."))
    subparsers = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_parsers(subparsers)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
