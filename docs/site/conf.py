"""Sphinx configuration of AE Lab's documentation site: the docs pages (MyST Markdown), the nine
notebooks as they are committed (nbsphinx, never executed here) and RESULTS.md, in the furo theme.
tools/build_site.py stages the sources and runs Sphinx; read it for the layout."""
project = "AE Lab"
author = "AE Lab"
extensions = ["myst_parser", "nbsphinx"]
nbsphinx_execute = "never"  # the site shows the committed outputs: no training to build it
nbsphinx_allow_errors = False
myst_heading_anchors = 3  # command-line.md#bad-input and the like
html_theme = "furo"
html_title = "AE Lab"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
