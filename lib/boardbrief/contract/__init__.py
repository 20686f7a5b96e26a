"""The data contract: reading and checking a board's data folder, and choosing a meeting's part.

Every file of the folder is read here (`read_tables`, `plain_yaml`), checked against the
contract (`board_config`, `columns`, `schemas`, `codebook`, `commentary`, `indicators/`) with
every problem collected into one `DataError` (`problems`), loaded whole (`load`) and narrowed to
what one meeting's briefing uses (`meeting`). `inputs` fingerprints the files read.
"""
