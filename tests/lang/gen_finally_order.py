log = []
def g(tag):
    log.append(f"{tag} start")
    try:
        for i in range(3):
            try:
                log.append(f"{tag} yield {i}")
                yield i
            finally:
                log.append(f"{tag} inner finally {i}")
    finally:
        log.append(f"{tag} outer finally")

# (finally blocks of an abandoned generator run when it is closed: explicitly
# here, since when a dropped generator is finalized is not the language's promise)
ga = g("A")
for v in ga:
    if v == 1:
        break
log.append("after loop A, generator still suspended")
ga.close()
log.append("after close A")
a = g("A2")
next(a)
a.close()
log.append("after close A2")
list(g("B"))
print("\n".join(log))

def return_in_finally():
    try:
        yield 1
    finally:
        return
r = return_in_finally()
print(next(r))
try:
    next(r)
except StopIteration as e:
    print("finished, value", e.value)
