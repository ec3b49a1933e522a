# compile: top_level_await
def f():
    await x
