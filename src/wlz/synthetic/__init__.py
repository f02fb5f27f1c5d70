"""Calibrated synthetic national Wlz/Zvw claims dataset (``wlz genereer``).

Synthetic persons with indications, leveringsvorm histories, monthly Wlz claim lines, pgb grants and Zvw
claims, written as Parquet in the input interface of the claims analysis (``wlz.claims``) and calibrated so that the
analysis reproduces seed 004's client tables. See README.md in this folder.
"""
