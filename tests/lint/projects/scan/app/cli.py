# Same package, relative import: found without naming the package.
from .client import connect


def main():
    connect("example.org")  # error: AL204
