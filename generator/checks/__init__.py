"""Rules over model and figures that give located findings; importing the package registers every rule."""
from generator.checks import data, forms, indicators, lines, names, needs, project_form, stated_rule, text
from generator.checks.registry import run

RULE_MODULES = (data, forms, indicators, lines, names, needs, project_form, stated_rule, text)

__all__ = ["RULE_MODULES", "run"]
