import a.b.c
import d.e as f
from g import h as i, j
