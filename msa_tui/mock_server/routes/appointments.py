"""Routes: appointments."""

from fastapi import APIRouter

router = APIRouter()
