package aelab.experiments;

import aelab.AtomicFile;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.data.Split;
import aelab.figures.Animation;
import aelab.figures.Figures;
import aelab.train.Checkpointed;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import com.google.gson.JsonParseException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One experiment's run in its output directory: {@code config.json} (the settings), {@code
 * history/STAGE.csv} (per-epoch losses of each training stage), {@code checkpoints/} (the
 * weights after the last finished epoch of each stage), {@code figures/}, {@code measures.json}
 * (numbers measured between stages, kept so a resumed run need not measure them again) and,
 * once finished, {@code metrics.json}. Every file is written to a temporary file and renamed.
 */
public final class Run {

    /** What a run was asked to do; a run directory holds one, and resumes only with the same. */
    public record Settings(String experiment, String recipe, Mode mode, long seed, String dataset, Path data,
            Integer epochs) {

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("experiment", experiment);
            m.put("recipe", recipe);
            m.put("mode", mode.toString());
            m.put("seed", seed);
            m.put("dataset", dataset);
            m.put("data", data == null ? "default" : data.toAbsolutePath().normalize().toString());
            m.put("epochs", epochs == null ? "default" : epochs);
            return m;
        }
    }

    /** Input the run cannot use; the message says what is wrong and what to do. */
    public static class RunException extends RuntimeException {
        public RunException(String message) {
            super(message);
        }
    }

    /** Trains a stage with the given options, calling {@code afterEpoch} with the history so far. */
    @FunctionalInterface
    public interface Fit {
        History fit(TrainingLoop.Options options, Consumer<History> afterEpoch);
    }

    private static final List<String> OWN_FILES = List.of("config.json", "measures.json", "metrics.json",
            "history", "checkpoints", "figures");

    private final Settings settings;
    private final Path dir;
    private final boolean verbose;
    private final Map<String, Object> measures;
    private final boolean overwrite;
    private boolean claimed;
    private Set<String> only;
    /** The data, read once however many of its parts an experiment asks for. */
    private Split split;

    private Run(Settings settings, Path dir, boolean verbose, Map<String, Object> measures, boolean overwrite) {
        this.settings = settings;
        this.dir = dir;
        this.verbose = verbose;
        this.measures = measures;
        this.overwrite = overwrite;
    }

    /**
     * Opens {@code dir} for a run: a new or empty directory starts one, a directory holding a run
     * with the same settings resumes it, anything else is refused unless {@code overwrite}. Nothing
     * is written here: the directory is claimed (config.json written, and with {@code overwrite}
     * the old run's own files deleted) only when the run first saves something, so a run that
     * fails before training (bad data, say) leaves the directory as it was.
     */
    public static Run open(Path dir, Settings settings, boolean overwrite, boolean verbose) {
        Path config = dir.resolve("config.json");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunException(dir + " is a file, not a directory; choose a directory for --out");
        }
        if (!overwrite) {
            if (Files.isRegularFile(config)) {
                Map<String, Object> saved = RunJson.read(config);
                Map<String, Object> wanted = RunJson.normalise(settings.asMap());
                if (!settings.experiment().equals(saved.get("experiment"))
                        || !settings.recipe().equals(saved.get("recipe"))) {
                    throw new RunException(dir + " holds a run of '" + saved.get("experiment") + "' (recipe '"
                            + saved.get("recipe") + "'), not '" + settings.experiment() + "' (recipe '"
                            + settings.recipe() + "'); choose another --out, or add --overwrite to replace it");
                }
                if (!saved.equals(wanted)) {
                    throw new RunException(dir + " holds a run of '" + settings.experiment()
                            + "' with other settings (" + differences(saved, wanted)
                            + "); rerun with the same settings to resume it, choose another --out, or add"
                            + " --overwrite to start again");
                }
            } else if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.anyMatch(p -> !AtomicFile.isLeftover(p))) {
                        throw new RunException(dir + " is not empty and holds no AE Lab run (no config.json);"
                                + " choose a new or empty directory for --out");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
                }
            }
            // files half-written when an earlier run was killed
            for (Path p : AtomicFile.removeLeftovers(dir)) {
                System.out.println("removed " + p + " (half-written when the last run stopped)");
            }
        }
        Path measuresFile = dir.resolve("measures.json");
        Map<String, Object> measures = !overwrite && Files.exists(measuresFile) ? RunJson.read(measuresFile)
                : new LinkedHashMap<>();
        return new Run(settings, dir, verbose, measures, overwrite);
    }

    /** Makes the directory this run's before its first file is saved (see {@link #open}). */
    private void claim() {
        if (claimed) {
            return;
        }
        try {
            if (overwrite) {
                for (String own : OWN_FILES) {
                    deleteTree(dir.resolve(own));
                }
                AtomicFile.removeLeftovers(dir);
            }
            Files.createDirectories(dir);
            Path config = dir.resolve("config.json");
            if (!Files.exists(config)) {
                AtomicFile.writeString(config, RunJson.toJson(settings.asMap()));
            }
        } catch (IOException e) {
            throw new RunException("cannot use " + dir + " as the output directory: " + e
                    + "; check that it is writable and its disk has room");
        }
        claimed = true;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Trains only these stages in this process ({@code --stages}): the experiment skips the others
     * it can do without, and a stage they need first must be finished or being trained by another
     * process, which this one then waits for. Such a run writes no metrics.json; the same command
     * without {@code --stages} finishes it, loading every finished stage.
     */
    public void trainOnly(Set<String> stages) {
        only = Set.copyOf(stages);
    }

    /** Whether {@code --stages} leaves this stage out. */
    public boolean skips(String stage) {
        return only != null && !only.contains(stage);
    }

    /** Whether this process trains only some stages (and so must not finish the run). */
    public boolean partial() {
        return only != null;
    }

    /**
     * Seeds the engine's generator for one stage from the run's seed and the stage's name, so a
     * stage draws the same random numbers (initial weights, dropout, prior samples) whether it runs
     * after the others or alone in a process of its own.
     */
    public void seedEngine(String stage) {
        Engine.getInstance().setRandomSeed((int) (seed() * 31 + stage.hashCode()));
    }

    public Mode mode() {
        return settings.mode();
    }

    public long seed() {
        return settings.seed();
    }

    public Path directory() {
        return dir;
    }

    /** The epochs of a stage: the --epochs override when given, else the mode's. */
    public int epochs(int quick, int full) {
        return settings.epochs() != null ? settings.epochs() : mode().pick(quick, full);
    }

    /** Training options for a stage, with this run's seed. */
    public TrainingLoop.Options options(int quickEpochs, int fullEpochs, int batchSize) {
        return new TrainingLoop.Options(epochs(quickEpochs, fullEpochs), batchSize, seed(), verbose);
    }

    /** The directory the data comes from: --data when given, else the data set's bundled one. */
    public Path dataDirectory() {
        return settings.data() != null ? settings.data()
                : "fashion".equals(settings.dataset()) ? Mnist.fashionDirectory() : Mnist.defaultDirectory();
    }

    /** The data set asked for: --data when given, else the project's MNIST digits or Fashion-MNIST. */
    public Split data() {
        if (split == null) {
            Split loaded = Mnist.load(dataDirectory());
            checkFits(loaded.train());
            checkFits(loaded.test());
            split = loaded;
            log("data: " + split.source() + " (" + split.train().size() + " train, " + split.test().size() + " test)");
        }
        return split;
    }

    /**
     * Valid IDX files that the models still cannot use: images of another size than MNIST's 28 x 28 (every
     * model is built for 784 pixels), labels outside 0-9 (ten classes), or no images at all.
     */
    static void checkFits(aelab.data.ImageSet images) {
        String fix = "; AE Lab's experiments take MNIST-layout data: 28 x 28 images labelled 0-9";
        if (images.size() == 0) {
            throw new aelab.data.DataException(images.name() + " holds no images" + fix);
        }
        if (images.rows() != 28 || images.cols() != 28) {
            throw new aelab.data.DataException(images.name() + " holds " + images.rows() + " x " + images.cols()
                    + " images" + fix);
        }
        for (int i = 0; i < images.size(); i++) {
            if (images.label(i) < 0 || images.label(i) > 9) {
                throw new aelab.data.DataException(images.name() + ": image " + i + " is labelled " + images.label(i) + fix);
            }
        }
    }

    /**
     * Stops with a one-line {@link RunException} when the data, though valid, holds too few images for
     * what {@code experiment} trains in this mode; called before the run writes anything.
     */
    public void checkEnough(Experiment experiment) {
        String problem = experiment.dataProblem(this);
        if (problem != null) {
            throw new RunException(dataDirectory() + ": " + problem + "; use a larger data set, or run another experiment");
        }
    }

    /**
     * The images a clustering experiment groups: MNIST-test's 10,000 digits for {@code mnist-test},
     * else training and test images together (the papers' MNIST-full and Fashion-MNIST, 70,000).
     */
    public ImageSet clusteringImages() {
        Split split = data();
        return "mnist-test".equals(settings.dataset()) ? split.test() : split.all();
    }

    /** The first {@code quick} images in quick mode, all of them in full mode. */
    public ImageSet sized(ImageSet images, int quick) {
        return mode() == Mode.QUICK && images.size() > quick ? images.head(quick) : images;
    }

    public void log(String line) {
        System.out.println(line);
    }

    /**
     * Trains one stage, or resumes it from its last checkpoint, or loads it when it finished before
     * (see {@link Stages#train}).
     */
    public History train(String stage, Checkpointed model, TrainingLoop.Options options, Fit fit) {
        claim();
        return new Stages(dir.resolve("checkpoints"), dir.resolve("history"), this::log).train(stage, skips(stage),
                model, options, fit);
    }

    /**
     * A number (or a few) measured between stages, computed once: a resumed run reads it back
     * from {@code measures.json} instead of measuring again.
     */
    public Map<String, Double> measure(String name, Supplier<Map<String, Double>> measurement) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = (Map<String, Object>) measures.get(name);
        if (kept != null) {
            Map<String, Double> values = new LinkedHashMap<>();
            kept.forEach((k, v) -> values.put(k, ((Number) v).doubleValue()));
            return values;
        }
        Map<String, Double> values = measurement.get();
        claim();
        // another process training other stages of this run may have added measures since this one opened it
        Path file = dir.resolve("measures.json");
        if (Files.exists(file)) {
            RunJson.read(file).forEach(measures::putIfAbsent);
        }
        measures.put(name, values);
        RunJson.write(file, measures);
        return values;
    }

    /** Saves a figure as figures/NAME.png. */
    public Path figure(String name, BufferedImage image) {
        claim();
        try {
            return Figures.savePng(image, dir.resolve("figures").resolve(name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save figure " + name + ": " + e.getMessage(), e);
        }
    }

    /** Saves an animation as figures/NAME.gif. */
    public Path animation(String name, Animation frames, int delayMillis) {
        claim();
        try {
            return frames.saveGif(dir.resolve("figures").resolve(name + ".gif"), delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save animation " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether an earlier run in this directory finished (its metrics are written). */
    public boolean finished() {
        return !overwrite && Files.exists(dir.resolve("metrics.json"));
    }

    /** The metrics of a finished run. */
    public Map<String, Object> metrics() {
        return RunJson.read(dir.resolve("metrics.json"));
    }

    /**
     * The metrics of the finished run in {@code dir}, read without opening the run (a notebook showing
     * a committed result, say).
     */
    public static Map<String, Object> finishedMetrics(Path dir) {
        Path file = dir.resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            throw new RunException("no finished run in " + dir.toAbsolutePath().normalize() + " (it has no metrics.json):"
                    + " check the path, or finish the run with ./aelab run EXPERIMENT --out " + dir);
        }
        try {
            return RunJson.parse(file);
        } catch (IOException | JsonParseException e) {
            throw new RunException("cannot read " + file + " (" + e.getMessage() + "); it is not a run's metrics.json");
        }
    }

    /** Writes the final metrics, with the settings and the training time, as metrics.json. */
    public void finish(Map<String, Object> metrics, double seconds) {
        claim();
        Map<String, Object> all = new LinkedHashMap<>(settings.asMap());
        all.putAll(metrics);
        all.put("seconds_this_process", Math.round(seconds * 10) / 10.0);
        if (Files.isDirectory(dir.resolve("history"))) { // an experiment of measured runs alone has no epochs to sum
            all.put("training_seconds", trainingSeconds());
        }
        RunJson.write(dir.resolve("metrics.json"), all);
    }

    /** Wall time of every epoch in every stage's history, across every process that resumed the run. */
    private double trainingSeconds() {
        Path historyDir = dir.resolve("history");
        double total = 0;
        if (!Files.isDirectory(historyDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(historyDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                total += History.readCsv(f, f.getFileName().toString()).totalSeconds();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Math.round(total * 10) / 10.0;
    }

    private static String differences(Map<String, Object> saved, Map<String, Object> wanted) {
        List<String> d = new ArrayList<>();
        wanted.forEach((k, v) -> {
            if (!v.equals(saved.get(k))) {
                d.add(k + " " + saved.get(k) + " there, " + v + " now");
            }
        });
        return String.join("; ", d);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
