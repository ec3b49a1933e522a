# Objects whose builtin type keeps C state (hashes, compressors, parsers,
# contexts, csv readers...) refuse pickle and copy as CPython's do.
import pickle, copy, _csv, _lzma, _bz2, _queue, contextvars, hashlib, pyexpat, array, _md5, _sha3, _blake2, io
objs = [_csv.Dialect(), _csv.reader([]), _csv.writer(io.StringIO()), _lzma.LZMACompressor(), _lzma.LZMADecompressor(), _bz2.BZ2Compressor(), _bz2.BZ2Decompressor(), _queue.SimpleQueue(), contextvars.copy_context(), contextvars.ContextVar('x'), contextvars.ContextVar('x').set(1), _md5.md5(), _sha3.sha3_224(), _blake2.blake2b(), pyexpat.ParserCreate(), iter(array.array('i',[1,2]))]
for o in objs:
  for f in (lambda o: pickle.dumps(o, 2), copy.copy, copy.deepcopy):
    try: r = f(o); print(type(o).__name__, 'ok', type(r).__name__)
    except Exception as e: print(type(o).__name__, type(e).__name__, e)
it = iter(array.array('i',[1,2,3])); next(it); print(it.__reduce__()); it.__setstate__(2); print(list(it))
