def arguments(args=None, posonlyargs=None, vararg=None,
              kwonlyargs=None, kwarg=None,
              defaults=None, kw_defaults=None):
    if args is None:
        args = []
    if posonlyargs is None:
        posonlyargs = []
    if kwonlyargs is None:
        kwonlyargs = []
    if defaults is None:
        defaults = []
    if kw_defaults is None:
        kw_defaults = []
    args = ast.arguments(args, posonlyargs, vararg, kwonlyargs,
                         kw_defaults, kwarg, defaults)
    return fac(args)
