"""Rules and local state: no Textual and no httpx at run time."""
