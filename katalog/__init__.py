"""The ``katalog`` command: validate, build, preview and publish the social-services catalogue."""
