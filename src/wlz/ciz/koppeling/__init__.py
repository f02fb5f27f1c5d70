"""The CIZ's interface to the zorgkantoor: the IO31 built with wlz.iwlz and delivered over HTTP to the
zorgkantoor's API; the IO32 retour read back (docs/ciz.md, "IO31 to the zorgkantoor")."""
