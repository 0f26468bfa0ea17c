class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, needed: float):
        super().__init__(f"needs {needed:.2f} more")
        self.needed = needed
