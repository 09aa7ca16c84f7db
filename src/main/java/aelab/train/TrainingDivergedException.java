package aelab.train;

/** A loss became NaN or infinite; the message says where, so the run can be mended and resumed. */
public class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
