"""Entity recommenders that learn from the project, like INCEpTION's: names already tagged
elsewhere (`names`), and a statistical sequence tagger (`crf`). Both are pure Python, trained
from `TrainingDocument`s and returning `EntityGuess`es with a confidence; the window trains them
off the GUI thread and shows their guesses as F7 suggestions, `python main.py suggest` runs them
over a corpus.
"""

from annotation.recommenders.base import EntityGuess, TrainingDocument, merge_guesses

__all__ = ["EntityGuess", "TrainingDocument", "merge_guesses"]
