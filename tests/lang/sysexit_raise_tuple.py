print("SystemExit with several args prints them as a tuple")
raise SystemExit(1, "two")
