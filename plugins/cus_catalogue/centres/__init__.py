"""Centres of a regional catalogue (``content/centres/<id>.yaml``, ``katalog aggregate``)."""
