"""What the pgb context asks of the libraries (the rules)."""
