"""jdbuilder: job descriptions, job ads and interview kits for peer-support roles."""

__version__ = "0.1.0"
APP_NAME = "jdbuilder"
