"""reportlab, imported once for the whole package and configured.

Modules that use reportlab import this first. It imports reportlab inside
``regexcache.compiled_ahead``: reportlab compiles regular expressions on import
(a URL pattern over most of Unicode, case-insensitive, alone takes about 40 ms),
and a fresh ``briefgen build`` would pay that every time. Then it pins the
settings that matter for safety and reproducibility.
"""
from __future__ import annotations

from briefgen.regexcache import compiled_ahead

with compiled_ahead("reportlab"):
    import reportlab.platypus  # noqa: F401 - with it, every part of reportlab briefgen uses
    from reportlab import rl_config


def pin_reportlab() -> None:
    """Pin reportlab's security-relevant settings after import, whatever RL_* environment
    variables or ~/.reportlab_settings said: no URL fetching from any host or scheme, no
    expression evaluation in colour strings, invariant (reproducible) output."""
    rl_config.trustedHosts = None
    rl_config.trustedSchemes = []
    rl_config.toColorCanUse = None
    rl_config.invariant = 1
    rl_config.allowTableBoundsErrors = 1


pin_reportlab()
