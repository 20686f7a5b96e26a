"""Privacy: small-number suppression of counts; details and names removed from what people wrote.

Used by the sections' computations and by every page that shows counts about families.
"""
