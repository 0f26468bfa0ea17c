name = "ab"
n = 42
x = 3.14159
flag = True
items = [1, 2]
print("%s|%5s|%-5s|%.1s|" % (name, name, name, name))
print("%d|%5d|%-5d|%05d|%+d|% d|" % (n, n, n, n, n, n))
print("%d|%05d" % (-n, -n))
print("%f|%.2f|%8.3f|%-8.1f|%08.2f|%+.1f|" % (x, x, x, x, x, x))
print("%e|%.3E|%g|%G" % (x, x, x, 1e-7))
print("%x|%X|%#x|%o|%#o|%4x" % (255, 255, 255, 8, 8, 10))
print("%s %s %s" % (flag, items, None))
print("%r|%r|%10r|" % (name, n, name))
print("%5s|%-6s|" % (n, x))
print("100%% of %d" % n)
print("%.2f%%" % (12.5,))
print("single %s" % name)
print("%.3f" % n)
print("%i items" % len(items))
v = 3.0
print(f"{v:.3}|{1234.5:.3}|{123.0:.3}|{0.0001:.2}|{1e-5:.3}|{x:.3}|{12.0:.3}")
print(f"{255:#x}|{8:#o}|{5:#b}|{42:.2f}|{42:g}|{3.0:#g}|{0.00001234:g}|{1234567.0:g}|{1e16:.3g}")
