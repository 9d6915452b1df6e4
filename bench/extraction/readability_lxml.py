"""readability-lxml (Debian python3-readability) over DIR/*/source.html:
pages/s on one thread, extraction only (files are read first). Prints one
result line that compare.sh parses; the check counts pages with text."""
import os
import sys
import time

import lxml.html
from readability import Document

d = sys.argv[1]
pages = []
for name in sorted(os.listdir(d)):
    p = os.path.join(d, name, "source.html")
    if os.path.exists(p):
        with open(p, "rb") as f:
            pages.append(f.read().decode("utf-8", "replace"))
with_text = 0
start = time.perf_counter()
for html in pages:
    try:
        summary = Document(html).summary(html_partial=True)
        if lxml.html.fromstring(summary).text_content().strip():
            with_text += 1
    except Exception:  # A page it cannot handle counts as no text.
        pass
seconds = time.perf_counter() - start
print(f"RESULT readability-lxml pages={len(pages)} with_text={with_text} seconds={seconds:.3f}")
