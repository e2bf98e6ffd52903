"""Packages: services grouped by a life situation (``content/packages/<id>.yaml``)."""
