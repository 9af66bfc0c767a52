"""Extraction: Article -> Briefing through a declared list of pure stages (see pipeline.py)."""
from briefgen.extract.pipeline import STAGES, extract, run_stages

__all__ = ["extract", "run_stages", "STAGES"]
