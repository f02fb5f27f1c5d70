"""Wlz variables, one module per rule or scheme (budget, doelmatigheid, ekt, meerzorg, pab, ...)."""
