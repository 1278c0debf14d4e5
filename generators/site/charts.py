"""The site's charts: drawn by :mod:`generators.charts`, shared with the printed reports."""

from generators.charts import bars, line_chart, stacked_bars

__all__ = ["bars", "line_chart", "stacked_bars"]
