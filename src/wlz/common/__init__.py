"""Leaf helpers every layer may use (libraries, platform and contexts alike): Dutch formatting, month
arithmetic and the one error type for bad input. Nothing here imports another ``wlz`` package."""
