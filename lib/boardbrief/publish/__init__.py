"""Publishing: running the notebook, exporting it, and everything written beside a briefing.

`render` runs one meeting (or all, `parallel`) with the notebook executed by `execute` and
exported by `html`; `folders` and `locks` guard the output folder; `figures` carries the headline
figures out of the notebook; `run_record`, `verify`, `archive_index` and `pdf` are the audit
trail and the other outputs; `analyst_tables` and `exports` are `boardbrief export`.
"""
