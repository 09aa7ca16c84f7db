package aelab.data;

/** A data file or directory that cannot be used; the message names the file, the fault and the fix. */
public class DataException extends RuntimeException {

    /** What a user runs to recreate the bundled data sets. */
    public static final String FIX =
            "run `bash environment/setup.sh` to (re)create the bundled data, or set AELAB_DATA"
                    + " to a directory with MNIST-layout IDX files";

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
