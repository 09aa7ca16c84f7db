package aelab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lines of the library's own source, read when the cell runs, so that a lesson shows the code that decides
 * its story and the two cannot drift apart: a method whole, or the lines from one text to the next.
 *
 * @param file the source file, relative to the sources' root
 * @param first the first line's number (1-based)
 * @param lines the lines themselves
 */
public record SourceLines(String file, int first, List<String> lines) {

    /** The sources' root: the kernelspec's {@code aelab.sources}, else the project's {@code src/main/java}. */
    static Path root() {
        String named = System.getProperty("aelab.sources");
        if (named != null) {
            return Path.of(named);
        }
        String project = System.getenv("AELAB_PROJECT");
        return Path.of(project != null ? project : ".").resolve("src/main/java");
    }

    /** The lines of {@code type}'s method {@code name} (its first declaration), Javadoc left out. */
    public static SourceLines method(Class<?> type, String name) {
        List<String> all = read(type);
        String signature = "(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\s*\\(.*";
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            boolean declaration = line.matches(signature) && !line.startsWith("return") && !line.startsWith("*")
                    && !line.startsWith("//") && line.matches("(?s)(public |protected |private |static |final |"
                    + "synchronized |@\\w+ |<[^>]*> )*[\\w<>\\[\\], .?]+\\s+" + java.util.regex.Pattern.quote(name)
                    + "\\s*\\(.*");
            if (declaration) {
                return new SourceLines(relative(type), i + 1, all.subList(i, endOfBlock(all, i) + 1));
            }
        }
        throw new IllegalArgumentException("no method " + name + " in " + relative(type));
    }

    /** The lines of {@code type}'s source from the first that contains {@code from} to the next that contains {@code to}. */
    public static SourceLines between(Class<?> type, String from, String to) {
        List<String> all = read(type);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).contains(from)) {
                for (int j = i; j < all.size(); j++) {
                    if (all.get(j).contains(to)) {
                        return new SourceLines(relative(type), i + 1, all.subList(i, j + 1));
                    }
                }
                throw new IllegalArgumentException(relative(type) + " has \"" + from + "\" on line " + (i + 1)
                        + " but no \"" + to + "\" after it");
            }
        }
        throw new IllegalArgumentException(relative(type) + " has no line containing \"" + from + "\"");
    }

    private static int endOfBlock(List<String> all, int start) {
        int depth = 0;
        boolean opened = false;
        for (int i = start; i < all.size(); i++) {
            for (char ch : all.get(i).toCharArray()) {
                if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                }
            }
            if (opened && depth == 0 || !opened && all.get(i).strip().endsWith(";")) {
                return i;
            }
        }
        return all.size() - 1;
    }

    private static String relative(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getName().replace('.', '/') + ".java";
    }

    private static List<String> read(Class<?> type) {
        Path file = root().resolve(relative(type));
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (the library's sources; set the system property"
                    + " aelab.sources to their src/main/java)", e);
        }
    }

    /** The lines without their common indentation. */
    public String text() {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
        }
        return out.toString();
    }

    /** Where the lines come from: {@code aelab/models/vae/VariationalAutoencoder.java, lines 150-156}. */
    public String caption() {
        return file + ", line" + (lines.size() == 1 ? " " + first : "s " + first + "-" + (first + lines.size() - 1));
    }

    @Override
    public String toString() {
        return "// " + caption() + "\n" + text();
    }
}
