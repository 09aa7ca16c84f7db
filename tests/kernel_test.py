"""Integration tests of AE Lab's Java kernel, through jupyter_client as Jupyter itself talks to it.

Each test sends real messages to a real kernel process (this checkout's kernelspec) and checks
what comes back: the display types, updateDisplay, errors, interrupt, completion, is_complete,
and that shutdown and restart leave no process behind. Run with Debian's /usr/bin/python3.
"""
import base64
import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "environment"))
import write_kernelspec  # noqa: E402  (in environment/)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ["JUPYTER_PATH"] = os.path.join(ROOT, "environment", "jupyter")
os.environ.setdefault("AELAB_MODE", "quick")

from jupyter_client.manager import start_new_kernel  # noqa: E402

PNG = b"\x89PNG"


class Cell:
    """What one execute request produced: its outputs in arrival order, with arrival times."""

    def __init__(self, client, code, timeout=120, on_output=None):
        self.outputs = []
        self.times = []
        start = time.time()
        msg_id = client.execute(code)
        while True:
            msg = client.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
            if kind in ("stream", "display_data", "update_display_data", "execute_result", "error"):
                self.outputs.append((kind, msg["content"]))
                self.times.append(time.time() - start)
                if on_output:
                    on_output(kind, msg["content"])
        self.reply = reply_to(client, msg_id, timeout)
        self.seconds = time.time() - start

    def of(self, kind):
        return [c for k, c in self.outputs if k == kind]

    def stdout(self):
        return "".join(c["text"] for c in self.of("stream") if c["name"] == "stdout")


class KernelTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        write_kernelspec.refresh(ROOT)
        cls.manager, cls.client = start_new_kernel(kernel_name=write_kernelspec.KERNEL, startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.client.stop_channels()
        cls.manager.shutdown_kernel(now=False)

    def run_cell(self, code, **kw):
        return Cell(self.client, code, **kw)

    def ok(self, code, **kw):
        cell = self.run_cell(code, **kw)
        self.assertEqual(cell.reply["status"], "ok", f"{code!r} failed: {str(cell.outputs)[-1500:]}")
        return cell

    def test_kernel_info_names_the_java_version(self):
        info = reply_to(self.client, self.client.kernel_info())
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
        self.assertEqual(info["language_info"]["name"], "java")
        self.assertTrue(info["language_info"]["version"].startswith(java.split('"')[1]), java)

    def test_declarations_carry_over_and_can_be_redefined(self):
        self.ok("import java.util.function.*;\nrecord Point(int x, int y) {}\nint twice(int v) { return 2 * v; }")
        self.ok("class Counter { int n; void hit() { n++; } }\nCounter c = new Counter(); c.hit(); c.hit();")
        cell = self.ok("new Point(twice(2), c.n)")
        self.assertEqual(cell.of("execute_result")[0]["data"]["text/plain"], "Point[x=4, y=2]")
        self.ok("int twice(int v) { return 3 * v; }")
        self.assertEqual(self.ok("twice(2)").of("execute_result")[0]["data"]["text/plain"], "6")

    def test_last_expression_is_the_result_unless_a_semicolon_ends_it(self):
        self.assertEqual(self.ok("int a = 20;\na + 1").of("execute_result")[0]["data"]["text/plain"], "21")
        self.assertEqual(self.ok("a + 1;").of("execute_result"), [])
        self.assertEqual(self.ok("System.out.println(a);").stdout(), "20\n")

    def test_output_streams_while_the_cell_runs_in_order(self):
        cell = self.ok('System.out.println("first"); System.err.println("warning");\n'
                       'Thread.sleep(2000);\nSystem.out.println("second");')
        streams = [(c["name"], c["text"]) for c in cell.of("stream")]
        self.assertEqual(streams, [("stdout", "first\n"), ("stderr", "warning\n"), ("stdout", "second\n")])
        self.assertLess(cell.times[0], cell.seconds - 1.5, "the first line came only when the cell ended")

    def test_display_renders_images_charts_tables_animations_and_text(self):
        cell = self.ok(
            "var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
            "display(image);\n"
            "var chart = new org.knowm.xchart.XYChart(320, 240);\n"
            "chart.addSeries(\"loss\", new double[] {1, 2, 3}, new double[] {3, 1, 0.5});\n"
            "display(chart);\n"
            "display(tech.tablesaw.api.Table.create(\"scores\").addColumns(\n"
            "    tech.tablesaw.api.StringColumn.create(\"method\", \"DEC\", \"IDEC\"),\n"
            "    tech.tablesaw.api.DoubleColumn.create(\"acc\", 0.8123, 0.7931)));\n"
            "var frames = new aelab.figures.Animation();\n"
            "frames.add(image); frames.add(new java.awt.image.BufferedImage(40, 30, 1));\n"
            "display(frames);\n"
            "display(\"plain words\");\n"
            "display(new aelab.Results(\"tiny\").add(\"loss\", 0.123456, \"0.1\"));")
        shown = [c["data"] for c in cell.of("display_data")]
        self.assertEqual(len(shown), 6, cell.outputs)
        image, chart, table, animation, text, results = shown
        self.assertTrue(base64.b64decode(image["image/png"]).startswith(PNG))
        self.assertTrue(base64.b64decode(chart["image/png"]).startswith(PNG))
        self.assertIn("<td>DEC</td>", table["text/html"])
        self.assertIn("<th>acc</th>", table["text/html"])
        self.assertIn("IDEC", table["text/plain"])
        gif = base64.b64decode(animation["image/gif"])
        self.assertTrue(gif.startswith(b"GIF89a"))
        self.assertGreaterEqual(gif.count(b"\x21\xf9\x04"), 2, "fewer than two frames in the GIF")
        self.assertEqual(text, {"text/plain": "plain words"})
        self.assertIn("<td>0.1235</td>", results["text/html"])
        for c in cell.of("display_data"):
            self.assertTrue(c["transient"]["display_id"])

    def test_update_display_replaces_the_output_display_returned(self):
        cell = self.ok('String id = display("epoch 1");\nfor (int e = 2; e <= 3; e++) updateDisplay(id, "epoch " + e);\n'
                       'System.out.println(id);')
        first = cell.of("display_data")[0]
        updates = cell.of("update_display_data")
        self.assertEqual([u["data"]["text/plain"] for u in updates], ["epoch 2", "epoch 3"])
        self.assertEqual({u["transient"]["display_id"] for u in updates}, {first["transient"]["display_id"]})
        self.assertEqual(cell.stdout().strip(), first["transient"]["display_id"])

    def test_compile_error_names_the_line_and_the_compilers_message(self):
        cell = self.run_cell('int fine = 1;\n\nString s = 42;')
        self.assertEqual(cell.reply["status"], "error")
        error = cell.of("error")[0]
        self.assertEqual(error["ename"], "CompileError")
        self.assertIn("line 3", error["evalue"])
        self.assertIn("incompatible types", error["evalue"])
        self.assertIn("String s = 42;", "\n".join(error["traceback"]))

    def test_runtime_error_shows_type_message_and_cell_frames_only(self):
        self.ok("void check(int n) {\n    if (n < 0) throw new IllegalArgumentException(\"n must be >= 0, got \" + n);\n}")
        cell = self.run_cell("int k = 1;\n// the next line fails\ncheck(-k);")
        self.assertEqual(cell.reply["status"], "error")
        error = cell.of("error")[0]
        self.assertEqual(error["ename"], "IllegalArgumentException")
        self.assertEqual(error["evalue"], "n must be >= 0, got -1")
        trace = "\n".join(error["traceback"])
        self.assertIn("cell line 3", trace)
        self.assertIn("(check)", trace)
        for internal in ("jdk.jshell", "aelab.kernel", "jdk.internal.reflect", "REPL."):
            self.assertNotIn(internal, trace)

    def test_interrupt_stops_training_between_batches_and_keeps_the_variables(self):
        self.ok("String kept = \"still here\";\n"
                "aelab.data.ImageSet digits = aelab.data.Mnist.load(aelab.Mode.QUICK).train().head(2000);")
        self.interrupt_after(3, "var ae = new aelab.models.dense.DenseAutoencoder(aelab.models.dense.DenseAutoencoderConfig.basic32());\n"
                             "ae.fit(digits, new aelab.train.TrainingLoop.Options(10000, 64, 1, false));",
                             "CancellationException")
        self.assertEqual(self.ok("kept").of("execute_result")[0]["data"]["text/plain"], "still here")
        # a loop of the learner's own that never checks is stopped hard after the grace period
        self.interrupt_after(1, "long spins = 0;\nwhile (true) { spins++; }", "CellStoppedException")
        self.assertEqual(self.ok("kept.length()").of("execute_result")[0]["data"]["text/plain"], "10")

    def interrupt_after(self, seconds, code, expected):
        msg_id = self.client.execute(code)
        time.sleep(seconds)
        sent = time.time()
        self.manager.interrupt_kernel()
        reply = reply_to(self.client, msg_id)
        waited = time.time() - sent
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], expected)
        self.assertLess(waited, 10, f"the cell took {waited:.1f} s to stop")

    def test_completion_comes_from_jshell(self):
        self.assertIn("String", reply_to(self.client, self.client.complete("Strin", 5))["matches"])
        code = "int q = 1;\nSystem.out.pri"
        reply = reply_to(self.client, self.client.complete(code, len(code)))
        self.assertIn("println(", reply["matches"])
        self.assertEqual(reply["cursor_start"], len(code) - 3)

    def test_completion_sees_what_the_cell_declared_above_the_cursor(self):
        code = 'String word = "x";\nint n = 2;\nword.toUpper'
        reply = reply_to(self.client, self.client.complete(code, len(code)))
        self.assertEqual(reply["matches"], ["toUpperCase("])
        self.assertEqual(reply["cursor_start"], len(code) - len("toUpper"))
        # a method declared above is left out of the block, and what follows still completes
        code = "int twice(int v) { return 2 * v; }\nvar list = new ArrayList<String>();\nlist.isEm"
        self.assertEqual(reply_to(self.client, self.client.complete(code, len(code)))["matches"], ["isEmpty()"])

    def inspect(self, code, cursor=None):
        reply = reply_to(self.client, self.client.inspect(code, len(code) if cursor is None else cursor))
        self.assertEqual(reply["status"], "ok")
        return reply["data"].get("text/plain", "") if reply["found"] else None

    def test_inspect_shows_the_signature_and_javadoc_of_library_and_jdk_methods(self):
        text = self.inspect("aelab.data.Mnist.load")
        # every overload, each with its own Javadoc
        self.assertIn("aelab.data.Split aelab.data.Mnist.load(Path dir)\n\nLoads the IDX files of dir", text)
        self.assertIn("aelab.data.Split aelab.data.Mnist.load(aelab.Mode mode)\n\nThe configured MNIST", text)
        # the cursor inside a call's parentheses, and inside a name
        self.assertIn("Loads the IDX files", self.inspect("aelab.data.Mnist.load(java.nio.file.Path.of(\"x\"))", 21))
        self.assertIn("int Math.max(int a, int b)", self.inspect("Math.max"))
        # the JDK's own Javadoc, from the src.zip of Debian's openjdk-17-source, which the setup installs
        self.assertIn("Returns the greater of two", self.inspect("Math.max"))
        self.assertIsNone(self.inspect("nothingByThisName"))

    def test_a_question_mark_opens_the_pager_with_the_documentation(self):
        cell = self.run_cell("aelab.data.Mnist.load?")
        self.assertEqual(cell.reply["status"], "ok")
        page = cell.reply["payload"][0]
        self.assertEqual(page["source"], "page")
        self.assertIn("Loads the IDX files of dir", page["data"]["text/plain"])

    def test_history_answers_tail_range_and_search(self):
        for code in ("int h1 = 11;", "h1 * 3", "String h2 = \"hist\";"):
            self.ok(code)
        def history(**args):
            msg_id = self.client.history(raw=True, **args)
            return reply_to(self.client, msg_id)["history"]
        tail = history(output=True, hist_access_type="tail", n=3)
        self.assertEqual([h[2][0] for h in tail], ["int h1 = 11;", "h1 * 3", "String h2 = \"hist\";"])
        self.assertEqual(tail[1][2][1], "33")
        session, start = tail[0][0], tail[0][1]
        self.assertEqual([h[2] for h in history(output=False, hist_access_type="range", session=session,
                                                 start=start, stop=start + 2)], ["int h1 = 11;", "h1 * 3"])
        self.assertEqual([h[2] for h in history(output=False, hist_access_type="search", pattern="*h1*")][-2:],
                         ["int h1 = 11;", "h1 * 3"])

    def test_system_exit_and_halt_in_a_cell_end_the_cell_not_the_kernel(self):
        self.ok("int survivor = 7;")
        for call in ("System.exit(0);", "Runtime.getRuntime().halt(3);",
                     "Thread t = new Thread(() -> System.exit(1)); t.start(); t.join();"):
            cell = self.run_cell(call)
            if "Thread" in call:
                # a thread the cell started: the exit fails in that thread, whose error goes to stderr
                self.assertEqual(cell.reply["status"], "ok", call)
            else:
                self.assertEqual(cell.reply["status"], "error", call)
                self.assertIn("would end the kernel", cell.reply["evalue"])
        self.assertEqual(self.ok("survivor").of("execute_result")[0]["data"]["text/plain"], "7")

    def test_is_complete_from_source_analysis(self):
        def ask(code):
            return reply_to(self.client, self.client.is_complete(code))
        self.assertEqual(ask("int a = 1;")["status"], "complete")
        self.assertEqual(ask("for (int i = 0; i < 3; i++) {")["status"], "incomplete")
        self.assertEqual(ask("int b = 1;\nvoid f() {")["status"], "incomplete")


class LifecycleTest(unittest.TestCase):

    def test_shutdown_and_restart_leave_no_process_behind(self):
        write_kernelspec.refresh(ROOT)
        manager, client = start_new_kernel(kernel_name=write_kernelspec.KERNEL, startup_timeout=120)
        first = manager.provisioner.process.pid
        Cell(client, "int x = 1;")
        manager.restart_kernel(now=False)
        client.wait_for_ready(timeout=120)
        second = manager.provisioner.process.pid
        self.assertNotEqual(first, second)
        self.assertFalse(alive(first), "the kernel replaced by restart is still running")
        cell = Cell(client, "1 + 1")
        self.assertEqual(cell.of("execute_result")[0]["data"]["text/plain"], "2")
        client.stop_channels()
        manager.shutdown_kernel(now=False)
        self.assertFalse(alive(second), "the shut-down kernel is still running")


def reply_to(client, msg_id, timeout=60):
    """The shell reply to one request (replies to earlier requests are skipped)."""
    while True:
        reply = client.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def alive(pid):
    """Whether a process runs (a zombie waiting for its parent counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


if __name__ == "__main__":
    unittest.main(verbosity=2)
