"""Generates budget-disclosure documents of government departments from YAML facts."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shipped(installed: str, checkout: Path) -> Path:
    """A folder the package ships: inside the installed package (pip install .), else in the checkout."""
    inside = Path(__file__).resolve().parent / installed
    return inside if inside.is_dir() else checkout


TEMPLATES = _shipped("_templates", ROOT / "templates")
COMMON = _shipped("_common", ROOT / "data" / "common")
