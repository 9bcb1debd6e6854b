"""The placeholder language of report wording, and nothing more: `{{ name }}` or `{{ a.b }}`
fills in a value, `{% if name %}…{% endif %}` / `{% if not name %}…{% else %}…{% endif %}` keep
or drop text. Names are looked up as dictionary keys only, in a context of plain values
(`plain`), so wording that any bureau may edit cannot reach a model, a query or a method.
No filters, no other tags, no attribute or index access: Django's template language is not
used because its lookups walk objects (region.parent.children.all…)."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import localize
from django.utils.translation import gettext as _

# A placeholder: letters, digits and underscores, never starting with an underscore.
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}")  # on one line, as Django's
ALLOWED = "{{ name }}, {% if name %}, {% if not name %}, {% else %}, {% endif %}"


class WordingError(ValueError):
    """Wording outside the language; the message names the offending placeholder or tag."""


@dataclass(frozen=True)
class Var:
    path: tuple[str, ...]


@dataclass
class If:
    path: tuple[str, ...]
    negated: bool
    then: list = field(default_factory=list)
    otherwise: list = field(default_factory=list)
    in_else: bool = False


def parse(text: str) -> list:
    """The wording as a tree of text, Var and If; WordingError for anything else."""
    root: list = []
    open_ifs: list[If] = []
    position = 0
    for match in _TAG.finditer(text):
        _body(open_ifs, root).extend(_literal(text[position : match.start()]))
        position = match.end()
        if match.group(1) is not None:
            _body(open_ifs, root).append(Var(_path(match.group(1), match.group(0))))
        else:
            _tag(match.group(2).split(), match.group(0), open_ifs, root)
    _body(open_ifs, root).extend(_literal(text[position:]))
    if open_ifs:
        raise WordingError(_("“%(tag)s” is not closed with {%% endif %%}.") % {"tag": _source(open_ifs[-1])})
    return root


def _tag(words: list[str], source: str, open_ifs: list[If], root: list) -> None:
    if words[:1] == ["if"] and len(words) in (2, 3) and (len(words) == 2 or words[1] == "not"):
        node = If(_path(words[-1], source), negated=len(words) == 3)
        _body(open_ifs, root).append(node)
        open_ifs.append(node)
    elif words == ["else"] and open_ifs and not open_ifs[-1].in_else:
        open_ifs[-1].in_else = True
    elif words == ["endif"] and open_ifs:
        open_ifs.pop()
    elif words in (["else"], ["endif"]):
        raise WordingError(_("“%(tag)s” has no matching “if”.") % {"tag": source})
    else:
        raise _not_allowed(source)


def _body(open_ifs: list[If], root: list) -> list:
    if not open_ifs:
        return root
    node = open_ifs[-1]
    return node.otherwise if node.in_else else node.then


def _literal(text: str) -> list:
    for opener in ("{{", "{%"):
        if opener in text:
            start = text.index(opener)
            raise WordingError(_("“%(text)s” is not closed.") % {"text": text[start : start + 30]})
    return [text] if text else []


def _path(name: str, source: str) -> tuple[str, ...]:
    parts = name.strip().split(".")
    if not all(NAME.match(part) for part in parts):
        raise _not_allowed(source)
    return tuple(parts)


def _not_allowed(source: str) -> WordingError:
    return WordingError(
        _("“%(tag)s” is not allowed: wording may use only %(allowed)s.") % {"tag": source, "allowed": ALLOWED}
    )


def _source(node: If) -> str:
    negation = "not " if node.negated else ""
    return "{% if " + negation + ".".join(node.path) + " %}"


def used_names(nodes: list) -> list[str]:
    """Every name the wording asks for, in order."""
    names = []
    for node in nodes:
        if isinstance(node, Var):
            names.append(".".join(node.path))
        elif isinstance(node, If):
            names += [".".join(node.path), *used_names(node.then), *used_names(node.otherwise)]
    return names


def check(text: str, names: set[str]) -> list:
    """Parse the wording and refuse a name it may not use (the part's placeholders)."""
    nodes = parse(text)
    unknown = [name for name in used_names(nodes) if name not in names]
    if unknown:
        raise WordingError(_("Unknown placeholder “%(name)s”.") % {"name": unknown[0]})
    return nodes


def render(nodes: list, context: dict) -> str:
    """Fill in plain values; a name the context lacks is empty (and false)."""
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Var):
            out.append(_text(_lookup(context, node.path)))
        else:
            chosen = node.then if bool(_lookup(context, node.path)) != node.negated else node.otherwise
            out.append(render(chosen, context))
    return "".join(out)


def keep_numbers(nodes: list, context: dict) -> str:
    """The wording with its conditions decided by the context and its placeholders kept as
    `{{ name }}`: the text an office edits in a draft, whose numbers stay bound."""
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Var):
            out.append("{{ " + ".".join(node.path) + " }}")
        else:
            chosen = node.then if bool(_lookup(context, node.path)) != node.negated else node.otherwise
            out.append(keep_numbers(chosen, context))
    return "".join(out)


def _lookup(context: dict, path: tuple[str, ...]):
    value = context
    for key in path:
        if type(value) is not dict or key not in value:
            return None
        value = value[key]
    return None if type(value) is dict else value


def _text(value) -> str:
    # As Django printed numbers (localize), so that the shipped wording reads the same.
    if value is None:
        return ""
    return value if type(value) is str else str(localize(value))


def plain(value):
    """The value as str, int, bool, Decimal, None or a dict of those, or TypeError: nothing
    with attributes or methods that lead anywhere ever reaches the wording."""
    if value is None or type(value) in (str, int, bool, Decimal):
        return value
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if type(value) is dict:
        return {_key(k): plain(v) for k, v in value.items()}
    raise TypeError(f"Report wording takes plain values only, not {type(value).__name__}.")


def _key(key) -> str:
    if type(key) is not str or not NAME.match(key):
        raise TypeError(f"Report wording names are letters, digits and _, not {key!r}.")
    return key


def names(context: dict, prefix: str = "") -> list[str]:
    """The names a plain context answers, in order: the dotted paths to its values."""
    found = []
    for key, value in context.items():
        if type(value) is dict:
            found += names(value, f"{prefix}{key}.")
        else:
            found.append(f"{prefix}{key}")
    return found
