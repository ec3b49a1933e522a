# bytes % args: the printf-style engine of str over bytes, with its own
# %b/%s (bytes, __bytes__), %r/%a (ascii), %c (one byte) and messages.
tests=[(b'%y',1),(b'%\xe9',1),(b'abc%',()),(b'%s',b'x'),(b'%s',1),(b'%b','x'),(b'%r',b'x'),(b'%a','\xe9'),(b'%i','x'),(b'%x',1.5),(b'%f','x'),(b'%c',256),(b'%c',b'ab'),(b'%c',b'a'),(b'%c','a'),(b'%5c|',65),(b'%(a)s',{b'a':b'v'}),(b'%(a)s',{'a':b'v'}),(b'x',5),(b'x',b'y'),(b'%s %s',(1,)),(b'%05.1f',2.25),(b'%#x',255),(b'%s',[1]),(b'%d',True),(b'%.2s',b'abc'),(b'%d',1e999),(b'%-6b|%6b|',(b'ab',b'cd')),(b'%.1r',('x',)),(b'%x %X %o',(255,255,8)),(b'%e %g',(1.5,2.5)),(b'%%',()),(b'plain',()),(b'%5.2f%%',(99.5,))]
for f,a in tests:
    try: r=repr(f%a)
    except Exception as e: r=type(e).__name__+': '+str(e)
    print(f,repr(a),r)
class B:
    def __bytes__(self): return b'BYTES'
class Bad:
    def __bytes__(self): return 'str'
for a in [B(), Bad()]:
    try: print(b'<%s>' % (a,))
    except TypeError as e: print('TypeError:', e)

try: print(5 % b'x')
except TypeError as e: print('TypeError:', e)
