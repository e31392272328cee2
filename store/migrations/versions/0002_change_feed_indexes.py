"""change feed indexes: products, variants and knowledge-base questions by updated_at

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 04:40:00

Every bot process polls for catalog rows and knowledge-base questions changed since its last look
(store/catalog/changes.py, store/knowledge_changes.py), so a change committed by another worker, `shopbot catalog
import` or `shopbot kb import` reaches its search and Q&A indexes; without these indexes each poll would scan the
tables.
"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index('ix_products_updated_at', 'products', ['updated_at'], unique=False)
    op.create_index('ix_variants_updated_at', 'variants', ['updated_at'], unique=False)
    op.create_index('ix_kb_questions_updated_at', 'kb_questions', ['updated_at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_kb_questions_updated_at', table_name='kb_questions')
    op.drop_index('ix_variants_updated_at', table_name='variants')
    op.drop_index('ix_products_updated_at', table_name='products')
