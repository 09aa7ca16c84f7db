package aelab.train;

import java.nio.file.Path;

/** A model whose weights (and optimizer steps) can be saved to a checkpoint file and loaded back. */
public interface Checkpointed {

    /** Saves through a temporary file and a rename (see {@link Checkpoint}). */
    void save(Path file);

    /** Loads into a model built with the same config; a file that does not fit changes nothing. */
    void load(Path file);
}
