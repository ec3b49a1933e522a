# The sys module: facts, limits, the exception being handled, exit.
import sys

print(sys.maxsize, sys.byteorder, sys.platform, sys.maxunicode, sys.float_repr_style)
print(sys.version_info, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(type(sys.version_info).__name__ if False else 'skip', sys.hexversion, sys.api_version)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.default_max_str_digits, sys.hash_info.modulus, sys.hash_info.inf,
      sys.hash_info.width, sys.hash_info.algorithm)
print(len(sys.flags), sys.flags.optimize, sys.flags[3], sys.flags.dev_mode, sys.flags.safe_path)
print(isinstance(sys.implementation.cache_tag, str), sys.implementation.cache_tag.endswith('311') or '311-' in sys.implementation.cache_tag)
print(sys.implementation.version == sys.version_info)
print(isinstance(sys.argv, list), isinstance(sys.path, list), type(sys.modules).__name__)
print(sys.modules['sys'] is sys, 'builtins' in sys.modules, 'sys' in sys.builtin_module_names)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
try:
    type(sys.flags)()
except TypeError as e:
    print('TypeError', e)

old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in (0, -1, 1.5, 2**64):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(700)
try:
    str(10**800)
except ValueError as e:
    print('ValueError', str(e)[:40])
sys.set_int_max_str_digits(0)
print(len(str(10**5000)))
sys.set_int_max_str_digits(4300)
try:
    sys.set_int_max_str_digits(5)
except ValueError as e:
    print('ValueError', e)

print(sys.exc_info(), sys.exception())
try:
    raise KeyError('k')
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, tb is e.__traceback__, sys.exception() is e)
    try:
        raise ValueError('inner')
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info(), sys.exception())


def handler():
    return sys.exc_info()[1]


try:
    1 / 0
except ZeroDivisionError:
    print(type(handler()).__name__)

a = 'some string built at ' + str(1)
b = 'some string built at ' + str(1)
print(a is b, sys.intern(a) is sys.intern(b))
try:
    sys.intern(1)
except TypeError as e:
    print('TypeError', e)
print(isinstance(sys.getsizeof([]), int), sys.getsizeof(1, 'x') is not None)

for code in (None, 0, 3, 'message'):
    try:
        sys.exit(code)
    except SystemExit as e:
        print('SystemExit', repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print('TypeError', e)

sys.displayhook(None)
sys.displayhook([1, 'x'])
import builtins
print(builtins._)
sys.displayhook(5)
print(builtins._)
print(sys.call_tracing(pow, (2, 5)))
seen = []
sys.addaudithook(lambda event, args: seen.append(event) if event.startswith('krait.test') else None)
sys.audit('krait.test.event', 1, 2)
print(seen)
print(sys.is_finalizing(), sys.gettrace(), sys.getprofile())

M = type(sys)
m = M('mod', 'the doc')
print(m, m.__name__, m.__doc__, sorted(m.__dict__))
m.x = 1
print(m.x, m.__dict__['x'])
del m.x
for fn in (lambda: m.x, lambda: delattr(m, 'x'), lambda: M(), lambda: M(1),
           lambda: M('a', 'b', 'c')):
    try:
        fn()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


def module_getattr(name):
    return 'computed ' + name


m.__getattr__ = module_getattr
print(m.anything)
m.__dir__ = lambda: ['b', 'a']
print(dir(m))
nameless = M.__new__(M)
print(repr(nameless), nameless.__dict__)
try:
    nameless.y
except AttributeError as e:
    print('AttributeError', e)
print(repr(sys), repr(builtins))
print(M('x').__annotations__, M.__name__)


def frames():
    fr = sys._getframe()
    print(fr.f_code.co_name, sys._getframe(1).f_code.co_name, sys._getframe(1).f_globals['__name__'])
    print(fr.f_locals is locals(), sorted(fr.f_locals))
    try:
        sys._getframe(100)
    except ValueError as e:
        print('ValueError', e)
    print(sys._getframe(-5).f_code.co_name)


def calls_frames():
    frames()


calls_frames()
print(sys._getframe().f_code.co_name)
# sys.flags as the command line and the PYTHON* variables set them
print(sys.flags.dont_write_bytecode, sys.flags.no_site, sys.flags.isolated, sys.flags.verbose,
      sys.flags.bytes_warning, sys.flags.no_user_site, sys.flags.inspect, sys.flags.interactive)
