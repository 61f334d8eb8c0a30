"""Search a report by text, pinyin or number. No Textual here.

index = SearchIndex.build(report)          # once per report
result = index.search("党员 >10000", limit=100)
result.total, result.understood, result.understood_zh
for hit in result.hits: hit.section_id, hit.kind, hit.text, hit.spans, hit.snippet
index.highlights("党员", section_id)        # every match in one section
"""

from partybuild_tui.search.index import SearchIndex
from partybuild_tui.search.normalize import fold
from partybuild_tui.search.query import Query, TextTerm, ValueFilter, parse_query
from partybuild_tui.search.results import (
    SNIPPET_WIDTH,
    SearchHit,
    SearchResult,
    SectionHighlights,
    make_snippet,
)

__all__ = [
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
]
