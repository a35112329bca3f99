from __future__ import annotations

import pytest

from newstrace.errors import ConfigError
from newstrace.stages import check_order, registered


def test_builtin_stages_declared():
    reg = registered()
    assert {"segment", "entities", "times"} <= set(reg)
    assert reg["entities"].requires == ("mentions",)
    assert "times" in reg["times"].assigns


def test_order_is_checked():
    assert [i.name for i in check_order(["segment", "entities", "times"])] == ["segment", "entities", "times"]
    with pytest.raises(ConfigError) as info:
        check_order(["entities", "segment"])
    assert info.value.code == "E206"
    with pytest.raises(ConfigError) as info:
        check_order(["segment", "sentiment"])
    assert info.value.code == "E205"
