"""Running the analysis over a corpus: streaming, parallel, distributed and resumable, with its outputs."""

from framing.run.engine import RunSummary, run
from framing.run.manifest import MANIFEST
from framing.run.outputs import record_keys, write_csv, write_parquet
from framing.run.sampling import stratified_sample

__all__ = ["MANIFEST", "RunSummary", "record_keys", "run", "stratified_sample", "write_csv", "write_parquet"]
