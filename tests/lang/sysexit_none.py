import sys
print("exit with no argument is status 0")
sys.exit()
