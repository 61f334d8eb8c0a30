"""Search a report by text, pinyin or number. No Textual here.

    query = parse_query("党员 >10000")           # once per keystroke, by the caller
    index = SearchIndex.build(report)            # once per report
    result = index.search(query, limit=100)
    result.total, result.understood, result.understood_zh
    for hit in result.hits: hit.section_id, hit.kind, hit.text, hit.spans, hit.snippet
    index.highlights(query, section_id)          # every match in one section
    search_many([(report.id, index), ...], query)  # across reports

Modules, each importing only those listed before it: ``folding`` (text as
searched), ``query`` (the query language and numbers), ``pinyin`` (readings and
pinyin patterns), ``index`` (one report's searchable ``Corpus``), ``matching``
(where terms and metric filters match), ``hits`` (results, spans, snippets),
``ranking`` (rank order, a page and the count), ``engine`` (``SearchIndex``),
``combined`` (many reports searched as one: ``search_many``'s answer in one scan).
"""

from partybuild_tui.search.engine import SearchIndex, search_many
from partybuild_tui.search.folding import fold
from partybuild_tui.search.hits import (
    SNIPPET_WIDTH,
    SearchHit,
    SearchResult,
    SectionHighlights,
    make_snippet,
)
from partybuild_tui.search.query import (
    MAX_QUERY,
    MAX_WORDS,
    Query,
    TextTerm,
    ValueFilter,
    parse_query,
)

__all__ = [
    "MAX_QUERY",
    "MAX_WORDS",
    "SNIPPET_WIDTH",
    "Query",
    "SearchHit",
    "SearchIndex",
    "SearchResult",
    "SectionHighlights",
    "TextTerm",
    "ValueFilter",
    "fold",
    "make_snippet",
    "parse_query",
    "search_many",
]
