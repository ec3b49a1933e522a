# compile: mode=single
from __future__ import braces
