package aelab.experiments;

import aelab.AtomicFile;
import aelab.experiments.Run.RunException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run directory's JSON files (config, measures, metrics): whole numbers read as longs, written atomically. */
final class RunJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private RunJson() {}

    static String toJson(Map<String, Object> map) {
        return GSON.toJson(map);
    }

    /** The map as it reads back from its JSON, so it compares equal to a saved one. */
    static Map<String, Object> normalise(Map<String, Object> m) {
        return GSON.fromJson(GSON.toJson(m), new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
    }

    static Map<String, Object> parse(Path file) throws IOException {
        Map<String, Object> m = GSON.fromJson(Files.readString(file),
                new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
        if (m == null) {
            throw new JsonParseException("empty file");
        }
        return m;
    }

    /** As {@link #parse}, failing with a message that names the file and the way out. */
    static Map<String, Object> read(Path file) {
        try {
            return parse(file);
        } catch (IOException | JsonParseException e) {
            throw new RunException("cannot read " + file + " (" + e.getMessage() + "); add --overwrite to start the"
                    + " run again");
        }
    }

    static void write(Path file, Map<String, Object> map) {
        try {
            AtomicFile.writeString(file, GSON.toJson(map) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
