"""`--engine ray`: the same batch job on a Ray cluster with Ray Data.

The driver (the machine running `summarizer batch`) reads the input with the same
readers as the local engine and skips ids already in the output; Ray Data spreads the
records over an actor pool in which every actor holds one Summarizer (built once, so a
model loads once per actor); the results stream back to the driver, which appends
them to the output with the same writer. So the output, the resume logic and the error
records are the local engine's, and only the driver needs the input and output files.
Every node needs the same Python, the same `summarizer` version and, for the
abstractive method, the model under the same models_dir path (see docs/batch.md).

Ray is optional: `pip install "ray[data]"`; it is imported only here.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Iterable, Iterator

from summarizer.batch.engines import CHUNK_RECORDS, ChunkProcessor, Finished, build_processor, chunked
from summarizer.batch.records import InputRecord, RecordError, SummaryOptions
from summarizer.errors import OptionError
from summarizer.settings import Settings

# Records handed to Ray Data at a time: each window is one Dataset (its texts sit in the
# driver's memory and the object store); bounded so a huge input does not fill either.
RAY_WINDOW_RECORDS = 100_000
# Records per actor call.
RAY_BATCH_RECORDS = 16 * CHUNK_RECORDS
RAY_PACKAGE_HINT = 'pip install "ray[data]"'


def import_ray() -> Any:
    """Ray and Ray Data, or an error that names the package."""
    try:
        import ray
        import ray.data  # noqa: F401  (ray without the [data] extra lacks pyarrow etc.)
    except ImportError as exc:
        raise OptionError(f"--engine ray needs Ray Data, which is not installed ({exc}); run `{RAY_PACKAGE_HINT}`") from None
    return ray


def run_on_ray(records: Iterable[InputRecord], settings: Settings, options: Any, abstractive: bool) -> Iterator[list[Finished]]:
    """Yield finished results like the local engines do (input order with keep_order)."""
    ray = import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        # address None: Ray reads $RAY_ADDRESS, else starts a local Ray on this machine.
        ray.init(
            address=options.ray_address or os.environ.get("RAY_ADDRESS") or None,
            include_dashboard=False,
            logging_level=logging.WARNING,
        )
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = options.keep_order
        context.enable_progress_bars = False  # the batch progress bar is ours
        # Ray Data logs every execution start/plan/finish at INFO, and a warning that its
        # bars are off; failures still raise. Its full logs stay in the Ray session folder.
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        resources = ray.cluster_resources()
        gpus = int(resources.get("GPU", 0)) if abstractive else 0
        actors = options.workers or (gpus or max(1, int(resources.get("CPU", 1))))
        for window in chunked(records, RAY_WINDOW_RECORDS):
            # One block per actor call, so the blocks spread over the whole actor pool.
            # (from_items builds the blocks here; from_arrow runs a remote task per block.)
            blocks = -(-len(window) // RAY_BATCH_RECORDS)
            dataset = ray.data.from_items([_to_row(record) for record in window], override_num_blocks=blocks)
            results = dataset.map_batches(
                SummarizerActor,
                fn_constructor_kwargs={
                    "settings": settings,
                    "request": options.request,
                    "output_format": options.output_format,
                    "abstractive_batch": options.batch_size if abstractive else 0,
                },
                batch_size=RAY_BATCH_RECORDS,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=actors),
                num_cpus=0 if gpus else 1,
                num_gpus=1 if gpus else 0,
            )
            for batch in results.iter_batches(batch_size=None, batch_format="numpy"):
                yield [(str(i), str(line), bool(failed)) for i, line, failed in zip(batch["id"], batch["line"], batch["failed"])]
    finally:
        if started_here:
            ray.shutdown()


def _to_row(record: InputRecord) -> dict[str, str]:
    # Plain strings ("" = none) so every column has one Arrow type.
    error = record.error
    return {
        "id": record.id,
        "text": record.text or "",
        "title": record.title or "",
        "error_type": error.type if error else "",
        "error_message": error.message if error else "",
    }


def _from_row(record_id: str, text: str, title: str, error_type: str, error_message: str) -> InputRecord:
    if error_type:
        return InputRecord(record_id, error=RecordError(error_type, error_message))
    return InputRecord(record_id, text=text, title=title or None)


class SummarizerActor:
    """One Summarizer per actor; Ray Data calls it with batches of rows."""

    def __init__(self, settings: Settings, request: SummaryOptions, output_format: str, abstractive_batch: int) -> None:
        self.processor: ChunkProcessor = build_processor(settings, request, output_format)
        self.abstractive_batch = abstractive_batch

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        records = [
            _from_row(str(i), str(text), str(title), str(error_type), str(message))
            for i, text, title, error_type, message in zip(
                batch["id"], batch["text"], batch["title"], batch["error_type"], batch["error_message"]
            )
        ]
        finished = self._abstractive(records) if self.abstractive_batch else self.processor(records)
        return {
            "id": np.array([f[0] for f in finished], dtype=object),
            "line": np.array([f[1] for f in finished], dtype=object),
            "failed": np.array([f[2] for f in finished], dtype=bool),
        }

    def _abstractive(self, records: list[InputRecord]) -> list[Finished]:
        # Length-sorted groups (less padding), returned in the batch's order.
        order = sorted(range(len(records)), key=lambda i: records[i].size)
        finished: dict[int, Finished] = {}
        for group in chunked(order, self.abstractive_batch):
            for index, result in zip(group, self.processor.group([records[i] for i in group])):
                finished[index] = result
        return [finished[i] for i in range(len(records))]
