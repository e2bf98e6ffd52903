"""Accessibility, kiosk and offline: statement and ETR pages, QR codes, manifest and worker."""

from .hooks import register

__all__ = ["register"]
