#!/bin/sh
# An external rule that answers without reading its input: a large request must not block the tool.
echo '{"protocol": 1, "diagnostics": []}'
