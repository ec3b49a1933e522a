from . x import (a as b, c,)
from .... import d
