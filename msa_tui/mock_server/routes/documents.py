"""Routes: documents."""

from fastapi import APIRouter

router = APIRouter()
