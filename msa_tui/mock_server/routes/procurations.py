"""Routes: procurations."""

from fastapi import APIRouter

router = APIRouter()
