"""The CIZ's use cases: each checks the actor's right (``domain.gebruiker.RECHTEN``) and writes its line in
the NEN 7513 access log in the same transaction as the access."""
