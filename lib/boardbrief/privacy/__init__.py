"""Privacy: small-number suppression of counts and redaction of what people wrote.

Used by the sections' computations and by every page that shows counts about families.
"""
