x = "é\u00e9😀" + u"x" + "\N{SNAKE}"
