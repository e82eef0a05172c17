"""The six exercises of the worksheet, one module each; each builds its items and its answers as plain data."""

from framing.classroom.exercises.actors import actors_exercise
from framing.classroom.exercises.guess import guess_exercise
from framing.classroom.exercises.headlines import headlines_exercise
from framing.classroom.exercises.loaded import loaded_exercise
from framing.classroom.exercises.quotes import quotes_exercise
from framing.classroom.exercises.rewrite import rewrite_exercise

__all__ = ["actors_exercise", "guess_exercise", "headlines_exercise", "loaded_exercise", "quotes_exercise", "rewrite_exercise"]
