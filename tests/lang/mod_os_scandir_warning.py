# os.scandir iterators dropped unexhausted and unclosed are closed with a
# ResourceWarning 'unclosed scandir iterator ...', as CPython; exhausted,
# closed or with-block ones give none.
import os, gc, warnings, tempfile
d = tempfile.mkdtemp()
for n in ('a', 'b'):
    open(os.path.join(d, n), 'w').close()
def check(label, make):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        it = make()
        del it
        gc.collect()
        print(label, [(x.category.__name__, str(x.message).split(' at ')[0]) for x in w])
def partial():
    it = os.scandir(d); next(it); return it
def exhausted():
    it = os.scandir(d); list(it); return it
def closed():
    it = os.scandir(d); next(it); it.close(); return it
def with_block():
    with os.scandir(d) as it:
        next(it)
    return it
check('partial', partial)
check('exhausted', exhausted)
check('closed', closed)
check('with', with_block)
check('unstarted', lambda: os.scandir(d))
for n in ('a', 'b'):
    os.unlink(os.path.join(d, n))
os.rmdir(d)
