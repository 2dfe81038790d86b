"""Routes: catalogue."""

from fastapi import APIRouter

router = APIRouter()
