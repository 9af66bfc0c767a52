"""Fit a memo onto one page with the fonts' real metrics, and place everything on it."""
