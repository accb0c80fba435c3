"""Pure logic behind the site's build hooks.

Nothing in this package imports MkDocs: it works on plain data (front matter, Markdown text,
YAML data files) so it can be unit-tested without a build and outlive the theme.
The hook modules in ``hooks/`` are thin adapters that call into it.
"""
