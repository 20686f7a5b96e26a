"""Each section's computations: a meeting in, a status object (tables and figures) out.

One module per section of the briefing, named as its view and chart are: `action_plan`,
`feedback`, `funding`, `impact`; `uncoded_terms` serves the feedback section's appendix.
"""
