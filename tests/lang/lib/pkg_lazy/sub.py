from . import MARK
VALUE = MARK + ".sub"
