"""What `verify` says about the environment when an archived briefing does not reproduce."""

from __future__ import annotations

from boardbrief.publish.verify import environment_differences


def test_environment_differences_names_another_platform_and_python():
    recorded = {"platform": "win32", "python": "3.12.1", "packages": {"pandas": "2.2.3"}}
    current = {"platform": "linux", "python": "3.11.7", "packages": {"pandas": "2.2.3"}}
    assert environment_differences(recorded, current) == [
        "platform: recorded win32, now linux",
        "Python: recorded 3.12.1, now 3.11.7",
    ]


def test_environment_differences_says_when_the_environment_is_the_same():
    same = {"platform": "linux", "python": "3.11.7", "packages": {"pandas": "2.2.3"}}
    assert environment_differences(same, dict(same)) == [
        "the environment is the same as the one recorded"
    ]
