"""Turn a plain-text article (a county or city 党建 review) into report data.

No Textual here. The pipeline, one small module per step:

* ``reading``  — the file: UTF-8, else GB18030; lines without indentation;
* ``header``   — title/subtitle, date, 来源, reporter; period, region, language;
* ``segment``  — the body's end, headings, lead phrases, 导语 and 结语;
* ``metrics``  — figures in a paragraph (with ``model.numerals``, ``units``,
  ``names`` for numbers that only name, ``labels``);
* ``ids``      — pinyin slugs, unique;
* ``assemble`` — all of it into data in the model's shape, plus doubts;
* ``writer``   — YAML the strict loader reads back;
* ``compare``  — recall and precision against a hand-made report.
"""

from __future__ import annotations

from partybuild_tui.importer.assemble import ImportResult, import_lines
from partybuild_tui.importer.reading import (
    DEFAULT_MAX_ARTICLE_SIZE,
    Article,
    ArticleError,
    read_article,
)
from partybuild_tui.importer.writer import dump


def import_article(
    path: str, max_size: int = DEFAULT_MAX_ARTICLE_SIZE, title: str | None = None
) -> tuple[Article, ImportResult]:
    """Read and import the article at ``path``; ``ArticleError`` if it cannot be read or
    holds a number no report can hold (``PATH:LINE:COLUMN: …``)."""
    article = read_article(path, max_size)
    return article, import_lines(article.lines, path, title, article.indents)


__all__ = [
    "Article",
    "ArticleError",
    "ImportResult",
    "dump",
    "import_article",
    "import_lines",
    "read_article",
]
