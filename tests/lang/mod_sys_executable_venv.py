# sys.executable is the program as it was invoked (not the file a symlink
# leads to): absolute, relative to the cwd, or found on PATH. A program in a
# directory with a pyvenv.cfg (or one level below it) is a venv's: site
# makes sys.prefix the venv and puts its site-packages on sys.path, and
# sys._base_executable is the interpreter the link leads to.
import os
import shutil
import subprocess
import sys
import tempfile

real = os.path.realpath(sys.executable)
d = tempfile.mkdtemp()
try:
    link = os.path.join(d, "pylink")
    os.symlink(real, link)
    show = "import sys; print(sys.executable); print(sys._base_executable)"

    def run(argv, **kw):
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        env.update(kw.pop("env", {}))
        r = subprocess.run(argv, capture_output=True, text=True, env=env, **kw)
        return r.stdout.replace(d, "D").splitlines() + r.stderr.splitlines()

    print("absolute", run([link, "-S", "-c", show])[0])
    print("relative", run(["./pylink", "-S", "-c", show], cwd=d)[0])
    os.makedirs(os.path.join(d, "sub", "deeper"))
    for cwd, rel in [("", "sub/../pylink"), ("", "sub/deeper/../..//./pylink"),
                     ("sub", "../sub/../pylink"), ("sub/deeper", "../../pylink")]:
        print("relative", cwd, rel, run([rel, "-S", "-c", show], cwd=os.path.join(d, cwd))[0])
    print("on PATH", run(["pylink", "-S", "-c", show], env={"PATH": d})[0])
    print("base outside a venv", run([link, "-S", "-c", show])[1])

    venv = os.path.join(d, "venv")
    os.makedirs(os.path.join(venv, "bin"))
    site_packages = os.path.join(venv, "lib", "python3.11", "site-packages")
    os.makedirs(site_packages)
    with open(os.path.join(venv, "pyvenv.cfg"), "w") as f:
        f.write("home = %s\ninclude-system-site-packages = false\nversion = 3.11.2\n"
                % os.path.dirname(real))
    python = os.path.join(venv, "bin", "python")
    os.symlink(real, python)
    info = ("import sys; print(sys.executable); print(sys._base_executable == %r);"
            "print(sys.prefix, sys.exec_prefix); print(sys.base_prefix, sys.base_exec_prefix);"
            "print([p for p in sys.path if p.endswith('-packages')])" % real)
    for line in run([python, "-c", info]):
        print("venv:", line)
    for line in run([python, "-S", "-c", info]):
        print("venv -S:", line)
    with open(os.path.join(venv, "pyvenv.cfg"), "a") as f:
        f.write("include-system-site-packages = true\n")
    out = run([python, "-c", "import sys; print(sys.prefix); print(any(p.startswith('/usr') and "
                              "p.endswith('-packages') for p in sys.path))"])
    print("system site packages:", out)
finally:
    shutil.rmtree(d)
