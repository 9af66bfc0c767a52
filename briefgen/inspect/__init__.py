"""Read a produced PDF or DOCX back into its block sequence."""
