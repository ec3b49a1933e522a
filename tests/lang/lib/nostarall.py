visible = "visible"
_invisible = "invisible"
def function():
    return "function"
