"""The CIZ's /api (JSON), gated per role with API tokens."""
