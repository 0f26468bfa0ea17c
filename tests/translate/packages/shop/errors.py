class ShopError(Exception):
    pass


class OutOfStock(ShopError):
    pass
