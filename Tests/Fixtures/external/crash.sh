#!/bin/sh
# An external rule in shell that crashes: it kills itself with SIGSEGV before answering.
kill -SEGV $$
