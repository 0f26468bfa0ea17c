def f():
    with open("x") as f:
        return undefined_name.attr(f)

f()
