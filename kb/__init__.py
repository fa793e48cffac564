"""kb: validate the toolbox content and generate the pages of the Toolbox Integrale Zorg site.

The pipeline runs one way: `loader` -> `validate` -> `graph` (resolve) -> `render`; `pipeline`
ties them together, `cli` and `plugin` are the adapters.
"""

__version__ = "0.1.0"
