"""Jupyter's own kernel conformance suite (jupyter_kernel_test, Debian's python3-jupyter-kernel-test) run
against this checkout's `aelab-java` kernelspec: every message validated against the protocol's schema,
and one sample for each test the suite offers. Run with Debian's /usr/bin/python3.
"""
import os
import queue
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "environment"))
import write_kernelspec  # noqa: E402  (in environment/)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ["JUPYTER_PATH"] = os.path.join(ROOT, "environment", "jupyter")
os.environ.setdefault("AELAB_MODE", "quick")
write_kernelspec.refresh(ROOT)

import jupyter_kernel_test  # noqa: E402


class AelabKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "aelab-java"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # jupyter_client's start-up sends kernel_info once a second until the kernel answers, so a kernel
        # that takes seconds to start answers several; the suite flushes IOPub for only 0.1 s before each
        # test, and on a busy machine a late "idle" of those start-up requests then reaches the first
        # test. Drain until IOPub has been quiet for a second.
        while True:
            try:
                cls.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                break
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    # JShell's completions after the text; the set must match exactly
    completion_samples = [
        {"text": "Math.flo", "matches": {"floor(", "floorDiv(", "floorMod("}},
        {"text": 'String greeting = "hi"; greeting.toUpper', "matches": {"toUpperCase("}},
    ]

    complete_code_samples = ["int x = 1;", "System.out.println(1)", "class A { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int[] a = {1, 2,"]
    invalid_code_samples = ["int x = 1; )"]

    # "expression?" opens the pager with the expression's documentation, as "?" does in IPython
    code_page_something = "Math.max?"

    code_generate_error = 'throw new IllegalStateException("on purpose");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "Math.abs(-2.5)", "result": "2.5"},
    ]

    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": 'display(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("n", 1, 2)));',
         "mime": "text/html"},
    ]

    # matches exactly one of code_execute_result's cells ("*" is a glob wildcard)
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = 'System.out.println("soon gone"); clearOutput();'


if __name__ == "__main__":
    unittest.main(verbosity=2)
