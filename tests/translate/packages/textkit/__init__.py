from .text import shout, whisper
from .numbers import *
