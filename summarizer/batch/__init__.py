"""Batch summarisation of large collections: `summarizer batch INPUT -o OUTPUT`.

readers.py  JSONL / CSV / directory / stdin -> InputRecord (bad records become errors)
work.py     InputRecord -> result (Summary.to_dict() or an error record), one function
engines.py  in-process, worker pool (extractive), length-sorted batches (abstractive)
ray_engine  the same job on a Ray cluster (optional dependency: ray[data])
output.py   JSONL / CSV lines appended one by one; resume and torn-line repair
progress.py the progress bar and the closing summary on stderr
runner.py   run_batch(): wires them together
"""

from summarizer.batch.readers import FieldNames, InputSource, open_input
from summarizer.batch.records import InputRecord, SummaryOptions
from summarizer.batch.runner import BatchOptions, run_batch

__all__ = ["BatchOptions", "FieldNames", "InputRecord", "InputSource", "SummaryOptions", "open_input", "run_batch"]
