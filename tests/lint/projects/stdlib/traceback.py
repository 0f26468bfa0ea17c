# Stands for the standard library's traceback, which calls into linecache.
import linecache


def format_exc():
    return linecache.getline(__file__, 1)


def read_source(path):
    with open(path) as f:
        return f.read()


def source_of(path):
    return read_source(path)


async def report(path):
    # A chain inside the module's own package is still followed.
    source_of(path)  # error: AL210
    # The call into another standard library package is left to the catalog.
    format_exc()
