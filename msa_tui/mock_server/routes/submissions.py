"""Routes: submissions."""

from fastapi import APIRouter

router = APIRouter()
