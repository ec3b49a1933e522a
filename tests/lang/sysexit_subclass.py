class Quit(SystemExit):
    pass
print("a SystemExit subclass is handled like SystemExit")
raise Quit(9)
