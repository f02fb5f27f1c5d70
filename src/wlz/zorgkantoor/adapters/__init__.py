"""Adapters to other wlz capabilities. Each is one small module, so a change there touches one file here."""
