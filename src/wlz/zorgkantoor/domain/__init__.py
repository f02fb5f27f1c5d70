"""Domain model of the case-handling service: entities and the request state machine, free of I/O."""
