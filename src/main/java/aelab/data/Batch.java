package aelab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * One mini-batch: images {@code x} as (n, pixels), labels {@code y} as (n), and the positions of
 * its images in their set. Closing it frees every array made in its manager.
 */
public record Batch(NDManager manager, NDArray x, NDArray y, int[] indices) implements AutoCloseable {

    public int size() {
        return indices.length;
    }

    @Override
    public void close() {
        manager.close();
    }
}
