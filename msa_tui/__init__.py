"""msa-tui: a terminal client for the MSA member portal « Mon espace privé »."""

# Nothing else here on purpose: this module loads first on every start-up, so it
# must not pull in Textual, httpx or pydantic.
__version__ = "0.1.0"
