package aelab.cli;

import aelab.Lab;
import aelab.Mode;
import aelab.data.DataException;
import aelab.experiments.Experiment;
import aelab.experiments.Experiments;
import aelab.experiments.Run;
import aelab.train.Checkpoint;
import aelab.train.TrainingDivergedException;
import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code aelab list} and {@code aelab run EXPERIMENT [options]}. Exit status 0
 * on success, 1 when training fails (a diverged loss), 2 for input it cannot use.
 */
@Command(name = "aelab", mixinStandardHelpOptions = true, version = "AE Lab 0.1.0",
        description = "Runs the AE Lab experiments outside the notebooks: resumable, with progress and results on disk.",
        subcommands = {Main.ListCommand.class, Main.RunCommand.class})
public final class Main implements Runnable {

    /** The data sets --dataset accepts. */
    static final List<String> DATASETS = List.of("mnist", "mnist-test", "fashion");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: list or run");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the experiments and their"
            + " recipes (the first recipe of each is its default).")
    static final class ListCommand implements Runnable {
        @Override
        public void run() {
            int width = Experiments.all().stream().mapToInt(e -> e.name().length()).max().orElse(0);
            int recipeWidth = Experiments.all().stream().mapToInt(e -> e.recipe().length()).max().orElse(0);
            for (Experiment e : Experiments.all()) {
                boolean first = Experiments.recipes(e.name()).get(0).equals(e.recipe());
                if (first) {
                    System.out.printf("%-" + width + "s  %s%n", e.name(), e.summary());
                }
                if (Experiments.recipes(e.name()).size() > 1) {
                    System.out.printf("    --recipe %-" + recipeWidth + "s  %s%n", e.recipe(),
                            first ? "(default)" : e.summary());
                }
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Runs one experiment, or resumes it from its last finished epoch when its output"
                    + " directory holds an interrupted run with the same settings.",
                    "Writes config.json, history/*.csv, checkpoints/, figures/ and metrics.json into the output"
                    + " directory."})
    static final class RunCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "one of: ${COMPLETION-CANDIDATES}",
                completionCandidates = Names.class)
        String experiment;

        @Option(names = "--recipe", paramLabel = "NAME", description = "one of the experiment's named presets"
                + " (aelab list shows them; default: its first)")
        String recipe;

        @Option(names = "--mode", defaultValue = "quick", paramLabel = "quick|full",
                description = "quick: small subsets and few epochs; full: whole data, the originals' epochs"
                        + " (default: ${DEFAULT-VALUE})")
        Mode mode;

        @Option(names = "--seed", defaultValue = "42", description = "seed of weights, batches and k-means"
                + " (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "mnist|mnist-test|fashion",
                description = "MNIST (60,000 + 10,000), its 10,000 test digits alone (clustering's MNIST-test),"
                        + " or Fashion-MNIST (default: ${DEFAULT-VALUE})")
        String dataset;

        @Option(names = "--data", paramLabel = "DIR", description = "a directory of IDX files to use instead of"
                + " --dataset's")
        Path data;

        @Option(names = "--out", paramLabel = "DIR", description = "output directory (default:"
                + " runs/EXPERIMENT-DATASET-MODE-seedSEED)")
        Path out;

        @Option(names = "--epochs", paramLabel = "N", description = "epochs of every training stage, instead of"
                + " the mode's")
        Integer epochs;

        @Option(names = "--overwrite", description = "delete the run already in --out (its own files only) and"
                + " start again")
        boolean overwrite;

        @Option(names = "--quiet", description = "no progress bar or per-epoch lines")
        boolean quiet;

        @Option(names = "--stages", split = ",", paramLabel = "STAGE[,STAGE...]", description = "train only these"
                + " stages (clustering: pretrain, dec, idec, adec, and greedy first in its layerwise recipe;"
                + " aae-semi: labels-100, labels-1000;"
                + " aae: gaussian, ring), so that two processes can share the cores in one --out; a stage they"
                + " need that is left out is waited for while another process trains it. The same command"
                + " without --stages then finishes the run")
        List<String> stages;

        @Override
        public Integer call() {
            if (Experiments.find(experiment).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown experiment '" + experiment
                        + "'; choose one of " + Experiments.names() + " (aelab list describes them)");
            }
            Experiment chosen = Experiments.find(experiment, recipe).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "unknown recipe '" + recipe + "' for '" + experiment + "'; its recipes are "
                            + String.join(", ", Experiments.recipes(experiment))));
            if (epochs != null && epochs < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1, got "
                        + epochs);
            }
            String set = dataset.toLowerCase(Locale.ROOT);
            if (!DATASETS.contains(set)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown --dataset '" + dataset
                        + "'; choose one of " + DATASETS);
            }
            String problem = chosen.datasetProblem(set);
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
            if (stages != null) {
                checkStages(chosen);
            }
            Path dir = out != null ? out : Path.of("runs", experiment + "-" + chosen.recipe() + "-" + set + "-" + mode
                    + "-seed" + seed);
            Run run = Run.open(dir, new Run.Settings(experiment, chosen.recipe(), mode, seed, set, data, epochs),
                    overwrite, !quiet);
            if (stages != null) {
                run.trainOnly(new LinkedHashSet<>(stages));
            }
            if (run.finished()) {
                System.out.println(dir + " holds a finished run of '" + experiment + "' (add --overwrite to run it"
                        + " again):");
                System.out.println(json(run.metrics()));
                return 0;
            }
            run.checkEnough(chosen);
            Lab.start(seed, mode, run.dataDirectory());
            System.out.println("output: " + dir.toAbsolutePath().normalize());
            Thread notice = new Thread(() -> System.err.println("\ninterrupted: run the same command again to resume"
                    + " from the last finished epoch"));
            Runtime.getRuntime().addShutdownHook(notice);
            long start = System.nanoTime();
            try {
                Map<String, Object> metrics = chosen.run(run);
                if (run.partial()) {
                    System.out.println("done in " + dir + ": " + String.join(", ", stages) + "; run the same command"
                            + " without --stages to finish the run (it loads every finished stage)");
                    return 0;
                }
                run.finish(metrics, (System.nanoTime() - start) / 1e9);
            } finally {
                Runtime.getRuntime().removeShutdownHook(notice);
            }
            System.out.println(json(run.metrics()));
            System.out.println("results: " + dir.resolve("metrics.json") + ", figures: " + dir.resolve("figures"));
            return 0;
        }

        private void checkStages(Experiment chosen) {
            List<String> known = chosen.separableStages();
            if (known.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + chosen.name() + "' trains its"
                        + " stages one after another, so --stages cannot split it; run it without --stages");
            }
            for (String stage : stages) {
                if (!known.contains(stage)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown stage '" + stage + "' for '"
                            + chosen.name() + "'; its stages are " + String.join(", ", known));
                }
            }
        }
    }

    /** The experiment names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Experiments.names().iterator();
        }
    }

    private static String json(Map<String, Object> m) {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(m);
    }

    /** Runs the command line and returns its exit status ({@link #main} exits with it). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, with the error messages written to {@code err}. */
    public static int execute(PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("aelab: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter messages = commandLine.getErr();
            if (ex instanceof Run.RunException || ex instanceof DataException
                    || ex instanceof Checkpoint.CheckpointException || ex instanceof aelab.Engines.ChoiceException) {
                messages.println("aelab: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                // disk full, a directory made read-only, ...: what failed and the system's reason
                messages.println("aelab: " + ex.getMessage() + (ex.getCause() != null
                        && !ex.getMessage().contains(String.valueOf(ex.getCause().getMessage()))
                        ? " (" + ex.getCause() + ")" : "") + "; free the disk or fix the permissions, then run the"
                        + " same command again to resume");
                return 1;
            }
            if (ex instanceof TrainingDivergedException) {
                messages.println("aelab: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
