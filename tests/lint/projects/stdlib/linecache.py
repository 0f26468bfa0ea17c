# Stands for the standard library's linecache: a run that includes the
# standard library's source sees its functions as project functions.


def checkcache(filename):
    with open(filename) as f:
        return f.read()


def getline(filename, lineno):
    return checkcache(filename).splitlines()[lineno - 1]
