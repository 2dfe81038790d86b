"""Helpers shared by the test folders (fixtures live in each folder's conftest.py)."""
