from .account import Account
from .savings import Savings
