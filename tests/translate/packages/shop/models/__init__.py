from .base import Item
from .products import Book, Gadget

__all__ = ["Item", "Book", "Gadget"]
