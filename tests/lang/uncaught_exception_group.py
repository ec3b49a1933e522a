print("raising a group")
raise ExceptionGroup("several problems", [ValueError("v"), TypeError("t")])
