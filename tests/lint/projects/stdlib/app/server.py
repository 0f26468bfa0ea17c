import traceback

from app import store


def describe_error():
    return traceback.format_exc()


async def handle(request):
    # traceback's helpers open files only several calls deep inside the
    # standard library: the catalog, which does not list format_exc, decides.
    describe_error()
    traceback.format_exc()
    # A chain that stays in the package is reported.
    store.save(request)  # error: AL210
    # So is one through the package's own helpers before a blocking call.
    store.save_with_trace(request)  # error: AL210
