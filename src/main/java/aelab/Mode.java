package aelab;

import java.util.Locale;

/**
 * How big a run is. {@code QUICK}: small subsets and few epochs, so a notebook runs in about a
 * minute on a laptop-class CPU (the test suite uses it). {@code FULL}: the whole data set and the
 * originals' epochs, for the figures and the numbers. Chosen by the system property
 * {@code aelab.mode} or the environment variable {@code AELAB_MODE}; quick when neither is set.
 */
public enum Mode {
    QUICK,
    FULL;

    public static final String PROPERTY = "aelab.mode";
    public static final String ENV = "AELAB_MODE";

    /** The mode the property or environment asks for. */
    public static Mode current() {
        String value = System.getProperty(PROPERTY);
        String from = "-D" + PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
            from = ENV;
        }
        if (value == null || value.isBlank()) {
            return QUICK;
        }
        return parse(value, from);
    }

    /** Parses "quick" or "full" (any case); {@code from} names the setting in the error. */
    public static Mode parse(String value, String from) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(from + "=" + value + " is not a mode; use quick or full");
        }
    }

    /** {@code quick} in quick mode, {@code full} in full mode. */
    public <T> T pick(T quick, T full) {
        return this == QUICK ? quick : full;
    }

    public int pick(int quick, int full) {
        return this == QUICK ? quick : full;
    }

    /** A one-line description for the top of a notebook's output. */
    public String describe() {
        return this == QUICK
                ? "AE Lab mode: quick (small subsets, few epochs; set AELAB_MODE=full for the originals' sizes)"
                : "AE Lab mode: full (whole data sets, the originals' epochs)";
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
