from .services.storage import load_catalog
from .services import payments
