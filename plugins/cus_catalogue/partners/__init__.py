"""Partners: what the centre is looking for (``needs.csv``) and the offer form for organisations."""
