"""Announcements and consultations of the centre (``content/news/<date>-<id>.yaml``)."""
