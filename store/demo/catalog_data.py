"""All vocabulary tables of the demo catalog, in the fixed order the builder walks them.

The order matters: it decides product ids and how the seeded RNG is consumed, so appending a table
at the end changes only new products, while inserting one in the middle renumbers the rest.
"""

from __future__ import annotations

from store.demo.catalog_data_baby import TYPES as BABY
from store.demo.catalog_data_beauty import TYPES as BEAUTY
from store.demo.catalog_data_bedding_bath import TYPES as BEDDING_BATH
from store.demo.catalog_data_books import TYPES as BOOKS
from store.demo.catalog_data_electronics import TYPES as ELECTRONICS
from store.demo.catalog_data_gift_cards import TYPES as GIFT_CARDS
from store.demo.catalog_data_grocery import TYPES as GROCERY
from store.demo.catalog_data_home_kitchen import TYPES as HOME_KITCHEN
from store.demo.catalog_data_home_living import TYPES as HOME_LIVING
from store.demo.catalog_data_mens import TYPES as MENS
from store.demo.catalog_data_office import TYPES as OFFICE
from store.demo.catalog_data_pets import TYPES as PETS
from store.demo.catalog_data_phones import TYPES as PHONES
from store.demo.catalog_data_shoes import TYPES as SHOES
from store.demo.catalog_data_sports import TYPES as SPORTS
from store.demo.catalog_data_toys import TYPES as TOYS
from store.demo.catalog_data_womens import TYPES as WOMENS
from store.demo.catalog_spec import ProductType

__all__ = ["ALL_TYPES", "TOP_CATEGORIES"]

ALL_TYPES: tuple[ProductType, ...] = (
    *PHONES,
    *ELECTRONICS,
    *HOME_KITCHEN,
    *HOME_LIVING,
    *BEDDING_BATH,
    *WOMENS,
    *MENS,
    *SHOES,
    *BEAUTY,
    *SPORTS,
    *TOYS,
    *BOOKS,
    *GROCERY,
    *PETS,
    *OFFICE,
    *BABY,
    *GIFT_CARDS,
)

TOP_CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(t.top_category for t in ALL_TYPES))
