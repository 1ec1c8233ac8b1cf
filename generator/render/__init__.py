"""Rendering: the Jinja environment, docxtpl rendering, package writing, atomic files, document kinds."""
