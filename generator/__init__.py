"""Generates budget-disclosure documents of government departments from YAML facts."""
