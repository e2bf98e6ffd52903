"""Accessibility, kiosk and offline: statement and ETR pages, QR codes, manifest and worker.

``feature.py`` joins them to the build.
"""
