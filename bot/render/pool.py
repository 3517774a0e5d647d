"""Charts and the PDF are drawn in worker processes, never in the event loop: a render takes
20-40 ms, which would delay every reply and tick behind it."""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from bot.render.charts import ChartSpec, render_chart
from bot.render.cycle_chart import CycleChartSpec, render_cycle_chart
from bot.render.pdf import ReportSpec, render_report

WORKERS = 2
_pool: ProcessPoolExecutor | None = None


def _shared_pool() -> ProcessPoolExecutor:
    """One pool per process ("spawn": no inherited event loop, threads or connections)."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"))
        atexit.register(_pool.shutdown, cancel_futures=True)
    return _pool


async def chart_png(spec: ChartSpec) -> bytes:
    return await asyncio.get_running_loop().run_in_executor(_shared_pool(), render_chart, spec)


async def report_pdf(spec: ReportSpec) -> bytes:
    return await asyncio.get_running_loop().run_in_executor(_shared_pool(), render_report, spec)


async def cycle_chart(spec: CycleChartSpec) -> bytes:
    return await asyncio.get_running_loop().run_in_executor(_shared_pool(), render_cycle_chart, spec)
