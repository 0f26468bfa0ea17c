# Another root: an absolute import names the package.
from app import client


def go():
    client.connect("example.org")  # error: AL204
