# Names a module called client and a function called connect, but neither
# imports the package that defines them nor is part of it: never parsed.
import socket


def dial(client: socket.socket):
    client.connect(("example.org", 80))
