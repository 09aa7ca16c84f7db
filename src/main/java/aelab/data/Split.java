package aelab.data;

/** A training set and a test set, and where they came from. */
public record Split(ImageSet train, ImageSet test, String source) {

    /** Training and test images together, for methods that use no held-out set (clustering). */
    public ImageSet all() {
        return train.concat(test);
    }

    /** The first {@code trainSize} training and {@code testSize} test images (all, where fewer). */
    public Split head(int trainSize, int testSize) {
        return new Split(train.size() > trainSize ? train.head(trainSize) : train,
                test.size() > testSize ? test.head(testSize) : test,
                source + " (first " + Math.min(trainSize, train.size()) + " training and "
                        + Math.min(testSize, test.size()) + " test digits)");
    }

    @Override
    public String toString() {
        return source + "\n  train: " + train + "\n  test:  " + test;
    }
}
