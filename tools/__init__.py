"""Developer scripts: training the clause ranker and leave-one-group-out evaluation (not shipped)."""
