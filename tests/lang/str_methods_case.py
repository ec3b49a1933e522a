s = "Hello, World! straße ǅ"
print(s.upper(), s.lower(), s.casefold(), s.swapcase(), s.title(), s.capitalize())
print("hello world".title(), "they're bill's".title(), "ABC def".capitalize(), "ﬁ".upper(), "İ".lower().encode())
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "½".isnumeric(), "²".isdecimal(), "²".isdigit())
print(" \t\n".isspace(), "".isspace(), "Title Case".istitle(), "UPPER".isupper(), "lower".islower(), "123".isupper())
print("abc".isascii(), "é".isascii(), "valid_name".isidentifier(), "1bad".isidentifier(), "class".isidentifier(), "é".isidentifier())
print("printable".isprintable(), "tab\t".isprintable(), "".isprintable())
print("ǅ".istitle(), "ǅ".isupper(), "ǅ".lower(), "ǅ".upper())
