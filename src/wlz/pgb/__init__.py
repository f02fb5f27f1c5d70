"""The pgb administration: the budgethouder's file as the SVB keeps it under the trekkingsrecht —
beschikking, budgetplan, zorgovereenkomsten, declarations and payments, vaststelling, vorderingen.

Its own context on the platform with its own database (``WLZ_PGB_DATABASE_URL``). It learns of a client's pgb
only through the zorgkantoor's decision in the documented ``PgbBeschikking`` record (docs/pgb.md), never by
reading the zorgkantoor's tables.
"""
