import pwd, grp, os
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
t(pwd.getpwuid, 0); t(pwd.getpwnam, 'root'); t(pwd.getpwnam, 'nosuchuser'); t(pwd.getpwuid, 2**31)
t(pwd.getpwuid, -5); t(pwd.getpwuid, 'a'); t(pwd.getpwnam, 5); t(pwd.getpwnam, 'a\0b'); t(pwd.getpwuid, 99999)
t(grp.getgrgid, 0); t(grp.getgrnam, 'root'); t(grp.getgrnam, 'nosuch'); t(grp.getgrgid, 99999)
t(grp.getgrgid, 'x'); t(grp.getgrgid, -5); t(grp.getgrgid, 2**40)
for v in [2**32 - 1, 2**32, 2**63, 2**64, -1, -2**70, 4294967294]:
    t(grp.getgrgid, v); t(pwd.getpwuid, v)
class I:
    def __index__(self): return 0
t(lambda: pwd.getpwuid(I()).pw_name); t(pwd.getpwuid, 0.0)
print(pwd.struct_passwd((1, 2, 3, 4, 5, 6, 7)))
p = pwd.getpwuid(os.getuid())
print(p.pw_uid == os.getuid(), p[0] == p.pw_name, len(p), type(p).__name__, type(p).__module__)
print(pwd.getpwnam(p.pw_name) == p, p in pwd.getpwall())
g = grp.getgrgid(os.getgid())
print(g.gr_gid == os.getgid(), grp.getgrnam(g.gr_name) == g, g in grp.getgrall(), len(g))
print(sorted(n for n in dir(pwd) if not n.startswith('__')), sorted(n for n in dir(grp) if not n.startswith('__')))
print(os.path.expanduser('~root'), os.path.expanduser('~nosuchuser'))
t(lambda: grp.getgrgid(id=0).gr_name)
