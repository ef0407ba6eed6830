"""claimcheck's HTTP service (``claimcheck serve``; needs the ``[server]`` extra).

``app`` builds the Starlette application, ``pool`` runs checks in worker processes,
``languagetool`` maps to and from LanguageTool's HTTP API, ``inputs`` reads and validates requests.
"""
