package aelab.data;

/** A training set and a test set, and where they came from. */
public record Split(ImageSet train, ImageSet test, String source) {

    /** Training and test images together, for methods that use no held-out set (clustering). */
    public ImageSet all() {
        return train.concat(test);
    }

    @Override
    public String toString() {
        return source + "\n  train: " + train + "\n  test:  " + test;
    }
}
