import asyncio

from shop.services.payments import charge


def main():
    asyncio.run(charge(1))
    charge(2)  # error: AL204
