# What a venv's interpreter reports about itself; the venv's directory (the
# first argument) and the base interpreter's are shown as VENV and BASE.
import os
import sys

venv = os.path.realpath(sys.argv[1])


def show(p):
    p = os.path.realpath(p) if os.path.exists(p) else p
    return p.replace(venv, "VENV")


print("prefix", show(sys.prefix), "exec_prefix", show(sys.exec_prefix))
print("base_prefix", sys.base_prefix, "base_exec_prefix", sys.base_exec_prefix)
print("executable", sys.executable.replace(sys.argv[1], "VENV"))
print("in venv", sys.prefix != sys.base_prefix)
print("site-packages", [show(p) for p in sys.path if "packages" in p])
import site
print("ENABLE_USER_SITE", site.ENABLE_USER_SITE)
print("prefixes", [show(p) for p in site.PREFIXES])
