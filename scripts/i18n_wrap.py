"""Put the teller-facing Chinese literals of UI modules through ``tr()`` (a one-off codemod,
kept for modules written before the translation or by someone who forgot).

    .venv/bin/python scripts/i18n_wrap.py counter_app/ui/queries/page.py [...]

- ``"中文"`` becomes ``tr("中文")``; implicit concatenations stay one call;
- ``f"共 {n} 张"`` becomes ``tr("共 {0} 张").format(n)`` (format specs and conversions kept),
  so ``pyside6-lupdate`` sees a literal and the translator sees the placeholders;
- docstrings, literals already inside ``tr()``, and f-strings with nested replacement fields
  in a format spec are left alone (the i18n test names what is left).

It adds ``from counter_app.ui.i18n import tr`` when a module gains its first call. Run ruff
afterwards (line lengths) and read the diff: a literal compared against or used as a key is
translated too, which is right only when both sides go through ``tr()``.

With ``--below-ui`` it marks the modules under the UI instead (they have no Qt;
``counter_app/domain/texts.py``): ``"中文"`` becomes ``QT_TR_NOOP("中文")`` and ``f"卡号 {card.no}"``
becomes ``zh("卡号 {no}", no=card.no)`` (a placeholder is named after a plain name or attribute,
numbered otherwise). Tag what is data, not a display text, with ``# i18n: data``
(tests/ui/test_i18n_composed.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import libcst as cst
from libcst import matchers as m

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
IMPORT = "from counter_app.ui.i18n import tr\n"


def _has_cjk(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.SimpleString):
        return bool(CJK.search(node.value))
    if isinstance(node, cst.FormattedString):
        return any(isinstance(p, cst.FormattedStringText) and CJK.search(p.value) for p in node.parts)
    if isinstance(node, cst.ConcatenatedString):
        return _has_cjk(node.left) or _has_cjk(node.right)
    return False


def _pieces(node: cst.BaseExpression) -> list[cst.BaseExpression] | None:
    """The strings of an implicit concatenation, left to right; None if any is bytes/raw."""
    if isinstance(node, cst.ConcatenatedString):
        left, right = _pieces(node.left), _pieces(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, cst.SimpleString):
        return None if "b" in node.prefix.lower() else [node]
    if isinstance(node, cst.FormattedString):
        return None if node.start.lower() not in ('f"', "f'", 'f"""', "f'''") else [node]
    return None


class _Wrap(cst.CSTTransformer):
    def __init__(self, below_ui: bool = False) -> None:
        self.changed = 0
        self.skipped: list[str] = []
        self.below_ui = below_ui

    # -- do not touch docstrings or what is already translated -----------------------------

    def visit_Call(self, node: cst.Call) -> bool:
        return not m.matches(node.func, m.Name("tr") | m.Name("QT_TR_NOOP") | m.Name("zh"))

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        # a bare string statement is a docstring (or a comment-like literal): leave it
        return not (len(node.body) == 1 and isinstance(node.body[0], cst.Expr)
                    and isinstance(node.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))

    def visit_Arg(self, node: cst.Arg) -> bool:
        # below the UI, ``doc=`` documents a configuration key for the generated reference
        # (docs/profile.md, Chinese), not for the teller
        return not (self.below_ui and node.keyword is not None and node.keyword.value == "doc")

    def visit_Comparison(self, node: cst.Comparison) -> bool:
        # a literal compared with data (a state name from the central) must stay as written
        return False

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> bool:
        return False  # wrapped whole on leaving, not piece by piece

    # -- the replacements -------------------------------------------------------------------

    def leave_ConcatenatedString(self, original: cst.ConcatenatedString,
                                 updated: cst.ConcatenatedString) -> cst.BaseExpression:
        return self._wrap(updated)

    def leave_SimpleString(self, original: cst.SimpleString,
                           updated: cst.SimpleString) -> cst.BaseExpression:
        return self._wrap(updated)

    def leave_FormattedString(self, original: cst.FormattedString,
                              updated: cst.FormattedString) -> cst.BaseExpression:
        return self._wrap(updated)

    def _wrap(self, node: cst.BaseExpression) -> cst.BaseExpression:
        if not _has_cjk(node) or _pieces(node) is None:
            if _has_cjk(node):
                self.skipped.append(cst.Module([]).code_for_node(node))
            return node
        args: list[cst.Arg] = []
        plain = not any(isinstance(p, cst.FormattedString) for p in _pieces(node) or [])
        # no replacement field: the literal as written (its braces are no format fields)
        literal = node if plain else self._template(node, args)
        if literal is None:
            self.skipped.append(cst.Module([]).code_for_node(node))
            return node
        if isinstance(literal, cst.ConcatenatedString):
            literal = literal.with_changes(lpar=[], rpar=[])  # tr( gives the parentheses
        self.changed += 1
        if self.below_ui:
            return cst.Call(cst.Name("zh" if args else "QT_TR_NOOP"), [cst.Arg(literal), *args])
        call: cst.BaseExpression = cst.Call(cst.Name("tr"), [cst.Arg(literal)])
        if args:
            call = cst.Call(cst.Attribute(call, cst.Name("format")), args)
        return call

    def _template(self, node: cst.BaseExpression, args: list[cst.Arg]) -> cst.BaseExpression | None:
        """The same strings as plain literals (an implicit concatenation keeps its layout),
        each replacement field turned into ``{n}`` and its expression appended to ``args``."""
        if isinstance(node, cst.ConcatenatedString):
            left = self._template(node.left, args)
            right = self._template(node.right, args)
            if left is None or right is None:
                return None
            assert isinstance(left, (cst.SimpleString, cst.ConcatenatedString))
            assert isinstance(right, (cst.SimpleString, cst.ConcatenatedString))
            return node.with_changes(left=left, right=right)
        if isinstance(node, cst.SimpleString):
            return cst.SimpleString(_quote(_escape_braces(node.evaluated_value)))
        assert isinstance(node, cst.FormattedString)
        template: list[str] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                template.append(part.value)  # already escaped ({{ }}) as str.format wants
                continue
            assert isinstance(part, cst.FormattedStringExpression)
            spec = ""
            if part.format_spec:
                if any(not isinstance(s, cst.FormattedStringText) for s in part.format_spec):
                    return None
                spec = ":" + "".join(s.value for s in part.format_spec
                                     if isinstance(s, cst.FormattedStringText))
            conversion = f"!{part.conversion}" if part.conversion else ""
            name = self._name(part.expression, args)
            template.append("{" + (name or str(len(args))) + conversion + spec + "}")
            if name:
                args.append(cst.Arg(part.expression, keyword=cst.Name(name),
                                    equal=cst.AssignEqual(cst.SimpleWhitespace(""),
                                                          cst.SimpleWhitespace(""))))
            else:
                if any(a.keyword for a in args):  # positional values come first
                    return None
                args.append(cst.Arg(part.expression))
        quote = node.start[1:]  # f" -> "
        return cst.SimpleString(quote + "".join(template) + node.end)


    def _name(self, expr: cst.BaseExpression, args: list[cst.Arg]) -> str | None:
        """Below the UI, a placeholder named after what it holds (``card.no`` → ``no``)."""
        if not self.below_ui:
            return None
        base = expr.value if isinstance(expr, cst.Name) else \
            expr.attr.value if isinstance(expr, cst.Attribute) else None
        if base is None:
            return None
        base = base.strip("_") or "value"
        taken = {a.keyword.value for a in args if a.keyword}
        name, n = base, 2
        while name in taken:
            name, n = f"{base}{n}", n + 1
        return name


def _escape_braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    if '"' not in body:
        return f'"{body}"'
    if "'" not in body:
        return f"'{body}'"
    return '"' + body.replace('"', '\\"') + '"'


def wrap_file(path: Path, below_ui: bool = False) -> tuple[int, list[str]]:
    source = path.read_text(encoding="utf-8")
    module = cst.parse_module(source)
    wrapper = _Wrap(below_ui)
    new = module.visit(wrapper)
    if wrapper.changed:
        code = new.code
        if below_ui:
            code = _import_marks(code)
        elif "from counter_app.ui.i18n import tr" not in code and path.name != "i18n.py":
            code = _add_import(code)
        path.write_text(code, encoding="utf-8")
    return wrapper.changed, wrapper.skipped


def _import_marks(code: str) -> str:
    """Import the marks a module below the UI now calls, adding to its import of
    ``counter_app.domain.texts`` when it has one (a one-line import)."""
    used = [n for n in ("QT_TR_NOOP", "zh") if re.search(rf"\b{n}\(", code)
            and f"def {n}(" not in code]
    found = re.search(r"^from counter_app\.domain\.texts import ([^\n(]+)$", code, re.MULTILINE)
    if found is None:
        line = f"from counter_app.domain.texts import {', '.join(used)}\n"
        return _add_import(code, line) if used else code
    names = sorted({n.strip() for n in found.group(1).split(",")} | set(used))
    return code.replace(found.group(0), f"from counter_app.domain.texts import {', '.join(names)}")


def _add_import(code: str, line: str = IMPORT) -> str:
    """After the last top-level ``from counter_app`` import (ruff's isort puts it in place)."""
    lines = code.splitlines(keepends=True)
    last = max((i for i, line in enumerate(lines) if line.startswith(("from counter_app", "import "))),
               default=None)
    if last is None:
        last = max(i for i, line in enumerate(lines) if line.startswith("from "))
    # a parenthesised import continues to its closing line
    while "(" in lines[last] and ")" not in lines[last]:
        last += 1
        while ")" not in lines[last]:
            last += 1
    lines.insert(last + 1, line)
    return "".join(lines)


def main(argv: list[str]) -> int:
    total = 0
    below_ui = "--below-ui" in argv
    for name in (a for a in argv if a != "--below-ui"):
        changed, skipped = wrap_file(Path(name), below_ui)
        total += changed
        print(f"{name}: {changed} wrapped" + (f", {len(skipped)} left" if skipped else ""))
        for s in skipped:
            print(f"    left: {s[:100]}")
    print(f"{total} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
