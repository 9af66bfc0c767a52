"""Developer scripts (not shipped): the reference .docx builder, training the section ranker
(train.py) and its leave-one-group-out evaluation (logo.py)."""
