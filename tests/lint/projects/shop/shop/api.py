from shop import load_catalog
from shop.services import payments
from shop.services.payments import Gateway, charge
from .services.storage import Store
from . import services


class CheckoutGateway(Gateway):
    async def pay(self, amount):
        super().authorize(amount)  # error: AL201
        return await super().authorize(amount)


async def list_items():
    return load_catalog()  # error: AL210


async def checkout(amount, store: Store):
    charge(amount)  # error: AL201
    payments.charge(amount)  # error: AL201
    await charge(amount)
    gw = Gateway()
    gw.authorize(amount)  # error: AL201
    gw.describe()
    ok = gw.authorize(amount)  # error: AL201
    if ok:
        pass
    s = Store("db")
    s.items()  # error: AL210
    s.save("x")  # error: AL201
    await s.save("y")
    services.storage.read_json("x")  # error: AL210
    CheckoutGateway().pay(1)  # error: AL201


def cli():
    charge(10)  # error: AL204
