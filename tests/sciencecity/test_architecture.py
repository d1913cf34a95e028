"""The shape of the code: the core imports no app, no app outgrows the rest, and no imports go round in circles."""

import ast
from pathlib import Path

from django.conf import settings

REPO = Path(settings.BASE_DIR)
CORE = "sciencecity"
MAX_SHARE = 0.25


def project_apps() -> list[str]:
    """The core and every folder of the project with an ``apps.py``."""
    return sorted(path.parent.name for path in REPO.glob("*/apps.py"))


def source_files(app: str) -> list[Path]:
    """The app's Python outside migrations (and, for the core, outside its settings)."""
    return [
        path for path in (REPO / app).rglob("*.py")
        if "migrations" not in path.parts and not (app == CORE and "settings" in path.parts)
    ]


def module_name(path: Path) -> str:
    """``navigation/templatetags/site_tags.py`` → ``navigation.templatetags.site_tags``."""
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, ast.AST, list[str]]]:
    """Each imported module of the project, with the import node and the names of the functions it sits in."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []

    def visit(node, functions):
        for child in ast.iter_child_nodes(node):
            inner = [*functions, child.name] if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else functions
            if isinstance(child, ast.Import):
                found.extend((alias.name, child, functions) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                found.append((base, child, functions))
                found.extend((f"{base}.{alias.name}", child, functions) for alias in child.names)
            visit(child, inner)

    visit(tree, [])
    apps = set(project_apps())
    return [(name, node, functions) for name, node, functions in found if name.split(".")[0] in apps]


def test_the_core_imports_no_app():
    """Apps tell the core what it must know through ``sciencecity.registry``; the core never reaches into them."""
    apps = set(project_apps()) - {CORE}
    offending = [
        f"{path.relative_to(REPO)}:{node.lineno} imports {name}"
        for path in source_files(CORE)
        for name, node, _functions in imports(path)
        if name.split(".")[0] in apps
    ]
    assert offending == []


def test_no_app_holds_more_than_a_quarter_of_the_code():
    lines = {app: sum(len(path.read_text().splitlines()) for path in source_files(app)) for app in project_apps()}
    total = sum(lines.values())
    too_big = {app: f"{count / total:.0%}" for app, count in lines.items() if count > MAX_SHARE * total}
    assert too_big == {}


def test_no_project_imports_hide_inside_functions():
    """An import inside a function is how a cycle hides; only ``AppConfig.ready()`` imports there, as Django asks."""
    hidden = [
        f"{path.relative_to(REPO)}:{node.lineno} imports {name} inside {functions[-1]}()"
        for app in project_apps()
        for path in source_files(app)
        for name, node, functions in imports(path)
        if functions and functions[-1] != "ready"
    ]
    assert hidden == []


def test_no_import_cycles():
    modules = {module_name(path): path for app in project_apps() for path in source_files(app)}
    graph = {
        module: {name for name, _node, _functions in imports(path) if name in modules and name != module}
        for module, path in modules.items()
    }
    cycles = []
    state: dict[str, str] = {}

    def walk(module, trail):
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append(" → ".join([*trail[trail.index(target):], target]))
            elif target not in state:
                walk(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert cycles == []
