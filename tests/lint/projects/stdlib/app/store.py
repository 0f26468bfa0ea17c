import traceback


def save(data):
    with open("/tmp/store", "w") as f:
        f.write(repr(data))


def save_with_trace(data):
    save(traceback.format_exc())
