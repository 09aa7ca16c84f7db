package aelab.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Javadoc of a class, method, constructor or field read from the library's own sources, for the
 * declarations JShell finds but has no documentation for (it reads only the JDK's {@code src.zip}).
 * The sources are the checkout's {@code src/main/java} ({@link SourceLines#root()}).
 */
final class SourceDocs {

    private final Path root;
    private final Map<Path, CompilationUnitTree> parsed = new ConcurrentHashMap<>();
    private final Map<Path, DocTrees> docs = new ConcurrentHashMap<>();

    SourceDocs(Path root) {
        this.root = root;
    }

    /** Over the library's sources where {@link SourceLines#root()} finds them. */
    static SourceDocs ofLibrary() {
        return new SourceDocs(SourceLines.root());
    }

    /**
     * The Javadoc of the declaration a JShell signature names ({@code aelab.data.Mnist.load(java.nio.file.Path
     * dir)}, {@code aelab.Mode}, {@code aelab.Mode.QUICK}), as plain text, or null.
     */
    String javadoc(String signature) {
        if (root == null || signature == null) {
            return null;
        }
        int paren = signature.indexOf('(');
        String head = paren < 0 ? signature : signature.substring(0, paren);
        head = head.substring(head.lastIndexOf(' ') + 1);
        int colon = head.indexOf(':');
        if (colon >= 0) {
            head = head.substring(0, colon); // a field: NAME:type
        }
        List<String> parameters = paren < 0 ? null : parameterTypes(signature.substring(paren + 1, signature.lastIndexOf(')')));
        String[] parts = head.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            Path file = root.resolve(String.join("/", List.of(parts).subList(0, i + 1)) + ".java");
            if (Files.isRegularFile(file)) {
                return find(file, List.of(parts).subList(i, parts.length), paren >= 0, parameters);
            }
        }
        return null;
    }

    private String find(Path file, List<String> names, boolean executable, List<String> parameters) {
        CompilationUnitTree unit = parsed.computeIfAbsent(file, this::parse);
        DocTrees trees = docs.get(file);
        Tree current = null;
        for (Tree t : unit.getTypeDecls()) {
            if (t instanceof ClassTree c && c.getSimpleName().contentEquals(names.get(0))) {
                current = c;
            }
        }
        for (int i = 1; i < names.size() && current instanceof ClassTree c; i++) {
            String name = names.get(i);
            boolean last = i == names.size() - 1;
            Tree next = null;
            for (Tree member : c.getMembers()) {
                if (member instanceof ClassTree nested && nested.getSimpleName().contentEquals(name)) {
                    next = nested;
                } else if (last && member instanceof MethodTree m && executable && m.getName().contentEquals(name)
                        && sameTypes(m, parameters)) {
                    next = m;
                } else if (last && member instanceof VariableTree v && !executable && v.getName().contentEquals(name)) {
                    next = v;
                }
            }
            current = next;
        }
        if (current instanceof ClassTree c && executable) {
            // a constructor: JShell names it by its class
            for (Tree member : c.getMembers()) {
                if (member instanceof MethodTree m && m.getName().contentEquals("<init>") && sameTypes(m, parameters)) {
                    current = m;
                }
            }
        }
        if (current == null) {
            return null;
        }
        DocCommentTree comment = trees.getDocCommentTree(TreePath.getPath(unit, current));
        return comment == null ? null : plain(comment.toString());
    }

    private CompilationUnitTree parse(Path file) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> sources = files.getJavaFileObjects(file);
            JavacTask task = (JavacTask) javac.getTask(null, files, d -> { }, List.of("-proc:none"), null, sources);
            CompilationUnitTree unit = task.parse().iterator().next();
            docs.put(file, DocTrees.instance(task));
            return unit;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean sameTypes(MethodTree method, List<String> parameters) {
        return parameters == null || method.getParameters().stream().map(v -> simple(v.getType().toString())).toList()
                .equals(parameters);
    }

    /** The simple type names of a parameter list such as {@code java.util.List<String> a, int... b}. */
    static List<String> parameterTypes(String list) {
        List<String> types = new java.util.ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : (list + ",").toCharArray()) {
            depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                String p = current.toString().strip();
                if (!p.isEmpty()) {
                    int space = p.lastIndexOf(' ');
                    types.add(simple(space < 0 ? p : p.substring(0, space)));
                }
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        return types;
    }

    /** {@code java.util.List<String>[]} as {@code List[]}, and varargs as an array. */
    static String simple(String type) {
        String t = type.replaceAll("<.*>", "").replace("...", "[]").strip();
        return t.substring(t.lastIndexOf('.', t.contains("[") ? t.indexOf('[') : t.length()) + 1);
    }

    /** Javadoc as plain text: {@code {@code x}} and {@code {@link a#b}} as their text, HTML tags dropped. */
    static String plain(String javadoc) {
        String s = javadoc.replaceAll("\\{@value #?([^}]*)}", "$1").replaceAll("\\{@(?:code|literal) ([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)? [^}\\s]+\\s+([^}]+)}", "$1")
                .replaceAll("\\{@link(?:plain)? #?([^}]+)}", "$1").replaceAll("(\\w)#(\\w)", "$1.$2")
                .replaceAll("(?i)<p>", "\n\n").replaceAll("(?i)<li>", "\n- ").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        // the source's line breaks inside a paragraph become spaces; blank lines and list items stay
        s = s.replaceAll("[ \t]*\n[ \t]*", "\n").replaceAll("(?<!\n)\n(?![\n-])", " ");
        return s.replaceAll("\n{3,}", "\n\n").strip();
    }
}
