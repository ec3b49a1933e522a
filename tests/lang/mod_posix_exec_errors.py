import os, sys
for f, a in [(os.execv, ('notepad', ())), (os.execv, ('notepad', [])), (os.execv, ('notepad', ('',))),
             (os.execve, ('notepad', [], {})), (os.execve, ('notepad', [''], {})),
             (os.execve, (sys.executable, [sys.executable, '-c', 'pass'], {"A\0B": "x"})),
             (os.execve, (sys.executable, [sys.executable, '-c', 'pass'], {"A=B": "x"})),
             (os.execve, (sys.executable, [sys.executable, '-c', 'pass'], {"A": "x\0y"})),
             (os.execve, (sys.executable, [sys.executable, '-c', 'pass'], {"": "x"})),
             (os.execvpe, ('notepad', [], None)), (os.execvpe, ('notepad', [''], {}))]:
    try:
        f(*a)
    except (ValueError, TypeError, OSError) as e:
        print(f.__name__, type(e).__name__, e)
