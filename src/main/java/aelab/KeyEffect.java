package aelab;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.Locale;

/**
 * The effect a lesson turns on, as one number with a threshold: shown when the number is on the
 * threshold's side. A notebook displays it; the notebook runner reads it back from the outputs and
 * fails a notebook whose effect did not show.
 */
public record KeyEffect(String name, double value, boolean atLeast, double threshold) {

    /** The MIME type a notebook carries an effect under, beside its HTML and text. */
    public static final String MIME = "application/vnd.aelab.key-effect+json";

    public KeyEffect {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a key effect needs a name that says what the number measures");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold of '" + name + "' is NaN; give a number");
        }
    }

    /** Shown when {@code value >= threshold}. */
    public static KeyEffect atLeast(String name, double value, double threshold) {
        return new KeyEffect(name, value, true, threshold);
    }

    /** Shown when {@code value <= threshold}. */
    public static KeyEffect atMost(String name, double value, double threshold) {
        return new KeyEffect(name, value, false, threshold);
    }

    /** Whether the number is on the threshold's side (a NaN never is). */
    public boolean shown() {
        return atLeast ? value >= threshold : value <= threshold;
    }

    private String relation() {
        return atLeast ? "≥" : "≤";
    }

    /** What the notebook runner reads: name, value (null when not finite), relation, threshold, shown. */
    public String json() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("value", Double.isFinite(value) ? value : null);
        o.addProperty("relation", atLeast ? ">=" : "<=");
        o.addProperty("threshold", threshold);
        o.addProperty("shown", shown());
        return new GsonBuilder().serializeNulls().create().toJson(o);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "key effect: %s = %s (threshold %s %s): %s", name, number(value), relation(),
                number(threshold), shown() ? "shown" : "NOT shown");
    }

    /** Four significant digits, as the tables print. */
    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : String.valueOf(v);
    }
}
