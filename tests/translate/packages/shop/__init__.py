"""A small shop: a class hierarchy in a subpackage, exceptions across modules."""
