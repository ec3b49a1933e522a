# zlib under the stdlib: gzip, zipfile, tarfile (gz) and shutil.make_archive, in a
# temporary directory.
import gzip
import io
import os
import shutil
import tarfile
import tempfile
import zipfile

payload = b"".join(b"%d: the quick brown fox\n" % i for i in range(5000))

g = gzip.compress(payload, mtime=0)
print(len(g), g[:4].hex(), gzip.decompress(g) == payload)
print(gzip.decompress(g + gzip.compress(b"second", mtime=0))[-6:])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as f:
    for i in range(0, len(payload), 3333):
        f.write(payload[i:i + 3333])
print(len(buf.getvalue()))
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(10), len(f.read()), f.readline())
try:
    gzip.decompress(g[:-3])
except Exception as e:
    print(type(e).__name__, e)
try:
    gzip.decompress(b"\x1f\x8bnot really")
except Exception as e:
    print(type(e).__name__, e)

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "src")
    os.mkdir(src)
    with open(os.path.join(src, "a.txt"), "wb") as f:
        f.write(payload)
    os.mkdir(os.path.join(src, "sub"))
    with open(os.path.join(src, "sub", "b.bin"), "wb") as f:
        f.write(bytes(range(256)) * 10)

    zpath = os.path.join(tmp, "t.zip")
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(src, "a.txt"), "a.txt")
        z.writestr("hello.txt", "hello zip\n" * 50)
        z.writestr("stored.txt", b"stored", compress_type=zipfile.ZIP_STORED)
    with zipfile.ZipFile(zpath) as z:
        for info in z.infolist():
            print(info.filename, info.file_size, info.compress_type, info.CRC)
        print(z.read("a.txt") == payload, z.read("hello.txt")[:10], z.testzip())
        with z.open("a.txt") as f:
            print(f.read(5), len(f.read()))

    gzpath = os.path.join(src, "c.gz")
    with gzip.open(gzpath, "wt", encoding="utf-8") as f:
        f.write("text line\n" * 100)
    with gzip.open(gzpath, "rt", encoding="utf-8") as f:
        print(len(f.readlines()))

    tpath = os.path.join(tmp, "t.tar.gz")
    with tarfile.open(tpath, "w:gz") as t:
        t.add(src, arcname="src")
    with tarfile.open(tpath, "r:gz") as t:
        names = sorted(t.getnames())
        print(names)
        print(t.extractfile("src/a.txt").read() == payload)
    with tarfile.open(tpath) as t:
        print(len(t.getmembers()))

    for fmt in ("zip", "gztar"):
        arc = shutil.make_archive(os.path.join(tmp, "arch"), fmt, root_dir=src)
        print(fmt, os.path.basename(arc))
        out = os.path.join(tmp, "out_" + fmt)
        shutil.unpack_archive(arc, out)
        for root, dirs, files in sorted(os.walk(out)):
            for name in sorted(files):
                p = os.path.join(root, name)
                print(" ", os.path.relpath(p, out), os.path.getsize(p))
