"""Pure text processing: decoding, normalisation, repair, segmentation. No model imports."""

from summarizer.text.analyse import analyse_text
from summarizer.text.decode import decode_bytes
from summarizer.text.layout import Layout, ParagraphSpan, SentenceSpan

__all__ = ["Layout", "ParagraphSpan", "SentenceSpan", "analyse_text", "decode_bytes"]
