"""Fails when a Python program the test suite runs imports a module that this
interpreter cannot find: the next package missing from scripts/setup.sh is
caught by the suite itself, naming the module and the file, not by a new
machine's first run.

Usage: python_imports_check.py ROOT GLOB...   (globs relative to ROOT)
Run it with the interpreter the suite runs the programs with (/usr/bin/python3).
"""
import ast
import importlib.util
import pathlib
import sys


def catches_import_error(handler):
    names = []
    if isinstance(handler.type, ast.Name):
        names = [handler.type.id]
    elif isinstance(handler.type, ast.Tuple):
        names = [e.id for e in handler.type.elts if isinstance(e, ast.Name)]
    return bool({"ImportError", "ModuleNotFoundError"} & set(names))


def imports_of(path):
    """(line, top-level module) for every absolute import of the file, except
    those in the body of `try: ... except ImportError:` (optional by design)."""
    tree = ast.parse(path.read_bytes(), filename=str(path))
    found = []

    def visit(node, optional):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        if not optional:
            found.extend((node.lineno, m.split(".")[0]) for m in modules)
        guarded_body = isinstance(node, ast.Try) and any(catches_import_error(h) for h in node.handlers)
        for child in ast.iter_child_nodes(node):
            visit(child, optional or (guarded_body and child in node.body))

    visit(tree, False)
    return found


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    files = sorted({p for pattern in argv[2:] for p in root.glob(pattern) if p.is_file()})
    if not files:
        print(f"python_imports_check: no file matches {argv[2:]} under {root}", file=sys.stderr)
        return 2
    missing = 0
    checked = set()
    for path in files:
        try:
            imports = imports_of(path)
        except SyntaxError as e:
            print(f"{path}:{e.lineno}: cannot be parsed: {e.msg}")
            missing += 1
            continue
        # A module of the program's own folder (a package's sibling file) is not a dependency.
        local = {p.stem for p in path.parent.glob("*.py")} | {p.name for p in path.parent.iterdir() if p.is_dir()}
        for line, module in imports:
            if module in local:
                continue
            checked.add(module)
            if importlib.util.find_spec(module) is None:
                print(f"{path}:{line}: module `{module}` cannot be imported by {sys.executable}; "
                      f"scripts/setup.sh must install the Debian package that provides it")
                missing += 1
    print(f"python_imports_check: {len(files)} programs, {len(checked)} distinct modules, {missing} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
