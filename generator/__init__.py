"""Generates budget-disclosure documents of government departments from YAML facts."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
