"""Routes: attestations."""

from fastapi import APIRouter

router = APIRouter()
