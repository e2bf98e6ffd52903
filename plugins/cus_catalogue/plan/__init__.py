"""My plan: a resident's draft of the individual plan of social services (IPUS), kept on the
device; the build writes its page and the facts the page shows about each service."""
