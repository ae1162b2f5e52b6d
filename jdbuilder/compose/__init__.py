"""Composition: domain objects -> render-neutral document trees. Imports no renderer."""
