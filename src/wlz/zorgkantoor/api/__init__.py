"""JSON API under /api for systems (API tokens), documented by FastAPI's OpenAPI at /api/openapi.json."""
