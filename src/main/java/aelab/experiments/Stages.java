package aelab.experiments;

import aelab.AtomicFile;
import aelab.experiments.Run.Fit;
import aelab.experiments.Run.RunException;
import aelab.train.Checkpointed;
import aelab.train.History;
import aelab.train.TrainingLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training stages of one run directory: each stage's checkpoints ({@code STAGE.eNNNN.ckpt}, the
 * newest kept), its history CSV, its lock (one process trains a stage) and its done marker (written
 * once the stage finished, after which any process may load it).
 */
final class Stages {

    private static final Pattern CHECKPOINT = Pattern.compile("(.+)\\.e(\\d+)\\.ckpt");

    private final Path checkpoints;
    private final Path histories;
    private final Consumer<String> log;

    Stages(Path checkpoints, Path histories, Consumer<String> log) {
        this.checkpoints = checkpoints;
        this.histories = histories;
        this.log = log;
    }

    /**
     * Trains one stage, or resumes it: loads the checkpoint of the last finished epoch and goes on
     * from the epoch after it, or, when the stage finished before, loads its final weights and
     * returns its history without training. After every epoch the history is written, then the
     * checkpoint, so the checkpoint never runs ahead of the history. With {@code elsewhere} (a stage
     * that {@code --stages} leaves out) this process waits for another one to finish it.
     */
    History train(String stage, boolean elsewhere, Checkpointed model, TrainingLoop.Options options, Fit fit) {
        Path doneMarker = checkpoints.resolve(stage + ".done");
        if (elsewhere && !Files.exists(doneMarker)) {
            awaitElsewhere(stage, doneMarker);
        }
        if (Files.exists(doneMarker)) {
            // a finished stage is only read, so processes may load it at the same time
            return trainOrLoad(stage, model, options, fit, doneMarker);
        }
        try (StageLock lock = StageLock.take(checkpoints, stage)) {
            return trainOrLoad(stage, model, options, fit, doneMarker);
        }
    }

    /** Waits for another process to finish a stage that {@code --stages} leaves out. */
    private void awaitElsewhere(String stage, Path doneMarker) {
        boolean told = false;
        while (!Files.exists(doneMarker)) {
            if (!StageLock.isHeld(checkpoints, stage)) {
                if (Files.exists(doneMarker)) {
                    break;
                }
                throw new RunException("stage '" + stage + "' is not finished in " + checkpoints.getParent()
                        + " and --stages leaves it out: add it to --stages, or start this command once another process"
                        + " is training it");
            }
            if (!told) {
                log.accept("waiting for stage '" + stage + "', which another process is training in "
                        + checkpoints.getParent());
                told = true;
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("interrupted while waiting for stage '" + stage + "'");
            }
        }
    }

    private History trainOrLoad(String stage, Checkpointed model, TrainingLoop.Options options, Fit fit,
            Path doneMarker) {
        Path historyFile = histories.resolve(stage + ".csv");
        int saved = lastCheckpoint(stage);
        History done = null;
        if (saved > 0) {
            if (!Files.exists(historyFile)) {
                throw new RunException(historyFile + " is missing beside its checkpoint; add --overwrite to start"
                        + " the run again");
            }
            done = History.readCsv(historyFile, stage);
            if (done.size() < saved) {
                throw new RunException(historyFile + " has " + done.size() + " epochs but the checkpoint has " + saved
                        + "; add --overwrite to start the run again");
            }
            done = done.head(saved);
            model.load(checkpoint(stage, saved));
            if (Files.exists(doneMarker)) {
                log.accept(stage + ": finished in an earlier run (" + saved + " epochs); its weights are loaded");
                return done;
            }
            log.accept(stage + ": resuming after epoch " + saved + " of " + options.epochs());
        }
        History history = fit.fit(done == null ? options : options.resumingAfter(done), h -> {
            h.writeCsv(historyFile);
            model.save(checkpoint(stage, h.size()));
            deleteCheckpointsBefore(stage, h.size());
        });
        if (history.size() == 0) {
            history.writeCsv(historyFile);
            model.save(checkpoint(stage, 0));
        }
        try {
            AtomicFile.writeString(doneMarker, history.size() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return history;
    }

    private Path checkpoint(String stage, int epoch) {
        return checkpoints.resolve(String.format("%s.e%04d.ckpt", stage, epoch));
    }

    /** The epoch of the stage's newest checkpoint, or -1 when it has none. */
    private int lastCheckpoint(String stage) {
        return checkpointEpochs(stage).stream().max(Comparator.naturalOrder()).orElse(-1);
    }

    private List<Integer> checkpointEpochs(String stage) {
        List<Integer> epochs = new ArrayList<>();
        if (!Files.isDirectory(checkpoints)) {
            return epochs;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            files.forEach(p -> {
                Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(stage)) {
                    epochs.add(Integer.parseInt(m.group(2)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return epochs;
    }

    private void deleteCheckpointsBefore(String stage, int epoch) {
        for (int e : checkpointEpochs(stage)) {
            if (e < epoch) {
                try {
                    Files.deleteIfExists(checkpoint(stage, e));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }
}
