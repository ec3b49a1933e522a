# compile: top_level_await
await x
async for a in b:
    pass
async with c:
    pass
[y async for y in z]
