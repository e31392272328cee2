"""Product search: semantic (FAISS) + keyword (BM25, jieba) retrieval, fused, filtered and sorted."""

from __future__ import annotations

from knowledge.search.filters import Relaxation, SearchFilters
from knowledge.search.models import SearchHit, SearchQuery, SearchResults
from knowledge.search.service import ProductSearch
from knowledge.search.sorting import ShopperProfile, SortOrder

__all__ = ["ProductSearch", "SearchQuery", "SearchResults", "SearchHit", "SearchFilters", "Relaxation",
           "ShopperProfile", "SortOrder"]
