"""The backend's loggers, plain whatever logger class Pelican installed on import."""

from __future__ import annotations

import logging


def get_logger(name: str) -> logging.Logger:
    """A standard logger: Pelican's class (imported with the catalogue plugin) drops every
    repeat of a warning for the life of the process, and an operator must see each failure."""
    manager = logging.Logger.manager
    installed = manager.loggerClass
    manager.setLoggerClass(logging.Logger)
    try:
        return logging.getLogger(name)
    finally:
        manager.loggerClass = installed
