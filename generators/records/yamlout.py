"""Readable, stable YAML for generated records.

Short bilingual texts and small mappings are written in flow style on one line
(``{zh: …, en: …}``), multi-line prose as literal blocks; dates unquoted. The pure-Python
emitter is used (not libyaml) so the bytes do not depend on how PyYAML was built.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import yaml


class Flow(dict):
    """A mapping written on one line."""


class FlowList(list):
    """A list written on one line."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the loader refuses anchors and aliases
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    # Whole amounts as integers (92, not 92.0 or !!float '92'); others as plain decimals.
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value.normalize(), "f"))


_Dumper.add_representer(str, _str)
_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(dt.date, _Dumper.represent_date)


def dump(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False, indent=2
    )
