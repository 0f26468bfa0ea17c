import asyncio
import no_such_module_for_the_import_check

try:
    import also_missing_but_optional
except ImportError:
    pass
