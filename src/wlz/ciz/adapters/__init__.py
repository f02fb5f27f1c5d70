"""Wrappers of the libraries the CIZ calls (the rules engine for the pilot's profile amount)."""
