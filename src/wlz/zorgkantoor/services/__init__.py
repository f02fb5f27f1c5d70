"""Use cases. Pages and API call these; authorization and access logging happen here, once for both."""
