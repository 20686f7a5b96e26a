"""Exporting the executed notebook as the board's HTML with nbconvert and our own template."""

from __future__ import annotations

import nbformat

from boardbrief import paths
from boardbrief.publish.families import FAMILIES_MIMETYPE
from boardbrief.publish.figures import FIGURES_MIMETYPE, INPUTS_MIMETYPE


def export_html(notebook: nbformat.NotebookNode, title: str, fingerprint: str | None = None) -> str:
    """The executed notebook as the board's HTML: our template, no code, nothing external.

    `fingerprint`, the run's short fingerprint, is printed in every page's footer.
    """
    from nbconvert import HTMLExporter

    from boardbrief.publish.outline import OutlinePreprocessor, css_string

    exporter = HTMLExporter(
        template_name=paths.NBCONVERT_TEMPLATE_NAME,
        extra_template_basedirs=[str(paths.NBCONVERT_TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(OutlinePreprocessor(), enabled=True)
    exporter.register_filter("css_string", css_string)
    notebook = nbformat.from_dict(notebook)
    notebook.metadata["title"] = title
    if fingerprint:
        notebook.metadata["fingerprint"] = fingerprint
    hidden = {FIGURES_MIMETYPE, INPUTS_MIMETYPE, FAMILIES_MIMETYPE}
    for cell in notebook.cells:  # figures, inputs, families: own files, not in the page
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not hidden & set(o.get("data", {}))]
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return body


def prepare_export() -> None:
    """Import nbconvert and compile the template by exporting an empty notebook, thrown away.

    `render` does this on a thread while the kernel runs the notebook, so that the export after
    it, which waits for the notebook, takes a fraction of the time.
    """
    export_html(nbformat.v4.new_notebook(), "")
