# _locale: setlocale, localeconv, strcoll/strxfrm, nl_langinfo, the gettext
# family and their errors; locale.py uses the real module, not its emulation.
import _locale
import locale


def show(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


print(locale.strcoll is _locale.strcoll, locale.localeconv is not None, locale.Error is _locale.Error)
print(_locale.Error, _locale.Error.__mro__, _locale.CHAR_MAX)
print([getattr(_locale, n) for n in ("LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE",
                                     "LC_MONETARY", "LC_MESSAGES", "LC_ALL")])
print(show(_locale.setlocale, _locale.LC_CTYPE))
print(show(_locale.setlocale, _locale.LC_ALL, "C"))
print(show(_locale.setlocale, _locale.LC_ALL))
print(show(_locale.setlocale, _locale.LC_NUMERIC, "C.UTF-8"))
print(show(_locale.setlocale, _locale.LC_ALL))
print(sorted(_locale.localeconv().items()))
print(show(_locale.setlocale, _locale.LC_ALL, "C"))
def sign(f, *a):
    # wcscoll promises only the sign: its magnitude is the C library's detail
    r = f(*a)
    return (r > 0) - (r < 0)


for a, b in [("a", "b"), ("b", "a"), ("abc", "abc"), ("", "x"), ("é", "e"), ("a\0b", "a")]:
    print("strcoll", repr(a), repr(b), show(sign, _locale.strcoll, a, b))
for s in ["abc", "", "é€", "a\0b"]:
    print("strxfrm", repr(s), show(_locale.strxfrm, s))
names = sorted(n for n in dir(_locale) if n.isupper() and not n.startswith("LC_") and n != "CHAR_MAX")
for n in names:
    print(n, getattr(_locale, n), show(_locale.nl_langinfo, getattr(_locale, n)))
print(show(_locale.gettext, "hello"), show(_locale.dgettext, None, "x"),
      show(_locale.dcgettext, None, "x", _locale.LC_MESSAGES), show(_locale.textdomain, None))
print(show(_locale.bindtextdomain, "", None), show(_locale.bind_textdomain_codeset, "krait", None),
      show(_locale.bind_textdomain_codeset, "krait", "UTF-8"))
print(show(_locale.getencoding))
bad = ["_locale.setlocale()", "_locale.setlocale('a')", "_locale.setlocale(0, 5)",
       "_locale.setlocale(0, 'xx_YY')", "_locale.setlocale(999)", "_locale.setlocale(999, 'C')",
       "_locale.setlocale(0, 'a\\0b')", "_locale.setlocale(1.5)", "_locale.setlocale(2**70)",
       "_locale.setlocale(category=0)", "_locale.strcoll('a')", "_locale.strcoll('a', 1)",
       "_locale.strcoll(1, 'a')", "_locale.strxfrm(1)", "_locale.nl_langinfo(-5)",
       "_locale.nl_langinfo('x')", "_locale.gettext(None)", "_locale.gettext('a\\0')",
       "_locale.dgettext(1, 'x')", "_locale.dcgettext(None, 'x', 'y')",
       "_locale.textdomain('x\\udc80')", "_locale.bindtextdomain('x', 1)",
       "_locale.localeconv(1)", "_locale.getencoding(1)"]
for call in bad:
    print(call, show(eval, call))
# the locale module over _locale
print(locale.getlocale(locale.LC_NUMERIC), locale.format_string("%.2f", 1234.5, grouping=True))
print(locale.atof("3.25"), locale.str(2.5), locale.currency(1.5, symbol=False) if False else "")
print(show(locale.setlocale, locale.LC_ALL, "C"), locale.getlocale())
