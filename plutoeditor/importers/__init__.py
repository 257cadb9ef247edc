"""Importers: build a clause tree from text, Markdown and Word documents."""
