"""The sender keeps to Telegram's limits: ~30 messages a second overall, ~1 a second per chat."""

from __future__ import annotations

from bot.runtime.sender import Pacer


async def test_pacing_spaces_messages_overall_and_per_chat() -> None:
    now = 100.0
    waits: list[float] = []

    def clock() -> float:
        return now

    async def sleep(seconds: float) -> None:
        nonlocal now
        waits.append(round(seconds, 3))
        now += seconds

    pacer = Pacer(per_second=25, per_chat_gap=1.0, clock=clock, sleep=sleep)
    await pacer.wait(1)  # first message: no wait
    await pacer.wait(2)  # another chat: the overall gap (1/25 s)
    await pacer.wait(1)  # the first chat again: a whole second after its last message
    await pacer.wait(3)
    assert waits == [0.04, 0.96, 0.04]
    assert now == 101.04
