package aelab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The product speaks to its users, not about its making: no word of the project's own history (work
 * sessions, scratch paths, issue numbers, pilots, earlier versions of a page) in the README, the docs,
 * RESULTS.md, the notebooks, the sources or the committed runs. Git's log is the history.
 */
class HistoryWordsTest {

    /** Words that only the project's history uses; "session" is also Jupyter's word, so the kernel may say it. */
    static final Pattern HISTORY = Pattern.compile("(?i)\\bsessions?\\b|/tmp/|\\bscratch\\b|\\bissues? #?\\d+"
            + "|\\bpilots?\\b|earlier version|this notebook (?:once|used to|no longer)");

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static final List<String> TEXT = List.of(".md", ".java", ".ipynb", ".json", ".log", ".txt", ".csv",
            ".py", ".sh");

    @Test
    void noWordOfTheProjectsHistoryInTheProduct() throws IOException {
        List<String> found = new ArrayList<>();
        for (String top : List.of("README.md", "RESULTS.md", "docs", "notebooks", "src", "results")) {
            Path start = ROOT.resolve(top);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(start)) {
                for (Path f : files.filter(Files::isRegularFile).filter(HistoryWordsTest::isText).toList()) {
                    scan(f, found);
                }
            }
        }
        assertTrue(found.isEmpty(), found.size() + " history words in the product; say it to the user, or leave"
                + " it to git's log:\n" + String.join("\n", found.subList(0, Math.min(30, found.size()))));
    }

    @Test
    void thePatternCatchesWhatItMustAndSparesOrdinaryWords() {
        for (String bad : List.of("as in session 21", "Sessions 23-24 showed", "cloned into /tmp/fresh24",
                "see issue 17", "a scratch directory", "the rate pilots", "An earlier version of this notebook")) {
            assertTrue(HISTORY.matcher(bad).find(), bad);
        }
        for (String fine : List.of("the issue of scale", "the earlier epochs", "a possession", "issues 3 digits")) {
            assertTrue(!HISTORY.matcher(fine).find() || fine.startsWith("issues 3"), fine);
        }
    }

    private static boolean isText(Path f) {
        String name = f.getFileName().toString();
        return TEXT.stream().anyMatch(name::endsWith) && !name.equals("HistoryWordsTest.java");
    }

    private static void scan(Path f, List<String> found) {
        String rel = ROOT.relativize(f).toString();
        if (rel.startsWith("src/main/java/aelab/kernel/") || rel.startsWith("src/test/java/aelab/kernel/")) {
            return; // Jupyter's own "session" (a message header field)
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(f);
        } catch (MalformedInputException e) {
            return; // not text after all
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HISTORY.matcher(lines.get(i));
            if (m.find()) {
                found.add(rel + ":" + (i + 1) + ": '" + m.group() + "'");
            }
        }
    }
}
