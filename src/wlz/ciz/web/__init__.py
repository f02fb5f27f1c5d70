"""The CIZ's pages (Dutch) on the platform's page shell."""
