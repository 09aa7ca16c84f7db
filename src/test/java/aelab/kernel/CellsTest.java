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
}
