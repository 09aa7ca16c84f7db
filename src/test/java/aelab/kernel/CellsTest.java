package aelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's cell handling through JShell, without Jupyter (the protocol is tested in kernel_test.py). */
class CellsTest {

    private static Cells cells;

    @BeforeAll
    static void start() {
        System.setProperty("aelab.sources", "src/main/java"); // as the kernelspec names the checkout's sources
        cells = new Cells();
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void aCellIsSplitIntoSnippetsWithTheLineEachStartsOn() {
        List<Cells.Unit> units = cells.split("int a = 1;\n\n// a note\nint b = a + 1;\nb * 2");
        assertEquals(3, units.size());
        // JShell keeps a leading comment with the snippet after it, so the second one starts at "// a note"
        assertEquals(List.of(0, 2, 4), units.stream().map(Cells.Unit::line).toList());
        assertTrue(units.get(1).source().startsWith("// a note\nint b"), units.get(1).source());
        assertTrue(units.get(2).last());
        assertEquals("b * 2", units.get(2).source().strip());
    }

    @Test
    void theLastExpressionIsTheResultUnlessASemicolonClosesIt() {
        assertEquals(42, cells.eval("int x = 40;\nx + 2"));
        assertNull(cells.eval("x + 2;"));
        assertNull(cells.eval("int y = 3;"));
    }

    @Test
    void declarationsCarryOverAndRedefinitionsReplace() {
        cells.eval("String greet(String who) { return \"hello \" + who; }");
        assertEquals("hello you", cells.eval("greet(\"you\")"));
        cells.eval("String greet(String who) { return \"hi \" + who; }");
        assertEquals("hi you", cells.eval("greet(\"you\")"));
    }

    @Test
    void aCompileErrorNamesTheLineOfTheCell() {
        CellError e = assertThrows(CellError.class, () -> cells.eval("int ok = 1;\n// why\nint bad = \"text\";"));
        assertEquals("CompileError", e.name());
        assertTrue(e.getMessage().startsWith("line 3: incompatible types"), e.getMessage());
        assertTrue(e.lines().contains("    int bad = \"text\";"), e.lines().toString());
    }

    @Test
    void aRuntimeErrorShowsTheExceptionAndTheCellLinesOnly() {
        cells.eval("int half(int n) {\n    if (n % 2 != 0) throw new IllegalArgumentException(\"odd: \" + n);\n    return n / 2;\n}");
        CellError e = assertThrows(CellError.class, () -> cells.eval("int a = 4;\n\nhalf(a + 1);"));
        assertEquals("IllegalArgumentException", e.name());
        assertEquals("odd: 5", e.getMessage());
        assertEquals(List.of("IllegalArgumentException: odd: 5", "    at cell line 2 (half)", "    at cell line 3"),
                e.lines());
    }

    @Test
    void isCompleteFollowsTheSourceAnalysis() {
        assertEquals("complete", cells.isComplete("int a = 1;\nint b = 2;"));
        assertEquals("    ", cells.isComplete("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void completionOffersMembersAtTheCursor() {
        String code = "int q = 1;\nMath.ma";
        Cells.Completion c = cells.complete(code, code.length());
        assertTrue(c.options().contains("max("), c.options().toString());
        assertEquals(code.length() - 2, c.start());
    }

    @Test
    void completionSeesTheVariablesTheCellDeclaredAboveTheCursor() {
        String code = "String s = \"x\";\nint n = 2;\ns.toUpper";
        Cells.Completion c = cells.complete(code, code.length());
        assertEquals(List.of("toUpperCase("), c.options());
        assertEquals(code.length() - "toUpper".length(), c.start());
        // without the declaration above, nothing named s is known
        assertTrue(cells.complete("s.toUpper", 9).options().isEmpty());
    }

    @Test
    void inspectGivesTheSignatureAndTheLibrarysOwnJavadoc() {
        String text = cells.inspect("aelab.data.Mnist.load", 21);
        assertTrue(text.contains("aelab.data.Split aelab.data.Mnist.load(Path dir)\n\nLoads the IDX files of dir"), text);
        // the cursor in the middle of the name finds it too
        assertTrue(cells.inspect("aelab.Mode.QUICK.pick(1, 2)", 18).contains("int aelab.Mode.pick(int quick, int full)"),
                cells.inspect("aelab.Mode.QUICK.pick(1, 2)", 18));
        assertNull(cells.inspect("noSuchThing", 11));
    }

    @Test
    void sourceDocsMatchOverloadsByTheirParameterTypes() {
        assertEquals(List.of("List", "int[]", "Map"), SourceDocs.parameterTypes(
                "java.util.List<java.lang.String> a, int... b, java.util.Map<String, java.lang.Integer> c"));
        assertEquals("x and y", SourceDocs.plain("{@code x} and <b>y</b>"));
        assertEquals("the ImageSet and its labels", SourceDocs.plain("the {@link ImageSet} and its {@code labels}"));
        assertEquals("QUICK_TRAIN digits by Run.train, or the run", SourceDocs.plain(
                "{@value #QUICK_TRAIN} digits by {@link Run#train}, or {@link Run the run}"));
    }

    @Test
    void historyAnswersTailRangeAndGlobSearch() {
        CellHistory h = new CellHistory();
        h.add(1, "int a = 1;", "");
        h.add(2, "a * 6", "6");
        h.add(3, "a * 6", "6");
        h.add(4, "String s = \"?\";", "");
        assertEquals(List.of(List.of(1, 3, List.of("a * 6", "6")), List.of(1, 4, List.of("String s = \"?\";", ""))),
                h.tail(2, true));
        assertEquals(List.of(List.of(1, 2, "a * 6"), List.of(1, 3, "a * 6")), h.range(0, 2, 4, false));
        assertTrue(h.range(7, 1, 5, false).isEmpty(), "another session has no cells");
        assertEquals(3, h.search("*a*", 0, false, false).size());
        assertEquals(List.of(List.of(1, 3, "a * 6")), h.search("a ? 6", 0, true, false));
        assertEquals(List.of(List.of(1, 3, "a * 6")), h.search("a * 6", 1, false, false));
    }
}
