"""Key strings shared by every part of the NLU, mirroring Rasa's ``shared/nlu/constants.py``.

WHY: the dialogue core, the Rasa adapter and the CLI all read and write the same JSON shape; one place for the
keys and the 34 intent names keeps them from drifting (a typo in an intent name would silently never match).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "CONFIDENCE",
    "ENTITIES",
    "ENTITY_ATTRIBUTE_CONFIDENCE",
    "ENTITY_ATTRIBUTE_END",
    "ENTITY_ATTRIBUTE_START",
    "ENTITY_ATTRIBUTE_TYPE",
    "ENTITY_ATTRIBUTE_VALUE",
    "EXTRACTOR",
    "INTENT",
    "INTENT_NAME_KEY",
    "INTENT_RANKING",
    "INTENT_RANKING_LENGTH",
    "TEXT",
    "EntityName",
    "Extractor",
    "Intent",
    "Language",
]

TEXT = "text"
INTENT = "intent"
INTENT_NAME_KEY = "name"
INTENT_RANKING = "intent_ranking"
ENTITIES = "entities"
CONFIDENCE = "confidence"
EXTRACTOR = "extractor"
ENTITY_ATTRIBUTE_TYPE = "entity"
ENTITY_ATTRIBUTE_VALUE = "value"
ENTITY_ATTRIBUTE_START = "start"
ENTITY_ATTRIBUTE_END = "end"
ENTITY_ATTRIBUTE_CONFIDENCE = "confidence_entity"

INTENT_RANKING_LENGTH = 10


class Intent(StrEnum):
    """The 34 intents of docs/nlu.md (the spec's "37" is a miscount)."""

    # shopping
    GREET = "greet"
    HELP = "help"
    SEARCH_PRODUCT = "search_product"
    SHOW_PRODUCT_DETAILS = "show_product_details"
    ADD_TO_CART = "add_to_cart"
    VIEW_CART = "view_cart"
    UPDATE_CART = "update_cart"
    REMOVE_FROM_CART = "remove_from_cart"
    APPLY_COUPON = "apply_coupon"
    CHECKOUT = "checkout"
    RECOMMEND = "recommend"
    LIST_PROMOTIONS = "list_promotions"
    JOIN_GROUP = "join_group"
    # orders and after-sales
    TRACK_ORDER = "track_order"
    ORDER_HISTORY = "order_history"
    MODIFY_ORDER = "modify_order"
    CANCEL_ORDER = "cancel_order"
    RETURN_OR_REFUND = "return_or_refund"
    GET_INVOICE = "get_invoice"
    MANAGE_ADDRESS = "manage_address"
    PAY = "pay"
    # help and community
    ASK_QUESTION = "ask_question"
    TALK_TO_HUMAN = "talk_to_human"
    COMPLAIN = "complain"
    GIVE_FEEDBACK = "give_feedback"
    LEAVE_REVIEW = "leave_review"
    MY_POINTS = "my_points"
    SUBSCRIBE = "subscribe"
    PRIVACY = "privacy"
    # conversation
    THANKS = "thanks"
    GOODBYE = "goodbye"
    AFFIRM = "affirm"
    DENY = "deny"
    OUT_OF_SCOPE = "out_of_scope"


class EntityName(StrEnum):
    QUANTITY = "quantity"
    PRICE_MIN = "price_min"
    PRICE_MAX = "price_max"
    COLOR = "color"
    SIZE = "size"
    BRAND = "brand"
    CATEGORY = "category"
    PRODUCT = "product"
    ORDER_ID = "order_id"
    COUPON_CODE = "coupon_code"
    REFERENCE = "reference"


class Extractor(StrEnum):
    """Which part of the pipeline found an entity (Rasa's ``extractor`` field)."""

    REGEX = "RegexEntityExtractor"
    LOOKUP = "LookupEntityExtractor"
    CATALOG = "CatalogEntityExtractor"
    NUMBER = "NumberEntityExtractor"
    MONEY = "MoneyEntityExtractor"
    REFERENCE = "ReferenceEntityExtractor"
    RASA = "rasa"


class Language(StrEnum):
    EN = "en"
    ZH = "zh"
