"""The MkDocs adapter: validate before the build, add generated pages as virtual files.

Validation runs in `on_pre_build`, before MkDocs cleans `site_dir`, so a failing check leaves the
previous site untouched. Pages are added with `File.generated`; nothing is written to `docs_dir`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from kb.pipeline import check
from kb.render import render_site

log = logging.getLogger("mkdocs.plugins.kb")


class KbPluginConfig(Config):
    content = config_options.Type(str, default="content")
    strict = config_options.Type(bool, default=False)


class KbPlugin(BasePlugin[KbPluginConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, str] = {}

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").parent / self.config.content

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        result = check(self._content_dir(config), display=self.config.content)
        if result.failed(strict=self.config.strict):
            report = "\n".join(d.format() for d in result.diagnostics)
            raise PluginError(f"kb: the content has errors; the site was not built:\n{report}")
        for diagnostic in result.warnings:
            log.warning(diagnostic.format())
        self.pages = render_site(result.graph, directory_urls=config.use_directory_urls)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for path, markdown in self.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"kb: `{path}` is generated; remove it from the docs folder")
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._content_dir(config)))
        server.watch(str(Path(__file__).parent / "templates"))
        return server
