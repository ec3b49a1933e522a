v = 3.14159265358979
print(f"{v:.2f} {v:.0f} {v:10.3f}| {v:<10.3f}| {v:^10.3f}| {v:+.1f} {v: .1f} {-v:.1f}")
print(f"{v:e} {v:.2e} {v:E} {v:g} {v:.3g} {1e-7:g} {1e16:g} {123456789.0:g} {0.0001:g}")
print(f"{v:%} {0.25:.1%} {v:012.4f} {-v:012.4f} {v:,.2f} {1234567.891:,.2f} {1234567.891:_.1f}")
print(f"{1.0:.0e} {0.000123:.2e} {1e300:.3e} {5e-324:.3e}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f} {1.005:.2f}")
print(f"{v:#.0f} {1.0:#g} {100.0:g} {100.0:#g} {1e5:.0f}")
print(format(1.5), format(1.5, ""), format(1e20), format(1e-20), format(-0.0), format(0.1, ".20f"))
print(f"{v!r:>20}| {v!s:*<20}|")
print("%.3f %e %g %10.2f|%-10.2f|%+.1f %%" % (v, v, v, v, v, v))
print("%f %F %.0f %g %G" % (1e20, float("inf"), 0.5, 1e-5, 1e-20))
print("%5.1f|%05.1f|%-6.1f|" % (2.25, 2.25, 2.25))
print(f"{12.0:n}", f"{1234.5:=+10.1f}", f"{float('nan'):+}", f"{float('-inf'):=10}")
print(str(1.0), str(1e-5), str(123456789.123456789), str(0.1 + 0.7))
for spec in ("d", "x", "c", "s"):
    try:
        format(1.5, spec)
    except ValueError as e:
        print(type(e).__name__, e)
