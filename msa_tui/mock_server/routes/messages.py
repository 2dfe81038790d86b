"""Routes: messages."""

from fastapi import APIRouter

router = APIRouter()
