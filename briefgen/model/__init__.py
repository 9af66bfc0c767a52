"""The contracts, depending on nothing else in briefgen: the Article read from a source, the Briefing
the parser produces, the memo's block tree and the fitted memo the renderers draw."""
