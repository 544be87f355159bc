"""Query functions (get_x, list_x); they may flush, never commit."""
