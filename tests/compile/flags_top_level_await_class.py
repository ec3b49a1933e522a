# compile: top_level_await
class C:
    await x
