"""Persistence: tables mapped onto the domain classes, repositories, the unit of work, and migrations."""
