import sys
print("sys.exit('') prints an empty line to stderr and exits 1")
sys.exit("")
