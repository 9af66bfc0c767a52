"""Briefing to memo blocks: a template (jinja2, sandboxed) renders the closed memo XML vocabulary."""
