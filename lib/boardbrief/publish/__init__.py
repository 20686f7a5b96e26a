"""Publishing: running the notebook, exporting it, and everything written beside a briefing.

`render` renders one meeting (`parallel`: every meeting) with the notebook executed by `execute`
and exported by `html` (headings and contents by `outline`); `staging`, `locks` and `folders`
guard the output folder; `figures` carries the headline figures out of the notebook;
`run_record`, `verify`, `archive_index` and `pdf` are the audit trail and the other outputs;
`analyst_tables` and `exports` are `boardbrief export`.
"""
