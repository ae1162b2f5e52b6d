"""Building a project's documents into a folder."""
